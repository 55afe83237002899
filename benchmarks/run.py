"""Speed and memory benchmarks of the suite (``make bench``); results in ``benchmarks/RESULTS.md``.

Four targets, each a ratio measured side by side in one run (medians of several runs):

1. sentence splitting: ``split_sentences`` against NLTK's Punkt on a corpus (ratio >= 1.0);
2. whole pipeline on every speech against textstat alone on the same speeches (<= 1.5x);
3. the pipeline on the corpus repeated 10 times (time <= 11x the 1x run, max RSS < 2 GB);
4. the notebook suite (``make figures``) against a floor of notebooks that only import and save
   one figure, run the same way (<= 1.3x).

Usage::

    python benchmarks/run.py                       # everything, writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick --corpus DIR --out results.md   # seconds, for the tests
"""

from __future__ import annotations

import argparse
import pstats
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    BENCH_DIR,
    DEFAULT_CORPUS,
    PROJECT_ROOT,
    machine,
    markdown_table,
    run_worker,
    versions,
)

TARGETS = ("split", "pipeline", "scaling", "notebooks")
SEED_TRANSCRIPT = PROJECT_ROOT / "data" / "raw" / "2025-01-21-xi-putin-video-call.txt"
_FILE_NAME = re.compile(r"^(?P<year>\d{4})-(?P<speaker>[^.]+?)(?:-(?P<part>\d+))?$")


#: Fewest alternating suite/floor pairs for target 4.
NOTEBOOK_RUNS = 5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="one run each, the corpus repeated twice, no notebook target (for the tests)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of YEAR-Name.txt files")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "RESULTS.md", help="results file (Markdown)")
    parser.add_argument("--runs", type=int, help="runs per measurement (default 3, quick 1)")
    parser.add_argument("--repeat", type=int, help="corpus copies for the scaling target (default 10)")
    parser.add_argument("--targets", nargs="+", choices=TARGETS, help="targets to run (default all)")
    parser.add_argument("--transcript", type=Path, default=SEED_TRANSCRIPT, help="transcript for target 4")
    parser.add_argument("--jobs", type=int, help="notebooks at once for target 4 (default: as make figures)")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 3)
    args.repeat = args.repeat or (2 if args.quick else 10)
    args.targets = args.targets or (TARGETS[:3] if args.quick else TARGETS)
    return args  # fmt: skip


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- targets


def bench_split(args: argparse.Namespace) -> dict:
    import split

    runs = args.runs if args.quick else max(args.runs, 7)
    return split.run(args.corpus, runs=runs, slow_runs=1)


def bench_pipeline(args: argparse.Namespace) -> dict:
    suite, alone = [], []
    for index in range(args.runs):
        log(f"  pipeline run {index + 1}/{args.runs}")
        suite.append(run_worker("pipeline", str(args.corpus)))
        alone.append(run_worker("textstat", str(args.corpus)))
    return {"suite": suite, "textstat": alone,
            "suite_s": statistics.median(r["seconds"] for r in suite),
            "textstat_s": statistics.median(r["seconds"] for r in alone)}  # fmt: skip


