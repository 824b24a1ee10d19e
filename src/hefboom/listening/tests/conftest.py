import pytest

from hefboom.listening import sources
from hefboom.listening.store import Store
from hefboom.listening.tests import corpus
from hefboom.listening.tests.memory_source import MemorySource


@pytest.fixture
def store(settings, tmp_path):
    """An empty corpus store in a temporary folder, used by default by ingest and analyse."""
    settings.CORPUS_ROOT = tmp_path / "corpus"
    return Store()


@pytest.fixture
def memory(monkeypatch):
    """The in-memory source, as `memory`: set `memory.feeds[name] = [items]`, ingest `name`."""
    monkeypatch.setitem(sources.SOURCES, "memory", "hefboom.listening.tests.memory_source:MemorySource")
    MemorySource.feeds = {}
    return MemorySource


@pytest.fixture
def items_dir(settings, tmp_path):
    """The items folder of an empty corpus store of the test's own, for tests that write Parquet
    files themselves (tests/corpus.py)."""
    settings.DATA_DIR = tmp_path
    settings.CORPUS_ROOT = tmp_path / "corpus"
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
def corpus_items(items_dir, dossier, second_dossier, report):
    rows = corpus.make_items([dossier.pk, second_dossier.pk], dossier.theme_id, output=report.pk)
    corpus.write(items_dir, rows)
    return rows
