"""The named mistakes: each a small, documented change to backpropagation.

`MLP(..., faults=("flipped_bce_grad",))` switches one on; several can be on together, so a chapter
can show each bug's own effect on the same network. The wrong formulas live here; `mlp` applies
them. `FAULTS` maps each name to its description, the chapter that explains it, and what it needs.
"""

from dataclasses import dataclass

import numpy as np

from .losses import CLIP


@dataclass(frozen=True)
class Fault:
    """A named mistake: a one-line `description`, the `chapter` that explains it, and the
    architecture it needs (`needs_loss`, `needs_output`, `needs_hidden`: None means any)."""

    name: str
    description: str
    chapter: str
    needs_loss: str | None = None
    needs_output: str | None = None
    needs_hidden: str | None = None
    needs_hidden_layer: bool = False
    needs_hidden_as_wide_as_input: bool = False


FAULTS = {
    f.name: f
    for f in [
        Fault(
            "flipped_bce_grad",
            "dL/dp of binary cross-entropy with the sign of its (1 - y)/(1 - p) term flipped.",
            "case-rising-cost",
            needs_loss="bce",
        ),
        Fault(
            "sigmoid_derivative_of_output",
            "The output sigmoid's derivative evaluated at the output p instead of at z.",
            "case-stuck-at-half",
            needs_output="sigmoid",
        ),
        Fault(
            "leak_forward_only",
            "ReLU made leaky (slope 1e-5) in the forward pass only; backward keeps ReLU's 0.",
            "case-stuck-at-half",
            needs_hidden="relu",
        ),
        Fault(
            "missing_output_derivative",
            "The error sent back to the last hidden layer skips the output activation's "
            "derivative: dL/dp instead of dL/dz.",
            "case-sigmoid-vs-tanh",
            needs_hidden_layer=True,
        ),
        Fault(
            "sigmoid_derivative_for_tanh",
            "Hidden derivatives computed as h (1 - h), the sigmoid's formula, whatever the "
            "activation (harmless for sigmoid, wrong for tanh and ReLU).",
            "case-sigmoid-vs-tanh",
            needs_hidden_layer=True,
        ),
        Fault(
            "cost_as_gradient",
            "The value of each sample's loss used where its derivative dL/dp belongs.",
            "case-chain-rule",
        ),
        Fault(
            "flipped_update_sign",
            "Every gradient has the wrong sign, so each step climbs the loss (w += lr * grad).",
            "case-chain-rule",
        ),
        Fault(
            "input_activation_derivative",
            "The activation derivative evaluated at the network's inputs x instead of the "
            "pre-activations: the factor f'(z_l[u]) for weight W_l[i, u] becomes f'(x[i]), "
            "taken at the weight's input end; biases get no derivative factor (needs hidden "
            "layers as wide as the input).",
            "case-chain-rule",
            needs_hidden_layer=True,
            needs_hidden_as_wide_as_input=True,
        ),
    ]
}

LEAK_FORWARD = 1e-5


def check(faults, sizes, hidden, output, loss):
    """Return `faults` as a frozenset after checking each name exists and fits the network."""
    if isinstance(faults, str):
        faults = (faults,)
    try:
        names = frozenset(faults)
    except TypeError:
        raise TypeError(f"faults must be a sequence of fault names, got {faults!r}") from None
    for name in names:
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; choose from {sorted(FAULTS)}")
        f = FAULTS[name]
        wrong = [
            (what, need, have)
            for what, need, have in [
                ("loss", f.needs_loss, loss),
                ("output", f.needs_output, output),
                ("hidden", f.needs_hidden, hidden),
            ]
            if need is not None and need != have
        ]
        if wrong:
            what, need, have = wrong[0]
            raise ValueError(f"fault {name!r} needs {what}={need!r}, but the network has {have!r}")
        if f.needs_hidden_layer and len(sizes) < 3:
            raise ValueError(f"fault {name!r} needs a hidden layer; sizes {sizes} has none")
        if f.needs_hidden_as_wide_as_input and any(d != sizes[0] for d in sizes[1:-1]):
            raise ValueError(
                f"fault {name!r} pairs input i with unit i, so every hidden layer must have "
                f"sizes[0] = {sizes[0]} units; sizes {sizes} does not"
            )
    return names


def flipped_bce_grad(p, y):
    """The flipped dL/dp of BCE: (-y/p - (1 - y)/(1 - p)) / n. Shapes: p, y (n, k, ...)."""
    q = np.clip(p, CLIP, 1.0 - CLIP)
    return (-y / q - (1.0 - y) / (1.0 - q)) / y.shape[0]


def flipped_sigmoid_bce_delta(p, y):
    """dL/dz that the flipped dL/dp gives through a sigmoid: -(y (1 - p) + (1 - y) p) / n."""
    return -(y * (1.0 - p) + (1.0 - y) * p) / y.shape[0]
