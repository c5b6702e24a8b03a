"""Self-checks of the chapter "Two hidden sigmoid units vs tanh" (case-sigmoid-vs-tanh): tanh's
derivative from its output, the bound of a chain of sigmoid and tanh slopes, the factor a
dropped derivative costs, one corrected step of the question's program, the saturation census
and the share of the student's trained network. Each student's numbers (`numbers`) give the
chain, the outputs p, the scaled tanh, the loss and the trained network; each check takes them
as `numbers=` (None: the chapter's)."""

import numpy as np

from ..core.data import xor
from ..core.mlp import MLP
from ..core.train import train
from . import variants
from .gradients import check_step_function
from .guard import Feedback, as_array, as_number, call, judge_number
from .references import Program, squared_error, two_layer_shapes


def check_tanh_derivative(fn, numbers=None):
    """Check `fn(a)` returns the derivative of the student's f(z) = A tanh(k z) (A = `amp`,
    k = `gain` of `numbers`; the chapter's: plain tanh) written in terms of its output a."""
    m = _mine(numbers)
    A, k = m["amp"], m["gain"]
    a = A * np.linspace(-0.95, 0.95, 9)  # pragma: no mutate
    got = as_array(call(fn, (a,), "your function"), a.shape, "its result")
    if np.allclose(got, k * (A - a**2 / A)):
        return Feedback(True, "it gives the unit's f'(z) from the output a alone.")
    if np.allclose(got, a * (1 - a)):
        return Feedback(False, "a (1 - a) is the sigmoid's derivative; it is negative for a < 0.")
    if np.allclose(got, 1 - np.tanh(a) ** 2):
        return Feedback(
            False, "a is already tanh(z); applying tanh again gives tanh'(a), not tanh'(z)."
        )
    if np.allclose(got, 1 - a**2):
        return Feedback(False, "1 - a^2 is plain tanh's; your unit is A tanh(k z).")
    if np.allclose(got, A - a**2 / A):
        return Feedback(False, "the chain rule also multiplies by the inner slope k.")
    if np.allclose(got, k * (1 - a**2)) or np.allclose(got, A * k * (1 - a**2)):
        return Feedback(False, "a is A tanh(k z): tanh(k z) is a / A, not a.")
    if (A, k) == (1.0, 1.0):
        return Feedback(False, "differentiate tanh(z) and write the result with a = tanh(z).")
    return Feedback(False, "differentiate A tanh(k z) and write the result with a.")


LAYER_SLOPE = {"sigmoid": 0.25, "tanh": 1.0}
"""The largest derivative of each hidden activation (at z = 0)."""


def chain_bound(chain):
    """The largest product of the output sigmoid's slope and one slope of each hidden layer of
    `chain` (activation names, from the output back to the first layer)."""
    return 0.25 * float(np.prod([LAYER_SLOPE[f] for f in chain]))


def check_chain_bound(value, numbers=None):
    """Check the largest factor that the output sigmoid and the hidden layers `chain` of
    `numbers` (the chapter's: one sigmoid layer), together, can put on a gradient reaching
    the first layer."""
    chain = _mine(numbers)["chain"]
    if tuple(chain) == ("sigmoid",):
        mistakes = [
            (1 / 4, "that is one sigmoid's bound; the gradient passes through two."),
            (1 / 2, "the chain rule multiplies the derivatives; it does not add them."),
        ]
    else:
        mistakes = [
            (0.25 ** (len(chain) + 1), "tanh's largest slope is not a sigmoid's."),
            (0.25 + sum(LAYER_SLOPE[f] for f in chain), "the chain rule multiplies them."),
            (1 / 16, "that is the chapter's 2-2-1 network; count your own layers."),
            (4 * chain_bound(chain), "the output sigmoid's slope is a factor too."),
        ]
    want = chain_bound(chain)
    return judge_number(
        value,
        want,
        "the bound",
        "the largest slopes multiply.",
        "Take each derivative's maximum and combine them as the chain rule does.",
        [(v, why) for v, why in mistakes if not np.isclose(v, want)],
        rtol=1e-6,
    )


def check_missing_factor(value, numbers=None):
    """The factor by which `missing_output_derivative` makes the first-layer gradient too large
    when every output is p = `p` of `numbers` (the chapter's: 0.5)."""
    p = _mine(numbers)["p"]
    mistakes = [
        (p * (1 - p), "that is the factor left out; the gradient is too large by its inverse.")
    ]
    if p != 0.5:
        mistakes.append((4.0, "that is the factor at p = 0.5; yours is at mine['p']."))
    return judge_number(
        value,
        1 / (p * (1 - p)),
        "the factor",
        "it matches the factor the bug drops, inverted.",
        "Which factor does the bug leave out, and what is it at your p?",
        mistakes,
    )


