"""Run every notebook on a transcript or corpus: the ``report`` command.

Each notebook's cell tagged ``parameters`` (papermill's convention) sets
``TRANSCRIPT``, ``SPEAKERS`` and ``FIGURES``.  :func:`run_report` injects new
values after that cell, executes the notebooks headless (nbclient, the engine
behind ``jupyter nbconvert --execute``), in parallel across the machine's
cores, and writes the executed notebooks, the figures and optionally one
browsable HTML report.
"""

from __future__ import annotations

import copy
import json
import math
import os
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .errors import TranscriptError
from .notebook import choose_speakers, load_any, resolve
from .paths import NOTEBOOKS_DIR, PROCESSED_DIR, PROJECT_ROOT, use_private_runtime_dirs

#: Seconds a single cell may run before the report gives up.
CELL_TIMEOUT = 900
PARAMETER_NAMES = ("TRANSCRIPT", "SPEAKERS", "FIGURES")
#: Seconds each notebook took in the last report (notebook file name -> seconds): a cache.
DURATIONS_FILE = PROCESSED_DIR / "report-durations.json"


class NotebookFailed(TranscriptError):
    """A notebook raised an error while the report ran it."""


@dataclass(frozen=True)
class Report:
    """What :func:`run_report` wrote.

    Attributes
    ----------
    notebooks : list of pathlib.Path
        The executed notebooks.
    figures : list of pathlib.Path
        Every PNG in the output folder after the run.
    html : pathlib.Path or None
        The single HTML report, when asked for.
    """

    notebooks: list[Path]
    figures: list[Path]
    html: Path | None


def notebook_paths(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The suite's notebooks, in their numbered order.

    Examples
    --------
    >>> notebook_paths()[0].name
    '00_overview.ipynb'
    """
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def inject_parameters(notebook: nbformat.NotebookNode, parameters: dict) -> nbformat.NotebookNode:
    """Return a copy of ``notebook`` with ``parameters`` set after its ``parameters`` cell.

    The new cell is tagged ``injected-parameters``, as papermill does.

    Raises
    ------
    ValueError
        If the notebook has no cell tagged ``parameters``.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("X = 1",
    ...     metadata={"tags": ["parameters"]})])
    >>> inject_parameters(nb, {"X": 2}).cells[1].source
    '# Parameters\\nX = 2'
    """
    result = copy.deepcopy(notebook)
    tagged = [i for i, c in enumerate(result.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not tagged:
        raise ValueError("The notebook has no cell tagged 'parameters'.")
    source = "# Parameters\n" + "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell.id = "injected-parameters"
    result.cells.insert(tagged[0] + 1, cell)
    return result


def execute_notebook(path: str | Path, parameters: dict, output: str | Path | None = None) -> Path | None:
    """Execute one notebook with ``parameters``; write it to ``output`` if given.

    Raises
    ------
    NotebookFailed
        With the notebook's name and the error of the failing cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    notebook = inject_parameters(nbformat.read(path, as_version=4), parameters)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        # the kernel's start-up warnings (e.g. "running over TCP without encryption": it
        # listens on localhost only) would bury the report's own output; cell errors still show
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise NotebookFailed(f"{path.name} failed: {_last_line(str(error))}") from None
    except RuntimeError as error:  # the kernel did not start or died
        raise NotebookFailed(f"{path.name}: the Jupyter kernel failed ({error}).") from None
    if output is None:
        return None
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, output)
    return output


def _last_line(message: str) -> str:
    lines = [line for line in message.strip().splitlines() if line.strip()]
    return lines[-1] if lines else message


