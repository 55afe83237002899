"""Documented fixes of transcription slips, applied at load time.

The raw file is never edited.  A correction names the file (by checksum), the
span of the slip, the original and the replacement text, and the reason.  The
corrected text is what the suite segments and counts; an offset map carries
every position in it back to the raw text, so that ``raw[start:end]`` still
gives each unit's source.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import LexiconError
from .paths import data_file

CORRECTION_COLUMNS = ["start", "end", "original", "replacement", "reason"]


@dataclass(frozen=True)
class CorrectedText:
    """Text after corrections, with the map back to the raw text.

    Attributes
    ----------
    text : str
        The corrected text.
    to_raw : numpy.ndarray
        ``to_raw[i]`` is the raw offset of corrected offset ``i``
        (length ``len(text) + 1``, non-decreasing).
    applied : pandas.DataFrame
        The corrections applied (columns ``start, end, original, replacement, reason``).
    """

    text: str
    to_raw: np.ndarray
    applied: pd.DataFrame


def load_corrections(path: str | Path | None = None) -> pd.DataFrame:
    """Read a corrections file.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        CSV with columns ``sha256, start, end, original, replacement, reason``.
        Defaults to ``data/corrections.csv``.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    LexiconError
        Missing columns, non-integer offsets or an empty reason, naming the line.

    Examples
    --------
    >>> load_corrections().loc[0, "original"]
    'theBRICS'
    """
    path = Path(path) if path is not None else data_file("corrections.csv")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise LexiconError(f"Corrections file not found: {path}.") from None
    needed = ["sha256", *CORRECTION_COLUMNS]
    records = []
    for line_no, row in enumerate(rows, start=2):
        if any(row.get(column) is None for column in needed):
            raise LexiconError(f"Corrections file {path}, line {line_no}: expected the columns {needed}.")
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError:
            raise LexiconError(
                f"Corrections file {path}, line {line_no}: start and end must be integers."
            ) from None
        if not row["reason"].strip():
            raise LexiconError(f"Corrections file {path}, line {line_no}: give a reason.")
        records.append({**row, "start": start, "end": end, "line": line_no})
    return pd.DataFrame(records, columns=[*needed, "line"])


def apply_corrections(raw: str, sha256: str, corrections: pd.DataFrame) -> CorrectedText:
    """Apply the corrections that belong to this file.

    Parameters
    ----------
    raw : str
        The raw text.
    sha256 : str
        Checksum of the raw file; only corrections with this checksum apply.
    corrections : pandas.DataFrame
        As returned by :func:`load_corrections`.

    Returns
    -------
    CorrectedText

    Raises
    ------
    LexiconError
        If a correction's span does not hold its ``original`` text, or spans overlap.

    Examples
    --------
    >>> table = pd.DataFrame([{"sha256": "x", "start": 4, "end": 12, "original": "theBRICS",
    ...     "replacement": "the BRICS", "reason": "glued", "line": 2}])
    >>> fixed = apply_corrections("for theBRICS.", "x", table)
    >>> fixed.text, int(fixed.to_raw[8])
    ('for the BRICS.', 7)
    """
    mine = corrections[corrections["sha256"] == sha256].sort_values("start")
    pieces, maps, cursor = [], [], 0
    for row in mine.itertuples(index=False):
        if raw[row.start : row.end] != row.original or row.start < cursor:
            raise LexiconError(
                f"Correction on line {row.line} does not fit the text: expected "
                f"{row.original!r} at {row.start}-{row.end}, found {raw[row.start : row.end]!r}."
            )
        start, end, replacement = _minimal_edit(row.start, row.end, row.original, row.replacement)
        pieces += [raw[cursor:start], replacement]
        maps += [np.arange(cursor, start), start + np.minimum(np.arange(len(replacement)), end - start)]
        cursor = end
    pieces.append(raw[cursor:])
    maps += [np.arange(cursor, len(raw) + 1)]
    applied = mine[CORRECTION_COLUMNS].reset_index(drop=True)
    return CorrectedText("".join(pieces), np.concatenate(maps).astype(np.int64), applied)


def _minimal_edit(start: int, end: int, original: str, replacement: str) -> tuple[int, int, str]:
    """Shrink a replacement to the part that differs, so unchanged text keeps its offsets."""
    prefix = 0
    while prefix < min(len(original), len(replacement)) and original[prefix] == replacement[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(original), len(replacement)) - prefix
        and original[-1 - suffix] == replacement[-1 - suffix]
    ):
        suffix += 1
    return start + prefix, end - suffix, replacement[prefix : len(replacement) - suffix]
