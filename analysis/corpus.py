"""Load a folder of single-speaker speeches as one transcript.

The layout is NLTK's plaintext corpus layout (``state_union``, ``inaugural``):
one speech per file, named ``YEAR-Name.txt`` (``2001-GWBush-1.txt`` for a
second speech the same year).  Each file becomes one document of the same
tidy tables as :func:`analysis.load_transcript`: its turns are attributed to
the speaker in the file name (overridable by a metadata CSV), a heading block
of capitals and dates at the top is kept out as ``commentary``, and ``raw`` is
the files' texts joined by blank lines, so that ``raw[start:end]`` still gives
every unit's source.  Every analysis that works on one transcript therefore
works across many speeches; group by ``turn`` or ``document`` for per-speech
distributions.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import LexiconError, TranscriptEncodingError, TranscriptFileError
from .progress import progress
from .reading import SourceText, read_source
from .transcript import Transcript, segment_source

#: Separator between documents in the combined raw text.
DOCUMENT_SEPARATOR = "\n\n"
#: Encodings tried in turn for each file; the one that worked is recorded per document.
DEFAULT_ENCODINGS = ("utf-8", "cp1252")
_FILE_NAME = re.compile(r"^(?P<year>\d{4})-(?P<speaker>[^.]+?)(?:-(?P<part>\d+))?$")
_HEADING_LINE = re.compile(r"^[^a-z]*$|^\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
DOCUMENT_COLUMNS = ["document", "file", "speaker", "year", "encoding", "start", "end", "sha256"]


def load_corpus(
    directory: str | Path,
    *,
    metadata: str | Path | None = None,
    pattern: str = "*.txt",
    encodings: tuple[str, ...] = DEFAULT_ENCODINGS,
    show_progress: bool | None = None,
) -> Transcript:
    """Read every speech in ``directory`` into one :class:`Transcript`.

    Parameters
    ----------
    directory : str or pathlib.Path
        Folder of ``YEAR-Name.txt`` files.
    metadata : str or pathlib.Path, optional
        CSV with a ``file`` column and ``speaker`` and/or ``year`` columns that
        override what the file names say; ``metadata.csv`` inside the folder is
        used when present.
    pattern : str, default "*.txt"
        Glob for the speech files.
    encodings : tuple of str
        Tried in turn per file (default UTF-8, then Windows-1252).
    show_progress : bool, optional
        Show a progress bar (default: only in an interactive terminal or notebook).

    Returns
    -------
    Transcript
        ``turns`` gain ``document`` and ``year`` columns; ``transcript.documents``
        lists the files (see :data:`DOCUMENT_COLUMNS`).

    Raises
    ------
    TranscriptFileError
        Missing folder, a file instead of a folder, or no matching files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "1961-Kennedy.txt").write_text("We choose. We go.")
    >>> _ = (folder / "1981-Reagan.txt").write_text("We can.")
    >>> corpus = load_corpus(folder)
    >>> corpus.speakers, corpus.turns["year"].tolist()
    (['Kennedy', 'Reagan'], [1961, 1981])
    """
    files = _speech_files(Path(directory), pattern)
    overrides = _read_metadata(Path(directory), metadata)
    parts, documents, offset, pool = [], [], 0, {}
    for number, path in enumerate(progress(files, desc="speeches", enabled=show_progress)):
        speaker, year = _speaker_and_year(path, overrides)
        part = _load_document(path, speaker, encodings, pool)
        parts.append((part, offset, number))
        documents.append([number, path.name, speaker, year, part.encoding, offset,
                          offset + len(part.transcript.raw), part.transcript.sha256])  # fmt: skip
        offset += len(part.transcript.raw) + len(DOCUMENT_SEPARATOR)
    return _combine(parts, pd.DataFrame(documents, columns=DOCUMENT_COLUMNS), Path(directory))


class _Document:
    def __init__(self, transcript: Transcript, encoding: str):
        self.transcript, self.encoding = transcript, encoding


def _speech_files(directory: Path, pattern: str) -> list[Path]:
    if not directory.exists():
        raise TranscriptFileError(f"Corpus folder not found: {directory}. Check the path.")
    if not directory.is_dir():
        raise TranscriptFileError(
            f"{directory} is a file, not a folder. Use analysis.load_transcript() for one transcript."
        )
    files = sorted(p for p in directory.glob(pattern) if p.is_file())
    if not files:
        raise TranscriptFileError(
            f"No files matching {pattern!r} in {directory}. A corpus is a folder of YEAR-Name.txt files."
        )
    return files


def _read_metadata(directory: Path, metadata: str | Path | None) -> dict[str, dict[str, str]]:
    path = Path(metadata) if metadata is not None else directory / "metadata.csv"
    if not path.exists():
        if metadata is not None:
            raise LexiconError(f"Metadata file not found: {path}.")
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "file" not in reader.fieldnames:
            raise LexiconError(f"Metadata file {path} needs a 'file' column (and 'speaker' and/or 'year').")
        return {row["file"]: row for row in reader}


def _speaker_and_year(path: Path, overrides: dict[str, dict[str, str]]) -> tuple[str, int | None]:
    match = _FILE_NAME.match(path.stem)
    speaker = match.group("speaker") if match else path.stem
    year = int(match.group("year")) if match else None
    row = overrides.get(path.name, {})
    if row.get("speaker"):
        speaker = row["speaker"].strip()
    if row.get("year"):
        try:
            year = int(row["year"])
        except ValueError:
            raise LexiconError(f"Metadata for {path.name}: year {row['year']!r} is not a number.") from None
    return speaker, year


def _load_document(path: Path, speaker: str, encodings: tuple[str, ...], pool: dict[str, str]) -> _Document:
    source = _read_any(path, encodings)
    transcript = segment_source(
        source, speaker=speaker, corrections=None, preamble_end=_heading_end(source.text)
    )
    turns = transcript.turns.assign(speaker=speaker)
    tables = {name: getattr(transcript, name).assign(speaker=speaker)
              for name in ("paragraphs", "sentences", "tokens")}  # fmt: skip
    tables["tokens"]["text"] = _shared_strings(tables["tokens"]["text"], pool)
    return _Document(replace(transcript, turns=turns, **tables), source.encoding)


def _read_any(path: Path, encodings: tuple[str, ...]) -> SourceText:
    for encoding in encodings[:-1]:
        try:
            return read_source(path, encoding=encoding)
        except TranscriptEncodingError:
            continue
    return read_source(path, encoding=encodings[-1])


def _heading_end(text: str) -> int:
    """Offset after the heading lines at the top of a speech (capitals, dates, blanks)."""
    end = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not _HEADING_LINE.match(line.strip()):
            break
        end += len(line)
    return end if text[:end].strip() else 0


def _combine(parts: list[tuple[_Document, int, int]], documents: pd.DataFrame, directory: Path) -> Transcript:
    """Concatenate per-document tables, shifting offsets and renumbering ids.

    Each table is concatenated once and then shifted column by column (no copy
    of every document first), and the token texts already share one string
    object per distinct form (:func:`_shared_strings`): with hundreds of
    speeches this keeps the peak memory near one copy of the tables.
    """
    transcripts = [part.transcript for part, _, _ in parts]
    offsets = np.array([offset for _, offset, _ in parts], dtype=np.int64)
    bases = {
        column: _starts([len(getattr(t, name)) for t in transcripts])
        for column, name in _ID_COLUMNS.items()
    }
    tables = {}
    for name in ("turns", "paragraphs", "sentences", "tokens", "excluded"):
        frames = [getattr(t, name) for t in transcripts]
        sizes = [len(frame) for frame in frames]
        table = pd.concat(frames, ignore_index=True)
        shift = np.repeat(offsets, sizes)
        table["start"] = table["start"] + shift
        table["end"] = table["end"] + shift
        for column, base in bases.items():
            if column in table:
                table[column] = table[column] + np.repeat(base, sizes)
        if name == "turns":
            numbers = np.array([number for _, _, number in parts], dtype=np.int64)
            table["document"] = np.repeat(numbers, sizes)
            table["year"] = pd.array(np.repeat(documents["year"].to_numpy(dtype=object)[numbers], sizes),
                                     dtype="Int64")  # fmt: skip
        tables[name] = table
    raw = DOCUMENT_SEPARATOR.join(t.raw for t in transcripts)
    corrections = pd.concat([t.corrections for t in transcripts], ignore_index=True)
    return Transcript(
        raw=raw,
        name=directory.name,
        sha256=_combined_sha(documents),
        corrections=corrections,
        path=directory,
        documents=documents,
        **tables,
    )


#: Id column -> the table whose length advances it from one document to the next.
_ID_COLUMNS = {"turn": "turns", "paragraph": "paragraphs", "sentence_id": "sentences", "token_id": "tokens"}


def _starts(sizes: list[int]) -> np.ndarray:
    """First id of each document: 0, then the running total of the sizes."""
    return np.concatenate([[0], np.cumsum(sizes[:-1], dtype=np.int64)]).astype(np.int64)


def _shared_strings(column: pd.Series, pool: dict[str, str]) -> pd.Series:
    """The same values, one string object per distinct value across the corpus (forms repeat a lot)."""
    codes, uniques = pd.factorize(column)
    shared = pd.array([pool.setdefault(value, value) for value in uniques], dtype=column.dtype)
    return pd.Series(shared.take(codes), index=column.index, dtype=column.dtype)


def _combined_sha(documents: pd.DataFrame) -> str:
    return hashlib.sha256("".join(documents["file"] + documents["sha256"]).encode()).hexdigest()
