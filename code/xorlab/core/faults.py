"""The named mistakes, each a replacement of one or more named steps of ONE correct backward pass.

`mlp.backward` is written once, correctly, as a sequence of named steps (`steps.STEPS`, each
with its contract in `steps.STEP_DOCS`). A fault is a small set of replacement steps: `MLP(...,
faults=("flipped_bce_grad",))` runs the same pass with the step "loss_grad" replaced by
`flipped_bce_grad_loss_grad` below. Several faults can be on together when they replace
different steps; two faults that replace the same step are refused, naming both, since no order
between them would be more right than the other.

`FAULTS` maps each name to a `Fault`: its description, the chapter that explains it, the steps it
replaces and what it needs of the network. A replacement step receives `bp`, the `steps.Pass` of
`mlp.backward` (arrays of a stack of m networks: activations `(n, d, m)`, `bp.y: (n, k, 1)`),
and may call the pass's other steps with `bp.run(name, ...)`, so faults on different steps
compose.
"""

from dataclasses import dataclass, field

import numpy as np

from .activations import ACTIVATIONS
from .losses import CLIP, LOSSES
from .steps import LossGradient

# --- the replacement steps, one small function per fault per step ---------------------------

LEAK_FORWARD = 1e-5


def leak_forward_only_hidden_activation(spec, z):
    """ReLU made leaky (slope 1e-5 below 0) in the forward pass only; backward keeps ReLU's 0."""
    return np.maximum(z, LEAK_FORWARD * z)


def flipped_bce_grad(p, y):
    """The flipped dL/dp of BCE: (-y/p - (1 - y)/(1 - p)) / n. Shapes: p, y (n, k, ...)."""
    q = np.clip(p, CLIP, 1.0 - CLIP)
    return (-y / q - (1.0 - y) / (1.0 - q)) / y.shape[0]


def flipped_sigmoid_bce_delta(p, y):
    """dL/dz that the flipped dL/dp gives through a sigmoid: -(y (1 - p) + (1 - y) p) / n."""
    return -(y * (1.0 - p) + (1.0 - y) * p) / y.shape[0]


def _flipped_grad(bp):
    """BCE's dL/dp with the sign of its (1 - y)/(1 - p) term flipped: `flipped_bce_grad`."""
    return flipped_bce_grad(bp.p, bp.y)


def _flipped_through_sigmoid(bp):
    """The flipped dL/dp through the output sigmoid in closed form: `flipped_sigmoid_bce_delta`."""
    return flipped_sigmoid_bce_delta(bp.p, bp.y)


flipped_bce_grad_loss_grad = LossGradient(_flipped_grad, _flipped_through_sigmoid)
"""BCE's dL/dp with the sign of its (1 - y)/(1 - p) term flipped, and its closed form through
the output sigmoid."""


def cost_as_gradient_loss_grad(bp):
    """Each sample's loss value, over n, where its derivative dL/dp belongs."""
    return LOSSES[bp.spec.loss].elementwise(bp.p, bp.y) / bp.y.shape[0]


def sigmoid_derivative_of_output_output_delta(bp):
    """dL/dp times sigma'(p), the sigmoid's derivative evaluated at the output p instead of z."""
    return bp.run("loss_grad") * ACTIVATIONS["sigmoid"].df(bp.p)


def missing_output_derivative_sent_back(bp, layer, delta):
    """Through the last weights, dL/dp is sent back instead of dL/dz (below: unchanged)."""
    sent = bp.run("loss_grad") if layer == bp.spec.layers else delta
    return np.einsum("njm,ijm->nim", sent, bp.params[f"W{layer}"])


def sigmoid_derivative_for_tanh_hidden_derivative(bp, layer):
    """h (1 - h), the sigmoid's derivative written in its output h, whatever the activation."""
    a = bp.acts[layer]
    return a * (1.0 - a)


def _at_inputs(bp, layer):
    """f_l'(x): the derivative of layer l's activation evaluated at the inputs, (n, d_in, 1)."""
    name = bp.spec.output if layer == bp.spec.layers else bp.spec.hidden
    if name not in bp.memo:
        bp.memo[name] = ACTIVATIONS[name].df(bp.x)
    return bp.memo[name]


def input_activation_derivative_output_delta(bp):
    """dL/dp alone: the output's f'(z) is taken at the inputs instead (see weight_input)."""
    return bp.run("loss_grad")


def input_activation_derivative_weight_input(bp, layer):
    """a_{l-1}[i] f_l'(x[i]): layer l's derivative moved to the weight's input end, at x."""
    return bp.acts[layer - 1] * _at_inputs(bp, layer)


def input_activation_derivative_sent_back(bp, layer, delta):
    """The error sent back through W_l carries the same factor f_l'(x[i]) at each weight's
    input end i: (sum_j delta[j] W_l[i, j]) f_l'(x[i])."""
    return np.einsum("njm,ijm->nim", delta, bp.params[f"W{layer}"]) * _at_inputs(bp, layer)


def input_activation_derivative_hidden_derivative(bp, layer):
    """1: no f'(z_l) for hidden layers; their derivative came with the error (see sent_back)."""
    return 1.0


