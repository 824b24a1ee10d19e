import pytest

from hefboom.listening.tests import corpus


@pytest.fixture
def store(settings, tmp_path):
    """An empty corpus store of the test's own: DATA_DIR/corpus/items."""
    settings.DATA_DIR = tmp_path
    return tmp_path / "corpus" / "items"


@pytest.fixture
def second_dossier(theme):
    from hefboom.strategy.models import Dossier
    return Dossier.objects.create(theme=theme, code="climate-finance", name="Klimaatfinanciering")


@pytest.fixture
def report(alice, dossier):
    import datetime as dt

    from hefboom.core.actions import save_record
    from hefboom.monitoring.models import Output, OutputType
    return save_record(Output(date=dt.date(2023, 5, 2), title="Pushbacks aan de grens",
                              type=OutputType.REPORT), alice, m2m={"dossiers": [dossier]})


@pytest.fixture
def corpus_items(store, dossier, second_dossier, report):
    rows = corpus.make_items([dossier.pk, second_dossier.pk], dossier.theme_id, output=report.pk)
    corpus.write(store, rows)
    return rows
