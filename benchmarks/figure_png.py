"""figure_png's time on figures like the book's, with and without the phone variant.

    .venv/bin/python benchmarks/figure_png.py [REPEATS]

Prints, per figure, the best of REPEATS CPU times (process_time, as the machine may be shared;
a fresh figure each time) of figure_png, and of figure_png with the phone variant switched
off; and the sizes. Measured 2026-12-06 (CPU s, best of 3): 3 panels 12x3.8 went from
3.03-3.07 to 1.73-1.94 (0.75 without the variant); 2 panels 8x3.4 from 1.90 to 1.13-1.41;
a 4x4 decision boundary from 0.93-1.23 to 0.63; the flowchart's own variant 0.56-0.59.
"""

import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import xorlab as xl  # noqa: E402
from xorlab.show import flowchart  # noqa: E402

X, y = xl.xor()
NET = xl.MLP((2, 2, 1), seed=3)


def three_panels():  # like Fig. 1.3 of the book
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.8), layout="constrained")
    xl.plots.plot_loss(np.geomspace(0.7, 0.01, 500), ax=axes[0])
    xl.plots.plot_decision_boundary(NET, X, y, ax=axes[1])
    xl.plots.plot_hidden_lines(NET, X, y, ax=axes[2])
    return fig


def two_panels():  # like the explorers' snapshots and rising-cost's figures
    fig, (a, b) = plt.subplots(1, 2, figsize=(8, 3.4), layout="constrained")
    xl.plots.plot_decision_boundary(NET, X, y, ax=a, resolution=61, title="a verdict")
    xl.plots.plot_loss(np.geomspace(0.7, 0.01, 500), ax=b, title="loss")
    return fig


def one_boundary():
    return xl.plots.plot_decision_boundary(NET, X, y, title="fixed network").figure


def curves_with_legend():
    fig, ax = plt.subplots(figsize=(6.4, 3.6), layout="constrained")
    for i in range(4):
        ax.plot(np.geomspace(0.7, 0.01 * (i + 1), 300), label=f"seed {i}")
    ax.set(xlabel="epoch", ylabel="loss", yscale="log", title="four seeds")
    ax.legend()
    return fig


def flow():
    return flowchart.draw_flowchart().figure


FIGURES = [three_panels, two_panels, one_boundary, curves_with_legend, flow]


def best(make, repeats, variant=True):
    times = []
    for _ in range(repeats):
        fig = make()
        start = time.process_time()
        _, meta = xl.plots.figure_png(fig)
        times.append(time.process_time() - start)
        plt.close(fig)
    return min(times), meta


def main(repeats):
    from xorlab.show import png

    phone_variant = png.PHONE_VARIANT
    print(f"{'figure':20} {'with variant':>13} {'without':>8}  size / narrow size (CSS px)")
    total = [0.0, 0.0]
    for make in FIGURES:
        with_variant, meta = best(make, repeats)
        keep = png._restacked_variant
        png._restacked_variant = lambda fig: None
        own = getattr(make(), phone_variant, None)
        plt.close("all")
        without, _ = best(make, repeats) if own is None else (float("nan"), None)
        png._restacked_variant = keep
        narrow = meta.get(png.NARROW_KEY, {})
        total[0] += with_variant
        total[1] += without if own is None else 0
        print(
            f"{make.__name__:20} {with_variant:12.3f}s {without:7.3f}s  "
            f"{meta['width']}x{meta['height']} / {narrow.get('width')}x{narrow.get('height')}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
