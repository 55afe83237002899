"""Tests for :mod:`analysis.splitter`."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import splitter
from analysis.splitter import sentence_spans, split_sentences

# The English "Golden Rules" of the pragmatic_segmenter project, as used by
# pySBD's test suite (tests/lang/test_english.py).  Expected sentences are
# compared after ``.strip()``.
GOLDEN_EN_RULES = [
    ("Hello World. My name is Jonas.", ["Hello World.", "My name is Jonas."]),
    ("What is your name? My name is Jonas.", ["What is your name?", "My name is Jonas."]),
    ("There it is! I found it.", ["There it is!", "I found it."]),
    ("My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]),
    ("Please turn to p. 55.", ["Please turn to p. 55."]),
    ("Were Jane and co. at the party?", ["Were Jane and co. at the party?"]),
    (
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        ["They closed the deal with Pitt, Briggs & Co. at noon."],
    ),
    ("Let's ask Jane and co. They should know.", ["Let's ask Jane and co.", "They should know."]),
    (
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."],
    ),
    ("I can see Mt. Fuji from here.", ["I can see Mt. Fuji from here."]),
    (
        "St. Michael's Church is on 5th st. near the light.",
        ["St. Michael's Church is on 5th st. near the light."],
    ),
    ("That is JFK Jr.'s book.", ["That is JFK Jr.'s book."]),
    ("I visited the U.S.A. last year.", ["I visited the U.S.A. last year."]),
    ("I live in the E.U. How about you?", ["I live in the E.U.", "How about you?"]),
    ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    (
        "I work for the U.S. Government in Virginia.",
        ["I work for the U.S. Government in Virginia."],
    ),
    ("I have lived in the U.S. for 20 years.", ["I have lived in the U.S. for 20 years."]),
    (
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went "
        "to the store.",
        [
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    ),
    ("She has $100.00 in her bag.", ["She has $100.00 in her bag."]),
    ("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
    (
        "He teaches science (He previously worked for 5 years as an engineer.) at the local "
        "University.",
        [
            "He teaches science (He previously worked for 5 years as an engineer.) at the local "
            "University."
        ],
    ),
    (
        "Her email is Jane.Doe@example.com. I sent her an email.",
        ["Her email is Jane.Doe@example.com.", "I sent her an email."],
    ),
    (
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it "
        "out.",
        [
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out.",
        ],
    ),
    (
        "She turned to him, 'This is great.' she said.",
        ["She turned to him, 'This is great.' she said."],
    ),
    (
        'She turned to him, "This is great." she said.',
        ['She turned to him, "This is great." she said.'],
    ),
    (
        'She turned to him, "This is great." She held the book out to show him.',
        ['She turned to him, "This is great."', "She held the book out to show him."],
    ),
    ("Hello!! Long time no see.", ["Hello!!", "Long time no see."]),
    ("Hello?? Who is there?", ["Hello??", "Who is there?"]),
    ("Hello!? Is that you?", ["Hello!?", "Is that you?"]),
    ("Hello?! Is that you?", ["Hello?!", "Is that you?"]),
    ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
    (
        "1.) The first item. 2.) The second item.",
        ["1.) The first item.", "2.) The second item."],
    ),
    ("1) The first item 2) The second item", ["1) The first item", "2) The second item"]),
    ("1) The first item. 2) The second item.", ["1) The first item.", "2) The second item."]),
    ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
    ("1. The first item. 2. The second item.", ["1. The first item.", "2. The second item."]),
    (
        "• 9. The first item • 10. The second item",
        ["• 9. The first item", "• 10. The second item"],
    ),
    ("⁃9. The first item ⁃10. The second item", ["⁃9. The first item", "⁃10. The second item"]),
    (
        "a. The first item b. The second item c. The third list item",
        ["a. The first item", "b. The second item", "c. The third list item"],
    ),
    (
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        ["You can find it at N°. 1026.253.553.", "That is where the treasure is."],
    ),
    (
        "She works at Yahoo! in the accounting department.",
        ["She works at Yahoo! in the accounting department."],
    ),
    (
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
    ),
    (
        "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear "
        "less complex. . . .”",
        [
            "Thoreau argues that by simplifying one’s life, “the laws of the universe will "
            "appear less complex. . . .”"
        ],
    ),
    (
        '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).',
        ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).'],
    ),
    (
        "If words are left off at the end of a sentence, and that is all that is omitted, "
        "indicate the omission with ellipsis marks (preceded and followed by a space) and then "
        "indicate the end of the sentence with a period . . . . Next sentence.",
        [
            "If words are left off at the end of a sentence, and that is all that is omitted, "
            "indicate the omission with ellipsis marks (preceded and followed by a space) and "
            "then indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    ),
    (
        "I never meant that.... She left the store.",
        ["I never meant that....", "She left the store."],
    ),
    (
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . "
        "I didn’t mean it.",
        [
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is "
            ". . . I didn’t mean it."
        ],
    ),
    (
        "One further habit which was somewhat weakened . . . was that of combining words into "
        "self-interpreting compounds. . . . The practice was not abandoned. . . .",
        [
            "One further habit which was somewhat weakened . . . was that of combining words "
            "into self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    GOLDEN_EN_RULES,
    ids=[f"golden{i:02d}" for i in range(1, len(GOLDEN_EN_RULES) + 1)],
)
def test_golden_rules(text: str, expected: list[str]) -> None:
    assert [s.strip() for s in split_sentences(text)] == expected


HARD_CASES = [
    # Abbreviations and titles.
    (
        "Mr. Smith and Mrs. Jones met Dr. Brown, Prof. White and Ms. Green on St. Patrick's Day.",
        ["Mr. Smith and Mrs. Jones met Dr. Brown, Prof. White and Ms. Green on St. Patrick's Day."],
    ),
    (
        "Sen. Byrd, Rep. Pelosi, Gov. Brown, Gen. Lee, Lt. Col. North and Capt. Kirk agreed.",
        ["Sen. Byrd, Rep. Pelosi, Gov. Brown, Gen. Lee, Lt. Col. North and Capt. Kirk agreed."],
    ),
    (
        "Acme Corp. and Foo Inc. merged with Bar Ltd. in Jan. 2001. Then they split.",
        ["Acme Corp. and Foo Inc. merged with Bar Ltd. in Jan. 2001.", "Then they split."],
    ),
    (
        "I met Martin Luther King Jr. He was great.",
        ["I met Martin Luther King Jr.", "He was great."],
    ),
    ("Sammy Davis Jr. Sang there.", ["Sammy Davis Jr. Sang there."]),
    (
        "Fruits, e.g. apples, i.e. the red ones, cf. pears vs. plums are sold. Approx. 5 kg each.",
        [
            "Fruits, e.g. apples, i.e. the red ones, cf. pears vs. plums are sold.",
            "Approx. 5 kg each.",
        ],
    ),
    (
        "I bought apples, pears, etc. Then I went home.",
        ["I bought apples, pears, etc.", "Then I went home."],
    ),
    (
        "I climbed Mt. Everest in Aug. Then I rested on Sunset Blvd. near 5th Ave.",
        ["I climbed Mt. Everest in Aug.", "Then I rested on Sunset Blvd. near 5th Ave."],
    ),
    (
        "See Vol. 3, No. 5 for details. It was printed in Feb. 1999.",
        ["See Vol. 3, No. 5 for details.", "It was printed in Feb. 1999."],
    ),
    ("Go to No. 5 Main St. It is there.", ["Go to No. 5 Main St.", "It is there."]),
    ("Did he come? No. He stayed home.", ["Did he come?", "No.", "He stayed home."]),
    # Initials.
    (
        "J. R. R. Tolkien wrote it. George W. Bush read it.",
        ["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
    ),
    ("We chose Plan B. Then we waited.", ["We chose Plan B.", "Then we waited."]),
    # Multi-period abbreviations.
    ("I live in the U.S. He lives in the U.K.", ["I live in the U.S.", "He lives in the U.K."]),
    ("The U.S. Army is big.", ["The U.S. Army is big."]),
    ("We met at 5 p.m. Then we left.", ["We met at 5 p.m.", "Then we left."]),
    ("We met at 5 p.m. on Monday.", ["We met at 5 p.m. on Monday."]),
    (
        "The meeting is at 10 a.m. We must be on time.",
        ["The meeting is at 10 a.m.", "We must be on time."],
    ),
    (
        "He has a Ph.D. in physics. She has a Ph.D. She is smart.",
        ["He has a Ph.D. in physics.", "She has a Ph.D.", "She is smart."],
    ),
    (
        "Born in the U.S.A. She moved to the U.K. in 1990.",
        ["Born in the U.S.A.", "She moved to the U.K. in 1990."],
    ),
    # Numbers and currency.
    (
        "Pi is 3.14 and it costs $100.00 or 7.5 euros. Nice.",
        ["Pi is 3.14 and it costs $100.00 or 7.5 euros.", "Nice."],
    ),
    ("The score was 3-2. 5 people were hurt.", ["The score was 3-2.", "5 people were hurt."]),
    ("It ended in 1945. The next year was calm.", ["It ended in 1945.", "The next year was calm."]),
    # Quotes, parentheses, ?/!.
    ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
    ("(This is it.) Next.", ["(This is it.)", "Next."]),
    ('"Is it?" he asked. "Yes!" she said.', ['"Is it?" he asked.', '"Yes!" she said.']),
    (
        "Wait... what? No! Really?! Yes!! OK.",
        ["Wait... what?", "No!", "Really?!", "Yes!!", "OK."],
    ),
    ("It’s ‘done.’ They left. «Bien.» Good.", ["It’s ‘done.’", "They left.", "«Bien.»", "Good."]),
    ("He wrote “It works.” Then he slept.", ["He wrote “It works.”", "Then he slept."]),
    # Ellipses.
    (
        "He paused… Then he spoke. She paused… and spoke.",
        ["He paused…", "Then he spoke.", "She paused… and spoke."],
    ),
    ("Well... I think so... maybe.", ["Well...", "I think so... maybe."]),
    # Dashes.
    (
        "The war—long and bitter—ended. Peace – at last – came.",
        ["The war—long and bitter—ended.", "Peace – at last – came."],
    ),
    # Emails, URLs, file names.
    (
        "Visit www.example.com or mail john.doe@mail.com about file.txt. Thanks.",
        ["Visit www.example.com or mail john.doe@mail.com about file.txt.", "Thanks."],
    ),
    ("Open config.yaml and run main.py now.", ["Open config.yaml and run main.py now."]),
    # Lists and headings.
    ("1. Heading\nThe text follows.", ["1. Heading\nThe text follows."]),
    ("IV. Foreign policy. We act.", ["IV. Foreign policy.", "We act."]),
    # Newlines.
    (
        "Line one\nstill line one. Line two.\n\nNo stop here\n\nAnother",
        ["Line one\nstill line one.", "Line two.", "No stop here", "Another"],
    ),
    ("Windows\r\n\r\nline\r\nbreaks. Here.", ["Windows", "line\r\nbreaks.", "Here."]),
    ("Old Mac\r\rstyle", ["Old Mac", "style"]),
    ("Blank \n \t \n line", ["Blank", "line"]),
    ("Mr.\n\nSmith", ["Mr.", "Smith"]),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n \u00a0 "])
def test_whitespace_only(text: str) -> None:
    assert sentence_spans(text) == []
    assert split_sentences(text) == []


def test_spans_are_absolute_with_start_and_end() -> None:
    text = "Skip this. Mr. Smith left. Then he came back. Tail."
    begin = text.index("Mr.")
    stop = text.index(" Tail")
    spans = sentence_spans(text, begin, stop)
    assert [text[s:e] for s, e in spans] == ["Mr. Smith left.", "Then he came back."]
    assert spans[0][0] == begin
    # Splitting a region is the same as splitting the slice, shifted.
    assert spans == [(s + begin, e + begin) for s, e in sentence_spans(text[begin:stop])]


def test_start_end_slice_semantics() -> None:
    text = "One. Two. Three."
    assert sentence_spans(text, 5) == [(5, 9), (10, 16)]
    assert sentence_spans(text, 0, -7) == [(0, 4), (5, 9)]
    assert sentence_spans(text, 10, 5) == []
    assert sentence_spans(text, 100) == []


def test_doctests() -> None:
    result = doctest.testmod(splitter)
    assert result.attempted > 0
    assert result.failed == 0


# ---------------------------------------------------------------------------
# Property tests
# ---------------------------------------------------------------------------

_FRAGMENTS = (
    "Mr.|Dr.|U.S.|a.m.|p.m.|e.g.|etc.|No.|Jr.|Co.|St.|Ph.D.|J.|I.|1.|2.|a.|b.|1)|2.)|...|. . .|"
    "…|?!|!!|$1.00|3.14|www.x.com|file.txt|•|⁃|[...]|He|The|then|It|\r\n"
).split("|")
_ALPHABET = st.sampled_from(
    list("abcXYZ  \n\r\t.!?\"'()[]:;,…’”“‘«»—–-0123456789\u00a0") + _FRAGMENTS
)
_WORDS = st.sampled_from(_FRAGMENTS + [" ", " ", "\n", "\n\n", "word", "Word"])
_TEXTS = st.one_of(
    st.text(),
    st.lists(_ALPHABET, max_size=80).map("".join),
    st.lists(_WORDS, max_size=40).map(" ".join),
)


def _check_spans(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    prev_end = lo
    covered = 0
    for s, e in spans:
        assert lo <= prev_end <= s < e <= hi
        piece = text[s:e]
        assert piece == piece.strip()
        covered += sum(1 for ch in piece if not ch.isspace())
        # Whatever lies between two spans is whitespace.
        assert not text[prev_end:s].strip()
        prev_end = e
    assert not text[prev_end:hi].strip()
    assert covered == sum(1 for ch in text[lo:hi] if not ch.isspace())


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_property_lossless(text: str) -> None:
    spans = sentence_spans(text)
    _check_spans(text, spans, 0, len(text))
    assert split_sentences(text) == [text[s:e] for s, e in spans]


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.integers(-5, 90), st.one_of(st.none(), st.integers(-5, 90)))
def test_property_region(text: str, start: int, end: int | None) -> None:
    spans = sentence_spans(text, start, end)
    lo, hi, _ = slice(start, end).indices(len(text))
    _check_spans(text, spans, lo, max(lo, hi))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS + ["word", "Word", "x"]), max_size=30))
def test_property_blank_line_always_splits(words: list[str]) -> None:
    left = " ".join(words[: len(words) // 2]) or "left"
    right = " ".join(words[len(words) // 2 :]) or "right"
    text = left + "\n\n" + right
    gap = len(left)
    spans = sentence_spans(text)
    assert all(e <= gap or s >= gap + 2 for s, e in spans)
