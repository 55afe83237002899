"""Read a transcript file into text, with one clear error per user mistake.

The text returned is the file's content decoded, with a byte-order mark
removed and nothing else changed: line ends stay as they are, so that every
character offset the suite reports points into this exact string.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import TranscriptEncodingError, TranscriptFileError

#: Single transcripts larger than this (32 MiB, some 5 million words) are refused unless
#: ``max_bytes`` is raised: such a file is almost surely a corpus in one file or not a
#: transcript, and would take minutes and gigabytes to segment.  Corpora are folders.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class SourceText:
    """A decoded transcript and where it came from.

    Attributes
    ----------
    path : pathlib.Path or None
        The file read, or None for text passed in directly.
    text : str
        The decoded text (BOM removed, line ends untouched).
    sha256 : str
        Checksum of the file's bytes (of the UTF-8 encoding for direct text).
    encoding : str
        The encoding used to decode the bytes.
    """

    path: Path | None
    text: str
    sha256: str
    encoding: str


def read_source(path: str | Path, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode a transcript file.

    Parameters
    ----------
    path : str or pathlib.Path
        The transcript file.
    encoding : str, default "utf-8"
        Codec used to decode the bytes.  A UTF-8 byte-order mark is accepted
        and removed; a file that starts with a UTF-16 byte-order mark is
        decoded as UTF-16 whatever this says.
    max_bytes : int, default 32 MiB
        Larger files are refused with a clear error (raise the limit to read
        them anyway).

    Returns
    -------
    SourceText

    Raises
    ------
    TranscriptFileError
        Missing path, a directory, an unreadable, empty, whitespace-only,
        oversized or binary file.
    TranscriptEncodingError
        The bytes are not valid in ``encoding``; the message names the
        ``encoding=`` option.

    Examples
    --------
    >>> from analysis.paths import SEED_TRANSCRIPT
    >>> read_source(SEED_TRANSCRIPT).text[:11]
    ' date 2025-'
    """
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    text, used = _decode(path, data, encoding)
    if not text.strip():
        raise TranscriptFileError(
            f"Transcript file {path} contains only whitespace. "
            "Check that you passed the right file and that it was saved."
        )
    return SourceText(path, text, hashlib.sha256(data).hexdigest(), used)


def source_from_string(text: str) -> SourceText:
    """Wrap text given directly (not read from a file) as a :class:`SourceText`.

    Examples
    --------
    >>> source_from_string("A: Hello.").encoding
    'utf-8'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return SourceText(None, text, digest, "utf-8")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise TranscriptFileError(
            f"Transcript file not found: {path}. Check the path (relative paths start from {Path.cwd()})."
        )
    if path.is_dir():
        raise TranscriptFileError(
            f"{path} is a directory, not a transcript file. Pass one .txt file, "
            "or use analysis.load_corpus() for a folder of speeches."
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise TranscriptFileError(
            f"Transcript file {path} is {size / 2**20:.0f} MiB, above the "
            f"{max_bytes / 2**20:.0f} MiB limit. Split it, or pass max_bytes= to read it anyway."
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TranscriptFileError(
            f"Transcript file {path} cannot be read ({error.strerror}). Check its permissions."
        ) from None
    if not data:
        raise TranscriptFileError(f"Transcript file {path} is empty. Check that you passed the right file.")
    return data


def _decode(path: Path, data: bytes, encoding: str) -> tuple[str, str]:
    if data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    elif b"\x00" in data[:8192]:
        raise TranscriptFileError(
            f"Transcript file {path} looks binary (it contains NUL bytes), not plain text. "
            "Export the transcript as a .txt file (UTF-8) and load that."
        )
    try:
        codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    except LookupError:
        raise TranscriptEncodingError(
            f"Unknown encoding {encoding!r} for {path}. Pass a Python codec name, "
            "e.g. encoding='utf-8', 'latin-1' or 'cp1252'."
        ) from None
    try:
        return data.decode(codec), encoding
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise TranscriptEncodingError(
            f"Transcript file {path} is not valid {encoding} (byte 0x{bad} at position "
            f"{error.start}). Pass the file's encoding, e.g. encoding='latin-1' or "
            "encoding='cp1252', or re-save the file as UTF-8."
        ) from None
