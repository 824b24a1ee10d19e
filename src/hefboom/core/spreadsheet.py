"""Cells that are safe to open in a spreadsheet: every CSV and Excel export writes its values
through `neutralise` (directly, or through `reporting.workbook.Sheet`).

A text that starts with =, +, - or @ runs as a formula when Excel or LibreOffice opens the file
(CSV injection: `=HYPERLINK(...)` leaks data, `=cmd|' /C calc'!A0` ran programs through DDE);
a leading tab, carriage return or line feed does the same in some programs. Such a value gets a leading
apostrophe, as OWASP advises: the text stays readable and is never run. In an xlsx, openpyxl
would even store such text as a formula, so the apostrophe matters there too.

Decided and tested here:

- the full-width forms (＝ ＋ － ＠, U+FF1D, U+FF0B, U+FF0D, U+FF20) count as well: spreadsheet
  programs with East Asian input normalise them to the ASCII forms when a cell is edited, and the
  price is only an apostrophe before a rare text;
- leading whitespace does not hide a trigger ("  =1+1" is neutralised): programs that trim
  spaces on import would otherwise run it;
- numbers, dates and empty cells are left alone: a negative number is a number, not a formula.
"""

from django.utils.functional import Promise

FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could run `text` as a formula."""
    if not text:
        return False
    stripped = text.lstrip()
    return text[0] in FORMULA_STARTS or (bool(stripped) and stripped[0] in FORMULA_STARTS)


def neutralise(value):
    """`value` as it may be written to a cell: formula-like text gets a leading apostrophe."""
    if isinstance(value, Promise):  # lazily translated labels
        value = str(value)
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value
