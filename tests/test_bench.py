"""``make bench`` runs end to end on a tiny corpus (no timing is asserted: speed is measured, not tested)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEECHES = {
    "1961-Kennedy.txt": "We choose to go. We choose to act.\n\nThe economy grew. Trade and peace matter.",
    "1962-Kennedy.txt": "Mr. Speaker, the union is strong. We trade with friends.\n\nPeace holds.",
    "1981-Reagan.txt": "Government is not the solution. It is the problem.\n\nOur economy needs energy.",
}


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in SPEECHES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_bench_quick_runs_and_writes_results(tiny_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--corpus", str(tiny_corpus),
         "--out", str(out), "--targets", "split", "pipeline", "scaling"],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## 1. Sentence splitting", "## 2. Whole pipeline", "## 3. Scaling"):
        assert heading in text
    assert "3 speeches" in text and "6 speeches" in text  # the corpus, then repeated twice


def test_repeat_corpus_keeps_speakers_and_years(tiny_corpus: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import repeat_corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    (tiny_corpus / "2001-GWBush-1.txt").write_text("We act. We win.", encoding="utf-8")
    folder = repeat_corpus(tiny_corpus, tmp_path / "big", 2)
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 8
    assert "2001-GWBush-101.txt" in names and "2001-GWBush-201.txt" in names
    assert "1961-Kennedy-100.txt" in names and "1961-Kennedy-200.txt" in names
