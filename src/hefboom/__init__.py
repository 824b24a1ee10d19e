"""Hefboom: monitoring, evaluation and learning for organisations that influence public policy."""

__version__ = "0.1.0"
