"""Conventions as tests: every problem code is documented, and every documented code exists."""

import re
from pathlib import Path

from hefboom.imports.excel.errors import MESSAGES

DOC = Path(__file__).resolve().parents[5] / "docs" / "import-excel.md"


def test_every_problem_code_is_documented():
    documented = set(re.findall(r"^\| ([EWI]\d{3}) \|", DOC.read_text(), re.M))
    assert documented == set(MESSAGES)
