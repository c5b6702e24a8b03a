"""The one correct backward pass as named steps: each step's name and contract, the state of a
pass, and the correct function of each step.

`mlp.backward` runs the steps of `STEPS` (each with its contract in `STEP_DOCS`), taking each
from a table {step name: function}: `CORRECT_STEPS` for a network without faults. A fault
(`faults.FAULTS`) is a small set of replacement steps that `mlp.steps_of` swaps into the table.
A step receives `bp`, the `Pass` (arrays of a stack of m networks: activations `(n, d, m)`,
`bp.y: (n, k, 1)`), and may call the pass's other steps with `bp.run(name, ...)`, so
replacements of different steps compose.
"""

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .losses import LOSSES

STEP_DOCS = {
    "hidden_activation": (
        "Forward pass, hidden layers: a = f(z) for the hidden activation f. Called as "
        "step(spec, z) with z: (n, d, m); returns a: (n, d, m)."
    ),
    "loss_grad": (
        "dL/dp, the derivative of the mean loss with respect to the output p. Called as "
        "step(bp); returns (n, k, m). A `LossGradient` also gives its product with a sigmoid's "
        "slope p (1 - p) in closed form (exact where the sigmoid saturates)."
    ),
    "output_delta": (
        "dL/dz at the output: dL/dp times the output activation's derivative f'(z). Called as "
        "step(bp); returns (n, k, m)."
    ),
    "sent_back": (
        "The error carried back through the weights W_l to the outputs of layer l - 1: "
        "sum_j delta[j] W_l[i, j]. Called as step(bp, layer, delta) with delta: (n, d_l, m); "
        "returns (n, d_{l-1}, m)."
    ),
    "hidden_derivative": (
        "f'(z) of hidden layer l, the factor that turns the error at its outputs into dL/dz. "
        "Called as step(bp, layer); returns (n, d_l, m)."
    ),
    "weight_input": (
        "The activation at the input end of W_l, the factor a_{l-1}[i] in dL/dW_l[i, j] = "
        "a_{l-1}[i] delta_l[j]. Called as step(bp, layer); returns (n, d_{l-1}, m)."
    ),
    "gradient_sign": (
        "The returned gradient's sign, the direction of descent: grads as computed. Called as "
        "step(bp, grads) with grads a dict like params; returns a dict like params."
    ),
}

STEPS = tuple(STEP_DOCS)
"""The named steps of the pass, in the order they run (forward first)."""


class Pass:
    """One backward pass of a stack of m networks: the arrays every step may read, and its steps.

    `spec` the architecture; `params` stacked (`W{l}: (d_{l-1}, d_l, m)`); `zs[l-1]: (n, d_l, m)`
    the pre-activations and `acts[l]: (n, d_l, m)` the activations (acts[0] the inputs, acts[-1]
    the output p); `y: (n, k, 1)`; `steps`: {step name: function}.
    """

    def __init__(self, spec, params, zs, acts, y, steps):
        self.spec, self.params, self.zs, self.acts, self.y = spec, params, zs, acts, y
        self.steps = steps
        self.memo = {}  # values several steps share, computed once per pass

    @property
    def p(self):
        """The output p: (n, k, m)."""
        return self.acts[-1]

    @property
    def x(self):
        """The inputs: (n, d_in, 1)."""
        return self.acts[0]

    def run(self, step, *args):
        """Run the pass's (possibly replaced) step `step` with `args` after `self`."""
        return self.steps[step](self, *args)


@dataclass(frozen=True)
class LossGradient:
    """A step "loss_grad" that knows its product with a sigmoid's slope in closed form.

    `grad(bp)`: dL/dp, (n, k, m), what the step returns when called. `through_sigmoid(bp)`:
    dL/dp times p (1 - p), i.e. dL/dz for a sigmoid output, exact where the sigmoid saturates
    (None where there is no closed form). `output_delta` uses it for a sigmoid output; a plain
    function as the step "loss_grad" has no closed form.
    """

    grad: object
    through_sigmoid: object

    def __call__(self, bp):
        return self.grad(bp)


# --- the correct step of each name ------------------------------------------------------------


def hidden_activation(spec, z):
    """f(z) of the hidden layers, z: (n, d, m)."""
    return ACTIVATIONS[spec.hidden].f(z)


def _loss_grad(bp):
    """dL/dp of the loss at the output p: (n, k, m)."""
    return LOSSES[bp.spec.loss].grad(bp.p, bp.y)


def _loss_through_sigmoid(bp):
    """The loss's dL/dz through a sigmoid output in closed form (`Loss.through_sigmoid`, e.g.
    (p - y) / n for BCE): (n, k, m); None for a loss without one."""
    closed = LOSSES[bp.spec.loss].through_sigmoid
    return None if closed is None else closed(bp.p, bp.y)


loss_grad = LossGradient(_loss_grad, _loss_through_sigmoid)


def output_delta(bp):
    """dL/dz at the output: dL/dp times f'(z), (n, k, m). For a sigmoid output, a loss gradient
    that is a `LossGradient` gives that product in closed form, exact where the sigmoid
    saturates."""
    step = bp.steps["loss_grad"]
    if bp.spec.output == "sigmoid" and isinstance(step, LossGradient):
        delta = step.through_sigmoid(bp)
        if delta is not None:
            return delta
    return bp.run("loss_grad") * ACTIVATIONS[bp.spec.output].df_cached(bp.zs[-1], bp.p)


def sent_back(bp, layer, delta):
    """The error at the outputs of layer - 1: delta (n, d_l, m) through W_l, (n, d_{l-1}, m)."""
    return np.einsum("njm,ijm->nim", delta, bp.params[f"W{layer}"])


def hidden_derivative(bp, layer):
    """f'(z_l) of hidden layer l, from z_l and a_l: (n, d_l, m)."""
    return ACTIVATIONS[bp.spec.hidden].df_cached(bp.zs[layer - 1], bp.acts[layer])


def weight_input(bp, layer):
    """The activation a_{l-1} at the input end of W_l: (n, d_{l-1}, m)."""
    return bp.acts[layer - 1]


def gradient_sign(bp, grads):
    """The gradient as computed: descent goes against it."""
    return grads


CORRECT_STEPS = {
    "hidden_activation": hidden_activation,
    "loss_grad": loss_grad,
    "output_delta": output_delta,
    "sent_back": sent_back,
    "hidden_derivative": hidden_derivative,
    "weight_input": weight_input,
    "gradient_sign": gradient_sign,
}
"""{step name: the correct function} for every step of `STEPS`, in order."""
