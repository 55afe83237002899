"""Tests for :mod:`analysis.themes` and :mod:`analysis.plots.themes`."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis import parse_transcript
from analysis.errors import LexiconError, SpeakerNotFoundError, TranscriptError
from analysis.plots.themes import plot_recurring_phrases, plot_theme_dispersion, plot_theme_rates
from analysis.themes import (
    describe_phrases,
    describe_positions,
    describe_themes,
    find_theme_matches,
    kwic,
    list_themes,
    load_lexicon,
    pattern_keys,
    recurring_phrases,
    score_collocations,
    summarise_lexicon,
    theme_counts,
    theme_evidence,
    theme_positions,
)

HEADER = "theme,pattern,match,note\n"


@pytest.fixture
def lexicon_file(tmp_path):
    """Write a lexicon CSV (header added) and return its path."""

    def write(body: str, header: str = HEADER):
        path = tmp_path / "themes.csv"
        path.write_text(header + body, encoding="utf-8")
        return path

    return write


@pytest.fixture
def small_lexicon(lexicon_file):
    return load_lexicon(
        lexicon_file(
            "coop,cooperation,lemma,\n"
            "coop,strategic cooperation,lemma,\n"
            "inst,Shanghai Cooperation Organisation,lemma,\n"
            "inst,UN,lemma,\n"
            "trade,trade,lemma,\n"
            "trade,trade turnover,lemma,\n"
            "plans,plan,lemma,\n"
        )
    )


def counts_of(table: pd.DataFrame) -> dict:
    return {(s, t): n for s, t, n in table[["speaker", "theme", "matches"]].itertuples(index=False) if n}


# --------------------------------------------------------------------------- lexicon


def test_default_lexicon_has_the_genre_themes():
    lexicon = load_lexicon()
    assert list_themes(lexicon) == [
        "friendship & personal ties",
        "partnership & cooperation",
        "trade & economy",
        "energy",
        "history & WWII memory",
        "multilateral institutions",
        "world order & security",
        "culture & exchange",
        "future & plans",
    ]
    assert set(lexicon["match"]) <= {"word", "lemma", "prefix"}
    institutions = set(lexicon.loc[lexicon["theme"] == "multilateral institutions", "pattern"])
    assert {"UN", "Security Council", "SCO", "BRICS", "G20", "APEC"} <= institutions
    summary = summarise_lexicon(lexicon)
    assert summary["patterns"].sum() == len(lexicon)


def test_loader_keeps_line_numbers_and_skips_comments(lexicon_file):
    path = lexicon_file(
        "# a comment, with a comma\n\nenergy,gas,lemma,\nenergy,Power of Siberia,word,pipeline\n"
    )
    lexicon = load_lexicon(path)
    # header = line 1, comment = 2, blank = 3, gas = 4, Power of Siberia = 5
    assert lexicon["line"].tolist() == [4, 5]
    assert lexicon["keys"].tolist() == [("gas",), ("power", "of", "siberia")]
    assert lexicon["n_tokens"].tolist() == [1, 3]
    assert lexicon.attrs["path"] == str(path)


def test_loaded_lexicon_is_never_stale(lexicon_file):
    path = lexicon_file("energy,gas,lemma,\n")
    assert load_lexicon(path)["pattern"].tolist() == ["gas"]
    assert load_lexicon(path)["pattern"].tolist() == ["gas"]  # from the cache
    path.write_text("theme,pattern,match,note\nenergy,oil,lemma,\nenergy,gas,lemma,\n", encoding="utf-8")
    assert load_lexicon(path)["pattern"].tolist() == ["oil", "gas"]
    path.write_text("theme,pattern,match,note\nenergy,gas,lemma,\nenergy,gas,lemma,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="already listed"):
        load_lexicon(path)


def test_empty_match_means_lemma_and_note_is_optional(lexicon_file):
    lexicon = load_lexicon(lexicon_file("energy,gas,\n", header="theme,pattern,match\n"))
    assert lexicon[["match", "note"]].values.tolist() == [["lemma", ""]]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("energy,gas\n", r"line 2: expected 4 fields"),
        ("energy,gas,lemma,a,b\n", r"line 2: expected 4 fields"),
        ("energy,,lemma,\n", r"line 2: the pattern is empty"),
        (",gas,lemma,\n", r"line 2: the theme is empty"),
        ("energy,gas,regex,\n", r"line 2: unknown match type 'regex'.*word, lemma, prefix"),
        ("energy,gas,lemma,\nenergy,Gas,lemma,\n", r"line 3: pattern 'Gas'.*same theme on line 2"),
        ("energy,gas,lemma,\ntrade,gases,lemma,\n", r"line 3: .*under theme 'energy' on line 2"),
        ("energy,gas pipe,prefix,\n", r"line 2: a prefix pattern must be one word"),
        ("energy,--,lemma,\n", r"line 2: pattern '--' has no word"),
        ("# comment\nenergy,gas,lemma,\nenergy,oil,lema,\n", r"line 4: unknown match type 'lema'"),
    ],
)
def test_loader_rejects_malformed_rows_with_file_and_line(lexicon_file, body, message):
    path = lexicon_file(body)
    with pytest.raises(LexiconError, match=message) as error:
        load_lexicon(path)
    assert str(path) in str(error.value)


def test_loader_rejects_a_header_without_required_columns(lexicon_file):
    with pytest.raises(LexiconError, match=r"line 1: the header lacks the column\(s\) match"):
        load_lexicon(lexicon_file("energy,gas\n", header="theme,pattern\n"))


def test_loader_rejects_missing_empty_and_binary_files(tmp_path, lexicon_file):
    with pytest.raises(LexiconError, match="does not exist"):
        load_lexicon(tmp_path / "nope.csv")
    with pytest.raises(LexiconError, match="is empty"):
        load_lexicon(lexicon_file("", header="\n# only a comment\n"))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00theme")
    with pytest.raises(LexiconError, match="cannot be read"):
        load_lexicon(binary)


def test_pattern_keys_use_the_transcript_tokeniser():
    assert pattern_keys("China-Russia relations") == ("china-russia", "relation")
    assert pattern_keys("Years of Culture", "word") == ("years", "of", "culture")
    assert pattern_keys("US") == ("US",)  # acronym kept in capitals: never the pronoun "us"


# --------------------------------------------------------------------------- matcher


def test_multi_word_entry_takes_precedence_over_its_parts(small_lexicon):
    t = parse_transcript("Ann Lee: The Shanghai Cooperation Organisation helps cooperation.")
    # SCO phrase (3 tokens) wins; its "Cooperation" is not counted again; the last word is.
    assert counts_of(theme_counts(t, small_lexicon)) == {("Ann Lee", "inst"): 1, ("Ann Lee", "coop"): 1}


def test_overlapping_matches_longest_then_earliest(lexicon_file):
    lexicon = load_lexicon(
        lexicon_file(
            "a,strategic cooperation,lemma,\n"
            "b,cooperation programme,lemma,\n"
            "c,programme,lemma,\n"
            "d,comprehensive strategic,lemma,\n"
            "e,strategic cooperation programme on,lemma,\n"
        )
    )
    # "strategic cooperation programme": a (0-1) and b (1-2) tie on length -> a, the earlier;
    # then "programme" is free -> c.  Total: a 1, c 1.
    t = parse_transcript("Ann Lee: Strategic cooperation programme.")
    assert find_theme_matches(t, lexicon)["theme"].tolist() == ["a", "c"]
    # "comprehensive strategic cooperation programme on": e (4 tokens) beats d (2), although d starts first.
    t = parse_transcript("Ann Lee: Comprehensive strategic cooperation programme on it.")
    assert find_theme_matches(t, lexicon)[["theme", "n_tokens"]].values.tolist() == [["e", 4]]


def test_same_words_word_beats_lemma(lexicon_file):
    lexicon = load_lexicon(lexicon_file("values,good,lemma,\ntrade,goods,word,\n"))
    t = parse_transcript("Ann Lee: Good goods.")
    # "Good" (lemma good) -> values; "goods" is both word "goods" and lemma "good": word wins.
    assert find_theme_matches(t, lexicon)[["theme", "text"]].values.tolist() == [
        ["values", "Good"],
        ["trade", "goods"],
    ]


def test_phrases_do_not_cross_punctuation_or_sentences(small_lexicon):
    t = parse_transcript("Ann Lee: Trade, turnover. Trade. Turnover grew; trade turnover too.")
    matches = find_theme_matches(t, small_lexicon)
    assert matches["text"].tolist() == ["Trade", "Trade", "trade turnover"]


def test_phrases_do_not_match_across_removed_punctuation(small_lexicon):
    t = parse_transcript("Ann Lee: Trade, turnover.")
    # t.words drops the comma: the token ids are no longer consecutive, so no phrase match.
    assert find_theme_matches(t.words, small_lexicon)["pattern"].tolist() == ["trade"]


def test_lemma_acronym_and_prefix_matching(lexicon_file):
    lexicon = load_lexicon(lexicon_file("plans,plan,lemma,\nusa,US,lemma,\ncoop,cooperat*,prefix,\n"))
    t = parse_transcript("Ann Lee: Give us plans. The US planned. Cooperative cooperation, we cooperate.")
    matches = find_theme_matches(t, lexicon)
    assert matches["text"].tolist() == ["plans", "US", "planned", "Cooperative", "cooperation", "cooperate"]


def test_theme_counts_rates_and_evidence(small_lexicon):
    text = "Ann Lee: Trade and the UN. More trade turnover.\n\nBo Li: We plan trade.\n\nAnn Lee: Trade."
    t = parse_transcript(text)
    counts = theme_counts(t, small_lexicon)
    ann_trade = counts[(counts["speaker"] == "Ann Lee") & (counts["theme"] == "trade")].iloc[0]
    # Ann's words: Trade and the UN (4) + More trade turnover (3) + Trade (1) = 8;
    # trade matches: "Trade", "trade turnover", "Trade" = 3 -> 3 / 8 * 1000 = 375.
    assert (ann_trade["matches"], ann_trade["words"], ann_trade["rate_per_1000"]) == (3, 8, 375.0)
    assert ann_trade["sentence_ids"] == (0, 1, 3)
    # Bo: 3 words, "plan" and "trade" -> 1 each -> 333.333333 per 1,000.
    bo = counts[counts["speaker"] == "Bo Li"].set_index("theme")
    assert bo.loc[["trade", "plans"], "rate_per_1000"].tolist() == [333.333333, 333.333333]
    assert len(counts) == 2 * 4  # every speaker x theme, zeros included
    assert counts["theme"].tolist()[:4] == ["coop", "inst", "trade", "plans"]


def test_theme_counts_accepts_a_tokens_table_and_selects_speakers(small_lexicon):
    t = parse_transcript("Ann Lee: Trade.\n\nBo Li: Cooperation.")
    from_tokens = theme_counts(t.tokens, small_lexicon, speakers=["Bo Li"])
    assert from_tokens.equals(theme_counts(t, small_lexicon, speakers=["Bo Li"]))
    assert counts_of(from_tokens) == {("Bo Li", "coop"): 1}
    with pytest.raises(SpeakerNotFoundError, match="'Bob'"):
        theme_counts(t, small_lexicon, speakers=["Bob"])


def test_empty_tokens_give_a_clear_error(small_lexicon):
    t = parse_transcript("Ann Lee: Trade.")
    with pytest.raises(TranscriptError, match="tokens table is empty"):
        theme_counts(t.tokens.iloc[0:0], small_lexicon)
    with pytest.raises(TranscriptError, match="lacks the column"):
        theme_counts(t.tokens[["token_id", "speaker"]], small_lexicon)


def test_lexicon_can_be_a_path(lexicon_file):
    path = lexicon_file("energy,gas,lemma,\n")
    t = parse_transcript("Ann Lee: Gas.")
    assert find_theme_matches(t, path)["theme"].tolist() == ["energy"]


def test_lexicon_can_be_a_filtered_or_hand_made_table(small_lexicon):
    t = parse_transcript("Ann Lee: Trade and the UN plan.")
    subset = small_lexicon[small_lexicon["theme"] == "inst"]  # index labels 2, 3: not 0-based
    assert find_theme_matches(t, subset)["text"].tolist() == ["UN"]
    by_hand = pd.DataFrame({"theme": ["x"], "pattern": ["the UN"], "match": ["word"]})
    assert find_theme_matches(t, by_hand)[["theme", "n_tokens"]].values.tolist() == [["x", 2]]


def test_theme_evidence_lists_sentences_with_their_matches(small_lexicon):
    t = parse_transcript("Ann Lee: Trade and cooperation. Trade turnover, trade.")
    evidence = theme_evidence(t, small_lexicon)
    assert evidence[["theme", "sentence_id", "matches", "matched"]].values.tolist() == [
        ["coop", 0, 1, "cooperation"],
        ["trade", 0, 1, "Trade"],
        ["trade", 1, 2, "Trade turnover; trade"],
    ]
    assert evidence["text"].iloc[0] == "Trade and cooperation."


def test_theme_positions_from_first_to_last_word_across_turns(small_lexicon):
    t = parse_transcript("Ann Lee: Trade is good.\n\nBo Li: Yes.\n\nAnn Lee: We plan.")
    positions = theme_positions(t, small_lexicon)
    # Ann's words: Trade(0) is(1) good(2) We(3) plan(4): positions 0/4 and 4/4.
    assert positions[["theme", "turn", "word_index", "position"]].values.tolist() == [
        ["trade", 0, 0, 0.0],
        ["plans", 2, 4, 1.0],
    ]


@st.composite
def word_sequences(draw):
    vocabulary = ["trade", "turnover", "strategic", "cooperation", "shanghai", "organisation", "un", ","]
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=30))
    return " ".join(words).replace(" ,", ",")


def _reference_matches(tokens: pd.DataFrame, lexicon: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Brute force: try every pattern at every position, then longest-first, earliest-first."""
    found = []
    lemmas, ids, sents = tokens["lemma"].tolist(), tokens["token_id"].tolist(), tokens["sentence_id"].tolist()
    for i in range(len(tokens)):
        for row in lexicon.itertuples():
            j = i + len(row.keys)
            if j <= len(tokens) and tuple(lemmas[i:j]) == row.keys and len(set(sents[i:j])) == 1:
                assert ids[j - 1] - ids[i] == len(row.keys) - 1
                found.append((i, len(row.keys), row.Index, row.theme))
    taken, kept = set(), []
    for i, n, _, theme in sorted(found, key=lambda m: (-m[1], m[0], m[2])):
        if not taken & set(range(i, i + n)):
            taken |= set(range(i, i + n))
            kept.append((ids[i], n, theme))
    return sorted(kept)


