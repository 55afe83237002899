"""The notebooks: policy (thin, no outputs, parameters cell) and execution top to bottom.

Execution goes through the ``report`` command, the same path as ``make figures``:
on the seed, on a differently formatted transcript written here, and on a small
corpus of two presidents' speeches.
"""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import subprocess
import sys

import nbformat
import pandas as pd
import pytest
from conftest import STATE_UNION, needs_state_union

from analysis.paths import FIGURES_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, SEED_TRANSCRIPT
from analysis.report import notebook_paths, run_report

NOTEBOOKS = notebook_paths()
SPEAKER_NAMES = ("Xi", "Jinping", "Putin", "Vladimir")


def code_cells(path):
    notebook = nbformat.read(path, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


# --- policy -----------------------------------------------------------------------------------


def test_there_are_numbered_notebooks():
    names = [p.name[:3] for p in NOTEBOOKS]
    assert names == sorted(set(names)) and "01_" in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    for cell in code_cells(path):
        assert cell.outputs == [] and cell.execution_count is None, "clear outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_is_the_parameters_cell(path):
    first = code_cells(path)[0]
    assert first.metadata.get("tags") == ["parameters"]
    names = {node.targets[0].id for node in ast.parse(first.source).body if isinstance(node, ast.Assign)}
    assert names == {"TRANSCRIPT", "SPEAKERS", "FIGURES"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_thin(path):
    """No function or class definitions, no loops: logic lives in analysis/."""
    for cell in code_cells(path)[1:]:
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.While)), (
                f"{path.name}: move this logic into analysis/: {ast.unparse(node)[:80]}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_names_no_leader_outside_its_parameters(path):
    for cell in code_cells(path)[1:]:
        assert not any(name in cell.source for name in SPEAKER_NAMES), cell.source[:80]


def test_helpers_name_no_leader_in_code():
    """Speaker names appear only in docstrings (examples on the seed) and data files."""
    for module in sorted((PROJECT_ROOT / "analysis").rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not any(name in node.value for name in SPEAKER_NAMES), (module.name, node.value[:60])


# --- execution --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed_report")
    return run_report(SEED_TRANSCRIPT, out=out, html=True), out


@pytest.mark.notebooks
@pytest.mark.xdist_group("notebooks")
def test_every_notebook_runs_on_the_seed(seed_report):
    report, out = seed_report
    assert [p.name for p in report.notebooks] == [p.name for p in NOTEBOOKS]
    prefixes = {p.name[:2] for p in report.figures}
    assert prefixes == {p.name[:2] for p in NOTEBOOKS}, "every notebook saves at least one figure"
    for png in report.figures:
        assert png.with_suffix(".csv").exists(), f"{png.name} has no data CSV beside it"
    assert report.html is not None and report.html.stat().st_size > 10_000


@pytest.mark.notebooks
@pytest.mark.xdist_group("notebooks")
def test_each_figure_is_shown_once(seed_report):
    """Each figure cell displays its figure once (not again at the end of the cell); no errors."""
    report, out = seed_report
    for path in report.notebooks:
        cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        images = [sum("image/png" in o.get("data", {}) for o in c.outputs) for c in cells]
        assert max(images) <= 1, f"{path.name}: a figure is drawn twice"
        saved = len(list(out.glob(f"{path.name[:2]}_*.png")))
        assert sum(images) >= saved, f"{path.name}: a saved figure is never shown"
        assert not any(o.get("output_type") == "error" for c in cells for o in c.outputs)


@pytest.mark.notebooks
@pytest.mark.xdist_group("notebooks")
def test_committed_figures_are_current(seed_report):
    """The CSV behind every committed figure equals a fresh run's (make figures is up to date)."""
    _, out = seed_report
    fresh = sorted(p.name for p in out.glob("*.csv"))
    committed = sorted(p.name for p in FIGURES_DIR.glob("*.csv"))
    assert fresh == committed, "run `make figures` and commit figures/"
    for name in fresh:
        assert (out / name).read_bytes() == (FIGURES_DIR / name).read_bytes(), f"{name} is stale"


@pytest.mark.notebooks
@pytest.mark.xdist_group("notebooks")
def test_figures_are_byte_identical_across_runs(seed_report, tmp_path):
    """Running a notebook twice gives the same PNG and CSV bytes."""
    _, first = seed_report
    run_report(SEED_TRANSCRIPT, out=tmp_path, notebooks=[NOTEBOOKS_DIR / "01_segmentation.ipynb"])
    for png in tmp_path.glob("*.png"):
        for suffix in (".png", ".csv"):
            again, before = png.with_suffix(suffix), first / png.with_suffix(suffix).name
            assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(before.read_bytes()).digest()


OTHER_TRANSCRIPT = """\
OFFICIAL RECORD -- Press availability, 3 March 2031
All times local.

PRIME MINISTER ANNA LINDQVIST (via interpreter):
Good afternoon. We have agreed on three things today. First, trade will grow by 12 percent.
Second, our ministers will meet in May. Third, we will open two new consulates.
We thank our hosts. We will keep working together for the future of our peoples.

Chancellor Maria Ortega:
Thank you, Prime Minister. I can only agree. Our partnership is strong, and it must stay strong.
History taught us that cooperation is the path to peace. We will invest $4 billion in energy.
I am proud of what we achieved. You have been a great partner. Thank you all.
"""


@pytest.mark.notebooks
@pytest.mark.xdist_group("notebooks")
def test_every_notebook_runs_on_another_transcript(tmp_path):
    source = tmp_path / "press-availability.txt"
    source.write_text(OTHER_TRANSCRIPT, encoding="utf-8")
    out = tmp_path / "out"
    report = run_report(source, out=out)
    assert len(report.notebooks) == len(NOTEBOOKS)
    speakers = set()
    for csv in out.glob("*.csv"):
        table = pd.read_csv(csv)
        if "speaker" in table:
            speakers |= set(table["speaker"].dropna())
    assert {"Anna Lindqvist", "Maria Ortega"} <= speakers
    assert not speakers & {"Xi Jinping", "Vladimir Putin"}


@needs_state_union
@pytest.mark.notebooks
@pytest.mark.xdist_group("notebooks")
def test_every_notebook_runs_on_two_presidents(tmp_path):
    corpus = tmp_path / "two_presidents"
    corpus.mkdir()
    for name in ("1997-Clinton.txt", "1998-Clinton.txt", "2005-GWBush.txt", "2006-GWBush.txt"):
        shutil.copy(STATE_UNION / name, corpus / name)
    out = tmp_path / "out"
    report = run_report(corpus, speakers=["GWBush", "Clinton"], out=out)
    assert len(report.notebooks) == len(NOTEBOOKS)
    summary = pd.read_csv(out / "01_transcript_at_a_glance.csv")
    assert set(summary["speaker"].dropna()) == {"Clinton", "GWBush"}


def test_report_command_rejects_unknown_speaker_before_running(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEED_TRANSCRIPT), "--speakers", "Xi", "Putin",
         "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Speaker 'Xi' is not in" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_notebooks_are_valid_json():
    for path in NOTEBOOKS:
        nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))
        json.loads(path.read_text(encoding="utf-8"))
