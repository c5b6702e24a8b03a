"""Explorers: live ipywidgets controls in Jupyter, and a kernel-free form for the static HTML.

`frame_player` renders a figure for each value of one parameter and returns HTML with a slider
that flips between the precomputed frames: it works in the published book with no kernel.
`explorer` wraps ipywidgets' `interactive` for the live version (imported lazily, so xorlab
itself needs no ipywidgets).

Both say what to do in a notebook that has not been run yet: JupyterLab then shows an explorer
by its text form and a frame player without its script, so the text form and the player's
fallback line ask the reader to run the cell.
"""

import base64
import contextlib
import functools
import html
import io
import json
import re

import matplotlib.pyplot as plt
from PIL import Image, PngImagePlugin

from ..core.batched import train_many
from ..core.data import xor
from ..core.mlp import INITS
from ..core.units import dead_units
from . import plots
from .phone import narrow_layout
from .png import MIN_FONT_KEY, figure_png, smallest_text_px
from .style import COLUMN_PX, DENSITY

NOT_RUN = "Live explorer: run this cell (after the cells above it) to use its controls."
PLAYER_HINT = "(Run this cell to use the slider.)"
# Below this width a frame player shows its frames' phone variants: the theme's narrowest
# breakpoint, as in tools/figure_variants.py (PHONE_MEDIA) and assets/figures.css.
PHONE_MEDIA = "(max-width: 575.98px)"


class FramePlayer:
    """Precomputed PNG frames with a slider; displays as HTML in notebooks and the static book.

    `frames`: one PNG per value, drawn at DENSITY image pixels per CSS pixel. `narrow`: for
    each frame, its variant for a phone's column (same density), or None for frames that fit
    a phone as they are. Screens narrower than PHONE_MEDIA load the variants."""

    def __init__(self, frames, values, label, alt, name, narrow=None):
        self.frames, self.values, self.label, self.alt, self.name = frames, values, label, alt, name
        self.narrow = narrow

    def _repr_html_(self):
        uid = "xp-" + re.sub(r"[^a-z0-9-]", "-", self.name.lower())
        srcs = [_data_url(f) for f in self.frames]
        labels = [f"{self.label} = {v}" for v in self.values]
        # The phone variants: a <picture> source that the browser picks below PHONE_MEDIA
        # (and again whenever the width crosses it); the slider swaps the image and the
        # source together. Without scripts the first frame shows, as the screen's width wants.
        narrow = [f"{_data_url(f)} {DENSITY}x" for f in self.narrow] if self.narrow else []
        source = (
            f'<source media="{PHONE_MEDIA}" srcset="{narrow[0]}" {_size(self.narrow[0])}>'
            if narrow
            else ""
        )
        # data-lm-suppress-shortcuts on the slider itself: JupyterLab leaves its keys to it
        # (the arrow keys would otherwise collapse or expand the notebook's headings). The
        # hint is removed by the script; where scripts do not run (an untrusted notebook not
        # yet run) it stays.
        return (
            f'<figure class="xorlab-player" id="{uid}"><picture>{source}'
            f'<img src="{srcs[0]}" alt="{html.escape(self.alt)}" {_size(self.frames[0])}'
            f' style="max-width:100%;height:auto"></picture>'
            f'<figcaption><label for="{uid}-range">{html.escape(self.label)}</label> '
            f'<input id="{uid}-range" type="range" min="0" max="{len(srcs) - 1}" value="0"'
            f" data-lm-suppress-shortcuts>"
            f' <output id="{uid}-out">{html.escape(labels[0])}</output>'
            f' <span class="xorlab-player-hint">{html.escape(PLAYER_HINT)}</span>'
            f"</figcaption></figure>"
            f"<script>(function(){{var s={json.dumps(srcs)},n={json.dumps(narrow)},"
            f"t={json.dumps(labels)};"
            f'var f=document.getElementById("{uid}"),r=f.querySelector("input"),'
            f'i=f.querySelector("img"),p=f.querySelector("source"),o=f.querySelector("output");'
            f'f.querySelector(".xorlab-player-hint").remove();'
            f'r.addEventListener("input",function(){{'
            f"if(p)p.srcset=n[r.value];i.src=s[r.value];o.textContent=t[r.value];}});"
            f"}})();</script>"
        )

    def __repr__(self):
        return f"<frame player {self.name!r}: {len(self.frames)} frames of {self.label}>"


def _data_url(png):
    return f"data:image/png;base64,{base64.b64encode(png).decode()}"