@settings(max_examples=60, deadline=None)
@given(text=word_sequences())
def test_matcher_agrees_with_brute_force_and_counts_no_token_twice(text):
    lexicon = _HYPOTHESIS_LEXICON
    t = parse_transcript(f"Ann Lee: {text}.")
    matches = find_theme_matches(t, lexicon)
    got = sorted(zip(matches["token_id"], matches["n_tokens"], matches["theme"], strict=True))
    assert got == _reference_matches(t.tokens, lexicon)
    covered = [i for tid, n in zip(matches["token_id"], matches["n_tokens"], strict=True) for i in range(n)]
    assert sum(matches["n_tokens"]) == len(covered) <= len(t.words)


_HYPOTHESIS_LEXICON = pd.DataFrame(
    {
        "theme": ["coop", "coop", "inst", "inst", "trade", "trade", "x"],
        "pattern": ["cooperation", "strategic cooperation", "shanghai cooperation organisation", "UN",
                    "trade", "trade turnover", "turnover strategic"],
        "match": ["lemma"] * 7,
        "note": [""] * 7,
        "line": range(2, 9),
    }
)  # fmt: skip
_HYPOTHESIS_LEXICON["keys"] = [pattern_keys(p) for p in _HYPOTHESIS_LEXICON["pattern"]]
_HYPOTHESIS_LEXICON["n_tokens"] = _HYPOTHESIS_LEXICON["keys"].map(len)


