"""Allows `python -m hefboom ...`, the same as the `hefboom` command."""

from hefboom.cli import main

main()
