"""Command line: ``python -m analysis COMMAND ...``.

Errors caused by the input print one line (``error: ...``) and exit with
status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import TranscriptError
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
    segment.set_defaults(handler=run_segment)
    return parser


def run_segment(args: argparse.Namespace) -> int:
    """Write the requested table of one transcript to standard output."""
    transcript = load_transcript(args.path, encoding=args.encoding, speaker=args.speaker)
    table = getattr(transcript, args.level)
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1))
        sys.stdout.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except TranscriptError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
