"""Planted bugs: one small XOR network with a switchable mistake, for the field guide.

The network is given to the doctor the way a reader's code would be, as plain functions of a
params dict (row layout: X (n, 2) @ W1 (2, h) + b1, tanh or sigmoid hidden units, h @ W2 (h, 1)
+ b2, sigmoid output, mean binary cross-entropy). Its gradient is xorlab's one backward pass
(`mlp.backward`), and each mistake in it is a replacement of named steps (`steps.STEPS`), the
mechanism of `FAULTS`: "sigmoid' for tanh" is the fault `sigmoid_derivative_for_tanh` itself,
the other gradient mistakes are replacements defined here (`STEP_BUGS`). Four bugs are
genuinely not steps of a backward pass: "bias gradient zero" (an array the code never fills),
"update with +" (the update, after the gradient), "no biases" and "zero init" (the network and
its start), "lr 50" (a setting). `implementation(bug)` returns the keyword arguments of
`doctor` for it; `BUGS` says what each bug is and which findings should name it; `score` turns
the doctor's verdicts into precision and recall (scored as the zoo is: `doctor.scoring`);
`draw_case` and `planted_explorer` show a verdict next to the loss curve.
"""

from dataclasses import dataclass

import numpy as np

from ..core import _validate, mlp
from ..core.activations import sigmoid
from ..core.data import xor
from ..core.faults import FAULTS
from ..core.losses import LOSSES
from ..core.steps import output_delta, sent_back
from ..doctor import scoring
from ..doctor.causes import GRADIENT
from ..doctor.report import doctor

HEALTH = frozenset({"rising", "lr_too_large", "diverged"})


@dataclass(frozen=True)
class Bug(scoring.Expected):
    """A planted mistake: what it is, the findings of which at least one must appear
    (`required`; empty means: no finding at all), and the findings that are also fair
    (`allowed`, e.g. the training trouble a wrong gradient causes)."""

    description: str
    required: frozenset = frozenset()
    allowed: frozenset = frozenset()


BUGS = {
    "none": Bug("a correct implementation"),
    "sum in hidden layer": Bug(
        "output layer averaged over the samples, hidden layer summed",
        frozenset({"constant_scale"}),
    ),
    "error y - p": Bug("the output error written y - p instead of p - y", frozenset({"sign_flip"})),
    "update with +": Bug("the update adds lr * gradient", frozenset({"update_climbs"})),
    "sigmoid' for tanh": Bug(
        "tanh hidden units, derivative written h (1 - h)",
        frozenset({"data_factor", "wrong_gradient"}),
        GRADIENT | HEALTH,
    ),
    "no hidden derivative": Bug(
        "the hidden activation's derivative left out",
        frozenset({"data_factor", "wrong_gradient"}),
        GRADIENT | HEALTH,
    ),
    "MSE gradient, BCE loss": Bug(
        "loss is BCE, output error taken from squared error: 2 (p - y) p (1 - p)",
        frozenset({"data_factor", "wrong_gradient", "loss_mismatch"}),
        GRADIENT | HEALTH | {"flat", "too_few_steps"},
    ),
    "bias gradient zero": Bug(
        "the hidden bias gradient left at its initial zeros", frozenset({"zero_gradient"})
    ),
    "no biases": Bug("a network without biases", frozenset({"no_bias", "cannot_fit"})),
    "zero init": Bug("every weight initialised to 0", frozenset({"symmetric"}), HEALTH),
    "lr 50": Bug("a learning rate of 50", frozenset({"lr_too_large", "diverged"})),
}


def error_y_minus_p_output_delta(bp):
    """(y - p) / n: the output error written the wrong way round (the same gradient as the
    fault `flipped_update_sign`, from a different line of code)."""
    return -output_delta(bp)


def sum_in_hidden_layer_sent_back(bp, layer, delta):
    """n times the error sent back: the hidden layer's loss summed over the n samples while
    the output layer's is averaged."""
    return bp.y.shape[0] * sent_back(bp, layer, delta)


def no_hidden_derivative_hidden_derivative(bp, layer):
    """1: the hidden activation's derivative left out."""
    return 1.0


def mse_gradient_loss_grad(bp):
    """2 (p - y) / n, the squared error's dL/dp, under a binary cross-entropy loss."""
    return LOSSES["mse"].grad(bp.p, bp.y)


STEP_BUGS = {
    "error y - p": {"output_delta": error_y_minus_p_output_delta},
    "sum in hidden layer": {"sent_back": sum_in_hidden_layer_sent_back},
    "sigmoid' for tanh": FAULTS["sigmoid_derivative_for_tanh"].replaces,
    "no hidden derivative": {"hidden_derivative": no_hidden_derivative_hidden_derivative},
    "MSE gradient, BCE loss": {"loss_grad": mse_gradient_loss_grad},
}
"""The planted bugs that are mistakes in a step of the backward pass: {bug: {step: function}}."""


