"""The shared plotting set-up: fonts read from memory draw the very same pixels."""

from __future__ import annotations

import io

import matplotlib.font_manager
import pytest
from matplotlib import ft2font

from analysis.plots import fonts_from_memory, new_figure


def _png_of_a_text_heavy_figure() -> bytes:
    fig, axes = new_figure(1, 2)
    axes[0].barh(["cooperation", "Путин", "partnership"], [3, 2, 1])
    axes[0].set_title("Bold title — with a dash")
    axes[1].text(0.1, 0.5, "Mr. President, dear friend: 12.5% (2025)", fontsize=11)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60, metadata={"Software": None})
    return buffer.getvalue()


@pytest.fixture
def restore_fonts():
    yield
    fonts_from_memory(True)


def test_fonts_come_from_memory_once_the_plots_are_imported():
    assert not isinstance(matplotlib.font_manager.ft2font, type(ft2font))


def test_fonts_from_memory_draw_the_same_pixels_as_fonts_from_disk(restore_fonts):
    fonts_from_memory(False)
    assert matplotlib.font_manager.ft2font is ft2font
    from_disk = _png_of_a_text_heavy_figure()
    fonts_from_memory(True)
    assert _png_of_a_text_heavy_figure() == from_disk