def repeat_corpus(corpus: Path, folder: Path, copies: int) -> Path:
    """Copy every speech ``copies`` times (same speakers and years, distinct part numbers)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.glob("*.txt")):
        match = _FILE_NAME.match(path.stem)
        for copy in range(copies):
            if match:
                part = int(match.group("part") or 0)
                name = f"{match.group('year')}-{match.group('speaker')}-{100 * (copy + 1) + part}.txt"
            else:
                name = f"{path.stem}-copy{copy}.txt"
            shutil.copyfile(path, folder / name)
    return folder


def bench_scaling(args: argparse.Namespace, one: dict | None) -> dict:
    if one is None:
        one = {"suite": [run_worker("pipeline", str(args.corpus))]}
        one["suite_s"] = one["suite"][0]["seconds"]
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        folder = repeat_corpus(args.corpus, Path(tmp), args.repeat)
        big = []
        for index in range(args.runs):
            log(f"  scaling run {index + 1}/{args.runs}")
            big.append(run_worker("pipeline", str(folder)))
    return {"copies": args.repeat, "one_s": one["suite_s"], "big": big,
            "big_s": statistics.median(r["seconds"] for r in big),
            "one_rss_mb": max(r["max_rss_mb"] for r in one["suite"]),
            "big_rss_mb": max(r["max_rss_mb"] for r in big)}  # fmt: skip


def bench_notebooks(args: argparse.Namespace) -> dict:
    import notebooks

    # whole-suite timings vary by about 10% from run to run here: at least five pairs
    return notebooks.run(args.transcript, runs=max(args.runs, NOTEBOOK_RUNS), jobs=args.jobs)


def profile_pipeline(args: argparse.Namespace, top: int = 14) -> list[list]:
    """cProfile of one pipeline run: the suite's and textstat's functions by cumulative time."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        out = Path(tmp) / "pipeline.prof"
        run_worker("profile", str(args.corpus), str(out))
        stats = pstats.Stats(str(out))
    total = max(value[3] for value in stats.stats.values())  # the outermost cumulative time
    ours = [(key, value) for key, value in stats.stats.items()
            if ("/analysis/" in key[0] or "/textstat/" in key[0]) and not key[2].startswith("<")]  # fmt: skip
    rows = sorted(ours, key=lambda item: item[1][3], reverse=True)[:top]
    return [[_where(key), f"{value[3]:.2f}", f"{100 * value[3] / total:.0f}%", f"{value[1]:,}"]
            for key, value in rows]  # fmt: skip