LOSSES = {
    "sum_squared": "sum((y - out)^2)",
    "mean_squared": "mean((y - out)^2)",
    "half_sum_squared": "sum((y - out)^2) / 2",
    "half_mean_squared": "mean((y - out)^2) / 2",
    "sum_bce": "sum(-y ln out - (1 - y) ln(1 - out))",
    "mean_bce": "mean(-y ln out - (1 - y) ln(1 - out))",
}
"""The losses of exercise 5 (the question's is "sum_squared"): name -> formula."""


def step_loss(hidden, loss="sum_squared"):
    """`loss` (a key of LOSSES) of the 2-h-1 net with a `hidden` ("sigmoid" or "tanh") layer and
    a sigmoid output, as a function of (params, X, y); params W1, b1, W2, b2."""
    if loss == "sum_squared":
        return squared_error(hidden)
    squash = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh}[hidden]

    def total(params, X, y):
        z = squash(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
        if loss.endswith("bce"):
            each = np.logaddexp(0.0, z) - y * z
        else:
            each = (y - 1 / (1 + np.exp(-z))) ** 2 * (0.5 if loss.startswith("half") else 1.0)
        return float(np.mean(each) if "mean" in loss else np.sum(each))

    return total


def check_tanh_step(fn, numbers=None):
    """Check `fn(params, X, y, lr, hidden) -> new params`: one corrected step of the question's
    program, hidden "sigmoid" or "tanh", sigmoid output, on the loss of `numbers` (None: the
    question's, sum((y - out)^2), no 1/n); params W1 (2, h), b1 (h,), W2 (h, 1), b2 (1,)."""
    loss = _mine(numbers)["loss"]
    for hidden in ("tanh", "sigmoid"):
        program = Program(two_layer_shapes, step_loss(hidden, loss), mean="mean" in loss)
        lr = 0.1  # pragma: no mutate (probe data: a right step follows any rate)
        failed = check_step_function(fn, program, "your fixed_step", lr, (hidden,))
        if failed is not None and loss != "sum_squared":
            question = Program(two_layer_shapes, squared_error(hidden), mean=False)
            if check_step_function(fn, question, "your fixed_step", lr, (hidden,)) is None:
                why = f"that is the question's loss, sum((y - out)^2); yours is {loss}."
                return Feedback(False, why)
        if failed is not None:
            return Feedback(False, f"hidden={hidden!r}: {failed.message}")
    return Feedback(True, "each step is gradient descent on your loss, tanh and sigmoid.")


# --- per-student numbers, and the saturation census ------------------------------------------

CUT = 0.1
"""A unit is saturated on a point where f'(z) < CUT * max f' (as `cases.sigmoid_vs_tanh`)."""
_SLOPE = {  # f'(z) and its largest value
    "sigmoid": (lambda z: np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))) ** 2, 0.25),
    "tanh": (lambda z: 1 - np.tanh(z) ** 2, 1.0),
}


AMPS, GAINS = (1.0, 1.5, 2.0, 2.5), (0.5, 1.0, 1.5, 2.0)
"""A student's scaled tanh A tanh(k z) for exercise 3: A from AMPS, k from GAINS, never both 1."""
PS = tuple(round(0.01 * i, 2) for i in (*range(5, 46), *range(55, 96)))
"""A student's output p for exercise 2: 0.05 to 0.45 and 0.55 to 0.95, never near 0.5."""


def numbers(seed):
    """The numbers of the exercises for `seed` (0: the chapter's own): for exercise 1 the
    hidden layers' activations `chain` (from the output back); for exercise 2 the output `p`;
    for exercise 3 the `amp` A and `gain` k of the unit A tanh(k z); for exercise 5 the `loss`
    (a key of LOSSES); for exercise 7 the `hidden` activation, `units`, the `lr` and `epochs`
    of full-batch training on XOR (mean squared error, the question's normal start with std
    `std`) from `seed`'s start, and the points `X`: (n, 2) at which the hidden layer is
    inspected (the square [-1, 2]^2). No student's answer is the chapter's."""
    if seed == 0:
        grid = np.linspace(-1.0, 2.0, 7)
        X = np.array([(a, b) for a in grid for b in grid])
        seven = _with_std(X, hidden="sigmoid", units=2, lr=1.6, epochs=1000, start=2)
        return {**seven, "chain": ("sigmoid",), "p": 0.5, "amp": 1.0, "gain": 1.0,
                "loss": "sum_squared"}  # fmt: skip
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
            break
    chain = ("sigmoid",)
    while chain.count("sigmoid") < 2:  # at least two hidden sigmoid layers: never 1/16
        chain = tuple(str(f) for f in rng.choice(("sigmoid", "tanh"), int(rng.integers(2, 6))))
    amp, gain = 1.0, 1.0
    while (amp, gain) == (1.0, 1.0):
        amp, gain = float(rng.choice(AMPS)), float(rng.choice(GAINS))
    return {**picked, "chain": chain, "p": float(rng.choice(PS)), "amp": amp, "gain": gain,
            "loss": str(rng.choice([k for k in LOSSES if k != "sum_squared"]))}  # fmt: skip


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
