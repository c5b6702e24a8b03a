"""Self-checks of the chapter "Two hidden sigmoid units vs tanh" (case-sigmoid-vs-tanh): tanh's
derivative from its output, the two-sigmoid bound, the factor a dropped derivative costs, and
one corrected step of the question's program; and each student's numbers (`numbers`) for the
saturation census, its check and the share of the student's trained network."""

import numpy as np

from ..core.data import xor
from ..core.mlp import MLP
from ..core.train import train
from . import variants
from .gradients import check_step_function
from .guard import Feedback, as_array, as_number, call, judge_number
from .references import Program, squared_error, two_layer_shapes


def check_tanh_derivative(fn):
    """Check `fn(a)` returns tanh's derivative written in terms of its output a = tanh(z)."""
    a = np.linspace(-0.95, 0.95, 9)  # pragma: no mutate
    got = as_array(call(fn, (a,), "your function"), a.shape, "its result")
    if np.allclose(got, 1 - a**2):
        return Feedback(True, "it gives tanh'(z) from the output a alone.")
    if np.allclose(got, a * (1 - a)):
        return Feedback(False, "a (1 - a) is the sigmoid's derivative; it is negative for a < 0.")
    if np.allclose(got, 1 - np.tanh(a) ** 2):
        return Feedback(
            False, "a is already tanh(z); applying tanh again gives tanh'(a), not tanh'(z)."
        )
    return Feedback(False, "differentiate tanh(z) and write the result with a = tanh(z).")


def check_chain_bound(value):
    """Check the largest factor that an output sigmoid and a hidden sigmoid, together, can
    put on a gradient reaching the first layer."""
    return judge_number(
        value,
        1 / 16,
        "the bound",
        "the two largest slopes multiply.",
        "Take each sigmoid derivative's maximum and combine them as the chain rule does.",
        [
            (1 / 4, "that is one sigmoid's bound; the gradient passes through two."),
            (1 / 2, "the chain rule multiplies the derivatives; it does not add them."),
        ],
        rtol=1e-6,
    )


def check_missing_factor(value):
    """The factor by which `missing_output_derivative` makes the first-layer gradient too large
    when every output is p = 0.5."""
    return judge_number(
        value,
        4.0,
        "the factor",
        "it matches the factor the bug drops, inverted.",
        "Which factor does the bug leave out, and what is it at p = 0.5?",
        [(0.25, "that is the factor left out; the gradient is too large by its inverse.")],
    )


def check_tanh_step(fn):
    """Check `fn(params, X, y, lr, hidden) -> new params`: one corrected step of the question's
    program, hidden "sigmoid" or "tanh", sigmoid output, loss sum((y - out)^2) (no 1/n);
    params W1 (2, h), b1 (h,), W2 (h, 1), b2 (1,)."""
    for hidden in ("tanh", "sigmoid"):
        program = Program(two_layer_shapes, squared_error(hidden), mean=False)
        lr = 0.1  # pragma: no mutate (probe data: a right step follows any rate)
        failed = check_step_function(fn, program, "your fixed_step", lr, (hidden,))
        if failed is not None:
            return Feedback(False, f"hidden={hidden!r}: {failed.message}")
    return Feedback(True, "each step is gradient descent on the squared error, tanh and sigmoid.")


# --- per-student numbers, and the saturation census ------------------------------------------

CUT = 0.1
"""A unit is saturated on a point where f'(z) < CUT * max f' (as `cases.sigmoid_vs_tanh`)."""
_SLOPE = {  # f'(z) and its largest value
    "sigmoid": (lambda z: np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))) ** 2, 0.25),
    "tanh": (lambda z: 1 - np.tanh(z) ** 2, 1.0),
}


def numbers(seed):
    """The numbers of the saturation exercise for `seed` (0: the chapter's own): the `hidden`
    activation, `units`, the `lr` and `epochs` of full-batch training on XOR (mean squared
    error, the question's normal start with std `std`) from `seed`'s start, and the points
    `X`: (n, 2) at which the hidden layer is inspected (the square [-1, 2]^2)."""
    if seed == 0:
        grid = np.linspace(-1.0, 2.0, 7)
        X = np.array([(a, b) for a in grid for b in grid])
        return _with_std(X, hidden="sigmoid", units=2, lr=1.6, epochs=1000, start=2)
    rng = np.random.default_rng(seed)
    X = np.round(rng.uniform(-1.0, 2.0, size=(40, 2)), 2)
    while True:  # a network whose training changes its share, and leaves some saturated
        picked = _with_std(
            X,
            hidden=str(rng.choice(("sigmoid", "tanh"))),
            units=int(rng.integers(2, 5)),
            lr=float(rng.choice((0.4, 1.6, 6.4))),
            epochs=int(rng.choice((300, 600, 1000))),
            start=int(rng.integers(1, 10**6)),
        )
        after, before = (share(q, X, picked["hidden"]) for q in trained(picked))
        if after > 0 and after != before:
            return picked


