"""Throughput of :func:`analysis.splitter.sentence_spans` against untrained Punkt.

Usage::

    .venv/bin/python benchmarks/bench_splitter.py [CORPUS_DIR] [--runs N]

Reads every file of the corpus directory (UTF-8, falling back to Latin-1),
splits each file with our splitter, with an untrained
``nltk.tokenize.punkt.PunktSentenceTokenizer().span_tokenize`` and, if it is
importable, with pySBD; prints characters per second (median of N runs) and
the ratio ours / Punkt.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.splitter import sentence_spans

DEFAULT_CORPUS = Path("/work/shared/corpora/state_union")


def load_corpus(directory: Path) -> list[str]:
    texts = []
    for path in sorted(p for p in directory.iterdir() if p.is_file()):
        raw = path.read_bytes()
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(raw.decode("latin-1"))
    return texts


def median_rate(fn: Callable[[str], object], texts: list[str], runs: int) -> float:
    n_chars = sum(map(len, texts))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        times.append(time.perf_counter() - t0)
    return n_chars / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    texts = load_corpus(args.corpus)
    print(f"corpus: {args.corpus} ({len(texts)} files, {sum(map(len, texts)):,} chars)")

    ours = median_rate(sentence_spans, texts, args.runs)
    print(f"ours   : {ours:14,.0f} chars/s")

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt_tok = PunktSentenceTokenizer()
    punkt = median_rate(lambda t: list(punkt_tok.span_tokenize(t)), texts, args.runs)
    print(f"punkt  : {punkt:14,.0f} chars/s")

    try:
        import pysbd
    except ImportError:
        print("pysbd  : not installed")
    else:
        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        rate = median_rate(seg.segment, texts, 1)
        print(f"pysbd  : {rate:14,.0f} chars/s (1 run)")

    print(f"ratio ours/punkt: {ours / punkt:.2f}")


if __name__ == "__main__":
    main()
