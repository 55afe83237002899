"""The one place that defines the project's folders.

Every module and notebook takes its paths from here, so that data, figures and
caches cannot drift apart.  The package is installed in editable mode
(``pip install -e .``, as ``requirements.txt`` does), so these paths point into
the project folder wherever the helpers are imported from.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent

DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
LEXICON_DIR = DATA_DIR / "lexicons"
FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

#: The workspace's shared corpora (US presidential speeches), beside the project when present.
SHARED_CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"

#: Where Jupyter, IPython and matplotlib keep runtime files during reports and tests,
#: so that nothing is written to the home folder.
RUNTIME_DIR = (PROJECT_ROOT / ".venv" / "var") if (PROJECT_ROOT / ".venv").is_dir() else PROCESSED_DIR / "var"

#: The first case of the suite: the Xi Jinping - Vladimir Putin video call of 2025-01-21.
SEED_TRANSCRIPT = RAW_DIR / "2025-01-21-xi-putin-video-call.txt"


def data_file(name: str) -> Path:
    """Return the path of a data file shipped in ``data/``.

    Parameters
    ----------
    name : str
        File name relative to ``data/`` (e.g. ``"lexicons/themes.csv"``).

    Returns
    -------
    pathlib.Path
        The absolute path of ``data/<name>``.

    Raises
    ------
    FileNotFoundError
        If the file is missing, which happens when the package was installed
        without the project folder (``pip install .`` instead of ``-e .``).

    Examples
    --------
    >>> data_file("stopwords_en.txt").name
    'stopwords_en.txt'
    """
    path = DATA_DIR / name
    if not path.exists():
        raise FileNotFoundError(
            f"Data file {path} is missing. Install the suite from its project folder "
            "with `pip install -e .` so that data/ stays beside the package."
        )
    return path


def use_private_runtime_dirs() -> Path:
    """Point Jupyter, IPython and matplotlib at :data:`RUNTIME_DIR` (unless already set).

    Returns
    -------
    pathlib.Path
        The IPython folder (its ``profile_default/startup`` runs in every kernel).
    """
    import os

    for variable, folder in (
        ("IPYTHONDIR", "ipython"),
        ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
        ("MPLCONFIGDIR", "matplotlib"),
    ):
        os.environ.setdefault(variable, str(RUNTIME_DIR / folder))
        Path(os.environ[variable]).mkdir(parents=True, exist_ok=True)
    return Path(os.environ["IPYTHONDIR"])
