"""Progress bars for corpus-scale work: shown to people, quiet in tests and pipes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable


def progress_enabled() -> bool:
    """True in an interactive terminal or notebook, False under pytest, CI or a pipe.

    Set ``ANALYSIS_PROGRESS=0`` (or ``1``) to force it off (or on).
    """
    forced = os.environ.get("ANALYSIS_PROGRESS")
    if forced is not None:
        return forced not in ("", "0", "false", "no")
    if "PYTEST_CURRENT_TEST" in os.environ or os.environ.get("CI"):
        return False
    return "ipykernel" in sys.modules or sys.stderr.isatty()


def progress(items: Iterable, desc: str = "", enabled: bool | None = None, total: int | None = None):
    """Wrap ``items`` in a tqdm progress bar when enabled (see :func:`progress_enabled`).

    Examples
    --------
    >>> list(progress([1, 2], enabled=False))
    [1, 2]
    """
    if enabled is None:
        enabled = progress_enabled()
    if not enabled:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, total=total, leave=False)
