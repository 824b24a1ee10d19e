"""Learning records: progress-marker journals and narratives per theme, dossier and period."""

from hefboom.learning.models.journals import Journal, JournalEntry
from hefboom.learning.models.narratives import Narrative, NarrativeReference, NarrativeStatus

__all__ = ["Journal", "JournalEntry", "Narrative", "NarrativeReference", "NarrativeStatus"]