def _with_std(X, **picked):
    """The numbers `picked`, with the points X and the question's std (doubled for tanh)."""
    gain = 2.0 if picked["hidden"] == "tanh" else 1.0
    return {**picked, "std": gain * float(np.sqrt(2.0 / (2 + picked["units"]))), "X": X}


def _mine(given):
    """The numbers a check uses: `given` (a student's dict) or the chapter's own."""
    return variants.checked(given, numbers)


def share(params, X, hidden, cut=CUT, at="z", scale=True):
    """The fraction of (point, unit) pairs of the hidden layer (params W1: (2, h), b1: (h,))
    at X: (n, 2) with f'(z) < cut * max f'; `at` and `scale` plant two mistakes (the slope
    taken at the outputs h, the cut not scaled by the largest slope)."""
    z = X @ params["W1"] + params["b1"]
    slope, top = _SLOPE[hidden]
    if at == "h":
        z = np.tanh(z) if hidden == "tanh" else 1 / (1 + np.exp(-z))
    return float(np.mean(slope(z) < cut * (top if scale else 1.0)))


def trained(numbers):
    """The params of the student's network after its training, and before (a pair)."""
    net = MLP(
        (2, numbers["units"], 1),
        hidden=numbers["hidden"],
        loss="mse",
        init="normal",
        init_scale=numbers["std"],
        seed=numbers["start"],
    )
    before = {k: v.copy() for k, v in net.params.items()}
    train(net, *xor(), lr=numbers["lr"], epochs=numbers["epochs"])
    return net.params, before


def _cases():
    """[(params, X, hidden)] the learner's saturation_share is tried on."""
    rng = np.random.default_rng(1746)
    X = rng.uniform(-1, 2, size=(30, 2))
    out = []
    for hidden, units in (("sigmoid", 3), ("tanh", 4), ("sigmoid", 5)):
        params = {"W1": rng.normal(0, 4, (2, units)), "b1": rng.normal(0, 2, units)}
        out.append((params, X, hidden))
    return out


def check_saturation_share(fn):
    """Check `fn(params, X, hidden) -> float`: the fraction of (point, unit) pairs of the hidden
    layer (params W1: (2, h), b1: (h,); X: (n, 2); hidden "sigmoid" or "tanh") where the
    activation's derivative f'(z) is below a tenth of its largest value."""
    for params, X, hidden in _cases():
        got = as_number(call(fn, (params, X, hidden), "your saturation_share"), "its result")
        if np.isclose(got, share(params, X, hidden), rtol=0, atol=1e-12):
            continue
        said = f"with hidden={hidden!r} it gives {got:.3f}"
        if np.isclose(got, share(params, X, hidden, scale=False)):
            why = "the cut is a tenth of the largest slope, and sigmoid's largest is 1/4."
        elif np.isclose(got, share(params, X, hidden, at="h")):
            why = "f' is taken at the pre-activation z, not at the unit's output."
        elif got > 1:
            why = "that is a count; the census asks for a fraction of all (point, unit) pairs."
        else:
            why = "count the (point, unit) pairs with f'(z) below a tenth of max f'."
        return Feedback(False, f"{said}: {why}")
    return Feedback(True, "it counts the saturated pairs of sigmoid and tanh layers.")


def check_share_after(value, numbers=None):
    """Check the saturated share of the student's network after its training, at its X."""
    numbers = _mine(numbers)
    after, before = trained(numbers)
    want = share(after, numbers["X"], numbers["hidden"])
    mistakes = [
        (share(before, numbers["X"], numbers["hidden"]), "that is before training."),
        (share(after, numbers["X"], numbers["hidden"], scale=False), "scale the cut."),
    ]
    return judge_number(
        value,
        want,
        "share_after",
        "it is your trained hidden layer's share.",
        "Train your network as the exercise says, then count at your points mine['X'].",
        [(v, m) for v, m in mistakes if not np.isclose(v, want)],
        rtol=1e-9,
    )