def run_report(
    transcript: str | Path,
    speakers: Sequence[str] | None = None,
    out: str | Path = "figures",
    notebooks_out: str | Path | None = None,
    html: bool = False,
    notebooks: Sequence[str | Path] | None = None,
    jobs: int | None = None,
) -> Report:
    """Run the notebooks on ``transcript`` and write figures, notebooks and HTML.

    Parameters
    ----------
    transcript : path
        A transcript file or a folder of speeches.
    speakers : pair of str, optional
        The two speakers to compare (default: the first two).
    out : path, default "figures"
        Folder for the figures and their CSV files.
    notebooks_out : path, optional
        Folder for the executed notebooks (default ``<out>/notebooks``).
    html : bool, default False
        Also write ``<out>/report.html``, all notebooks in one page.
    notebooks : list of paths, optional
        Run only these notebooks (default: all of ``notebooks/``).
    jobs : int, optional
        Notebooks run at once (default: the number of CPU cores, at most 4).
        They start slowest first, by the durations of the last report
        (``data/processed/report-durations.json``, see :func:`longest_first`).

    Returns
    -------
    Report

    Raises
    ------
    TranscriptError
        The transcript cannot be loaded or a speaker is unknown (checked once,
        before any notebook starts), or a notebook fails.
    """
    use_private_runtime_dirs()  # kernels inherit it: no runtime files in the home folder
    source = resolve(transcript)
    loaded = load_any(source)
    choose_speakers(loaded, speakers)  # a clear error now, not in every kernel
    out_dir = resolve(out)
    book_dir = resolve(notebooks_out) if notebooks_out else out_dir / "notebooks"
    parameters = {"TRANSCRIPT": str(source), "SPEAKERS": list(speakers) if speakers else None,
                  "FIGURES": str(out_dir)}  # fmt: skip
    paths = [Path(p) for p in notebooks] if notebooks else notebook_paths()
    jobs = jobs or min(os.cpu_count() or 1, 4)
    outputs = [book_dir / p.name for p in paths]
    durations = read_durations()
    start_order = longest_first(paths, durations)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        seconds = pool.map(timed_execute, start_order, [parameters] * len(paths),
                           [book_dir / p.name for p in start_order])  # fmt: skip
        durations.update(zip([p.name for p in start_order], seconds, strict=True))
    write_durations(durations)
    html_path = write_html(outputs, out_dir / "report.html", loaded.name) if html else None
    return Report(outputs, sorted(out_dir.glob("*.png")), html_path)


def longest_first(paths: Sequence[Path], durations: dict[str, float]) -> list[Path]:
    """The order to start notebooks in: the slowest of the last run first.

    With two workers and seven notebooks, starting a slow notebook last leaves
    one core idle while it runs; starting the slow ones first fills both cores
    (longest-processing-time-first scheduling).  Notebooks never timed go first
    (they may be slow); ties keep the numbered order.

    Examples
    --------
    >>> [p.name for p in longest_first([Path("00_a.ipynb"), Path("01_b.ipynb"), Path("02_c.ipynb")],
    ...                                {"00_a.ipynb": 2.0, "01_b.ipynb": 5.0})]
    ['02_c.ipynb', '01_b.ipynb', '00_a.ipynb']
    """
    return sorted(paths, key=lambda path: -durations.get(path.name, math.inf))


def timed_execute(path: str | Path, parameters: dict, output: str | Path | None = None) -> float:
    """:func:`execute_notebook`, returning the seconds it took."""
    start = time.perf_counter()
    execute_notebook(path, parameters, output)
    return time.perf_counter() - start


def read_durations(path: Path = DURATIONS_FILE) -> dict[str, float]:
    """The notebook durations of the last report; empty if none were recorded or the file is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, (int, float))}


def write_durations(durations: dict[str, float], path: Path = DURATIONS_FILE) -> None:
    """Record notebook durations (atomically; a folder that cannot be written is skipped)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as handle:
            json.dump({k: round(v, 3) for k, v in sorted(durations.items())}, handle, indent=1)
        os.replace(handle.name, path)
    except OSError:
        pass


def write_html(notebooks: Sequence[Path], output: Path, title: str) -> Path:
    """Join executed notebooks into one HTML page (code cells hidden).

    Returns
    -------
    pathlib.Path
        ``output``.
    """
    from nbconvert import HTMLExporter

    cells = [nbformat.v4.new_markdown_cell(f"# Rhetorical analysis report: {title}")]
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if "injected-parameters" not in cell.get("metadata", {}).get("tags", []):
                cell.id = f"{path.stem[:2]}-{len(cells)}"  # ids must be unique in the joined page
                cells.append(cell)
    combined = nbformat.v4.new_notebook(cells=cells, metadata={"title": f"Report: {title}"})
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)  # fmt: skip
    body, _ = exporter.from_notebook_node(combined)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(body, encoding="utf-8")
    return output


def relative_to_project(path: Path) -> str:
    """Show a path relative to the project folder when it is inside it."""
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