def flipped_update_sign_gradient_sign(bp, grads):
    """Every gradient negated: a step w -= lr * g then climbs the loss."""
    return {k: -g for k, g in grads.items()}


# --- the registry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    """A named mistake: a one-line `description`, the `chapter` that explains it, the steps it
    replaces (`replaces`: {step name: function}) and the architecture it needs (`needs_loss`,
    `needs_output`, `needs_hidden`: None means any)."""

    name: str
    description: str
    chapter: str
    replaces: dict = field(default_factory=dict)
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
            {"loss_grad": flipped_bce_grad_loss_grad},
            needs_loss="bce",
        ),
        Fault(
            "sigmoid_derivative_of_output",
            "The output sigmoid's derivative evaluated at the output p instead of at z.",
            "case-stuck-at-half",
            {"output_delta": sigmoid_derivative_of_output_output_delta},
            needs_output="sigmoid",
        ),
        Fault(
            "leak_forward_only",
            "ReLU made leaky (slope 1e-5) in the forward pass only; backward keeps ReLU's 0.",
            "case-stuck-at-half",
            {"hidden_activation": leak_forward_only_hidden_activation},
            needs_hidden="relu",
        ),
        Fault(
            "missing_output_derivative",
            "The error sent back to the last hidden layer skips the output activation's "
            "derivative: dL/dp instead of dL/dz.",
            "case-sigmoid-vs-tanh",
            {"sent_back": missing_output_derivative_sent_back},
            needs_hidden_layer=True,
        ),
        Fault(
            "sigmoid_derivative_for_tanh",
            "Hidden derivatives computed as h (1 - h), the sigmoid's formula, whatever the "
            "activation (harmless for sigmoid, wrong for tanh and ReLU).",
            "case-sigmoid-vs-tanh",
            {"hidden_derivative": sigmoid_derivative_for_tanh_hidden_derivative},
            needs_hidden_layer=True,
        ),
        Fault(
            "cost_as_gradient",
            "The value of each sample's loss used where its derivative dL/dp belongs.",
            "case-chain-rule",
            {"loss_grad": cost_as_gradient_loss_grad},
        ),
        Fault(
            "flipped_update_sign",
            "Every gradient has the wrong sign, so each step climbs the loss (w += lr * grad).",
            "case-chain-rule",
            {"gradient_sign": flipped_update_sign_gradient_sign},
        ),
        Fault(
            "input_activation_derivative",
            "The activation derivative evaluated at the network's inputs x instead of the "
            "pre-activations: the factor f'(z_l[u]) for weight W_l[i, u] becomes f'(x[i]), "
            "taken at the weight's input end; biases get no derivative factor (needs hidden "
            "layers as wide as the input).",
            "case-chain-rule",
            {
                "output_delta": input_activation_derivative_output_delta,
                "weight_input": input_activation_derivative_weight_input,
                "sent_back": input_activation_derivative_sent_back,
                "hidden_derivative": input_activation_derivative_hidden_derivative,
            },
            needs_hidden_layer=True,
            needs_hidden_as_wide_as_input=True,
        ),
    ]
}


def _names(faults):
    if isinstance(faults, str):
        faults = (faults,)
    try:
        names = frozenset(faults)
    except TypeError:
        raise TypeError(f"faults must be a sequence of fault names, got {faults!r}") from None
    for name in sorted(names, key=str):
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; choose from {sorted(FAULTS)}")
    return names


def _fits(f, sizes, hidden, output, loss):
    """Raise unless fault `f` fits the network."""
    for what, need, have in [
        ("loss", f.needs_loss, loss),
        ("output", f.needs_output, output),
        ("hidden", f.needs_hidden, hidden),
    ]:
        if need is not None and need != have:
            raise ValueError(
                f"fault {f.name!r} needs {what}={need!r}, but the network has {have!r}"
            )
    if f.needs_hidden_layer and len(sizes) < 3:
        raise ValueError(f"fault {f.name!r} needs a hidden layer; sizes {sizes} has none")
    if f.needs_hidden_as_wide_as_input and any(d != sizes[0] for d in sizes[1:-1]):
        raise ValueError(
            f"fault {f.name!r} pairs input i with unit i, so every hidden layer must have "
            f"sizes[0] = {sizes[0]} units; sizes {sizes} does not"
        )


def replacements(names):
    """The steps that the faults `names` replace: {step name: function}.

    Raises ValueError, naming both, when two faults replace the same step.
    """
    out, owner = {}, {}
    for name in sorted(names):
        for step, fn in FAULTS[name].replaces.items():
            if step in owner:
                raise ValueError(
                    f"faults {owner[step]!r} and {name!r} both replace the step {step!r}; "
                    "switch on one of them at a time"
                )
            out[step], owner[step] = fn, name
    return out


def check(faults, sizes, hidden, output, loss):
    """Return `faults` as a frozenset after checking each name exists and fits the network, and
    that no two of them replace the same step."""
    names = _names(faults)
    for name in sorted(names):
        _fits(FAULTS[name], sizes, hidden, output, loss)
    replacements(names)
    return names
