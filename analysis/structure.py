"""Paragraphs, insertions and salutations: the layout rules of a transcript.

These functions work on offsets into one string and return spans; the
transcript builder (:mod:`analysis.transcript`) turns the spans into tables.
"""

from __future__ import annotations

import re

# A blank line (possibly holding spaces) always separates paragraphs.
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n\s*")
_LINE_END_CLOSES = tuple('.!?:;"”’)]…')

#: Square brackets are editorial insertions ("[My Emphasis]", "[sic]").
EDITORIAL = re.compile(r"\[[^\[\]\n]{1,300}\]")
#: Stage directions in parentheses, recognised by their first word.
STAGE_WORDS = (
    "applause laughter cheers cheering booing boos inaudible unintelligible crosstalk cross-talk "
    "interruption interrupted pause pauses silence music audience speaks speaking translation "
    "translated interpreter interpreted audio video end break recess sighs chuckles laughs "
    "groans gavel off-mic off mic standing ovation pg page"
).split()
_STAGE_ALTERNATIVES = "|".join([*map(re.escape, STAGE_WORDS), "white house correction"])
STAGE = re.compile(rf"\((?:{_STAGE_ALTERNATIVES})\b[^()\n]{{0,60}}\)", re.IGNORECASE)

#: Lower-cased first words of a salutation line ("Dear President Putin, My dear friend,").
VOCATIVE_START = frozenset(
    """dear my mr mrs ms madam madame mister sir ladies gentlemen distinguished esteemed honored
    honoured respected excellency excellencies your president friends friend fellow comrades
    colleagues members good hello hi greetings prime chairman brothers sisters citizens""".split()
)
MAX_SALUTATION_WORDS = 20


def paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into paragraphs.

    A blank line always ends a paragraph.  A single line break ends one too
    when the line before closes a sentence (ends in ``. ! ? : ; " ) ]`` ...) or
    is a short salutation ending in a comma, and the next line does not start
    in lower case; otherwise the break is taken as a hard wrap inside a
    paragraph.  Spans are stripped of surrounding whitespace.

    Examples
    --------
    >>> t = "Dear friends,\\nWe met.\\nIt was\\nfine.\\n\\nThank you."
    >>> [t[s:e] for s, e in paragraph_spans(t, 0, len(t))]
    ['Dear friends,', 'We met.', 'It was\\nfine.', 'Thank you.']
    """
    spans: list[tuple[int, int]] = []
    block_start = start
    for blank in _BLANK_LINE.finditer(text, start, end):
        spans += _split_block(text, block_start, blank.start())
        block_start = blank.end()
    spans += _split_block(text, block_start, end)
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, line_start = [], start
    position = text.find("\n", start, end)
    while position != -1:
        line = text[line_start:position].strip()
        after = text[position + 1 : end].lstrip()
        if line and after and not after[0].islower() and _closes_paragraph(line):
            spans.append((line_start, position))
            line_start = position + 1
        position = text.find("\n", position + 1, end)
    spans.append((line_start, end))
    return [span for span in (strip_span(text, s, e) for s, e in spans) if span[0] < span[1]]


def _closes_paragraph(line: str) -> bool:
    return line.endswith(_LINE_END_CLOSES) or (line.endswith(",") and is_salutation(line))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``(start, end)`` so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def insertion_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Find editorial insertions and stage directions in ``text[start:end]``.

    Returns
    -------
    list of (start, end, kind)
        ``kind`` is ``"editorial"`` for square brackets, ``"stage"`` for
        parenthesised stage directions such as ``(Applause.)``.

    Examples
    --------
    >>> insertion_spans("We won. (Applause.) Thanks. [My Emphasis]", 0, 41)
    [(8, 19, 'stage'), (28, 41, 'editorial')]
    """
    found = [(m.start(), m.end(), "editorial") for m in EDITORIAL.finditer(text, start, end)]
    found += [(m.start(), m.end(), "stage") for m in STAGE.finditer(text, start, end)]
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for span in found:  # nested or overlapping matches: keep the first, outermost
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def mend_spans(spans: list[tuple[int, int]], insertions: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Merge sentence spans that a boundary inside an insertion has cut apart.

    Examples
    --------
    >>> mend_spans([(0, 5), (6, 10), (11, 20)], [(3, 8, "stage")])
    [(0, 10), (11, 20)]
    """
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and any(s < merged[-1][1] and span[0] < e for s, e, _ in insertions):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def peel_insertions(
    text: str, span: tuple[int, int], insertions: list[tuple[int, int, str]]
) -> tuple[tuple[int, int] | None, list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Separate insertions at the edges of a sentence from the sentence.

    Returns
    -------
    core : (start, end) or None
        What is left of the sentence (None if it was all insertion).
    edges : list of (start, end, kind)
        Insertions peeled off the start or end: units of their own.
    inner : list of (start, end, kind)
        Insertions left inside the sentence (their words are excluded from tokens).

    Examples
    --------
    >>> t = "Thank you. [My Emphasis]"
    >>> peel_insertions(t, (11, 24), [(11, 24, "editorial")])
    (None, [(11, 24, 'editorial')], [])
    """
    start, end = span
    inside = [ins for ins in insertions if ins[0] >= start and ins[1] <= end]
    edges = []
    changed = True
    while changed and start < end:
        changed = False
        for ins in inside:
            if ins not in edges and (ins[0] == start or ins[1] == end):
                edges.append(ins)
                start, end = (
                    strip_span(text, ins[1], end) if ins[0] == start else strip_span(text, start, ins[0])
                )
                changed = True
    inner = [ins for ins in inside if ins not in edges]
    core = (start, end) if start < end else None
    return core, sorted(edges), inner


def is_salutation(sentence: str) -> bool:
    """True for a line that only addresses someone ("Dear President Putin, My dear friend,").

    Examples
    --------
    >>> is_salutation("President Xi Jinping, Dear friend,"), is_salutation("Thank you.")
    (True, False)
    """
    stripped = sentence.strip()
    words = stripped.split()
    if not words or len(words) > MAX_SALUTATION_WORDS:
        return False
    if stripped[-1] in '.?;"”’)]':
        return False
    return words[0].lower().strip(".,:!") in VOCATIVE_START