def implementation(bug="none", hidden="tanh", units=3, lr=0.5, seed=0):
    """Doctor's keyword arguments for a 2-`units`-1 XOR net with the planted `bug` (a key of
    `BUGS`). Weights ~ N(0, 1) from `seed`, biases 0; `hidden` is "tanh" or "sigmoid"."""
    _validate.choice(bug, BUGS, "bug")
    _validate.choice(hidden, ("tanh", "sigmoid"), "hidden")
    _validate.positive(units, "units", integer=True)
    _validate.positive(lr, "lr")
    X, y = xor()
    lr = 50.0 if bug == "lr 50" else lr
    rng = np.random.default_rng(seed)
    scale = 0.0 if bug == "zero init" else 1.0
    params = {
        "W1": scale * rng.normal(0, 1, (2, units)),
        "W2": scale * rng.normal(0, 1, (units, 1)),
    }
    if bug != "no biases":
        params.update(b1=np.zeros(units), b2=np.zeros(1))
    act = np.tanh if hidden == "tanh" else sigmoid

    def forward(q, Z):
        """Hidden h: (n, units) and output p: (n, 1) for inputs Z: (n, 2)."""
        h = act(Z @ q["W1"] + q.get("b1", 0.0))
        return h, sigmoid(h @ q["W2"] + q.get("b2", 0.0))

    def loss(q):
        p = np.clip(forward(q, X)[1], 1e-12, 1 - 1e-12)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def grad(q):
        """The backward pass with the bug's steps swapped in: a dict like q."""
        spec = mlp.make_spec((2, units, 1), hidden, bias="b1" in q)
        steps = {**mlp.steps_of(spec), **STEP_BUGS.get(bug, {})}
        stacked = {k: np.asarray(v, dtype=np.float64)[..., None] for k, v in q.items()}
        zs, acts = mlp.forward(stacked, X, spec)
        g = {k: v[..., 0] for k, v in mlp.backward(stacked, zs, acts, y, spec, steps).items()}
        if bug == "bias gradient zero":
            g["b1"] = np.zeros(units)
        return g

    sign = 1.0 if bug == "update with +" else -1.0
    return {
        "params": params,
        "loss": loss,
        "grad": grad,
        "predict": lambda q, Z: forward(q, Z)[1],
        "step": lambda q, g: {k: q[k] + sign * lr * g[k] for k in q},
        "X": X,
        "y": y,
        "lr": lr,
    }


def score(verdicts):
    """Score `verdicts` [(bug, finding codes), ...] against the bugs' expected findings: a
    `scoring.Score` (precision: findings that belong to their bug / all findings; recall: cases
    diagnosed correctly / all cases)."""
    return scoring.score([(BUGS[bug], codes) for bug, codes in verdicts])


def draw_case(bug="sum in hidden layer", lr=0.5, seed=0, figsize=(6, 2.6)):
    """Run the doctor on the planted `bug` and draw its short training run's loss, titled with
    the first finding (or "healthy"). Returns (Figure, Diagnosis)."""
    import matplotlib.pyplot as plt

    from ..show import plots

    diagnosis = doctor(**{**implementation(bug, lr=lr, seed=seed), "epochs": 300})
    fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    losses = diagnosis.losses
    log = bool(np.all(np.isfinite(losses)) and np.all(losses > 0))
    plots.plot_loss(losses, ax=ax, log=log, title="")
    first = diagnosis.findings[0].title if diagnosis.findings else "healthy: no finding"
    ax.set_title(f"{bug}: {_shorten(first)}", fontsize=10, loc="left")
    return fig, diagnosis


def _shorten(text, width=58):
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def planted_explorer():
    """Live explorer: choose a planted bug and a learning rate; shows the doctor's report and
    the loss over its short training run. Needs ipywidgets."""
    import ipywidgets as w
    import matplotlib.pyplot as plt

    from ..show.widgets import explorer

    def show(bug, lr):
        fig, diagnosis = draw_case(bug, lr=lr, figsize=(7, 2.8))
        print(diagnosis)
        plt.show()

    return explorer(
        show,
        bug=w.Dropdown(options=list(BUGS), value="sum in hidden layer"),
        lr=w.SelectionSlider(
            options=[0.001, 0.01, 0.1, 0.5, 1.0, 3.0, 10.0, 30.0, 100.0], value=0.5
        ),
    )