# --------------------------------------------------------------------------- seed facts


def test_seed_cooperation_word_and_theme_counts(seed):
    words = seed.words
    per_speaker = words[words["lower"] == "cooperation"].groupby("speaker").size()
    assert per_speaker.to_dict() == {"Xi Jinping": 4, "Vladimir Putin": 4}
    matches = find_theme_matches(seed)
    cooperation_ids = set(words.loc[words["lower"] == "cooperation", "token_id"])
    covers = matches.apply(
        lambda m: any(i in cooperation_ids for i in range(m["token_id"], m["token_id"] + m["n_tokens"])),
        axis=1,
    )
    theme_of = matches[covers].groupby(["speaker", "theme"]).size().to_dict()
    # Putin's fourth "cooperation" sits inside "Shanghai Cooperation Organisation": an institution.
    assert theme_of == {
        ("Xi Jinping", "partnership & cooperation"): 4,
        ("Vladimir Putin", "partnership & cooperation"): 3,
        ("Vladimir Putin", "multilateral institutions"): 1,
    }
    sco = matches[matches["pattern"] == "Shanghai Cooperation Organisation"]
    assert sco[["speaker", "theme", "text"]].values.tolist() == [
        ["Vladimir Putin", "multilateral institutions", "Shanghai Cooperation Organisation"]
    ]


