"""Sphinx extension: live explorers in the static HTML, run by the engine in assets/explorer/.

A code cell whose metadata holds `"xorlab": {"live": "<name>"}` shows, in the HTML only, the
live explorer `<name>` of assets/explorer/explorers.js in place of its ipywidgets output (which
cannot run without a kernel). A cell with `"xorlab": {"replaced_by": "<name>"}` (a frame player
whose every frame the live explorer can show) has its output left out of the HTML. In Jupyter,
Binder and Colab the cells run as before. Pages with an explorer load the engine's scripts and
`draws.js`: the first draws of numpy's generator for each seed, so that the page starts from
exactly the weights `xorlab` would draw.
"""

from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "assets" / "explorer"
FILES = [
    "matrix.js",
    "activations.js",
    "losses.js",
    "faults.js",
    "network.js",
    "init.js",
    "train.js",
]
"""The engine's files in load order (each file needs only those before it)."""

SEEDS = 64
DRAWS = 40
"""Seeds 0..63, each with 40 draws: enough weights for every explorer's largest network."""


def export_draws(seeds=SEEDS, count=DRAWS):
    """The first `count` standard-normal and uniform draws of `np.random.default_rng(seed)`
    for each seed, as {"normal": [[...] per seed], "uniform": [...]}: lists of Python floats,
    whose JSON text (shortest round-trip form) gives the very same doubles in JavaScript."""
    normal = [np.random.default_rng(s).standard_normal(count).tolist() for s in range(seeds)]
    uniform = [np.random.default_rng(s).random(count).tolist() for s in range(seeds)]
    return {"normal": normal, "uniform": uniform}


def engine_paths():
    """Absolute paths of the engine's files, in load order."""
    return [ENGINE / name for name in FILES]
