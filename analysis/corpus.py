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
    parts, documents, offset = [], [], 0
    for number, path in enumerate(progress(files, desc="speeches", enabled=show_progress)):
        speaker, year = _speaker_and_year(path, overrides)
        part = _load_document(path, speaker, encodings)
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


def _load_document(path: Path, speaker: str, encodings: tuple[str, ...]) -> _Document:
    source = _read_any(path, encodings)
    transcript = segment_source(
        source, speaker=speaker, corrections=None, preamble_end=_heading_end(source.text)
    )
    turns = transcript.turns.assign(speaker=speaker)
    tables = {name: getattr(transcript, name).assign(speaker=speaker)
              for name in ("paragraphs", "sentences", "tokens")}  # fmt: skip
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
    """Concatenate per-document tables, shifting offsets and renumbering ids."""
    shifted: dict[str, list[pd.DataFrame]] = {
        k: [] for k in ("turns", "paragraphs", "sentences", "tokens", "excluded")
    }
    counters = {"turn": 0, "paragraph": 0, "sentence_id": 0, "token_id": 0}
    for document, offset, number in parts:
        t = document.transcript
        bases = dict(counters)
        for name in shifted:
            table = getattr(t, name).copy()
            table["start"] += offset
            table["end"] += offset
            for column, base in bases.items():
                if column in table:
                    table[column] = table[column] + base
            if name == "turns":
                table["document"] = number
                table["year"] = documents.loc[number, "year"]
            shifted[name].append(table)
        counters = {
            "turn": bases["turn"] + len(t.turns),
            "paragraph": bases["paragraph"] + len(t.paragraphs),
            "sentence_id": bases["sentence_id"] + len(t.sentences),
            "token_id": bases["token_id"] + len(t.tokens),
        }
    raw = DOCUMENT_SEPARATOR.join(part.transcript.raw for part, _, _ in parts)
    tables = {name: pd.concat(frames, ignore_index=True) for name, frames in shifted.items()}
    tables["turns"]["year"] = tables["turns"]["year"].astype("Int64")
    corrections = pd.concat([p.transcript.corrections for p, _, _ in parts], ignore_index=True)
    return Transcript(
        raw=raw,
        name=directory.name,
        sha256=_combined_sha(documents),
        corrections=corrections,
        path=directory,
        documents=documents,
        **tables,
    )


def _combined_sha(documents: pd.DataFrame) -> str:
    return hashlib.sha256("".join(documents["file"] + documents["sha256"]).encode()).hexdigest()