def test_seed_theme_counts_use_word_tokens_as_denominator(seed):
    counts = theme_counts(seed)
    assert counts.groupby("speaker", sort=False)["words"].first().to_dict() == {
        "Xi Jinping": 337,
        "Vladimir Putin": 705,
    }
    assert len(counts) == 2 * 9
    assert (counts["rate_per_1000"] == (1000 * counts["matches"] / counts["words"]).round(6)).all()


def test_seed_findings_name_both_speakers(seed):
    a, b = seed.speakers
    counts = theme_counts(seed)
    lines = describe_themes(counts, a, b)
    assert lines[0].startswith(f"{a}'s most frequent theme is ")
    assert any(b in line for line in lines)
    assert len(describe_positions(theme_positions(seed), a, b)) == 2
    assert len(describe_phrases(recurring_phrases(seed), a, b)) == 2


# --------------------------------------------------------------------------- phrases


def test_recurring_phrases_exact_counts_shared_and_nested():
    text = (
        "Ann Lee: Comprehensive strategic cooperation grows. Comprehensive strategic cooperation, "
        "of the people. Of the people.\n\nBo Li: Strategic cooperation matters."
    )
    phrases = recurring_phrases(parse_transcript(text))
    # Ann: "comprehensive strategic cooperation" x2; words 4 + 6 + 3 = 13 -> 2 / 13 * 1000 = 153.846154.
    # Its parts "comprehensive strategic" and "strategic cooperation" occur only twice too -> nested, dropped.
    # "of the people" starts with a stop word -> left out.  Bo repeats nothing.
    assert phrases.values.tolist() == [
        ["Ann Lee", "comprehensive strategic cooperation", 3, 2, 153.846154, False],
    ]
    full = recurring_phrases(parse_transcript(text), drop_nested=False)
    assert full[["phrase", "count", "shared"]].values.tolist() == [
        ["comprehensive strategic cooperation", 2, False],
        ["comprehensive strategic", 2, False],
        ["strategic cooperation", 2, True],
    ]


