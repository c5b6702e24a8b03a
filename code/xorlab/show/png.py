"""A figure as the notebook shows it (`figure_png`): a high-density PNG whose text reads once
scaled to the book's column, which records its smallest text, and a variant for phones.
Importing it makes Jupyter show figures this way (`use_sharp_figures`)."""

import base64
import io
import pickle
import sys

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .phone import narrow_layout
from .style import COLUMN_PX, DENSITY, MIN_TEXT_PX, PHONE_COLUMN_PX

MIN_FONT_KEY = "xorlab:min-font-px"
# A figure's variant for phones is stored in the output's metadata under NARROW_KEY.
NARROW_KEY = "xorlab:narrow"
# A diagram that `narrow_layout` cannot restack may draw its own variant: a function stored on
# the figure under this attribute name (`set_phone_variant`).
PHONE_VARIANT = "xorlab_phone_variant"


def smallest_text_px(fig) -> float:
    """Height in pixels, at the figure's dpi, of the smallest visible non-empty text, as the
    figure was last laid out (tick labels exist only once it has been)."""
    sizes = [
        t.get_fontsize()
        for t in fig.findobj(mpl.text.Text)
        if t.get_visible() and t.get_text().strip() and t.figure is not None
    ]
    return min(sizes, default=0.0) * fig.dpi / 72


def _raise_small_text(fig, column_px, min_px) -> int:
    """Raise every text of `fig`, as last laid out, that would show below `min_px` CSS px
    once the figure is scaled to `column_px`; return how many texts were raised."""
    scale = min(1.0, column_px / (fig.get_figwidth() * fig.dpi))
    floor = min_px / scale * 72 / fig.dpi
    small = [t for t in fig.findobj(mpl.text.Text) if t.get_text().strip()]
    small = [t for t in small if t.get_fontsize() < floor]
    for text in small:
        text.set_fontsize(floor)
    return len(small)


def keep_text_legible(fig, column_px=COLUMN_PX, min_px=MIN_TEXT_PX) -> int:
    """Lay `fig` out and raise every text that would show below `min_px` CSS px once the figure
    is scaled to `column_px`; return how many texts were raised."""
    fig.draw_without_rendering()
    return _raise_small_text(fig, column_px, min_px)


def _png(fig) -> tuple[bytes, dict]:
    """`fig` as PNG bytes at DENSITY times its dpi, trimmed to its content, and its CSS size;
    the PNG records its smallest text height in CSS px (see `figure_png`)."""
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="png",
        dpi=fig.dpi * DENSITY,
        bbox_inches="tight",
        facecolor=fig.get_facecolor(),
        metadata={MIN_FONT_KEY: f"{smallest_text_px(fig):.2f}", "Software": None},
    )
    data = buffer.getvalue()
    width, height = (int.from_bytes(data[i : i + 4], "big") for i in (16, 20))
    return data, {"width": width // DENSITY, "height": height // DENSITY}


def _phone_png(narrow) -> tuple[bytes, dict]:
    """The PNG and CSS size of `narrow`, laid out for a phone's column: text that would read
    below MIN_TEXT_PX there raised first (PHONE_WIDTH_IN inches show unscaled on a phone),
    and laid out again only then. `narrow` is a copy: it is saved with its layout kept, as
    savefig would otherwise lay it out once more."""
    if _raise_small_text(narrow, PHONE_COLUMN_PX, MIN_TEXT_PX):
        narrow.draw_without_rendering()
    narrow.set_layout_engine("none")
    return _png(narrow)


def set_phone_variant(fig, draw):
    """Give `fig` its own phone variant: `figure_png` calls `draw(narrow)` with a new, empty
    Figure `narrow`, which `draw` lays out for a phone's column and sizes (no wider than
    PHONE_WIDTH_IN inches), and stores it instead of restacking `fig` (`narrow_layout`)."""
    setattr(fig, PHONE_VARIANT, draw)


def _own_variant(fig):
    """The PNG and CSS size of the phone variant `fig` carries (`set_phone_variant`)."""
    narrow = Figure(dpi=fig.dpi)
    getattr(fig, PHONE_VARIANT)(narrow)
    narrow.draw_without_rendering()
    return _phone_png(narrow)


def _restacked_variant(fig):
    """The PNG and CSS size of a copy of `fig` re-laid out by `narrow_layout`, or None if it
    declines; `fig` itself is left as it was."""
    manager, fig.canvas.manager = fig.canvas.manager, None  # the copy stays out of pyplot
    try:
        narrow = pickle.loads(pickle.dumps(fig))
    except (pickle.PicklingError, TypeError, AttributeError):
        return None  # a reader's figure holding what cannot be copied: shown without a variant
    finally:
        fig.canvas.manager = manager
    FigureCanvasAgg(narrow)
    return _phone_png(narrow) if narrow_layout(narrow) else None


def figure_png(fig) -> tuple[str, dict]:
    """The notebook output of a figure: a base64 PNG at DENSITY times its dpi, and metadata.

    Text too small to read once the figure is scaled to the book's column is enlarged first
    (`keep_text_legible`). The metadata gives the size to show it at and the PNG
    carries, as a text chunk, the smallest text height in CSS pixels at that size: the book's
    browser tests read it to check that figures stay legible once scaled to the page.

    A figure wider than a phone's column also gets a narrow variant for phones, drawn by
    `narrow_layout`, or by the figure's own function if it carries one (`set_phone_variant`),
    in the metadata under NARROW_KEY: {"png": base64, "width", "height"}
    (tools/figure_variants.py shows it in the HTML below 576 px). The figure itself is left
    as it was, so it can be shown again.
    """
    if keep_text_legible(fig):
        fig.draw_without_rendering()  # larger texts move the layout, and may change the ticks
    data, size = _png(fig)
    own = hasattr(fig, PHONE_VARIANT)
    variant = _own_variant(fig) if own else _restacked_variant(fig)
    if variant is not None:
        narrow, narrow_size = variant
        size[NARROW_KEY] = {"png": base64.b64encode(narrow).decode("ascii"), **narrow_size}
    return base64.b64encode(data).decode("ascii"), size


def use_sharp_figures(shell=None) -> bool:
    """Show matplotlib figures in Jupyter as `figure_png` does; return False outside IPython."""
    if shell is None:
        ipython = sys.modules.get("IPython")  # imported by every IPython shell and kernel
        shell = ipython.get_ipython() if ipython else None
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    if "inline" in str(mpl.get_backend(auto_select=False)):
        # Importing the inline backend installs its own PNG formatter: let it, then replace it.
        import matplotlib_inline.backend_inline  # noqa: F401
    formatters = shell.display_formatter.formatters
    formatters["image/png"].for_type(Figure, figure_png)
    return True


use_sharp_figures()
