"""Shared fixtures, the network guard and the write guard.

Every test runs with outbound network access blocked: any attempt to connect
anywhere but this machine raises :class:`NetworkBlocked`, in the test process
and in every notebook kernel the tests start (through an IPython startup file).
The suite must work offline, so a test that reaches the network is a bug.

Jupyter, IPython and matplotlib keep their runtime files inside the project's
``.venv/var`` during tests, so that nothing is written to the home folder.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from analysis.paths import SEED_TRANSCRIPT, SHARED_CORPORA, use_private_runtime_dirs

SHARED = SHARED_CORPORA.parent
STATE_UNION = SHARED / "corpora" / "state_union"
INAUGURAL = SHARED / "corpora" / "inaugural"
_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")


class NetworkBlocked(RuntimeError):
    """Raised when a test tries to reach the network."""


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = str(address[0]) if address else ""
    return host.startswith(_LOCAL)


_original_connect = socket.socket.connect
_original_connect_ex = socket.socket.connect_ex


def _guarded_connect(self, address):
    if not _is_local(address):
        raise NetworkBlocked(f"network access blocked in tests: connect({address!r})")
    return _original_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_local(address):
        raise NetworkBlocked(f"network access blocked in tests: connect_ex({address!r})")
    return _original_connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex

# The same guard inside notebook kernels: IPython runs every file in
# $IPYTHONDIR/profile_default/startup when a kernel starts.
KERNEL_GUARD = f"""
import socket

_LOCAL = {_LOCAL!r}


def _is_local(address):
    if isinstance(address, (str, bytes)):
        return True
    return str(address[0] if address else "").startswith(_LOCAL)


def _guard(original):
    def connect(self, address):
        if not _is_local(address):
            raise OSError(f"network access blocked in tests: connect({{address!r}})")
        return original(self, address)
    return connect


socket.socket.connect = _guard(socket.socket.connect)
socket.socket.connect_ex = _guard(socket.socket.connect_ex)
"""


def _isolate_runtime_files() -> None:
    startup = use_private_runtime_dirs() / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-network-guard.py").write_text(KERNEL_GUARD, encoding="utf-8")
    os.environ["ANALYSIS_PROGRESS"] = "0"


_isolate_runtime_files()


@pytest.fixture(scope="session")
def seed():
    """The seed transcript, loaded once per test session."""
    from analysis import load_transcript

    return load_transcript(SEED_TRANSCRIPT)


@pytest.fixture
def write_text(tmp_path):
    """Write ``text`` (str or bytes) to a file in a temporary folder and return its path."""

    def write(text, name: str = "transcript.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode(encoding))
        return path

    return write


needs_state_union = pytest.mark.skipif(
    not STATE_UNION.is_dir(), reason="../shared/corpora/state_union is not beside the project"
)
