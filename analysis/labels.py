"""Recognise speaker labels and turn them into canonical speaker names.

A label stands at the start of a line: an optional role title, a name, an
optional translation note in brackets, then a colon, e.g.
``Xi Jinping (retranslated):`` or ``President of Russia Vladimir Putin:``.
The rules below decide what counts as a label (so that commentary lines
ending in a colon do not) and split it into title, name and note.  Names the
rules cannot resolve go through an alias table (``data/speaker_aliases.csv``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import LexiconError
from .paths import data_file

#: Longest label accepted (characters before the colon).
MAX_LABEL_CHARS = 80
#: Most words in a label, title and name together (the note not counted).
MAX_LABEL_WORDS = 9

# A candidate: start of line, up to the first colon that is followed by
# whitespace or the end of the line (so "10:30" and "http://" never match).
_CANDIDATE = re.compile(rf"[ \t]*(?P<label>[^\n\r:]{{1,{MAX_LABEL_CHARS}}}?)[ \t]*:(?=[ \t]|$)")
_NOTE = re.compile(r"\s*[(\[](?P<note>[^()\[\]]{1,40})[)\]]\s*$")
_WORD = re.compile(r"\S+")
_FORBIDDEN = re.compile(r"[,;!?\"“”«»*#=<>|/\\]")
_CAPITALISED = re.compile(r"^[A-Z\u00C0-\u024F\u0400-\u04FF][\w'’.-]*$")
_INITIAL = re.compile(r"^[A-Z]\.$")

CONNECTORS = frozenset("of the de da del della di van von der den du la le al el bin ibn bint y zu".split())
#: Connectors that may stand inside a personal name ("Ursula von der Leyen").
NAME_PARTICLES = CONNECTORS - {"of", "the"}

TITLE_WORDS = frozenset(
    """president presidents vice prime minister ministers foreign deputy premier chancellor
    chairman chairwoman chair chairperson general secretary mr mrs ms miss mx dr prof professor
    sir madam madame dame lord lady king queen prince princess emperor his her your excellency
    majesty highness honourable honorable senator sen rep representative congressman
    congresswoman governor gov mayor ambassador spokesperson spokesman spokeswoman press
    moderator host co-host interviewer reporter correspondent anchor journalist judge justice
    chief commander colonel captain lieutenant admiral marshal comrade federal state
    councillor counsellor councilor adviser advisor director executive officer leader supreme
    sheikh emir crown pope cardinal bishop reverend rev president-elect speaker
    party central committee republic people's peoples russian chinese federation
    united states kingdom nations security council head government""".split()
)

#: Lower-cased first words that never start a speaker label.
NOT_LABEL_FIRST = frozenset(
    """to in at on for from with by as but and or so if when after before during this that
    these those it its we i you he she they our my your his their here there then now dear
    ladies gentlemen note notes see source sources update updated posted read tags tag
    category categories share related comments comment photo photos video image caption credit
    written published filed also what why how who where which date subject re editor editor's
    summary keywords link links via according example examples figure table step chapter
    part section translation transcript full original warning disclaimer copyright
    listen watch click follow subscribe advertisement first second third fourth fifth sixth
    seventh eighth ninth tenth finally again lastly next today tonight yesterday tomorrow
    therefore thus however moreover furthermore meanwhile still yet members citizens fellow
    fellow-citizens fellow-countrymen countrymen friends brothers sisters americans""".split()
)

#: Lower-cased words that never stand in a speaker label: function words, and words of
#: headings ("SPECIAL MESSAGE TO THE CONGRESS:", "Press Conference:").
NOT_IN_LABEL = frozenset(
    """to on in for and at by with from a an is are was were be our my your their this that
    message address remarks statement speech transcript interview conference briefing session
    summary excerpts excerpt agenda notes""".split()
)

#: Whole labels (lower-cased) that are page furniture, not speakers.
BOILERPLATE = frozenset({"the end", "end", "conclusion", "background", "introduction"})


@dataclass(frozen=True)
class Label:
    """A speaker label found in a transcript.

    Attributes
    ----------
    start, end : int
        Offsets of the label, from its first character to the colon included.
    label : str
        The label as written, without the colon.
    title : str
        Role title in front of the name ("President of Russia"), or "".
    name : str
        The name as parsed from the label ("Vladimir Putin").
    note : str
        Bracketed note after the name ("retranslated"), or "".
    """

    start: int
    end: int
    label: str
    title: str
    name: str
    note: str

    @property
    def needs_support(self) -> bool:
        """True for a bare one-word label ("Putin:", but also "Third:").

        Such a label is kept only with support from the rest of the transcript
        (see :func:`supported`): it is in the alias table, written in capitals,
        used twice, or part of a longer speaker name found elsewhere.
        """
        single = not self.title and len(self.name.split()) == 1
        return single and not self.label.isupper() and not _is_title(self.name)


def find_label(line: str, offset: int = 0) -> Label | None:
    """Return the speaker label at the start of ``line``, or None.

    Parameters
    ----------
    line : str
        One line of the transcript, without its line end.
    offset : int, default 0
        Offset of the line in the whole text, added to the label's offsets.

    Returns
    -------
    Label or None

    Examples
    --------
    >>> find_label("Xi Jinping (retranslated): Dear President Putin,").name
    'Xi Jinping'
    >>> find_label("President of Russia Vladimir Putin: President Xi").title
    'President of Russia'
    >>> find_label("But first, Xi and Putin:") is None
    True
    """
    match = _CANDIDATE.match(line)
    if not match:
        return None
    raw_label = match.group("label")
    label_text, note = _split_note(raw_label)
    words = label_text.split()
    if not _looks_like_label(label_text, words):
        return None
    title, name = _split_title(words)
    start = offset + match.start("label")
    return Label(start, offset + match.end(), raw_label.strip(), title, name, note)


def _split_note(label: str) -> tuple[str, str]:
    note = _NOTE.search(label)
    if not note:
        return label.strip(), ""
    return label[: note.start()].strip(), note.group("note").strip()


def _looks_like_label(label: str, words: list[str]) -> bool:
    if not words or len(words) > MAX_LABEL_WORDS or _FORBIDDEN.search(label):
        return False
    if "(" in label or ")" in label or "[" in label or "]" in label:
        return False
    if label.lower() in BOILERPLATE or words[0].lower().strip(".") in NOT_LABEL_FIRST:
        # "The President" is a label, "The following" is not: allow a leading
        # article only when a title word follows it.
        if not (words[0].lower() == "the" and len(words) > 1 and _is_title(words[1])):
            return False
    if not _CAPITALISED.match(words[0]) or not (_CAPITALISED.match(words[-1]) or words[-1].isdigit()):
        return False
    for word in words:
        if not (_CAPITALISED.match(word) or word.isdigit() or word.lower() in CONNECTORS):
            return False
        if word.lower().strip(".") in NOT_IN_LABEL:
            return False
        if "." in word.rstrip(".") or (word.endswith(".") and len(word) > 5):
            return False  # "U.S.A." is fine in titles, "sentence." is not
    return _has_speaker_shape(words)


def _has_speaker_shape(words: list[str]) -> bool:
    """A title first ("President of Russia ...", "The President"), or a personal name."""
    if _is_title(words[0]) or (words[0].lower() == "the" and len(words) > 1 and _is_title(words[1])):
        return True
    if len(words) > 4 or words[-1].isdigit() and not _is_title(words[0]):
        return all(w.isupper() or w.isdigit() for w in words)  # "SPEAKER 2", "MS. LEE"
    return not any(w.lower() in CONNECTORS - NAME_PARTICLES for w in words)


def supported(label: Label, labels: list[Label], aliases: Mapping[str, str]) -> bool:
    """Decide whether a label stays, given every label candidate of the transcript.

    Examples
    --------
    >>> cands = [find_label("Vladimir Putin: Hi"), find_label("Putin: Yes"), find_label("Farming: x")]
    >>> [supported(c, cands, {}) for c in cands]
    [True, True, False]
    """
    if not label.needs_support:
        return True
    key = label.name.lower()
    if key in aliases or key in ("q", "a"):
        return True
    if sum(other.name.lower() == key for other in labels) >= 2:
        return True
    return any(key in other.name.lower().split() for other in labels if not other.needs_support)


def _is_title(word: str) -> bool:
    return word.lower().strip(".") in TITLE_WORDS


def _split_title(words: list[str]) -> tuple[str, str]:
    """Split label words into (title, name), the name being the trailing run."""
    run: list[str] = []
    for word in reversed(words):
        if _is_title(word) or word.lower() in CONNECTORS:
            break
        run.insert(0, word)
    if not run or all(word.isdigit() for word in run):
        return "", _tidy_name(" ".join(words))  # "THE PRESIDENT", "Speaker 2"
    before = words[: len(words) - len(run)]
    if before and before[-1].lower() in CONNECTORS and len(run) >= 3:
        # "President of Russia Vladimir Putin": the place belongs to the title.
        run, moved = _last_two_names(run)
        before = before + moved
    return " ".join(before), _tidy_name(" ".join(run))


def _last_two_names(run: list[str]) -> tuple[list[str], list[str]]:
    full = [i for i, word in enumerate(run) if not _INITIAL.match(word)]
    cut = full[-2] if len(full) >= 2 else 0
    return run[cut:], run[:cut]


def _tidy_name(name: str) -> str:
    """Title-case names written in capitals ("THE PRESIDENT" -> "The President")."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return " ".join(part.capitalize() for part in name.split())
    return name


