"""Offline and self-contained: no network, no writes outside the project and its .venv."""

import os
import socket
import subprocess
import sys

import nbformat
import pytest
from conftest import NetworkBlocked

from analysis.paths import PROJECT_ROOT, SEED_TRANSCRIPT
from analysis.report import execute_notebook


def test_network_is_blocked_in_tests():
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


@pytest.mark.notebooks
def test_network_is_blocked_in_notebook_kernels(tmp_path):
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("X = 1", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(
                "import socket\n"
                "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
                "    RESULT = 'connected'\nexcept OSError as error:\n    RESULT = str(error)\n"
                "print(RESULT)"
            ),
        ]
    )
    path = tmp_path / "probe.ipynb"
    nbformat.write(notebook, path)
    out = execute_notebook(path, {"X": 2}, tmp_path / "done.ipynb")
    printed = nbformat.read(out, as_version=4).cells[-1].outputs[0]["text"]
    assert "network access blocked" in printed


@pytest.mark.notebooks
def test_report_writes_nothing_in_the_home_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("IPYTHONDIR", "JUPYTER_RUNTIME_DIR", "MPLCONFIGDIR", "NLTK_DATA")}  # fmt: skip
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local"))
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEED_TRANSCRIPT), "--out", str(tmp_path / "out"),
         "--only", "01"],
        capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert list(home.rglob("*")) == [], "the report wrote into the home folder"
    assert (tmp_path / "out" / "01_transcript_at_a_glance.png").exists()
