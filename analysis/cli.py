"""Command line: ``python -m analysis COMMAND ...``.

Errors caused by the input print one line (``error: ...``) and exit with
status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import TranscriptError
from .paths import use_private_runtime_dirs
from .transcript import load_transcript

LEVELS = ("turns", "paragraphs", "sentences", "tokens", "excluded")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-command per task."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Rhetorical analysis of transcripts: segment speeches, run the notebooks.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    segment = commands.add_parser(
        "segment",
        help="write one table of a transcript (turns, sentences, tokens...) to standard output",
        description="Segment a transcript and write one of its tables to standard output.",
    )
    segment.add_argument("path", help="transcript file (plain text, UTF-8 unless --encoding)")
    segment.add_argument(
        "--level", choices=LEVELS, default="sentences", help="table to write (default: sentences)"
    )
    segment.add_argument(
        "--format", choices=("csv", "json"), default="csv", help="output format (default: csv)"
    )
    segment.add_argument("--encoding", default="utf-8", help="file encoding (default: utf-8)")
    segment.add_argument("--speaker", default=None, help="speaker name for a file without labels")
    segment.add_argument("--max-mb", type=float, default=None, help="refuse larger files (default 32 MiB)")
    segment.set_defaults(handler=run_segment)

    report = commands.add_parser(
        "report",
        help="run every notebook on a transcript or corpus folder; write figures (and HTML)",
        description=(
            "Run all notebooks on PATH (a transcript file, or a folder of YEAR-Name.txt speeches) "
            "and write the executed notebooks and every figure with its CSV into --out."
        ),
    )
    report.add_argument("path", help="transcript file or corpus folder")
    report.add_argument(
        "--speakers", nargs=2, metavar=("A", "B"), help="the two speakers to compare (default: first two)"
    )
    report.add_argument("--out", default="reports/latest", help="output folder (default: reports/latest)")
    report.add_argument(
        "--notebooks-out", default=None, help="folder for executed notebooks (default: OUT/notebooks)"
    )
    report.add_argument(
        "--format",
        choices=("notebook", "html"),
        default="notebook",
        help="html: also write OUT/report.html, every notebook in one page",
    )
    report.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: CPU cores)")
    report.add_argument(
        "--only",
        nargs="+",
        metavar="NN",
        default=None,
        help="run only these notebooks, by number (e.g. 01 04)",
    )
    report.set_defaults(handler=run_report_command)
    return parser


def run_segment(args: argparse.Namespace) -> int:
    """Write the requested table of one transcript to standard output."""
    options = {"max_bytes": int(args.max_mb * 2**20)} if args.max_mb else {}
    transcript = load_transcript(args.path, encoding=args.encoding, speaker=args.speaker, **options)
    table = getattr(transcript, args.level)
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1))
        sys.stdout.write("\n")
    return 0


def select_notebooks(numbers: Sequence[str]) -> list:
    """The notebooks whose names start with the given numbers ("01", "4" -> "04_...")."""
    from .report import notebook_paths

    available = {path.name[:2]: path for path in notebook_paths()}
    chosen = []
    for number in numbers:
        key = number.zfill(2)
        if key not in available:
            raise TranscriptError(
                f"No notebook numbered {number!r}. Notebooks: {', '.join(sorted(available))}."
            )
        chosen.append(available[key])
    return chosen


def run_report_command(args: argparse.Namespace) -> int:
    """Run the notebooks and say where the results are."""
    from .report import relative_to_project, run_report

    result = run_report(
        args.path,
        speakers=args.speakers,
        out=args.out,
        notebooks_out=args.notebooks_out,
        html=args.format == "html",
        jobs=args.jobs,
        notebooks=select_notebooks(args.only) if args.only else None,
    )
    print(f"{len(result.notebooks)} notebooks executed, {len(result.figures)} figures in "
          f"{relative_to_project(result.figures[0].parent) if result.figures else args.out}")  # fmt: skip
    if result.html:
        print(f"report: {relative_to_project(result.html)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    use_private_runtime_dirs()  # before matplotlib or a kernel starts: nothing written to $HOME
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except TranscriptError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
