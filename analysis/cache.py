"""Cache segmented transcripts in ``data/processed/``, never stale.

The key is a checksum over everything the tables depend on: the bytes of the
input file(s), the source code of the segmentation modules, the data files
they read (aliases, corrections, stop words), the load options and the pandas
version.  Change any of them and the key changes, so an old entry is simply
never read again (``make clean`` deletes them all).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import pandas as pd

from .paths import DATA_DIR, PACKAGE_DIR, PROCESSED_DIR

T = TypeVar("T")

#: Modules whose code shapes the tables.
SEGMENTATION_MODULES = (
    "reading.py", "labels.py", "corrections.py", "structure.py", "splitter.py", "tokens.py",
    "transcript.py", "corpus.py", "cache.py",
)  # fmt: skip
#: Data files the segmentation reads.
SEGMENTATION_DATA = ("speaker_aliases.csv", "corrections.csv", "stopwords_en.txt")


def input_files(path: Path, pattern: str = "*.txt") -> list[Path]:
    """The file itself, or the matching files (and metadata.csv) of a folder."""
    if path.is_dir():
        return sorted([*path.glob(pattern), *path.glob("metadata.csv")])
    return [path]


def cache_key(files: Iterable[Path], options: dict) -> str:
    """Checksum of the inputs, the segmentation code and data, the options and library versions.

    Examples
    --------
    >>> from analysis.paths import SEED_TRANSCRIPT
    >>> len(cache_key([SEED_TRANSCRIPT], {}))
    64
    """
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for name in SEGMENTATION_MODULES:
        digest.update((PACKAGE_DIR / name).read_bytes())
    for name in SEGMENTATION_DATA:
        data = DATA_DIR / name
        digest.update(data.read_bytes() if data.exists() else b"-")
    digest.update(repr(sorted(options.items())).encode())
    digest.update(f"pandas {pd.__version__} simplemma {_version('simplemma')}".encode())
    return digest.hexdigest()


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "-"


def cached(key: str, build: Callable[[], T], folder: Path = PROCESSED_DIR, prefix: str = "transcript") -> T:
    """Return the object stored under ``key``, building and storing it when missing.

    Writes are atomic (a temporary file renamed into place), so notebooks
    running in parallel never read half a file.  A cache that cannot be read
    or written is skipped silently: the result is the same, only slower.
    """
    path = folder / f"{prefix}-{key[:24]}.pkl"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    result = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
    return result
