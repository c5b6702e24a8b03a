"""Figures used across the book, in one consistent, colour-blind-safe style (Okabe-Ito).

Every function draws on a matplotlib Axes (a new one if `ax` is None) and returns it. As
`xorlab.plots`, this module also gives the book's style (`style`) and the notebook output of
figures (`png`, with the phone variants of `phone`): importing it sets both up.
"""

import matplotlib.pyplot as plt
import numpy as np

from .phone import narrow_layout
from .png import (
    MIN_FONT_KEY,
    NARROW_KEY,
    figure_png,
    keep_text_legible,
    set_phone_variant,
    smallest_text_px,
    use_sharp_figures,
)
from .style import (
    CLASS_COLOURS,
    CLASS_MARKERS,
    COLUMN_PX,
    DENSITY,
    MIN_TEXT_PX,
    OUTPUT_CMAP,
    PALETTE,
    PHONE_COLUMN_PX,
    PHONE_WIDTH_IN,
)

__all__ = [
    "CLASS_COLOURS",
    "CLASS_MARKERS",
    "COLUMN_PX",
    "DENSITY",
    "MIN_FONT_KEY",
    "MIN_TEXT_PX",
    "NARROW_KEY",
    "OUTPUT_CMAP",
    "PALETTE",
    "PHONE_COLUMN_PX",
    "PHONE_WIDTH_IN",
    "figure_png",
    "keep_text_legible",
    "narrow_layout",
    "plot_decision_boundary",
    "plot_hidden_lines",
    "plot_loss",
    "plot_points",
    "set_phone_variant",
    "smallest_text_px",
    "use_sharp_figures",
]


def _axes(ax, figsize=(4, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def plot_points(X, y, ax=None):
    """The samples X: (n, 2) as markers, class 0 blue circles, class 1 vermillion squares."""
    ax = _axes(ax)
    y = np.asarray(y).ravel() > 0.5
    for cls in (0, 1):
        pts = np.asarray(X)[y == cls]
        ax.scatter(
            pts[:, 0],
            pts[:, 1],
            s=90,
            c=CLASS_COLOURS[cls],
            marker=CLASS_MARKERS[cls],
            edgecolors="black",
            linewidths=1.2,
            zorder=3,
            label=f"target {cls}",
        )
    ax.set(xlabel="$x_1$", ylabel="$x_2$", aspect="equal")
    return ax


def plot_decision_boundary(net, X, y, ax=None, resolution=121, title=None):
    """The net's output over the square [-0.25, 1.25]^2 as shading, its 0.5 contour as a black
    line (the decision boundary), and the samples X: (n, 2), y: (n, 1) on top."""
    ax = _axes(ax)
    g = np.linspace(-0.25, 1.25, resolution)
    g1, g2 = np.meshgrid(g, g)
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    p = net.forward(grid).reshape(g1.shape)
    shade = ax.contourf(g1, g2, p, levels=np.linspace(0, 1, 11), cmap=OUTPUT_CMAP, vmin=0, vmax=1)
    if p.min() < 0.5 < p.max():
        ax.contour(g1, g2, p, levels=[0.5], colors="black", linewidths=2)
    plot_points(X, y, ax)
    ax.figure.colorbar(shade, ax=ax, shrink=0.8, label="network output")
    ax.set(xlim=(-0.25, 1.25), ylim=(-0.25, 1.25), title=title or "decision boundary")
    return ax


def plot_loss(*curves, labels=None, ax=None, log=True, title="training loss"):
    """Loss curves (each a 1-D array, or a `History`) against epochs, on a log scale by default."""
    ax = _axes(ax, figsize=(5, 3.2))
    colours = list(PALETTE.values())
    for i, c in enumerate(curves):
        values = np.asarray(getattr(c, "loss", c))
        label = labels[i] if labels else None
        ax.plot(np.arange(len(values)), values, color=colours[i % len(colours)], lw=2, label=label)
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    if log:
        ax.set_yscale("log")
    if labels:
        ax.legend(frameon=False)
    ax.grid(alpha=0.3)
    return ax


def plot_hidden_lines(net, X, y, ax=None, title="hidden units as lines"):
    """Each first-layer hidden unit j as its line w_1j x_1 + w_2j x_2 + b_j = 0 over the
    square, with a tick toward the side where it is active (z > 0). Needs 2 inputs.
    A ReLU unit with z <= 0 on every sample (dead) is drawn dashed and grey."""
    ax = plot_points(X, y, _axes(ax))
    W = net.params["W1"]
    b = net.params.get("b1", np.zeros(W.shape[1]))
    zs, _ = net.layers(X)
    relu_like = net.spec.hidden in ("relu", "leaky_relu")
    colours = [PALETTE[c] for c in ("green", "orange", "purple", "sky", "grey", "yellow")]
    t = np.linspace(-0.25, 1.25, 200)
    for j in range(W.shape[1]):
        w1, w2, bj = W[0, j], W[1, j], b[j]
        dead = relu_like and np.all(zs[0][:, j] <= 0)
        style = dict(
            color=PALETTE["grey"] if dead else colours[j % len(colours)],
            lw=2,
            ls="--" if dead else "-",
            label=f"unit {j + 1}" + (" (dead)" if dead else ""),
        )
        if abs(w2) > abs(w1):
            ax.plot(t, -(w1 * t + bj) / w2, **style)
        elif abs(w1) > 0:
            ax.plot(-(w2 * t + bj) / w1, t, **style)
        else:
            ax.plot([], [], **style)
    ax.set(xlim=(-0.25, 1.25), ylim=(-0.25, 1.25), title=title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2, frameon=False)
    return ax
