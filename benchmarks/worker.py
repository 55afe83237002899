"""One measurement in a fresh interpreter; prints one JSON line (seconds, stages, max RSS).

Usage::

    python benchmarks/worker.py pipeline CORPUS_DIR   # the suite, every speech
    python benchmarks/worker.py textstat CORPUS_DIR   # textstat alone, the same eight indices
    python benchmarks/worker.py profile CORPUS_DIR OUT.prof   # the pipeline under cProfile

Timing starts before the first import, so both sides pay their imports and
textstat's CMU dictionary load (cold caches on both sides).
"""

from __future__ import annotations

import time

_START = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main(argv: list[str]) -> None:
    mode, corpus = argv[0], Path(argv[1])
    if mode == "pipeline":
        from pipeline import run_pipeline

        stages, counts = run_pipeline(corpus, _START)
    elif mode == "textstat":
        from pipeline import run_textstat

        stages, counts = run_textstat(corpus, _START)
    elif mode == "profile":
        import cProfile

        from pipeline import run_pipeline

        profiler = cProfile.Profile()
        profiler.enable()
        stages, counts = run_pipeline(corpus, _START)
        profiler.disable()
        profiler.dump_stats(argv[2])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    seconds = time.perf_counter() - _START
    print(json.dumps({"mode": mode, "seconds": seconds, "stages": stages, "counts": counts,
                      "max_rss_mb": _max_rss_mb()}))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
