"""Command line: tables on standard output, one-line errors, non-zero exit codes."""

import json
import subprocess
import sys

import pytest

from analysis.cli import main
from analysis.paths import PROJECT_ROOT, SEED_TRANSCRIPT


def test_segment_sentences_csv(capsys):
    assert main(["segment", str(SEED_TRANSCRIPT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "sentence_id,turn,speaker,paragraph,kind,start,end,text"
    assert len(lines) == 47


def test_segment_turns_json(capsys):
    assert main(["segment", str(SEED_TRANSCRIPT), "--level", "turns", "--format", "json"]) == 0
    turns = json.loads(capsys.readouterr().out)
    assert [t["speaker"] for t in turns] == ["Xi Jinping", "Vladimir Putin"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        (b"", "is empty"),
        (b"no labels at all", "No speaker labels"),
        (b"\xff\xfe\x00", ""),
    ],
)
def test_errors_print_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "t.txt"
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "segment", str(path)],
        capture_output=True, text=True, cwd=PROJECT_ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_help_explains_every_command():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True, check=True
    )
    assert "segment" in result.stdout


def test_report_durations_round_trip_and_survive_a_broken_file(tmp_path):
    from pathlib import Path

    from analysis.report import longest_first, read_durations, write_durations

    path = tmp_path / "processed" / "report-durations.json"
    assert read_durations(path) == {}
    write_durations({"01_b.ipynb": 2.5, "00_a.ipynb": 4.0}, path)
    durations = read_durations(path)
    assert durations == {"00_a.ipynb": 4.0, "01_b.ipynb": 2.5}
    order = longest_first([Path("00_a.ipynb"), Path("01_b.ipynb"), Path("02_new.ipynb")], durations)
    assert [p.name for p in order] == ["02_new.ipynb", "00_a.ipynb", "01_b.ipynb"]
    path.write_text("{not json", encoding="utf-8")
    assert read_durations(path) == {}
    path.write_text('["a list"]', encoding="utf-8")
    assert read_durations(path) == {}
