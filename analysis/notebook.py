"""What every notebook does first: resolve its parameters into a ready session.

A notebook's ``parameters`` cell (papermill's tag) sets ``TRANSCRIPT``,
``SPEAKERS`` and ``FIGURES``; its next cell calls :func:`open_session` and
works with the returned :class:`Session`.  Relative paths are taken from the
project folder, so a notebook runs the same from JupyterLab, nbconvert,
papermill or a test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from .cache import cache_key, cached, input_files
from .corpus import load_corpus
from .errors import SpeakerNotFoundError
from .figures import save_figure
from .paths import PROJECT_ROOT
from .plots import speaker_colours
from .transcript import Transcript, load_transcript


@dataclass(frozen=True)
class Session:
    """A loaded transcript, the two speakers compared and where figures go.

    Attributes
    ----------
    transcript : Transcript
    speakers : tuple of str
        The two speakers compared (``a``, ``b``).
    figures_dir : pathlib.Path
    colours : dict
        Speaker -> colour, fixed across the suite.
    """

    transcript: Transcript
    speakers: tuple[str, str]
    figures_dir: Path
    colours: dict[str, str]

    @property
    def a(self) -> str:
        """The first speaker compared."""
        return self.speakers[0]

    @property
    def b(self) -> str:
        """The second speaker compared."""
        return self.speakers[1]

    def save(self, fig: Figure, name: str, data: pd.DataFrame | None = None, **options) -> SavedFigure:
        """Save a figure and its data into this session's figure folder, and show the saved PNG.

        End a notebook cell with this call: the cell then displays the very file
        that was written (drawn once, not again for the screen).  ``options`` go
        to :func:`analysis.figures.save_figure` (e.g. ``size=None`` to keep a
        dashboard's own size).
        """
        return SavedFigure(save_figure(fig, name, data=data, out_dir=self.figures_dir, **options))


class SavedFigure:
    """A figure written to disk; Jupyter displays it from the PNG file.

    Attributes
    ----------
    path : pathlib.Path
        The PNG written (its CSV is beside it).

    Examples
    --------
    >>> import tempfile
    >>> from analysis.plots import new_figure
    >>> fig, ax = new_figure()
    >>> saved = SavedFigure(save_figure(fig, "99_blank", out_dir=tempfile.mkdtemp()))
    >>> saved._repr_png_()[:4]
    b'\x89PNG'
    """

    def __init__(self, path: Path):
        self.path = Path(path)

    def _repr_png_(self) -> bytes:
        return self.path.read_bytes()

    def __fspath__(self) -> str:
        return str(self.path)

    def __repr__(self) -> str:
        return f"SavedFigure({str(self.path)!r})"


def resolve(path: str | Path) -> Path:
    """Resolve a path given in a notebook: absolute, or relative to the project folder.

    Examples
    --------
    >>> resolve("figures") == PROJECT_ROOT / "figures"
    True
    """
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def open_session(
    transcript: str | Path | Transcript,
    speakers: Sequence[str] | None = None,
    figures: str | Path = "figures",
    **load_options,
) -> Session:
    """Load the transcript and check the speakers: the first step of every notebook.

    Parameters
    ----------
    transcript : path or Transcript
        A transcript file, or a folder of ``YEAR-Name.txt`` speeches (a corpus);
        relative paths start at the project folder.
    speakers : pair of str, optional
        The two speakers to compare; default the first two in the transcript.
    figures : path, default "figures"
        Output folder for figures and their CSV files.
    **load_options
        Passed to :func:`analysis.load_transcript` (``encoding=``, ``speaker=``...).

    Returns
    -------
    Session

    Raises
    ------
    SpeakerNotFoundError
        A named speaker is not in the transcript, or fewer than two speakers.

    Examples
    --------
    >>> s = open_session("data/raw/2025-01-21-xi-putin-video-call.txt")
    >>> s.speakers
    ('Xi Jinping', 'Vladimir Putin')
    """
    loaded = transcript if isinstance(transcript, Transcript) else load_any(transcript, **load_options)
    chosen = choose_speakers(loaded, speakers)
    return Session(loaded, chosen, resolve(figures), speaker_colours(chosen))


def choose_speakers(transcript: Transcript, speakers: Sequence[str] | None = None) -> tuple[str, str]:
    """The two speakers to compare: those named (checked), or the first two.

    Raises
    ------
    SpeakerNotFoundError
        A name is not a speaker of the transcript, or there are not two speakers.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> choose_speakers(parse_transcript("Ann Lee: Hi.\\n\\nBo Li: Hello.\\n\\nCy Wu: Hey."))
    ('Ann Lee', 'Bo Li')
    """
    chosen = tuple(speakers) if speakers else tuple(transcript.speakers[:2])
    if len(chosen) != 2 or chosen[0] == chosen[1]:
        raise SpeakerNotFoundError(
            f"Comparing needs two different speakers; {transcript.name} has "
            f"{len(transcript.speakers)}: {transcript.speakers}. Name two with SPEAKERS = ['A', 'B'] "
            "(or --speakers A B), or use a transcript with two speakers."
        )
    transcript.check_speakers(*chosen)
    return chosen


def load_any(path: str | Path, cache: bool = True, **load_options) -> Transcript:
    """Load a transcript file, or a corpus when ``path`` is a folder.

    Parameters
    ----------
    path : str or pathlib.Path
        Relative paths start at the project folder.
    cache : bool, default True
        Reuse the tables from ``data/processed/`` when the input, the
        segmentation code and its data files are unchanged (see :mod:`analysis.cache`).
    **load_options
        Passed to :func:`analysis.load_transcript` or :func:`analysis.load_corpus`.

    Examples
    --------
    >>> load_any("data/raw/2025-01-21-xi-putin-video-call.txt").speakers
    ['Xi Jinping', 'Vladimir Putin']
    """
    path = resolve(path)
    loader = load_corpus if path.is_dir() else load_transcript

    def build() -> Transcript:
        return loader(path, **load_options)

    if (
        not cache
        or not path.exists()
        or any(isinstance(v, (dict, pd.DataFrame)) for v in load_options.values())
    ):
        return build()
    return cached(cache_key(input_files(path), {"loader": loader.__name__, **load_options}), build)


def findings(sentences: Sequence[str]):
    """Display computed findings as a Markdown bullet list (plain text outside Jupyter).

    Examples
    --------
    >>> findings(["A says more."]).data
    '- A says more.'
    """
    from IPython.display import Markdown

    return Markdown("\n".join(f"- {sentence}" for sentence in sentences))