def test_recurring_phrases_do_not_cross_punctuation():
    phrases = recurring_phrases(parse_transcript("Ann Lee: Trade, energy. Trade, energy."))
    assert phrases.empty
    assert list(phrases.columns) == ["speaker", "phrase", "n", "count", "rate_per_1000", "shared"]


def test_score_collocations_counts_and_errors():
    t = parse_transcript("Ann Lee: Gas pipeline works. A gas pipeline, gas. Gas pipeline deals.")
    table = score_collocations(t, measure="pmi")
    assert table[["speaker", "phrase", "count"]].values.tolist() == [["Ann Lee", "gas pipeline", 3]]
    with pytest.raises(ValueError, match="n=2 or n=3"):
        score_collocations(t, n=4)
    with pytest.raises(ValueError, match="Unknown collocation measure"):
        score_collocations(t, measure="magic")


# --------------------------------------------------------------------------- kwic


KWIC_TEXT = (
    "Ann Lee: Trade grows. We build strategic cooperation, and trade.\n\n"
    "Bo Li: Strategic cooperation helps trade"
)


def test_kwic_on_a_phrase():
    t = parse_transcript(KWIC_TEXT)
    table = kwic(t, "strategic cooperation", window=2)
    assert table.values.tolist() == [
        ["Ann Lee", 1, "We build", "strategic cooperation", ", and trade."],
        ["Bo Li", 2, "", "Strategic cooperation", "helps trade"],
    ]


