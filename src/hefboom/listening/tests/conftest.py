import pytest

from hefboom.listening import sources
from hefboom.listening.store import Store
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
