"""Rule-based English sentence splitter with exact character offsets.

The splitter is deterministic, offline and written in pure Python with
:mod:`re`.  It never rewrites the text: it only chooses *cut points*, so
every non-whitespace character of the input lies in exactly one sentence
span and the spans can be mapped back to the original text.

How a boundary is decided (one documented rule for each hard case):

* A candidate is a run of terminal punctuation (``.``, ``?``, ``!``, ``…``,
  spaced ellipses ``. . .``) plus any closing quotes or brackets, followed
  by whitespace.  Punctuation glued to the next character (``a.m.``,
  ``www.example.com``, ``Jr.'s``, ``file.txt``) is never a boundary.
* Nothing ends before a lower-case word (``Yahoo! in``, ``co. at``,
  ``"This is great." she said``).
* ``?`` and ``!`` (also ``?!``, ``!!``) end a sentence before anything else.
* A period after an ordinary word or a number (``$100.00.``) ends the
  sentence before an upper-case word, a digit or other punctuation.
* Titles written before names (``Mr.``, ``Dr.``, ``Gen.`` ...) and
  sentence-internal abbreviations (``e.g.``, ``i.e.``, ``cf.``, ``vs.``,
  ``approx.``) never end a sentence.
* Numeric prefixes (``No. 5``, ``p. 55``, ``Vol. 3``, ``Fig. 2``) do not end
  a sentence before a number or a Roman numeral.
* Other abbreviations -- multi-period ones (``U.S.``, ``a.m.``, ``Ph.D.``),
  single-letter initials (``J. R. R. Tolkien``), company and name suffixes
  (``Co.``, ``Inc.``, ``Jr.``), months, place words (``St.``, ``Mt.``) --
  end a sentence only when the next word is a common sentence starter
  (pronoun, determiner, conjunction, auxiliary, frequent adverb) or a title
  such as ``Mr.``; and never when the words before them form only a short
  introductory prepositional phrase (``At 5 a.m. Mr. Smith ...``).
* Ellipses: one glued to a word ends the sentence before an upper-case word
  (``that.... She``); a free-standing three-dot ellipsis (``is . . . I``,
  ``[...]``) marks an omission inside the sentence; a free-standing
  four-dot one ends it.  In ``word. . . . Next`` the first period ends the
  sentence and the ellipsis starts the next one.
* Numbered or lettered list items (``1.``, ``2)``, ``3.)``, ``a.``, ``b.``)
  start a new sentence when at least two consecutive markers are found, and
  the period of a marker is not a boundary; a bullet (``•``, ``⁃`` ...)
  always starts a new sentence.
* A blank line (two or more line breaks, ``\\n``, ``\\r\\n`` or ``\\r``) always
  ends a sentence; a single line break is ordinary whitespace.
"""

from __future__ import annotations

import re

__all__ = ["sentence_spans", "split_sentences"]

# ---------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------

_CLOSERS = "\"'”’»›)\\]}"
_OPENERS = "\"'“‘„«‹([{<¿¡*_"
_BULLETS = "•⁃▪◦‣●○■□➢➤►"
_STRIP_LEAD = _OPENERS + "—–-/`"
_STRIP_TRAIL = _CLOSERS

