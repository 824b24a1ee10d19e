"""Ingest with the steps in worker processes stores what it stores with them in-process."""

import pytest

from hefboom.listening.ingest import ingest
from hefboom.listening.tests.memory_source import post
from hefboom.listening.tests.toy_steps import CONFIG, toy_dossiers, toy_tokens

pytestmark = pytest.mark.django_db

TEXTS = ["De regering schuift klimaatfinanciering opnieuw voor zich uit.", "Sterk werk van 11.11.11.",
         "What the minister said about asylum is disappointing.", "Le financement climatique recule.",
         "Rien à signaler aujourd'hui sur l'accueil."]


def _stored(store):
    return store.connect().execute(
        "SELECT external_id, n_tokens, lemmas, dossiers, mentions, dup_of FROM items ORDER BY external_id"
    ).fetchall()


@pytest.mark.parametrize("workers", [0, 2])
def test_workers_store_the_same_items_and_counts(store, memory, workers, settings, tmp_path):
    memory.feeds["a"] = [post(i, f"{TEXTS[i % 5]} ({i // 5})") for i in range(23)]
    result = ingest("memory", ["a"], steps=[toy_tokens, toy_dossiers], config=CONFIG, progress=False,
                    batch_size=4, workers=workers)
    assert (result.read, result.new, result.dropped) == (23, 18, 5)  # toy_dossiers drops "disappointing"
    steps = {s["name"]: s for s in result.steps}
    assert steps["toy_tokens"]["seen"] == 23 and steps["toy_dossiers"]["dropped"] == {"toy reason": 5}
    rows = _stored(store)
    assert len(rows) == 18 and all(r[1] for r in rows)
    assert sorted(r[0] for r in rows) == sorted(str(i) for i in range(23) if i % 5 != 2)
    # an item with the dossier terms got the dossier, whichever process analysed it
    assert {tuple(r[3]) for r in rows if "klimaatfinanciering" in r[2]} == {(1,)}
