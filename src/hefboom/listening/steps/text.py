"""Text helpers shared by the steps: accent and case folding that keeps offsets, tokens, sentences.

`fold(text)` maps every character to one character (lower case, accents stripped), so an offset in
the folded text is the same offset in the original: matchers run on the folded text and report
where the words stand in the original.
"""

import re
import unicodedata


def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0x24F + 1):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if base != ch and len(base) == 1:
            table[code] = base
    # typographic quotes and dashes fold to their plain forms
    table.update({ord("’"): "'", ord("‘"): "'", ord("‐"): "-", ord("–"): "-", ord("—"): "-",
                  ord("\u00a0"): " ",
                  ord("“"): '"', ord("”"): '"', ord("«"): '"', ord("»"): '"'})
    return table


FOLD = _fold_table()


_FOLD_STR = {chr(k): v for k, v in FOLD.items()}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match) -> str:
    return _FOLD_STR.get(match.group(), match.group())


def fold(text: str) -> str:
    """Lower case without accents, same length as `text` (one character for one)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    if len(lowered) != len(text):  # a rare letter whose lower case is two characters
        return text.translate(FOLD)
    return _NON_ASCII.sub(_fold_char, lowered)


# a word: letters and digits, with inner apostrophes/hyphens split off (French l'état -> l' état)
WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; the tokeniser the lemmas, sentiment and frames steps share."""
    return WORD.findall(text.lower())


# Abbreviations that end with a full stop but do not end a sentence, per language (lower case,
# without the final stop). Single letters (initials: "J. Jambon", "M. Michel") never end one.
ABBREVIATIONS = {
    "nl": {
        "dhr", "mevr", "mr", "mw", "dr", "prof", "ir", "ing", "drs", "mgr", "st", "bv", "bijv", "o.a",
        "oa", "m.a.w", "d.w.z", "i.p.v", "t.o.v", "m.b.t", "e.a", "enz", "etc", "art", "p", "pp",
        "nr", "nrs", "blz", "vs", "ca", "cf", "jl", "vnl", "incl", "excl", "resp", "evt", "zgn",
        "min", "max", "jan", "feb", "aug", "sept", "okt", "nov", "dec", "staatssecr", "vz",
    },
    "fr": {
        "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "prof", "me", "st", "ste", "art", "p", "pp",
        "n", "no", "nº", "etc", "cf", "ex", "p.ex", "c.-à-d", "c.à.d", "env", "vol", "chap", "av",
        "bd", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "resp", "min", "max",
    },
    "en": {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "p", "pp", "e.g", "i.e", "etc",
        "cf", "vs", "approx", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "inc", "ltd", "co",
    },
}
_ALL_ABBREVIATIONS = set().union(*ABBREVIATIONS.values())

# a candidate end: . ! ? … (with closing quotes/brackets), then space, then something that can
# start a sentence (capital, digit, quote, opening bracket)
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[\w])")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")


def _is_abbreviation(text: str, end: int, lang: str) -> bool:
    match = _WORD_BEFORE.search(text, max(0, end - 20), end)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial
    abbreviations = ABBREVIATIONS.get(lang, _ALL_ABBREVIATIONS)
    return word in abbreviations


def sentence_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`. Knows the abbreviations of `lang` (all languages
    when None or "und"): "Dhr. Mahdi", "M. Michel", "bv. de COP", "art. 3" do not split."""
    spans = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if text[match.start()] == "." and match.end() - match.start() == 1 and _is_abbreviation(
                text, match.start(), lang or ""):
            continue
        following = text[end:].lstrip()
        if following[:1].islower():
            continue
        spans.append((start, end))
        start = end
        while start < n and text[start].isspace():
            start += 1
    if start < n and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentences(text: str, lang: str | None = None) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, lang)]


