"""Corpora of single-speaker speeches (NLTK's plaintext layout)."""

import pytest
from conftest import INAUGURAL, STATE_UNION, needs_state_union

from analysis.corpus import load_corpus
from analysis.errors import LexiconError, TranscriptFileError


def make_corpus(folder, files):
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def test_speaker_and_year_from_file_names(tmp_path):
    make_corpus(tmp_path, {
        "2001-GWBush-1.txt": "We will act. We will win.",
        "2001-GWBush-2.txt": "PRESIDENT BUSH'S ADDRESS\n \nJanuary 29, 2002\n\nWe are strong.",
        "1961-Kennedy.txt": "Ask not.",
    })  # fmt: skip
    corpus = load_corpus(tmp_path)
    assert corpus.speakers == ["Kennedy", "GWBush"]
    assert corpus.documents[["file", "speaker", "year"]].values.tolist() == [
        ["1961-Kennedy.txt", "Kennedy", 1961],
        ["2001-GWBush-1.txt", "GWBush", 2001],
        ["2001-GWBush-2.txt", "GWBush", 2001],
    ]
    assert corpus.turns["document"].tolist() == [0, 1, 2]
    assert corpus.sentences["text"].tolist() == ["Ask not.", "We will act.", "We will win.", "We are strong."]
    heading = corpus.excluded.iloc[0]
    assert heading["kind"] == "commentary" and heading["text"].endswith("January 29, 2002")
    for table in (corpus.turns, corpus.sentences, corpus.tokens, corpus.excluded):
        assert all(corpus.raw[s:e] == x for s, e, x in zip(table["start"], table["end"], table["text"]))
    assert corpus.tokens["token_id"].tolist() == list(range(len(corpus.tokens)))


def test_labelled_speech_is_attributed_to_the_file_speaker(tmp_path):
    make_corpus(tmp_path, {"2002-GWBush.txt": "HEADER LINE\n\nTHE PRESIDENT: Thank you. (Applause.)"})
    corpus = load_corpus(tmp_path)
    assert corpus.speakers == ["GWBush"]
    assert corpus.excluded["kind"].tolist() == ["commentary", "label", "stage"]


def test_metadata_overrides_and_encodings(tmp_path):
    make_corpus(tmp_path, {
        "1970-Nixon.txt": "Caf\xe9 society.".encode("cp1252"),
        "metadata.csv": "file,speaker,year\n1970-Nixon.txt,Richard Nixon,1971\n",
    })  # fmt: skip
    corpus = load_corpus(tmp_path)
    assert corpus.speakers == ["Richard Nixon"]
    assert corpus.documents.loc[0, "encoding"] == "cp1252"
    assert corpus.turns.loc[0, "year"] == 1971
    assert corpus.tokens["text"].iloc[0] == "Café"


def test_corpus_errors(tmp_path):
    with pytest.raises(TranscriptFileError, match="not found"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(TranscriptFileError, match="No files matching"):
        load_corpus(tmp_path)
    (tmp_path / "1990-A.txt").write_text("Hi.", encoding="utf-8")
    with pytest.raises(TranscriptFileError, match="is a file"):
        load_corpus(tmp_path / "1990-A.txt")
    with pytest.raises(LexiconError, match="Metadata file not found"):
        load_corpus(tmp_path, metadata=tmp_path / "nope.csv")


@needs_state_union
def test_state_union_corpus():
    corpus = load_corpus(STATE_UNION)
    assert len(corpus.documents) == 65
    assert corpus.speakers[:3] == ["Truman", "Eisenhower", "Kennedy"]
    assert (corpus.turns.groupby("document").size() == 1).all()
    assert corpus.turns["label"].replace("", None).dropna().unique().tolist() == ["THE PRESIDENT"]
    assert corpus.excluded.query("kind == 'commentary'")["text"].str.len().max() < 200
    per_speech = corpus.words.groupby(["speaker", "turn"]).size()
    assert per_speech.loc["Clinton"].min() > 3000


@pytest.mark.skipif(not INAUGURAL.is_dir(), reason="../shared/corpora/inaugural is absent")
def test_inaugural_corpus_has_no_false_labels():
    corpus = load_corpus(INAUGURAL)
    assert (corpus.turns["label"] == "").all()
    assert corpus.excluded.query("kind == 'commentary'").empty