def _where(key: tuple) -> str:
    filename, line, name = key
    if filename == "~":
        return f"`{name}`"
    for marker in ("site-packages/", str(PROJECT_ROOT) + "/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"`{filename}:{line} {name}`"


# --------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "pass" if ok else "**miss**"


def format_split(result: dict) -> list[str]:
    rows = []
    for row in result["rows"]:
        if "seconds" not in row:
            rows.append([row["splitter"], "-", "-", "-", "-", row["note"]])
            continue
        rows.append([row["splitter"], f"{row['chars_per_s'] / 1e6:.2f}", f"{row['speed_vs_punkt']:.2f}",
                     f"{row['sentences']:,}", f"{100 * row['accuracy']:.0f}%",
                     f"median of {row['runs']}"])  # fmt: skip
    ours = result["rows"][0]["speed_vs_punkt"]
    return [
        "## 1. Sentence splitting",
        "",
        f"{result['speeches']} speeches, {result['characters']:,} characters; every splitter returns "
        "the sentences as strings.  Accuracy: share of the splitter's "
        f"{result['cases']} test cases (pySBD's English Golden Rules and the suite's hard cases, "
        "`tests/test_splitter.py`) split exactly right.  Our splitter was written against these "
        "cases, so its 100% shows that speed did not cost accuracy, not that it beats the others in general.",
        "",
        markdown_table(["splitter", "MB/s", "speed / Punkt", "sentences", "accuracy", "runs"], rows),
        "",
        f"**Target** speed / Punkt >= 1.0: **{ours:.2f}** -> {verdict(ours >= 1.0)}.",
    ]


def format_pipeline(result: dict) -> list[str]:
    ratio = result["suite_s"] / result["textstat_s"]
    stages = _median_stages(result["suite"])
    counts = result["suite"][0]["counts"]
    rows = [[name, f"{seconds:.2f}", f"{100 * seconds / result['suite_s']:.0f}%"]
            for name, seconds in stages.items()]  # fmt: skip
    alone = result["textstat"]
    ts_stages = _median_stages(alone)
    return [
        "## 2. Whole pipeline against textstat alone",
        "",
        f"Every speech of the corpus ({counts['speeches']} speeches, {counts['characters']:,} characters, "
        f"{counts['sentences']:,} sentences, {counts['tokens']:,} tokens).  The suite: `load_corpus` "
        "(read, segment, tokenize), word frequencies per speech, distinctive terms of the first two "
        "speakers, lexical diversity (TTR, MATTR, MTLD, HD-D) per speech, theme counts, sentence lengths "
        "and their summary, the eight readability indices of every speech (textstat's counts per sentence, "
        "summed per speech, published formulas).  textstat alone: its eight functions on the text of every "
        "speech.  Each side runs in a fresh interpreter, timed from before its first import, so both pay "
        "their imports and textstat's CMU dictionary load (cold caches on both sides); no "
        "`data/processed` cache is used.",
        "",
        markdown_table(["", "seconds (median)", "runs"], [
            ["suite pipeline", f"{result['suite_s']:.2f}", _runs(r["seconds"] for r in result["suite"])],
            ["textstat alone", f"{result['textstat_s']:.2f}", _runs(r["seconds"] for r in alone)],
        ]),  # fmt: skip
        "",
        f"**Target** suite / textstat <= 1.5: **{ratio:.2f}** -> {verdict(ratio <= 1.5)}.",
        "",
        "Where the suite's time goes (stages, median run):",
        "",
        markdown_table(["stage", "seconds", "share"], rows),
        "",
        "textstat alone: " + ", ".join(f"{k} {v:.2f} s" for k, v in ts_stages.items()) + ".",
    ]


def _median_stages(results: list[dict]) -> dict[str, float]:
    names = results[0]["stages"]
    return {name: statistics.median(r["stages"][name] for r in results) for name in names}


def format_scaling(result: dict) -> list[str]:
    ratio = result["big_s"] / result["one_s"]
    counts = result["big"][0]["counts"]
    megabytes = counts["characters"] / 1e6
    per_mb = result["big_rss_mb"] / megabytes
    one_mb = megabytes / result["copies"]
    marginal = (result["big_rss_mb"] - result["one_rss_mb"]) / (megabytes - one_mb)
    return [
        f"## 3. Scaling: the corpus repeated {result['copies']} times",
        "",
        f"{counts['speeches']} speeches, {counts['characters']:,} characters, {counts['tokens']:,} tokens "
        "(every file copied, same speakers and years).",
        "",
        markdown_table(["", "1x", f"{result['copies']}x"], [
            ["seconds (median)", f"{result['one_s']:.2f}", f"{result['big_s']:.2f}"],
            ["max RSS (MB)", f"{result['one_rss_mb']:.0f}", f"{result['big_rss_mb']:.0f}"],
        ]),  # fmt: skip
        "",
        f"**Target** time <= {result['copies'] + 1}x the 1x run: **{ratio:.2f}x** -> "
        f"{verdict(ratio <= result['copies'] + 1)}; max RSS < 2 GB: **{result['big_rss_mb']:.0f} MB** -> "
        f"{verdict(result['big_rss_mb'] < 2048)}.",
        "",
        f"Memory: {per_mb:.0f} MB of peak RSS per MB of text at {result['copies']}x "
        f"(interpreter and libraries included); each further MB of text adds about {marginal:.0f} MB.",
        "",
        "Stages at this size (median run): "
        + ", ".join(f"{k} {v:.1f} s" for k, v in _median_stages(result["big"]).items()) + ".",
    ]


def format_notebooks(result: dict) -> list[str]:
    ratio = result["suite_s"] / result["floor_s"]
    rows = []
    for item in result["breakdown"]["suite"]:
        slowest = "; ".join(f"`{line}` {seconds:.1f} s" for seconds, line in item["slowest"])
        rows.append([item["notebook"], f"{item['cells_s']:.1f}", slowest])
    floor_cells = statistics.median(item["cells_s"] for item in result["breakdown"]["floor"])
    return [
        "## 4. Notebook suite against its floor",
        "",
        f"`make figures` runs {result['notebooks']} notebooks, {result['jobs']} at once, each in a fresh "
        "Jupyter kernel (`analysis.report.run_report`).  The floor: as many notebooks, run by the same "
        "function with the same parallelism on the same transcript, each only importing the suite's "
        "libraries (analysis with its notebook helpers and plots, pandas, numpy, scipy, matplotlib) and "
        "saving one figure.  Alternate runs; figures written to a temporary folder.",
        "",
        markdown_table(["", "seconds (median)", "runs"], [
            ["notebook suite", f"{result['suite_s']:.1f}", _runs(result["times"]["suite"])],
            ["floor", f"{result['floor_s']:.1f}", _runs(result["times"]["floor"])],
        ]),  # fmt: skip
        "",
        f"**Target** suite / floor <= 1.3: **{ratio:.2f}** -> {verdict(ratio <= 1.3)}.",
        "",
        f"Ratio of each alternating pair (suite run / the floor run just before it): {_pair_ratios(result)}.",
        "",
        f"Cell time per notebook in the last suite run (a floor notebook's cells take {floor_cells:.1f} s; "
        "the rest of each notebook's wall time is starting its kernel):",
        "",
        markdown_table(["notebook", "cells (s)", "slowest cells"], rows),
    ]


def _pair_ratios(result: dict) -> str:
    pairs = zip(result["times"]["suite"], result["times"]["floor"], strict=True)
    return ", ".join(f"{suite / floor:.2f}" for suite, floor in pairs)


def _runs(seconds) -> str:
    return ", ".join(f"{value:.2f}" for value in seconds)


def write_results(args: argparse.Namespace, results: dict, profile: list | None, elapsed: float) -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{' '.join(['python benchmarks/run.py', *sys.argv[1:]])}` (`make bench`) "
        f"in {elapsed:.0f} s.  Corpus: `{_relative(args.corpus)}`.",
        "",
        "## Machine",
        "",
        markdown_table(["", ""], [[k, v] for k, v in machine().items()]),
        "",
        "Versions: "
        + ", ".join(f"{k} {v}" for k, v in versions("pandas", "textstat", "nltk", "pysbd", "spacy").items())
        + ".",
        "",
    ]  # fmt: skip
    formatters = {"split": format_split, "pipeline": format_pipeline, "scaling": format_scaling,
                  "notebooks": format_notebooks}  # fmt: skip
    for name in TARGETS:
        if name in results:
            lines += [*formatters[name](results[name]), ""]
        else:
            lines += [f"## {name}: not run (`--targets`)", ""]
    if profile:
        lines += [
            "## Profile of the pipeline (cProfile, one run)",
            "",
            "The suite's and textstat's functions by cumulative time (time inside them and everything "
            "they call; nested rows overlap).  cProfile slows Python-heavy code down about twofold, so "
            "the shares are what matter:",
            "",
            markdown_table(["function", "cumulative seconds", "share", "calls"], profile),
            "",
        ]
    notes = BENCH_DIR / "NOTES.md"
    if notes.exists() and not args.quick:
        lines += [notes.read_text(encoding="utf-8").strip(), ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT.parent))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    results: dict = {}
    if "split" in args.targets:
        log("1. sentence splitting")
        results["split"] = bench_split(args)
    if "pipeline" in args.targets:
        log("2. pipeline against textstat")
        results["pipeline"] = bench_pipeline(args)
    if "scaling" in args.targets:
        log(f"3. scaling ({args.repeat}x)")
        results["scaling"] = bench_scaling(args, results.get("pipeline"))
    if "notebooks" in args.targets:
        log("4. notebook suite against its floor")
        results["notebooks"] = bench_notebooks(args)
    profile = None if args.quick or "pipeline" not in args.targets else profile_pipeline(args)
    write_results(args, results, profile, time.perf_counter() - started)
    log(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
