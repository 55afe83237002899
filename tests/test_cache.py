"""The processed-table cache: reused when nothing changed, never stale."""

import pickle

from analysis.cache import cache_key, cached, input_files
from analysis.notebook import load_any


def test_key_changes_with_input_and_options(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Anna Smith: Hi.", encoding="utf-8")
    first = cache_key([path], {})
    assert cache_key([path], {}) == first
    assert cache_key([path], {"speaker": "X"}) != first
    path.write_text("Anna Smith: Hello.", encoding="utf-8")
    assert cache_key([path], {}) != first


def test_cached_builds_once_and_survives_a_corrupt_entry(tmp_path):
    calls = []

    def build():
        calls.append(1)
        return {"value": 42}

    assert cached("k" * 64, build, folder=tmp_path) == {"value": 42}
    assert cached("k" * 64, build, folder=tmp_path) == {"value": 42}
    assert len(calls) == 1
    entry = next(tmp_path.glob("*.pkl"))
    entry.write_bytes(b"not a pickle")
    assert cached("k" * 64, build, folder=tmp_path) == {"value": 42}
    assert len(calls) == 2
    assert pickle.loads(entry.read_bytes()) == {"value": 42}


def test_cached_transcript_equals_a_fresh_one(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text("Intro.\n\nAnna Smith: We met. We agreed.\n\nBo Li: Yes.", encoding="utf-8")
    fresh = load_any(path, cache=False)
    first, second = load_any(path), load_any(path)
    for table in ("turns", "sentences", "tokens", "excluded"):
        assert getattr(first, table).equals(getattr(fresh, table))
        assert getattr(second, table).equals(getattr(fresh, table))


def test_input_files_of_a_folder(tmp_path):
    (tmp_path / "2001-A.txt").write_text("x", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,speaker\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert [p.name for p in input_files(tmp_path)] == ["2001-A.txt", "metadata.csv"]
