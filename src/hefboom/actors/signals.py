"""Signals other apps listen to (actors does not import them)."""

from django.dispatch import Signal

# Sent inside the merge's transaction after a duplicate's contact links moved to the kept
# person, with `contact_ids`: the contacts whose persons changed without an m2m signal.
persons_merged = Signal()
