"""Target 4: the notebook suite (``make figures``) against a floor of empty notebooks.

The floor has as many notebooks as ``notebooks/NN_*.ipynb``; each has the
same ``parameters`` cell, imports the suite's libraries (``analysis`` with its
notebook helpers and plots, pandas, numpy, scipy, matplotlib) and saves one
figure with :func:`analysis.figures.save_figure`.  Both sides run through the
same :func:`analysis.report.run_report` (the code behind ``make figures``):
fresh Jupyter kernels, the same number of notebooks at once, the same
transcript.  Figures and executed notebooks go to a temporary folder, so
``figures/`` is left alone.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat

FLOOR_SOURCE = """\
import matplotlib
import numpy as np
import pandas as pd
import scipy.stats

import analysis
import analysis.notebook
import analysis.plots
from analysis.figures import save_figure

fig, ax = analysis.plots.new_figure()
ax.plot(np.arange(10), np.arange(10) ** 2)
save_figure(fig, "{name}", data=pd.DataFrame({{"x": np.arange(10)}}), out_dir=FIGURES)
"""


def write_floor(folder: Path, count: int, parameters_source: str) -> list[Path]:
    """Write ``count`` floor notebooks into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name = f"{number:02d}_floor"
        cells = [
            nbformat.v4.new_markdown_cell(f"# Floor notebook {number}"),
            nbformat.v4.new_code_cell(parameters_source, metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(FLOOR_SOURCE.format(name=name)),
        ]
        notebook = nbformat.v4.new_notebook(cells=cells)
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                           "language": "python"}  # fmt: skip
        path = folder / f"{name}.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def _parameters_source(notebook: Path) -> str:
    cells = nbformat.read(notebook, as_version=4).cells
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    return tagged[0].source


def cell_times(folder: Path) -> list[dict]:
    """Per executed notebook: total cell time and its slowest cells (from nbclient's timestamps)."""
    rows = []
    for path in sorted(folder.glob("*.ipynb")):
        cells = []
        for cell in nbformat.read(path, as_version=4).cells:
            stamps = cell.get("metadata", {}).get("execution")
            if not stamps or "iopub.execute_input" not in stamps:
                continue
            begin = datetime.fromisoformat(stamps["iopub.execute_input"].replace("Z", "+00:00"))
            end = datetime.fromisoformat(stamps["shell.execute_reply"].replace("Z", "+00:00"))
            first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            cells.append(((end - begin).total_seconds(), first_line[:60]))
        slowest = sorted(cells, reverse=True)[:3]
        rows.append({"notebook": path.name, "cells_s": sum(s for s, _ in cells), "slowest": slowest})
    return rows


def run(transcript: Path, runs: int, jobs: int | None = None, only: list[Path] | None = None) -> dict:
    """Median wall time of the suite and of the floor, run alternately ``runs`` times."""
    from analysis.report import notebook_paths, run_report

    suite = only or notebook_paths()
    with tempfile.TemporaryDirectory(prefix="bench-notebooks-") as tmp:
        root = Path(tmp)
        floor = write_floor(root / "floor", len(suite), _parameters_source(suite[0]))
        times: dict[str, list[float]] = {"suite": [], "floor": []}
        for _ in range(runs):
            for side, paths in (("floor", floor), ("suite", suite)):
                out = root / side
                start = time.perf_counter()
                run_report(transcript, out=out / "figures", notebooks_out=out / "notebooks",
                           notebooks=paths, jobs=jobs)  # fmt: skip
                times[side].append(time.perf_counter() - start)
        breakdown = {side: cell_times(root / side / "notebooks") for side in times}
    import os

    used_jobs = jobs or min(os.cpu_count() or 1, 4)
    return {
        "notebooks": len(suite), "jobs": used_jobs, "runs": runs, "times": times,
        "suite_s": statistics.median(times["suite"]), "floor_s": statistics.median(times["floor"]),
        "breakdown": breakdown,
    }  # fmt: skip
