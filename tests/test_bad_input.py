"""Bad input across the command line and the public helpers.

Each kind of input has a documented result: either it is read (and how), or it
gives one clear error: one line on standard error, exit code 2, no traceback.
In every case the input file is left byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from analysis import LexiconError, parse_transcript
from analysis.paths import PROJECT_ROOT, SEED_TRANSCRIPT

TWO_SPEAKERS = "Anna Smith: We met today.\n\nBo Li: We agreed."
CAFE = "Anna Smith: Café au lait.".encode("latin-1")

# (id, file content or None for a missing path or "DIR", extra CLI arguments, exit code, text in output)
CASES = [
    ("empty", b"", [], 2, "is empty"),
    ("whitespace-only", b" \n\t \r\n", [], 2, "only whitespace"),
    ("binary", bytes(range(256)) * 4, [], 2, "looks binary"),
    ("latin-1", CAFE, [], 2, "encoding='latin-1'"),
    ("latin-1 with --encoding", CAFE, ["--encoding", "latin-1"], 0, "Café"),
    ("utf-16 with BOM", TWO_SPEAKERS.encode("utf-16"), [], 0, "We agreed."),
    ("utf-16 without BOM", TWO_SPEAKERS.encode("utf-16-le"), [], 2, "looks binary"),
    ("utf-8 BOM", b"\xef\xbb\xbf" + TWO_SPEAKERS.encode(), [], 0, "We met today."),
    ("CRLF", TWO_SPEAKERS.replace("\n", "\r\n").encode(), [], 0, "We agreed."),
    ("CR only", TWO_SPEAKERS.replace("\n", "\r").encode(), [], 0, "We agreed."),
    ("no labels", b"We met. We agreed.", [], 2, "No speaker labels"),
    ("no labels, --speaker", b"We met. We agreed.", ["--speaker", "Anna Smith"], 0, "Anna Smith"),
    ("one speaker", b"Anna Smith: We met. We agreed.", [], 0, "We agreed."),
    ("label with no text", b"Anna Smith:\n\nBo Li: Hello.", ["--level", "turns"], 0, "Anna Smith"),
    ("same speaker twice", b"Anna Smith: One.\n\nAnna Smith: Two.", ["--level", "turns"], 0, "Two."),
    ("unknown encoding name", b"Anna Smith: Hi.", ["--encoding", "klingon"], 2, "Unknown encoding"),
    ("directory", "DIR", [], 2, "is a directory"),
    ("missing path", None, [], 2, "not found"),
]  # fmt: skip


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)],
        capture_output=True, text=True, cwd=PROJECT_ROOT, check=False,
    )  # fmt: skip


def checksum(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def assert_clean_error(result, text):
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and text in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "args", "code", "text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_segment_command(tmp_path, content, args, code, text):
    path = tmp_path / "transcript.txt"
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    before = checksum(path)
    result = run_cli("segment", path, *args)
    if code == 2:
        assert_clean_error(result, text)
    else:
        assert result.returncode == 0, result.stderr
        assert text in result.stdout
    assert checksum(path) == before, "the input file was changed"


def test_fifty_megabyte_file_is_refused_clearly_and_read_on_request(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Anna Smith: " + b"We met again. " * (50 * 2**20 // 14))
    before = checksum(path)
    assert_clean_error(run_cli("segment", path), "max_bytes")
    assert checksum(path) == before


@pytest.mark.parametrize(
    ("content", "speakers", "text"),
    [
        (b"Anna Smith: We met. We agreed.", [], "two different speakers"),
        (TWO_SPEAKERS.encode(), ["--speakers", "Anna Smith", "Nobody"], "'Nobody' is not in"),
        (TWO_SPEAKERS.encode(), ["--speakers", "Anna Smith", "Anna Smith"], "two different speakers"),
    ],
    ids=["one speaker", "unknown speaker", "same speaker twice"],
)
def test_report_command_checks_speakers_first(tmp_path, content, speakers, text):
    path = tmp_path / "t.txt"
    path.write_bytes(content)
    before = checksum(path)
    assert_clean_error(run_cli("report", path, *speakers, "--out", tmp_path / "out"), text)
    assert not (tmp_path / "out").exists()
    assert checksum(path) == before


def test_report_on_a_missing_path_and_unknown_notebook(tmp_path):
    assert_clean_error(run_cli("report", tmp_path / "nope.txt", "--out", tmp_path / "o"), "not found")
    assert_clean_error(run_cli("report", SEED_TRANSCRIPT, "--only", "42"), "No notebook numbered '42'")


def test_helpers_reject_unknown_speakers_with_a_clear_error():
    from analysis.notebook import open_session

    with pytest.raises(LexiconError.__mro__[1], match="'Xi' is not in"):
        open_session(SEED_TRANSCRIPT, ["Xi", "Vladimir Putin"])


def test_parse_transcript_rejects_non_text():
    with pytest.raises(TypeError, match="must be a str"):
        parse_transcript(b"Anna Smith: Hi.")
