"""The whole pipeline on a corpus, as a user would run it, and textstat alone on the same speeches.

:func:`run_pipeline` calls the suite's public helpers: load (read, segment,
tokenize), vocabulary (frequencies per speech, distinctive terms of the first
two speakers, lexical diversity per speech), themes (counts per speaker),
sentence statistics (lengths and their summary per speaker) and the eight
readability indices of every speech (per-sentence counts summed per speech
and the published formulas, as the readability notebook does).

:func:`run_textstat` is the reference: textstat's eight functions on the text
of every speech.
"""

from __future__ import annotations

import time
from pathlib import Path

from common import read_texts

READABILITY = [
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall_readability_score",
]  # fmt: skip


class _Clock:
    def __init__(self, start: float):
        self.last, self.stages = start, {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = round(now - self.last, 4)
        self.last = now


def run_pipeline(corpus: Path, start: float) -> tuple[dict, dict]:
    """Every stage of the suite on every speech; returns stage times and sizes."""
    clock = _Clock(start)
    import analysis
    from analysis import readability, sentence_stats, themes, vocabulary

    clock.lap("import")
    transcript = analysis.load_corpus(corpus)
    clock.lap("load, segment, tokenize")
    document_of = transcript.turns.set_index("turn")["document"]
    tokens = transcript.tokens.assign(document=transcript.tokens["turn"].map(document_of))
    frequencies = vocabulary.word_frequencies(tokens, by="document")
    a, b = transcript.speakers[:2] if len(transcript.speakers) > 1 else (None, None)
    distinctive = vocabulary.distinctive_terms(tokens, a, b) if a else None
    diversity = vocabulary.lexical_diversity(tokens, by="document")
    clock.lap("vocabulary")
    theme_table = themes.theme_counts(transcript)
    clock.lap("themes")
    lengths = sentence_stats.measure_sentences(transcript)
    summary = sentence_stats.summarise_sentence_lengths(lengths)
    clock.lap("sentence statistics")
    texts = readability.clean_sentence_texts(transcript)
    clock.lap("readability: sentence texts")
    features = readability.count_text_features(texts["text"].tolist())
    clock.lap("readability: counts")
    features["document"] = texts["turn"].map(document_of).to_numpy()
    scores = readability.combine_counts(features.groupby("document").sum())
    clock.lap("readability: indices")
    counts = {
        "speeches": len(transcript.documents), "characters": len(transcript.raw),
        "sentences": len(transcript.sentences), "tokens": len(transcript.tokens),
        "frequency_rows": len(frequencies),
        "distinctive_rows": 0 if distinctive is None else len(distinctive),
        "diversity_rows": len(diversity), "theme_rows": len(theme_table), "summary_rows": len(summary),
        "scored_speeches": len(scores),
    }  # fmt: skip
    return clock.stages, counts


def run_textstat(corpus: Path, start: float) -> tuple[dict, dict]:
    """textstat alone: the same eight indices on every speech's text."""
    clock = _Clock(start)
    from analysis.offline import ensure_nltk_data

    ensure_nltk_data()  # textstat's CMU dictionary, offline
    import textstat

    clock.lap("import")
    texts = read_texts(corpus)
    clock.lap("read")
    for text in texts:
        for name in READABILITY:
            getattr(textstat, name)(text)
        textstat.linsear_write_formula(text, strict_upper=False)
    clock.lap("eight indices")
    return clock.stages, {"speeches": len(texts), "characters": sum(map(len, texts))}
