"""Segmentation of a text into paragraphs and sentences, and the normal form used for matching.

Every passage keeps its character offsets into the ORIGINAL text (``Passage.start``/``end``),
and every token its offsets too, so that whatever is found can be highlighted in the text as
the user sees it. Nothing here rewrites the text: PDF line breaks are joined and words broken
by a hyphen at a line end are re-joined *when tokens are read*, not by editing the string.

Paragraphs: lines are grouped into paragraphs. A line continues the previous one unless

- the gap between them holds more blank lines than the document's usual gap between lines of one
  paragraph (PDF extractions often put a blank line after every line: then it takes two);
- the next line starts a list item (a bullet, ``1.``, ``2)``, ``a)``);
- the previous line ends a sentence and is clearly shorter than the document's usual line;
- the document has one paragraph per (long) line, as exports from databases do.

Sentences: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with closing quotes or brackets)
followed by white space and a capital, a digit or an opening quote, unless the word before
the full stop is a known abbreviation (Dhr., Mevr., M., Mme, art., bv., nr., p., enz. ...),
a single capital (an initial) or a list number at the start of a line.
"""

import re
import statistics
import unicodedata
from dataclasses import dataclass
from datetime import date

from hefboom.uptake.types import Passage

# -- normal form ---------------------------------------------------------------------------------


