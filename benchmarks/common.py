"""Shared helpers for the benchmarks: machine description, timing, worker subprocesses."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(PROJECT_ROOT))  # the suite, also when it is not installed

from analysis.paths import SHARED_CORPORA  # noqa: E402

DEFAULT_CORPUS = SHARED_CORPORA / "state_union"


def read_texts(folder: Path, pattern: str = "*.txt") -> list[str]:
    """The speeches of a corpus folder, decoded as the suite's loader does (UTF-8, then cp1252)."""
    texts = []
    for path in sorted(folder.glob(pattern)):
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("cp1252"))
    return texts


def median_seconds(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``func``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_worker(*args: str) -> dict:
    """Run ``benchmarks/worker.py ARGS`` in a fresh interpreter; return the JSON it prints.

    The worker reports its own wall time and peak memory (max RSS), so every
    measurement starts cold: no module, lru cache or file cache of a previous
    measurement survives (the operating system's page cache aside).
    """
    env = {**os.environ, "ANALYSIS_PROGRESS": "0", "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [sys.executable, str(BENCH_DIR / "worker.py"), *args],
        capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"worker {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024**2:.1f} GB"
    except OSError:
        pass
    return "unknown"


def machine() -> dict[str, str]:
    """CPU, cores, memory, Python and OS of this machine."""
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": _memory_gb(),
        "Python": platform.python_version(),
        "OS": platform.platform(),
    }


def versions(*packages: str) -> dict[str, str]:
    """Installed versions of ``packages`` ("not installed" when missing)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in packages:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def markdown_table(header: list[str], rows: list[list]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
