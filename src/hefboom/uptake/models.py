"""The policy corpus and the reuse found between our outputs and it."""
