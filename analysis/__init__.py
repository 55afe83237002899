"""Rhetorical analysis of speeches and dialogues: load, segment, measure, plot.

The public verbs are re-exported here::

    from analysis import load_transcript
    t = load_transcript("data/raw/2025-01-21-xi-putin-video-call.txt")
    t.sentences.groupby("speaker").size()
"""

from .corpus import load_corpus
from .dialogue import compare_echo_with_background, find_echoes, measure_echo, summarise_turns
from .errors import (
    LexiconError,
    NoSpeakerLabelsError,
    SpeakerNotFoundError,
    TranscriptEncodingError,
    TranscriptError,
    TranscriptFileError,
)
from .figures import save_figure
from .readability import clean_sentence_texts, compare_readability, score_paragraphs, score_speakers
from .repetition import find_anaphora, find_repeated_phrases, find_tricolons
from .rhetoric import count_address, count_modality, count_numbers, count_pronouns, count_time_orientation
from .sentence_stats import compare_sentence_lengths, measure_sentences, summarise_sentence_lengths
from .splitter import sentence_spans, split_sentences
from .stats import bootstrap_ci, mann_whitney
from .themes import find_theme_matches, kwic, load_lexicon, recurring_phrases, theme_counts, theme_positions
from .tokens import iter_tokens, lemmatise, load_stopwords
from .transcript import Transcript, check_speakers, load_transcript, parse_transcript
from .vocabulary import (
    compare_mattr,
    distinctive_terms,
    lexical_diversity,
    mattr_intervals,
    moving_ttr,
    shared_vocabulary,
    vocabulary_overlap,
    word_frequencies,
)

__all__ = [
    "bootstrap_ci",
    "clean_sentence_texts",
    "compare_echo_with_background",
    "compare_readability",
    "compare_sentence_lengths",
    "count_address",
    "count_modality",
    "count_numbers",
    "count_pronouns",
    "count_time_orientation",
    "find_anaphora",
    "find_echoes",
    "find_repeated_phrases",
    "find_tricolons",
    "mann_whitney",
    "measure_echo",
    "measure_sentences",
    "score_paragraphs",
    "score_speakers",
    "summarise_sentence_lengths",
    "summarise_turns",
    "compare_mattr",
    "distinctive_terms",
    "find_theme_matches",
    "kwic",
    "lexical_diversity",
    "load_lexicon",
    "mattr_intervals",
    "moving_ttr",
    "recurring_phrases",
    "shared_vocabulary",
    "theme_counts",
    "theme_positions",
    "vocabulary_overlap",
    "word_frequencies",
    "LexiconError",
    "NoSpeakerLabelsError",
    "SpeakerNotFoundError",
    "Transcript",
    "TranscriptEncodingError",
    "TranscriptError",
    "TranscriptFileError",
    "check_speakers",
    "iter_tokens",
    "load_corpus",
    "lemmatise",
    "load_stopwords",
    "load_transcript",
    "parse_transcript",
    "save_figure",
    "sentence_spans",
    "split_sentences",
]
