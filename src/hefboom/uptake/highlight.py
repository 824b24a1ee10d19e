"""Matching words marked up for the side-by-side page: pieces of text, each marked or not,
computed from the alignment's character spans (the template wraps marked pieces in <mark>)."""


def pieces(text: str, spans) -> list[tuple[str, bool]]:
    """`text` cut into (piece, marked) at the spans (start, end), which may overlap or be unsorted."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, int(s)), min(len(text), int(e))) for s, e in spans or []):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    result, position = [], 0
    for start, end in merged:
        if start > position:
            result.append((text[position:start], False))
        result.append((text[start:end], True))
        position = end
    if position < len(text):
        result.append((text[position:], False))
    return result


def spans_for(alignment: dict, side: str) -> list:
    """The exact same words when the engine gives them, else its aligned regions."""
    return alignment.get(f"{side}_words") or alignment.get(side) or []


def context(full_text: str, start: int | None, length: int, width: int = 240) -> tuple[str, str]:
    """The text just before and after a passage in its document, for reading it in place."""
    if start is None or start < 0:
        return "", ""
    before = full_text[max(0, start - width):start]
    after = full_text[start + length:start + length + width]
    if start - width > 0:
        before = "… " + before.split(" ", 1)[-1]
    if start + length + width < len(full_text):
        after = after.rsplit(" ", 1)[0] + " …"
    return before, after