# Candidate boundary: the word glued before the punctuation, the terminal
# run itself (with spaced-ellipsis continuations and closing quotes or
# brackets), then whitespace or the end of the text.  Punctuation inside the
# word (``a.m``, ``www.x.com``, ``Jr.'s``) is any run not followed by
# closers and whitespace.  Possessive quantifiers keep matching linear on
# pathological input such as long runs of dots.
_P = "[.?!…‼⁇⁈⁉]"
_NP = "[^\\s.?!…‼⁇⁈⁉]"
_C = "[" + re.escape(_CLOSERS) + "]"
_CANDIDATE_RE = re.compile(
    rf"(?<!\S)({_NP}*+(?:{_P}++(?!{_C}*+(?:\s|\Z)){_NP}++)*+)"
    rf"({_P}++(?: [.…]{_P}*+(?=\s|\Z|{_C}))*+{_C}*+)"
    r"(?=\s|\Z)"
)
# What follows a candidate: whitespace, leading punctuation, first word.
_NEXT_RE = re.compile(r"\s+([^\w\s]*)(\w*)")
# Two or more line breaks separated only by horizontal whitespace.
_BLANK_LINE_RE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r|\n)")
# (The "preceded by whitespace" test is done in Python: a leading
# look-behind would disable the regex engine's fast character-set scan.)
_BULLET_RE = re.compile("[" + _BULLETS + "]")
_QUESTION_EXCLAIM_RE = re.compile("[?!‼⁇⁈⁉]")
# List markers: "1." "1)" "1.)" "a." "b)" preceded by whitespace, start or a
# bullet, followed by whitespace and more text.
_MARKER_RE = re.compile(
    r"(?<!\S)(?:[" + _BULLETS + r"][^\S\r\n]*)?(\d{1,2}|[a-z])(\.\)|\.|\))(?=\s+\S)"
)
_MULTI_PERIOD_RE = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_ROMAN_RE = re.compile(r"[IVXLCDM]+")
_LONE_MARKER_RE = re.compile(r"\d{1,3}|[IVXLCDM]+|[ivx]{1,5}|[^\W\d_]")
_SPACE_RE = re.compile(r"\s*")
_LIST_OPENERS = ".!?:;" + _CLOSERS + _BULLETS
_MAX_LIST_GAP = 2000  # characters between two items of one list
_MAX_INTRO_CHARS = 60  # longest introductory phrase before an abbreviation

# ---------------------------------------------------------------------------
# Word lists (lower case)
# ---------------------------------------------------------------------------

