"""Load a transcript and segment it into tidy tables.

raw text -> turns -> paragraphs -> sentences -> tokens, one row per unit,
each with ``start``/``end`` offsets such that ``transcript.raw[start:end]`` is
the unit's source text.  What is not a speaker's words (the text before the
first label, the labels, editorial insertions, stage directions) goes to the
``excluded`` table: kept and flagged, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .corrections import CorrectedText, apply_corrections, load_corrections
from .errors import NoSpeakerLabelsError, SpeakerNotFoundError, TranscriptError
from .labels import Label, find_label, load_aliases, resolve_speaker, supported
from .reading import DEFAULT_MAX_BYTES, SourceText, read_source, source_from_string
from .splitter import sentence_spans
from .structure import (
    insertion_spans,
    is_salutation,
    mend_spans,
    paragraph_spans,
    peel_insertions,
    strip_span,
)
from .tokens import TOKEN_PATTERN, token_features

TURN_COLUMNS = ["turn", "speaker", "label", "title", "note", "start", "end", "text"]
PARAGRAPH_COLUMNS = ["paragraph", "turn", "speaker", "start", "end", "text"]
SENTENCE_COLUMNS = ["sentence_id", "turn", "speaker", "paragraph", "kind", "start", "end", "text"]
TOKEN_COLUMNS = [
    "token_id", "sentence_id", "paragraph", "turn", "speaker", "kind", "start", "end",
    "text", "lower", "lemma", "is_word", "is_number", "is_stop",
]  # fmt: skip
EXCLUDED_COLUMNS = ["kind", "turn", "sentence_id", "start", "end", "text"]


@dataclass(frozen=True)
class Transcript:
    """A segmented transcript: the raw text and its tidy tables.

    Attributes
    ----------
    raw : str
        The decoded file content, unchanged.  Every ``start``/``end`` indexes it.
    name : str
        File name (or ``"<text>"``).
    sha256 : str
        Checksum of the file's bytes.
    turns, paragraphs, sentences, tokens : pandas.DataFrame
        One row per unit; columns in ``TURN_COLUMNS`` etc.
    excluded : pandas.DataFrame
        Text that is not a speaker's words: ``commentary`` (before the first
        label), ``label``, ``editorial`` ([...]) and ``stage`` ((Applause.)).
        Rows with a ``sentence_id`` lie inside that sentence; their words are
        not in ``tokens``.
    corrections : pandas.DataFrame
        The documented corrections applied at load time.
    path : pathlib.Path or None
        The file (or corpus folder) read, if any.
    documents : pandas.DataFrame or None
        For a corpus (:func:`analysis.load_corpus`): one row per speech file
        (``document, file, speaker, year, encoding, start, end, sha256``);
        ``turns.document`` refers to it.  None for a single transcript.
    """

    raw: str
    name: str
    sha256: str
    turns: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    excluded: pd.DataFrame
    corrections: pd.DataFrame
    path: Path | None = field(default=None)
    documents: pd.DataFrame | None = field(default=None)

    @property
    def speakers(self) -> list[str]:
        """Speakers in order of first appearance."""
        return list(dict.fromkeys(self.turns["speaker"]))

    @property
    def words(self) -> pd.DataFrame:
        """The word tokens (numbers included, punctuation left out)."""
        return self.tokens[self.tokens["is_word"]].reset_index(drop=True)

    def check_speakers(self, *speakers: str) -> None:
        """Raise :class:`SpeakerNotFoundError` unless every name is a speaker here."""
        check_speakers(self.speakers, speakers, self.name)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{speaker}: {n} words" for speaker, n in self.words.groupby("speaker", sort=False).size().items()
        )
        return (
            f"<Transcript {self.name}: {len(self.turns)} turns, {len(self.sentences)} sentences ({counts})>"
        )


def check_speakers(available: list[str], wanted, source: str = "the transcript") -> None:
    """Raise a clear error for names that are not among ``available``.

    Examples
    --------
    >>> check_speakers(["Xi Jinping"], ["Xi Jinping"])
    >>> check_speakers(["Xi Jinping"], ["Xi"])
    Traceback (most recent call last):
    ...
    analysis.errors.SpeakerNotFoundError: Speaker 'Xi' is not in the transcript. Speakers: 'Xi Jinping'.
    """
    for name in wanted:
        if name not in available:
            listed = ", ".join(repr(s) for s in available) or "none"
            raise SpeakerNotFoundError(f"Speaker {name!r} is not in {source}. Speakers: {listed}.")


def select_speakers(table: pd.DataFrame, speakers=None, source: str = "the tokens table") -> list[str]:
    """The speakers to report on: those named (checked), or all of ``table``'s in order of appearance.

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": ["B", "A", "B"]})
    >>> select_speakers(table), select_speakers(table, ["A"])
    (['B', 'A'], ['A'])
    """
    available = list(dict.fromkeys(table["speaker"]))
    if speakers is None:
        return available
    check_speakers(available, list(speakers), source)
    return list(speakers)


def load_transcript(
    path: str | Path,
    *,
    encoding: str = "utf-8",
    speaker: str | None = None,
    aliases: str | Path | dict | None = None,
    corrections: str | Path | pd.DataFrame | bool | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Transcript:
    """Read a transcript file and segment it.

    Parameters
    ----------
    path : str or pathlib.Path
        A plain-text transcript (UTF-8 by default).
    encoding : str, default "utf-8"
        The file's encoding, e.g. ``"latin-1"`` or ``"cp1252"``.
    speaker : str, optional
        Name to give the whole text when it has no speaker labels (a single
        speech).  Without it, a file without labels is an error.
    aliases : path or dict, optional
        Alias table (``alias,speaker`` CSV) or mapping; defaults to
        ``data/speaker_aliases.csv``.
    corrections : path, DataFrame or bool, optional
        Corrections file; defaults to ``data/corrections.csv``; ``False`` applies none.
    max_bytes : int
        Refuse larger files (default 32 MiB).

    Returns
    -------
    Transcript

    Raises
    ------
    TranscriptError
        Missing file, directory, empty, binary or undecodable content, no labels.

    Examples
    --------
    >>> from analysis.paths import SEED_TRANSCRIPT
    >>> load_transcript(SEED_TRANSCRIPT).speakers
    ['Xi Jinping', 'Vladimir Putin']
    """
    source = read_source(path, encoding=encoding, max_bytes=max_bytes)
    return segment_source(source, speaker=speaker, aliases=aliases, corrections=corrections)


def parse_transcript(
    text: str,
    *,
    speaker: str | None = None,
    aliases: str | Path | dict | None = None,
    corrections: str | Path | pd.DataFrame | bool | None = False,
) -> Transcript:
    """Segment a transcript given as a string (same rules as :func:`load_transcript`).

    Examples
    --------
    >>> t = parse_transcript("Intro.\\n\\nAnna Smith: Hello. Good to see you.\\n\\nBob Lee: Likewise.")
    >>> t.sentences[["speaker", "text"]].values.tolist()
    [['Anna Smith', 'Hello.'], ['Anna Smith', 'Good to see you.'], ['Bob Lee', 'Likewise.']]
    """
    return segment_source(source_from_string(text), speaker=speaker, aliases=aliases, corrections=corrections)


def segment_source(
    source: SourceText,
    *,
    speaker: str | None = None,
    aliases: str | Path | dict | None = None,
    corrections: str | Path | pd.DataFrame | bool | None = None,
    preamble_end: int = 0,
) -> Transcript:
    """Build a :class:`Transcript` from decoded text (the core of the loaders).

    ``preamble_end`` marks a heading at the top of an unlabelled speech
    (``text[:preamble_end]``) to keep out as ``commentary``; labels, when the
    text has any, decide instead.
    """
    name = source.path.name if source.path else "<text>"
    corrected = _corrected(source, corrections)
    work = _unify_line_ends(corrected.text)
    alias_table = _alias_table(aliases)
    labels = _find_labels(work, alias_table)
    if not labels:
        if speaker is None:
            raise NoSpeakerLabelsError(
                f"No speaker labels found in {source.path or 'the text'}. "
                "Start each turn with a label such as "
                "'Jane Doe:' on its own line, add the names to data/speaker_aliases.csv, "
                "or pass speaker='Name' to read the whole text as one speaker."
            )
        turns = [(None, speaker, preamble_end, len(work))]
    else:
        turns = []
        known: list[str] = []
        for i, label in enumerate(labels):
            who = resolve_speaker(label, alias_table, known)
            known.append(who)
            body_end = labels[i + 1].start if i + 1 < len(labels) else len(work)
            turns.append((label, who, label.end, body_end))
    builder = _TableBuilder(work)
    builder.add_excluded("commentary", None, None, 0, labels[0].start if labels else preamble_end)
    for turn_no, (label, who, body_start, body_end) in enumerate(turns):
        builder.add_turn(turn_no, label, who, body_start, body_end)
    return builder.finish(source, corrected, name)


def _corrected(source: SourceText, corrections) -> CorrectedText:
    if corrections is False:
        table = load_corrections().iloc[0:0]
    elif isinstance(corrections, pd.DataFrame):
        table = corrections
    else:
        table = load_corrections(None if corrections in (None, True) else corrections)
    return apply_corrections(source.text, source.sha256, table)


def _unify_line_ends(text: str) -> str:
    """Turn CRLF and CR into LF without changing any offset ("\\r\\n" -> " \\n")."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


