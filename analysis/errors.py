"""Exceptions raised by the suite.

Every error a user can cause (a wrong path, an undecodable file, a transcript
without speaker labels, a malformed lexicon) is a :class:`TranscriptError` or
one of its subclasses.  The message names the file and says how to fix the
problem; the command line prints it without a traceback.
"""

from __future__ import annotations


class TranscriptError(Exception):
    """Base class for every error caused by the input, not by the suite."""


class TranscriptFileError(TranscriptError):
    """The path is missing, a directory, empty, or not readable text."""


class TranscriptEncodingError(TranscriptError):
    """The file's bytes cannot be decoded with the requested encoding."""


class NoSpeakerLabelsError(TranscriptError):
    """No speaker label was found in the transcript."""


class SpeakerNotFoundError(TranscriptError, KeyError):
    """A speaker asked for by name is not in the transcript."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class LexiconError(TranscriptError):
    """A lexicon or data file (themes, aliases, corrections) is malformed."""