# Written before a name; never end a sentence before a capital or a digit.
_TITLES = frozenset(
    """
    mr mrs ms messrs mssrs mmes mme mlle dr drs prof profs gen gens sen sens rep reps
    gov govs lt col capt cpt sgt cpl pvt maj adm cmdr comdr brig rev revd hon pres supt
    insp fr msgr atty amb lieut
    """.split()
)
# Sentence-internal abbreviations; never end a sentence.
_INNER = frozenset("e.g i.e cf vs viz approx ca esp incl resp".split())
# Abbreviations used before numbers.
_NUMERIC = frozenset(
    """
    no nos nr n° nº vol vols p pp fig figs art arts sec secs ch chap chs para pt pts op
    eq eqs ex tab ref refs app appx ser
    """.split()
)
# Abbreviations that may end a sentence (decided by the next word).
_GENERAL = frozenset(
    """
    co cos corp inc ltd llc plc bros jr sr esq st sts mt mts ave blvd rd hwy pkwy apt
    dept depts univ assn assoc govt intl natl mfg al eds ft lbs oz yrs hrs
    """.split()
)
# Same, but only when capitalised (the lower-case forms are ordinary words).
_GENERAL_CAPITALISED = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun ala ariz ark calif colo conn fla ga kan kans ky md mich minn mont neb
    nev okla ore pa penn tenn tex va vt wis wyo
    """.split()
)
# Usually sentence-final: end the sentence before any capitalised word.
_FINAL = frozenset(["etc"])
# Words that commonly begin an English sentence.
_STARTERS = frozenset(
    """
    i you he she it we they me him her us them my your his its our their this that
    these those there here what who whom whose which where when why how the a an
    some any many most much each every all both no none another such several few
    and but or so yet nor however therefore thus then also still instead meanwhile
    moreover furthermore nevertheless nonetheless otherwise although though because
    since if unless while whereas after before as once now today yesterday tomorrow
    tonight yes perhaps maybe indeed finally first second third next later soon
    again even only just please let do did does done is are was were be being been
    can could will would shall should may might must have has had not never always
    often sometimes in on at by with from to of for about over under during without
    within through throughout despite according among between into upon well oh thank
    thanks sure let's don didn doesn isn wasn aren weren couldn wouldn shouldn won
    haven hasn hadn can't ain
    """.split()
)
# Prepositions that open an introductory phrase ("At 5 a.m. Mr. Smith ...").
_INTRO_PREPOSITIONS = frozenset(
    "at by around about after before until till since from on in during near between".split()
)

# Decision classes for the word before a period.
_PLAIN, _TITLE, _INNER_ABBR, _NUMERIC_ABBR, _STARTER_ABBR, _FINAL_ABBR = range(6)


def _classify(word: str) -> int:
    """Return the abbreviation class of ``word`` (the text before a period)."""
    low = word.lower()
    if not word:
        return _PLAIN
    if low in _INNER:
        return _INNER_ABBR
    first = word[0]
    if first.isupper() and low in _TITLES:
        return _TITLE
    if low in _NUMERIC:
        return _NUMERIC_ABBR
    if low in _GENERAL or (first.isupper() and low in _GENERAL_CAPITALISED):
        return _STARTER_ABBR
    if low in _FINAL:
        return _FINAL_ABBR
    if len(word) == 1 and word.isalpha():
        return _STARTER_ABBR
    if _MULTI_PERIOD_RE.fullmatch(word):
        return _STARTER_ABBR
    return _PLAIN


# ---------------------------------------------------------------------------
# Forced boundaries: blank lines, bullets, list markers
# ---------------------------------------------------------------------------


def _marker_value(token: str) -> int:
    return int(token) if token.isdigit() else ord(token) - ord("a") + 1


def _list_markers(text: str) -> tuple[list[int], set[int]]:
    """Find runs of consecutive list markers.

    Returns the positions where a list item starts and the positions of
    marker punctuation that must not be treated as sentence ends.
    """
    found = [
        (m.start(), m.start(2), m.group(1).isdigit(), m.group(2), _marker_value(m.group(1)))
        for m in _MARKER_RE.finditer(text)
    ]
    starts: list[int] = []
    punct: set[int] = set()
    if len(found) < 2:
        return starts, punct
    used = [False] * len(found)
    for i, (start, _, numeric, kind, value) in enumerate(found):
        if used[i]:
            continue
        # The first item of a list begins a line or follows a sentence end.
        k = start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] not in _LIST_OPENERS and "\n" not in text[k:start]:
            continue
        run = [i]
        expected = value + 1
        last = start
        for j in range(i + 1, len(found)):
            cand = found[j]
            if cand[0] - last > _MAX_LIST_GAP:
                break
            if not used[j] and cand[2] == numeric and cand[3] == kind and cand[4] == expected:
                run.append(j)
                expected += 1
                last = cand[0]
        if len(run) >= 2:
            for j in run:
                used[j] = True
                starts.append(found[j][0])
                punct.add(found[j][1])
    return starts, punct


def _forced_cuts(text: str) -> tuple[list[int], set[int]]:
    cuts = [m.start() for m in _BLANK_LINE_RE.finditer(text)]
    cuts.extend(
        m.start()
        for m in _BULLET_RE.finditer(text)
        if not m.start() or text[m.start() - 1].isspace()
    )
    marker_starts, marker_punct = _list_markers(text)
    cuts.extend(marker_starts)
    return sorted(set(cuts)), marker_punct


# ---------------------------------------------------------------------------
# Candidate decisions
# ---------------------------------------------------------------------------


def _is_intro_phrase(text: str, sent_start: int, word_start: int) -> bool:
    """True if ``text[sent_start:word_start]`` is a short prepositional opener."""
    if word_start - sent_start > _MAX_INTRO_CHARS:
        return False
    words = text[sent_start:word_start].split()
    if not words or len(words) > 3:
        return False
    return words[0].lstrip(_STRIP_LEAD).lower() in _INTRO_PREPOSITIONS


def _cuts(text: str) -> list[int]:
    """Cut positions in ``text``: a sentence ends before each position."""
    forced, marker_punct = _forced_cuts(text)
    cuts: list[int] = list(forced)
    n_forced = len(forced)
    fi = 0
    sent_start = 0
    next_match = _NEXT_RE.match
    for m in _CANDIDATE_RE.finditer(text):
        term_start, end = m.span(2)
        while fi < n_forced and forced[fi] <= term_start:
            sent_start = forced[fi]
            fi += 1
        nxt = next_match(text, end)
        if nxt is None:
            continue  # end of text
        lead, nword = nxt.groups()
        # Class of the next token.
        first = nword[:1]
        if lead and lead.strip(_OPENERS):
            if lead[0] in "$£€¥#":
                nclass = "digit"
            elif lead[0] in ".…":
                nclass = "other" if not first or not first.islower() else "lower"
            else:
                nclass = "other"
        elif not first:
            nclass = "other"
        elif first.islower():
            nclass = "lower"
        elif first.isdigit():
            nclass = "digit"
        else:
            nclass = "upper"
        if nclass == "lower":
            continue
        term = m.group(2)
        if _QUESTION_EXCLAIM_RE.search(term):
            cuts.append(end)
            sent_start = end
            continue
        raw_word = m.group(1)
        word = raw_word.lstrip(_STRIP_LEAD).rstrip(_STRIP_TRAIL)
        dots = term.count(".") + 3 * term.count("…")
        if dots > 1:
            # Ellipsis.
            if not word:
                if dots >= 4 and nclass != "other":
                    cuts.append(end)
                    sent_start = end
                continue
            if term.startswith(". ") and dots >= 4:
                if nclass == "upper":
                    cut = term_start + 1
                    cuts.append(cut)
                    sent_start = cut
                continue
            if nclass == "upper" or (dots >= 4 and nclass == "digit"):
                cuts.append(end)
                sent_start = end
            continue
        if term_start in marker_punct or not word:
            continue
        if _LONE_MARKER_RE.fullmatch(word) and _SPACE_RE.fullmatch(text, sent_start, m.start(1)):
            continue  # "1. Heading", "IV. Title", "A. Lincoln": never a sentence alone
        cls = _classify(word)
        if cls == _PLAIN:
            boundary = True
        elif cls == _TITLE or cls == _INNER_ABBR:
            boundary = False
        elif cls == _NUMERIC_ABBR:
            if nclass == "digit":
                boundary = False
            elif nclass == "upper" and _ROMAN_RE.fullmatch(nword):
                boundary = False
            else:
                boundary = True
        elif cls == _FINAL_ABBR:
            boundary = nclass == "upper"
        else:  # _STARTER_ABBR
            boundary = False
            if nclass == "upper":
                low = nword.lower()
                after = nxt.end()
                if low in _STARTERS or (low in _TITLES and text[after : after + 1] == "."):
                    boundary = not _is_intro_phrase(text, sent_start, m.start(1))
        if boundary:
            cuts.append(end)
            sent_start = end
    return cuts


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the character spans of the sentences in ``text[start:end]``.

    Parameters
    ----------
    text : str
        The text to split.
    start, end : int, optional
        Region of ``text`` to split, with the usual slice semantics
        (``end=None`` means the end of the text).

    Returns
    -------
    list of tuple of int
        ``(start, end)`` offsets into ``text`` (absolute, not relative to
        ``start``), in order and non-overlapping.  A span never begins or
        ends with whitespace, and every non-whitespace character of the
        region lies in exactly one span.  Whitespace-only input gives ``[]``.

    Examples
    --------
    >>> sentence_spans("I live in the U.S. He lives in the U.K.")
    [(0, 18), (19, 39)]
    >>> text = "Intro. Mr. Smith left. Then he came back."
    >>> sentence_spans(text, 7)
    [(7, 22), (23, 41)]
    """
    lo, hi, _ = slice(start, end).indices(len(text))
    if hi <= lo:
        return []
    sub = text[lo:hi] if (lo or hi != len(text)) else text
    spans: list[tuple[int, int]] = []
    prev = 0
    cuts = _cuts(sub)
    cuts.sort()
    cuts.append(len(sub))
    for cut in cuts:
        if cut <= prev:
            continue
        seg = sub[prev:cut]
        stripped = seg.strip()
        if stripped:
            s = prev + len(seg) - len(seg.lstrip())
            spans.append((lo + s, lo + s + len(stripped)))
        prev = cut
    return spans


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences.

    Parameters
    ----------
    text : str
        The text to split.

    Returns
    -------
    list of str
        ``[text[s:e] for s, e in sentence_spans(text)]``.

    Examples
    --------
    >>> split_sentences('He said "Stop." Then he left at 5 p.m. on Monday.')
    ['He said "Stop."', 'Then he left at 5 p.m. on Monday.']
    >>> split_sentences("Dr. J. R. R. Tolkien lived in the U.K. He wrote books.")
    ['Dr. J. R. R. Tolkien lived in the U.K.', 'He wrote books.']
    """
    return [text[s:e] for s, e in sentence_spans(text)]