def _find_labels(work: str, aliases: dict[str, str]) -> list[Label]:
    candidates, offset = [], 0
    for line in work.split("\n"):
        if ":" in line:
            found = find_label(line, offset)
            if found is not None:
                candidates.append(found)
        offset += len(line) + 1
    return [label for label in candidates if supported(label, candidates, aliases)]


def _alias_table(aliases) -> dict[str, str]:
    if isinstance(aliases, dict):
        return {str(k).lower(): str(v) for k, v in aliases.items()}
    return load_aliases(aliases)


_TOKEN_BUFFER = (
    "sentence_id",
    "paragraph",
    "turn",
    "speaker",
    "kind",
    "start",
    "end",
    "token_kind",
    "shouting",
)


_TOKEN_DTYPES = {
    **dict.fromkeys(["token_id", "sentence_id", "paragraph", "turn", "start", "end"], "int64"),
    **dict.fromkeys(["is_word", "is_number", "is_stop"], "bool"),
}


class _TableBuilder:
    """Collects rows in work-text offsets, then maps them to the raw text."""

    def __init__(self, work: str):
        self.work = work
        self.turns: list[list] = []
        self.paragraphs: list[list] = []
        self.sentences: list[list] = []
        self.tokens: dict[str, list] = {c: [] for c in _TOKEN_BUFFER}
        self.excluded: list[list] = []

    def add_excluded(self, kind, turn, sentence_id, start, end):
        start, end = strip_span(self.work, start, end)
        if start < end:
            self.excluded.append([kind, turn, sentence_id, start, end])

    def add_turn(self, turn_no: int, label: Label | None, who: str, body_start: int, body_end: int):
        if label is not None:
            self.add_excluded("label", turn_no, None, label.start, label.end)
        first_sentence = len(self.sentences)
        for start, end in paragraph_spans(self.work, body_start, body_end):
            self._add_paragraph(turn_no, who, start, end)
        units = self.sentences[first_sentence:]
        start, end = (units[0][5], units[-1][6]) if units else (body_start, body_start)
        head = (label.label, label.title, label.note) if label else ("", "", "")
        self.turns.append([turn_no, who, *head, start, end])

    def _add_paragraph(self, turn_no, who, start, end):
        insertions = insertion_spans(self.work, start, end)
        spans = mend_spans(sentence_spans(self.work, start, end), insertions)
        cores = []
        for span in spans:
            core, edges, inner = peel_insertions(self.work, span, insertions)
            for s, e, kind in edges:
                self.add_excluded(kind, turn_no, None, s, e)
            if core is not None:
                cores.append((core, inner))
        if not cores:
            return
        paragraph_no = len(self.paragraphs)
        self.paragraphs.append([paragraph_no, turn_no, who, cores[0][0][0], cores[-1][0][1]])
        for (s, e), inner in cores:
            sentence_id = len(self.sentences)
            text = self.work[s:e]
            kind = "salutation" if len(cores) == 1 and is_salutation(text) else "speech"
            self.sentences.append([sentence_id, turn_no, who, paragraph_no, kind, s, e])
            for i_s, i_e, i_kind in inner:
                self.add_excluded(i_kind, turn_no, sentence_id, i_s, i_e)
            self._add_tokens(sentence_id, paragraph_no, turn_no, who, kind, s, e, inner)

    def _add_tokens(self, sentence_id, paragraph_no, turn_no, who, kind, start, end, inner):
        spans = [(m.start(), m.end(), m.lastgroup) for m in TOKEN_PATTERN.finditer(self.work, start, end)]
        if inner:
            spans = [t for t in spans if not any(i_s <= t[0] < i_e for i_s, i_e, _ in inner)]
        n = len(spans)
        letters = [c for c in self.work[start:end] if c.isalpha()]
        shouting = sum(c.isupper() for c in letters) > 0.5 * max(len(letters), 1)
        columns = self.tokens
        for column, value in (("sentence_id", sentence_id), ("paragraph", paragraph_no), ("turn", turn_no),
                              ("speaker", who), ("kind", kind), ("shouting", shouting)):  # fmt: skip
            columns[column].extend([value] * n)
        columns["start"].extend(t[0] for t in spans)
        columns["end"].extend(t[1] for t in spans)
        columns["token_kind"].extend(t[2] for t in spans)

    def finish(self, source: SourceText, corrected: CorrectedText, name: str) -> Transcript:
        raw = source.text
        to_raw = corrected.to_raw

        def frame(rows, columns, text_at=None, int_columns=()):
            table = pd.DataFrame(rows, columns=[c for c in columns if c != "text"])
            if len(table):
                table["start"] = to_raw[table["start"].to_numpy()]
                table["end"] = to_raw[table["end"].to_numpy()]
            texts = [raw[s:e] for s, e in zip(table["start"], table["end"])]
            table["text"] = pd.Series(texts, index=table.index, dtype="str")
            if text_at is not None:
                table = table[[*columns[:text_at], "text", *columns[text_at:]]]
            for column in table.columns.intersection(["turn", "paragraph", "sentence_id", "start", "end"]):
                table[column] = table[column].astype("Int64" if column in int_columns else "int64")
            return table.reset_index(drop=True)

        return Transcript(
            raw=raw,
            name=name,
            sha256=source.sha256,
            turns=frame(self.turns, TURN_COLUMNS),
            paragraphs=frame(self.paragraphs, PARAGRAPH_COLUMNS),
            sentences=frame(self.sentences, SENTENCE_COLUMNS),
            tokens=self._token_table(raw, to_raw),
            excluded=frame(self.excluded, EXCLUDED_COLUMNS, int_columns=("turn", "sentence_id")),
            corrections=corrected.applied,
            path=source.path,
        )

    def _token_table(self, raw: str, to_raw) -> pd.DataFrame:
        """Build the tokens table column by column; word features come from per-type caches."""
        buffer = self.tokens
        forms = [self.work[s:e] for s, e in zip(buffer["start"], buffer["end"])]
        features = token_features(forms, buffer["token_kind"], buffer["shouting"])
        starts = to_raw[np.asarray(buffer["start"], dtype=np.int64)]
        ends = to_raw[np.asarray(buffer["end"], dtype=np.int64)]
        table = {
            "token_id": np.arange(len(forms)),
            **{c: buffer[c] for c in ("sentence_id", "paragraph", "turn", "speaker", "kind")},
            "start": starts,
            "end": ends,
            "text": [raw[s:e] for s, e in zip(starts.tolist(), ends.tolist())],
            **features,
        }
        return pd.DataFrame(table, columns=TOKEN_COLUMNS).astype(_TOKEN_DTYPES)


def require_nonempty(table: pd.DataFrame, what: str) -> None:
    """Raise a clear :class:`TranscriptError` when a table has no rows."""
    if table.empty:
        raise TranscriptError(f"The {what} table is empty: there is nothing to analyse.")


__all__ = [
    "Transcript",
    "check_speakers",
    "load_transcript",
    "parse_transcript",
    "segment_source",
    "select_speakers",
]
