"""Target 1: sentence splitting throughput against NLTK's Punkt (and pySBD, spaCy as reference points).

Every splitter returns the sentences as strings from the raw text of every
speech.  Ours and Punkt are timed alternately in the same loop (median of
``runs``); pySBD and spaCy are slower and timed once unless ``runs`` asks for
more.  Accuracy is the share of the splitter test cases (pySBD's English
"Golden Rules" and the suite's hard cases, ``tests/test_splitter.py``) that a
splitter gets exactly right.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from common import PROJECT_ROOT, read_texts

Splitter = Callable[[str], list[str]]


def load_splitters() -> dict[str, Splitter | str]:
    """Name -> function returning sentence strings, or a reason it is unavailable."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from analysis.splitter import split_sentences

    splitters: dict[str, Splitter | str] = {
        "analysis.split_sentences": split_sentences,
        "NLTK Punkt (untrained)": PunktSentenceTokenizer().tokenize,
    }
    try:
        import pysbd
    except ImportError:
        splitters["pySBD"] = "not installed (pip install -r benchmarks/requirements.txt)"
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False)
        splitters["pySBD"] = segmenter.segment
    try:
        import spacy
    except ImportError:
        splitters["spaCy blank('en') + sentencizer"] = "not installed"
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10_000_000
        splitters["spaCy blank('en') + sentencizer"] = lambda text: [s.text for s in nlp(text).sents]
    return splitters


def accuracy_cases() -> list[tuple[str, list[str]]]:
    """The splitter's test cases (text, expected sentences), read from the test module."""
    path = PROJECT_ROOT / "tests" / "test_splitter.py"
    spec = importlib.util.spec_from_file_location("_splitter_cases", path)
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [*module.GOLDEN_EN_RULES, *getattr(module, "HARD_CASES", [])]


def score_accuracy(split: Splitter, cases: list[tuple[str, list[str]]]) -> float:
    """Share of cases split exactly as expected (sentences compared after strip)."""
    right = sum([s.strip() for s in split(text) if s.strip()] == expected for text, expected in cases)
    return right / len(cases)


def time_splitters(texts: list[str], splitters: dict[str, Splitter], runs: int, slow_runs: int) -> dict:
    """Median seconds per splitter over the texts; the first two are timed alternately."""
    times: dict[str, list[float]] = {name: [] for name in splitters}
    names = list(splitters)
    for index in range(runs):
        for name in names[:2] if index % 2 == 0 else names[1::-1]:
            times[name].append(_one_pass(splitters[name], texts))
    for name in names[2:]:
        times[name] = [_one_pass(splitters[name], texts) for _ in range(slow_runs)]
    return {name: statistics.median(values) for name, values in times.items()}


def _one_pass(split: Splitter, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        split(text)
    return time.perf_counter() - start


def run(corpus: Path, runs: int, slow_runs: int = 1) -> dict:
    """Measure every available splitter on ``corpus``; the results as a dict."""
    texts = read_texts(corpus)
    characters = sum(map(len, texts))
    available = load_splitters()
    usable = {name: s for name, s in available.items() if callable(s)}
    seconds = time_splitters(texts, usable, runs, slow_runs)
    cases = accuracy_cases()
    rows = []
    reference = seconds["NLTK Punkt (untrained)"]
    for name, split in available.items():
        if not callable(split):
            rows.append({"splitter": name, "note": split})
            continue
        rows.append({
            "splitter": name, "seconds": seconds[name], "chars_per_s": characters / seconds[name],
            "speed_vs_punkt": reference / seconds[name], "sentences": sum(len(split(t)) for t in texts),
            "accuracy": score_accuracy(split, cases) if cases else float("nan"),
            "runs": runs if name in list(usable)[:2] else slow_runs,
        })  # fmt: skip
    return {"characters": characters, "speeches": len(texts), "cases": len(cases), "rows": rows}
