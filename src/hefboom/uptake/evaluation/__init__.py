"""The labelled evaluation set of the reuse detector (see generate.py and docs/uptake.md)."""