def test_kwic_at_the_very_start_and_end_of_a_speech():
    t = parse_transcript(KWIC_TEXT)
    table = kwic(t, "trade", window=3)
    # First word of Ann's speech: nothing on the left.  Last word of Ann's turn: the right context
    # is only the full stop, and never runs into Bo's turn.  Last word of the file: right is empty.
    assert table.values.tolist() == [
        ["Ann Lee", 0, "", "Trade", "grows. We build"],
        ["Ann Lee", 1, "strategic cooperation, and", "trade", "."],
        ["Bo Li", 2, "Strategic cooperation helps", "trade", ""],
    ]


def test_kwic_from_tokens_with_and_without_sentences():
    t = parse_transcript(KWIC_TEXT)
    expected = kwic(t, "trade", window=3)
    assert kwic(t.tokens, "trade", window=3, sentences=t.sentences).equals(expected)
    joined = kwic(t.tokens, "trade", window=3)  # no sentences: words re-joined, punctuation glued
    assert joined["left"].tolist() == expected["left"].tolist()
    assert joined["right"].tolist() == expected["right"].tolist()


def test_kwic_word_lemma_prefix_and_no_hit():
    t = parse_transcript("Ann Lee: Plans, planning and the plan. Cooperative cooperation.")
    assert kwic(t, "plan", window=0)["match"].tolist() == [
        "Plans",
        "planning",
        "plan",
    ]  # simplemma: planning -> plan
    assert kwic(t, "plans", match="word", window=0)["match"].tolist() == ["Plans"]
    assert kwic(t, "cooperat*", window=0)["match"].tolist() == ["Cooperative", "cooperation"]
    empty = kwic(t, "energy")
    assert empty.empty and list(empty.columns) == ["speaker", "sentence_id", "left", "match", "right"]
    with pytest.raises(ValueError, match="window"):
        kwic(t, "plan", window=-1)
    with pytest.raises(ValueError, match="match must be one of"):
        kwic(t, "plan", match="regex")


# --------------------------------------------------------------------------- plots


def test_plots_return_figures(seed):
    a, b = seed.speakers
    lexicon = load_lexicon()
    fig = plot_theme_rates(theme_counts(seed, lexicon), a, b)
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    fig = plot_theme_dispersion(theme_positions(seed, lexicon), list_themes(lexicon), a, b)
    assert len(fig.axes) == 2
    fig = plot_recurring_phrases(recurring_phrases(seed), a, b)
    assert len(fig.axes) == 2
    empty = recurring_phrases(seed).iloc[0:0]
    assert isinstance(plot_recurring_phrases(empty, a, b), Figure)