def load_aliases(path: str | Path | None = None) -> dict[str, str]:
    """Read the alias table (``alias,speaker`` CSV) into a lower-cased mapping.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Defaults to ``data/speaker_aliases.csv``.

    Returns
    -------
    dict
        ``{alias.lower(): canonical speaker}``.

    Raises
    ------
    LexiconError
        If the file lacks the ``alias`` and ``speaker`` columns or has an empty cell.

    Examples
    --------
    >>> load_aliases()["putin"]
    'Vladimir Putin'
    """
    path = Path(path) if path is not None else data_file("speaker_aliases.csv")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"alias", "speaker"} <= set(reader.fieldnames):
                raise LexiconError(
                    f"Alias table {path} needs a header line 'alias,speaker'; found {reader.fieldnames}."
                )
            aliases = {}
            for line_no, row in enumerate(reader, start=2):
                alias, speaker = (row.get("alias") or "").strip(), (row.get("speaker") or "").strip()
                if not alias or not speaker:
                    raise LexiconError(
                        f"Alias table {path}, line {line_no}: both 'alias' and 'speaker' must be filled in."
                    )
                aliases[alias.lower()] = speaker
    except FileNotFoundError:
        raise LexiconError(f"Alias table not found: {path}.") from None
    return aliases


def resolve_speaker(label: Label, aliases: Mapping[str, str], known: list[str] | tuple[str, ...] = ()) -> str:
    """Return the canonical speaker name for a label.

    The alias table is tried on the whole label, then on the parsed name.  A
    one-word name that is part of a speaker already seen ("Putin" after
    "Vladimir Putin") resolves to that speaker.  Otherwise the parsed name is
    the speaker.

    Examples
    --------
    >>> resolve_speaker(find_label("President Xi:"), {"xi": "Xi Jinping"})
    'Xi Jinping'
    >>> resolve_speaker(find_label("Putin:"), {}, known=["Vladimir Putin"])
    'Vladimir Putin'
    """
    for key in (label.label, label.name, f"{label.title} {label.name}".strip()):
        if key.lower() in aliases:
            return aliases[key.lower()]
    if len(label.name.split()) == 1:
        for speaker in known:
            if label.name.lower() in speaker.lower().split():
                return speaker
    return label.name