def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char.lower()) if not unicodedata.combining(c))
        if base != char:
            table[code] = base
    table.update(
        {ord("œ"): "oe", ord("æ"): "ae", ord("ß"): "ss", ord("’"): "'", ord("ø"): "o", ord("ł"): "l"}
    )
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case without accents: "Één Coöperatie à Liège" -> "een cooperatie a liege"."""
    return text.lower().translate(FOLD)


WORD = re.compile(r"[^\W_]+")
# a word broken at a line end: "arbeids-\nmigranten" (lower case on both sides)
HYPHENATED = re.compile(r"([^\W_]*[a-zà-ÿ])-[ \t]*\r?\n\s*([a-zà-ÿ][^\W_]*)")
TOKEN = re.compile(HYPHENATED.pattern + r"|[^\W_]+")


@dataclass(frozen=True)
class Token:
    norm: str  # folded form used for matching
    start: int  # offsets in the original text
    end: int


def tokens(text: str) -> list[Token]:
    """The words of a text in normal form, each with its offsets in the text."""
    found = []
    for match in TOKEN.finditer(text):
        if match.group(1) is not None:  # re-join a word hyphenated at a line end
            found.append(Token(fold(match.group(1) + match.group(2)), match.start(), match.end()))
        else:
            found.append(Token(fold(match.group(0)), match.start(), match.end()))
    return found


def words(text: str) -> list[str]:
    """The normal forms alone (fast path for indexing)."""
    return WORD.findall(fold(HYPHENATED.sub(r"\1\2", text)))


# -- paragraphs ----------------------------------------------------------------------------------

BULLET = re.compile(r"^\s*(?:[•·▪◦‣➢➤►■□\-–—*]|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s)|[ivx]{1,4}[.)](?=\s))")
SENTENCE_END_LINE = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the line break."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((position, position + len(stripped)))
        position += len(line)
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the text, trimmed of surrounding white space."""
    lines = [(s, e) for s, e in _lines(text)]
    content = [(i, s, e) for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    if not content:
        return []
    widths = [len(text[s:e].strip()) for _, s, e in content]
    typical = statistics.quantiles(widths, n=10)[8] if len(widths) >= 10 else max(widths)
    one_per_line = typical > 250
    gaps = [content[k + 1][0] - content[k][0] - 1 for k in range(len(content) - 1)]
    # the usual gap between two lines of one paragraph: 1 in PDF extractions with a blank line
    # after every line, else 0
    usual_gap = 1 if gaps and sum(1 for g in gaps if g == 1) > 0.5 * len(gaps) else 0

    result = []
    start = content[0][1]
    for k in range(len(content) - 1):
        _, s, e = content[k]
        _, next_s, next_e = content[k + 1]
        line = text[s:e].strip()
        next_line = text[next_s:next_e].strip()
        brk = (
            one_per_line
            or gaps[k] > usual_gap
            or BULLET.match(next_line) is not None
            or (
                SENTENCE_END_LINE.search(line) is not None
                and len(line) < 0.75 * typical
                and (next_line[:1].isupper() or next_line[:1].isdigit())
            )
        )
        if brk:
            result.append((start, e))
            start = next_s
    result.append((start, content[-1][2]))
    return [_trim(text, s, e) for s, e in result if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# -- sentences -----------------------------------------------------------------------------------

# abbreviations after which a full stop does not end a sentence (folded, without the final dot)
ABBREVIATIONS = frozenset(
    """
    dhr mevr mr mw mej drs dr prof ir ing art artt bv bijv nr nrs blz p pp o.a m.a.w d.w.z i.p.v
    t.a.v t.o.v m.b.t zgn resp ca incl excl max min jl vnl evt bijz st vs cf fig tab hfst par
    jan feb febr mrt apr aug sep sept okt nov dec e.a vzw v.z.w n.v b.v k.b ko kb b.s bs
    m mm mme mmes mlle mlles me pr av bd no n° nº vol chap c.-a-d c.a.d janv fevr avr juil oct
    mrs ms e.g i.e no jr sr inc ltd co approx dept gen gov sen rep hon
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# abbreviations that often end a sentence too: a capital after them does end it
FINAL_ABBREVIATIONS = frozenset({"enz", "etc", "e.a", "o.a"})
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
WORD_BEFORE = re.compile(r"([^\s(\"'“‘«\[]+)$")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], as offsets into text."""
    end = len(text) if end is None else end
    result = []
    sentence_start = start
    for match in SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        rest = text[cut:end].lstrip()
        if not rest:
            continue
        following = rest[0]
        if not (following.isupper() or following.isdigit() or following in "\"'“‘«(•-–[¿¡"):
            continue
        if match.group(0).startswith("."):
            before = WORD_BEFORE.search(text, sentence_start, match.start())
            word = before.group(1) if before else ""
            folded = fold(word).rstrip(".")
            if folded in ABBREVIATIONS and not (folded in FINAL_ABBREVIATIONS and following.isupper()):
                continue
            if len(word) == 1 and word.isupper():  # an initial: "J. Peeters"
                continue
            if word.isdigit() and _at_line_start(text, before.start(1) if before else match.start()):
                continue  # a list number: "1. De regering ..."
        result.append(_trim(text, sentence_start, cut))
        sentence_start = cut
    if text[sentence_start:end].strip():
        result.append(_trim(text, sentence_start, end))
    return [span for span in result if span[0] < span[1]]


def _at_line_start(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()


# -- passages ------------------------------------------------------------------------------------


def segment(
    text: str,
    prefix: str,
    *,
    date: date | None = None,
    lang: str | None = None,
    doc_key: str = "",
    levels: tuple[str, ...] = ("paragraph", "sentence"),
) -> list[Passage]:
    """The paragraphs (key ``prefix:p3``) and sentences (``prefix:p3.s2``) of a text as Passages.

    Paragraphs come before their sentences; a paragraph of one sentence gives no separate sentence.
    """
    doc_key = doc_key or prefix
    result = []
    for p, (ps, pe) in enumerate(paragraphs(text), start=1):
        key = f"{prefix}:p{p}"
        if "paragraph" in levels:
            result.append(Passage(key, text[ps:pe], date, lang, doc_key, ps, pe, "paragraph"))
        if "sentence" in levels:
            spans = sentences(text, ps, pe)
            if len(spans) > 1 or "paragraph" not in levels:
                for s, (ss, se) in enumerate(spans, start=1):
                    result.append(
                        Passage(f"{key}.s{s}", text[ss:se], date, lang, doc_key, ss, se, "sentence")
                    )
    return result