def _size(png):
    """The width and height attributes that show `png`, drawn at DENSITY, at its CSS size."""
    width, height = (int.from_bytes(png[at : at + 4], "big") // DENSITY for at in (16, 20))
    return f'width="{width}" height="{height}"'


def frame_player(draw, values, label, alt, name, dpi=72):
    """Render `draw(value) -> Figure` for each value and return a `FramePlayer`.

    A frame shows `dpi` CSS pixels per inch of its figure, or fewer for a figure that would
    be wider than the book's column (COLUMN_PX), which would only be scaled down. It is drawn
    at `DENSITY` times as many image pixels, so that it is sharp on high-density screens,
    and records its smallest text in CSS px (MIN_FONT_KEY, as `figure_png` does). A frame
    wider than a phone's column also gets a variant for phones: the figure re-laid out by
    `narrow_layout` with its panels kept in their row (stacked, they would not fit on screen
    with the slider), and shown as `figure_png` shows it.
    `label` names the parameter on the slider, `alt` describes what the frames show (for screen
    readers), `name` makes the HTML ids unique on a page. Keep it to about 30 frames: every
    frame is embedded in the page.
    """
    frames, narrow = [], []
    for v in values:
        fig = draw(v)
        fig.draw_without_rendering()  # the tick labels exist from here on
        shown = min(dpi, COLUMN_PX / fig.get_figwidth())  # CSS px per inch
        smallest = smallest_text_px(fig) * shown / fig.dpi
        buf = io.BytesIO()
        metadata = {MIN_FONT_KEY: f"{smallest:.2f}", "Software": None}
        fig.savefig(buf, format="png", dpi=shown * DENSITY, metadata=metadata)
        frames.append(_compact(buf.getvalue()))
        narrow.append(_phone_frame(fig))
        plt.close(fig)
    if all(variant is None for variant in narrow):
        narrow = None
    else:  # a frame that fits a phone already is its own variant
        narrow = [frame if variant is None else variant for frame, variant in zip(frames, narrow)]
    return FramePlayer(frames, list(values), label, alt, name, narrow)


def _phone_frame(fig):
    """The PNG of `fig` re-laid out, in place, for a phone's column with its panels kept in
    their row, or None if it is narrow enough already."""
    if not narrow_layout(fig, stack=False):
        return None
    encoded, _ = figure_png(fig)
    return _compact(base64.b64decode(encoded))


def _compact(png):
    """`png` (opaque) as a PNG of 256 colours, its text chunks kept. Every frame is embedded
    in the page: a frame of the book's heatmaps holds some 2,500 colours, mostly the edges of
    its text, and so takes about 37% of its bytes, each pixel's colour off by 0.05 of 255
    levels on average. A PNG with transparent pixels is returned as it is."""
    image = Image.open(io.BytesIO(png))
    if image.mode == "RGBA" and image.getextrema()[3][0] < 255:
        return png
    info = PngImagePlugin.PngInfo()
    for key, value in image.text.items():
        info.add_text(key, value)
    buf = io.BytesIO()
    image.convert("RGB").quantize(256).save(buf, format="png", optimize=True, pnginfo=info)
    return buf.getvalue()


def explorer(draw, **controls):
    """A live explorer: ipywidgets' `interactive(draw, **controls)` with manual=False.

    `draw` receives the controls' values as keyword arguments and shows its figure with
    `plt.show()`. Whatever it prints is held back and printed after its figures are shown:
    printed first, a report left the figure blank now and then in JupyterLab. The explorer's
    text form (shown in place of the controls before the cell is run) says to run the cell.
    Needs ipywidgets 7.7 or later (installed with the book's requirements)."""
    return _explorer_class()(_show_then_print(draw), **controls)


def _show_then_print(draw):
    """`draw` with its printed text moved after the figures it shows."""

    @functools.wraps(draw)  # interactive reads the parameters from draw's signature
    def run(**values):
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                result = draw(**values)
                plt.show()  # a figure draw left open is shown now, before the text
        finally:
            print(printed.getvalue(), end="")  # also when draw fails half-way
        return result

    return run


@functools.cache
def _explorer_class():
    import ipywidgets

    class Explorer(ipywidgets.interactive):
        """`interactive` whose text form tells the reader to run the cell."""

        def __repr__(self):
            return NOT_RUN

    return Explorer


def draw_training(
    hidden="sigmoid", units=2, lr=1.0, epochs=1000, init="xavier", seed=0, figsize=(8, 3.4)
):
    """Train a 2-`units`-1 XOR net and draw its decision boundary next to its loss curve.

    The net is trained by `train_many` with one network: the same arithmetic as `train`, with
    less overhead per epoch. `figsize` is the whole figure's (width, height) in inches; about
    (6, 2.6) keeps the frames of a `frame_player` small. Returns the Figure.
    """
    X, y = xor()
    result = train_many(
        1, (2, units, 1), hidden, lr=lr, epochs=epochs, init=init, seed=seed, loss_every=1
    )
    verdict = "solved" if result.success[0] else "not solved"
    fig, (left, right) = plt.subplots(1, 2, figsize=figsize, layout="constrained")
    plots.plot_decision_boundary(result.network(0), X, y, ax=left, resolution=61, title=verdict)
    title = f"final loss {result.final_loss[0]:.3f}"
    plots.plot_loss(result.loss_curve[:, 0], ax=right, title=title)
    return fig


def training_explorer():
    """Chapter 1's explorer: activation, hidden units, learning rate, epochs, init and seed.

    It opens on a setting that learns XOR (2 sigmoid units, lr 2, 2,000 epochs, seed 0); the
    learning rate moves in factors of sqrt(2) from 1/64 to 8."""
    import ipywidgets as w

    def show(**kw):
        draw_training(**kw)
        plt.show()

    return explorer(
        show,
        hidden=w.Dropdown(options=["sigmoid", "tanh", "relu"], value="sigmoid"),
        units=w.IntSlider(value=2, min=1, max=6),
        lr=w.FloatLogSlider(value=2.0, base=2, min=-6, max=3, step=0.5),
        epochs=w.IntSlider(value=2000, min=0, max=5000, step=250),
        init=w.Dropdown(options=list(INITS), value="xavier"),
        seed=w.IntSlider(value=0, min=0, max=20),
    )


def draw_hidden_units(
    units=10,
    init="uniform01",
    bias=False,
    faults=(),
    lr=0.4,
    epochs=1000,
    seed=0,
    figsize=(6, 2.6),
):
    """Train a 2-`units`-1 ReLU net on XOR, then draw its hidden units as lines in input space
    (dead units dashed grey, see `plots.plot_hidden_lines`) next to its decision boundary.

    The defaults are the program of the chapter "Stuck at 0.5": U[0, 1) weights, no biases.
    `faults` names mistakes from `FAULTS`. Returns the Figure.
    """
    X, y = xor()
    options = dict(lr=lr, epochs=epochs, init=init, seed=seed, bias=bias, faults=faults)
    result = train_many(1, (2, units, 1), "relu", **options)
    net = result.network(0)
    dead = int(dead_units(net, X).sum())
    fig, (left, right) = plt.subplots(1, 2, figsize=figsize, layout="constrained")
    plots.plot_hidden_lines(net, X, y, ax=left, title=f"{dead} of {units} units dead")
    left.get_legend().remove()
    outputs = " ".join(f"{p:.2f}" for p in result.outputs[0, :, 0])
    plots.plot_decision_boundary(net, X, y, ax=right, resolution=61, title=f"outputs {outputs}")
    return fig


def hidden_units_explorer():
    """The explorer of "Stuck at 0.5": init, biases, each fault, hidden units, lr, epochs, seed."""
    import ipywidgets as w

    def show(sigmoid_derivative_of_output, leak_forward_only, **kw):
        switches = [
            ("sigmoid_derivative_of_output", sigmoid_derivative_of_output),
            ("leak_forward_only", leak_forward_only),
        ]
        faults = tuple(name for name, on in switches if on)
        draw_hidden_units(faults=faults, figsize=(8, 3.4), **kw)
        plt.show()

    return explorer(
        show,
        units=w.IntSlider(value=10, min=1, max=10),
        init=w.Dropdown(options=["uniform01", "normal", "he", "xavier"], value="uniform01"),
        bias=w.Checkbox(value=False, description="biases"),
        sigmoid_derivative_of_output=w.Checkbox(value=True, description="sigmoid' at output"),
        leak_forward_only=w.Checkbox(value=False, description="forward-only leak"),
        lr=w.SelectionSlider(options=[0.001, 0.004, 0.01, 0.04, 0.1, 0.4, 1.0], value=0.4),
        epochs=w.SelectionSlider(options=[0, 1, 10, 100, 1000, 2000, 5000, 10000], value=1000),
        seed=w.IntSlider(value=0, min=0, max=20),
    )
