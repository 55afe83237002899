"""The overview: one table of headline comparisons and its findings."""

import pytest

from analysis import SpeakerNotFoundError, parse_transcript
from analysis.overview import OVERVIEW_COLUMNS, describe_overview, describe_source, overview_table

A, B = "Xi Jinping", "Vladimir Putin"


@pytest.fixture(scope="module")
def table(seed):
    return overview_table(seed, A, B)


def test_panels_and_columns(table):
    assert table.columns.tolist() == OVERVIEW_COLUMNS
    sizes = table.groupby("panel", sort=False).size().to_dict()
    assert sizes == {"words": 2, "distinctive terms": 10, "themes": 12, "sentence length": 45,
                     "readability": 8, "pronouns": 6}  # fmt: skip


def test_seed_values(table):
    words = table[table["panel"] == "words"].set_index("speaker")["value"]
    assert words.to_dict() == {A: 337, B: 705}
    pronouns = table[table["panel"] == "pronouns"].set_index(["speaker", "item"])["count"]
    assert pronouns[(A, "we · us · our")] == 5 and pronouns[(B, "we · us · our")] == 20
    lengths = table[(table["panel"] == "sentence length") & (table["item"] == "words per sentence")]
    assert lengths.groupby("speaker").size().to_dict() == {A: 11, B: 33}  # salutations left out


def test_findings_link_to_their_notebooks(table):
    lines = describe_overview(table, A, B)
    assert len(lines) == 6
    assert lines[0].startswith(f"{B} says 2.1 times as many words as {A} (705 against 337)")
    assert all(line.endswith(".ipynb))") for line in lines)
    assert "includes zero" in lines[3]


def test_source_description(seed):
    lines = describe_source(seed)
    assert lines[1] == f"Speakers, in order: {A} (337 words), {B} (705 words)."
    assert "1 editorial insertion(s)" in lines[2] and "corrections applied at load time: 1" in lines[2]


def test_unknown_speaker(seed):
    with pytest.raises(SpeakerNotFoundError):
        overview_table(seed, A, "Nobody")


def test_overview_on_a_tiny_transcript():
    t = parse_transcript(
        "Ann Lee: We trade gas and oil. We met in 2024. Thank you, my friend.\n\n"
        "Bo Li: I agree. You are right. Our trade grows. We will cooperate on energy and culture."
    )
    lines = describe_overview(overview_table(t, "Ann Lee", "Bo Li"), "Ann Lee", "Bo Li")
    assert len(lines) == 6
