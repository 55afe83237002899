"""Speaker labels: what counts as one, and how it splits into title, name and note."""

import pytest

from analysis.errors import LexiconError
from analysis.labels import find_label, load_aliases, resolve_speaker, supported


@pytest.mark.parametrize(
    ("line", "title", "name", "note"),
    [
        ("Xi Jinping (retranslated): Dear President Putin,", "", "Xi Jinping", "retranslated"),
        (
            "President of Russia Vladimir Putin: President Xi Jinping,",
            "President of Russia",
            "Vladimir Putin",
            "",
        ),
        ("THE PRESIDENT: Thank you.", "", "The President", ""),
        ("Prime Minister Narendra Modi (as translated):", "Prime Minister", "Narendra Modi", "as translated"),
        ("Mr. Putin: Yes.", "Mr.", "Putin", ""),
        ("President Biden: Folks.", "President", "Biden", ""),
        ("Q: What now?", "", "Q", ""),
        ("Speaker 2: Hello.", "", "Speaker 2", ""),
        ("  Anna Smith :  indented label", "", "Anna Smith", ""),
        ("Secretary of State Antony J. Blinken: Good.", "Secretary of State", "Antony J. Blinken", ""),
    ],
)
def test_labels_split_into_title_name_note(line, title, name, note):
    label = find_label(line)
    assert (label.title, label.name, label.note) == (title, name, note)


@pytest.mark.parametrize(
    "line",
    [
        "But first, Xi and Putin:",
        "Xi and Putin:",
        "Here is the transcript:",
        "To the Congress of the United States:",
        "Mr. Speaker, Mr. Vice President, Members of Congress:",
        "The following:",
        "Source: Kremlin",
        "Editor's Note: this was edited.",
        "Our immediate task is to chart a policy that can:",
        "At 10:30 we met.",
        "See http://example.org for more",
        "This help includes:",
        "Dear friends:",
        "We met. Then:",
        "Third:",
        "Again:",
        "Fellow-Citizens of the United States:",
        "Members of the Congress:",
        "Citizens of the United States:",
        "SPECIAL MESSAGE TO THE CONGRESS: THE AMERICAN PROMISE",
        "Press Conference: Moscow",
        "Transcript Of Remarks:",
    ],
)
def test_lines_that_are_not_labels(line):
    assert find_label(line) is None


def test_label_offsets_cover_label_and_colon():
    line = "x\nBob Lee (as translated): Hi"
    label = find_label(line[2:], offset=2)
    assert line[label.start : label.end] == "Bob Lee (as translated):"


def test_resolution_prefers_alias_then_known_speaker():
    aliases = {"chairman xi": "Xi Jinping"}
    assert resolve_speaker(find_label("Chairman Xi: Hi"), aliases) == "Xi Jinping"
    assert resolve_speaker(find_label("Jinping: Hi"), {}, ["Xi Jinping"]) == "Xi Jinping"
    assert resolve_speaker(find_label("Smith: Hi"), {}, ["Xi Jinping"]) == "Smith"


def test_default_alias_table():
    aliases = load_aliases()
    assert aliases["president putin"] == "Vladimir Putin"
    assert aliases["xi"] == "Xi Jinping"


def test_malformed_alias_table_names_the_line(tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text("alias,speaker\nPutin,Vladimir Putin\nXi,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 3"):
        load_aliases(bad)
    bad.write_text("name,who\nA,B\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="alias,speaker"):
        load_aliases(bad)


def test_bare_one_word_labels_need_support():
    lines = ["Vladimir Putin: Hi", "Putin: Yes", "Agriculture: x", "Smith: a", "Smith: b", "MODERATOR: c"]
    candidates = [find_label(line) for line in lines]
    assert [supported(c, candidates, {}) for c in candidates] == [True, True, False, True, True, True]
    assert supported(find_label("Agriculture: x"), candidates, {"agriculture": "Minister of Agriculture"})
