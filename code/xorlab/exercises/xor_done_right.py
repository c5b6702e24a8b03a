"""Self-checks of the chapter "XOR, done right" (xor-done-right): dL/dp of a (weighted) BCE,
one hand-computed gradient, the batched backward pass, and hand-chosen weights.

`numbers(seed)` gives the numbers of the autograded exercises: seed 0 the chapter's own (the
mean BCE; `MLP((2, 2, 1), seed=0)`; the 2-2-1 sigmoid network with the mean BCE), any other
seed one student's (see `variants`). Each check takes them as `numbers=` (None: the chapter's).
"""

import numpy as np

from ..core.data import xor
from ..core.mlp import MLP
from . import variants
from .gradients import check_gradient_function
from .guard import Feedback, as_array, as_params, call, judge_number
from .references import BACKWARD, Program, backward_program, probe_points, two_layer_shapes

CHAPTER = {
    "pos_weight": 1.0,  # exercises 1 and 3: the weight of the y = 1 term of the BCE
    "reduction": "mean",  # exercises 1 and 3: "mean" or "sum" over the samples
    "net_seed": 0,  # exercise 2: MLP((2, width, 1), seed=net_seed)
    "width": 2,  # exercises 2 and 6: hidden units
    "hidden": "sigmoid",  # exercise 6: the hidden activation, "sigmoid" or "tanh"
    "loss": "bce",  # exercise 6: "bce" (mean BCE) or "mse" (mean of (p - y)^2)
    "levels": (0.0, 1.0),  # exercise 4: the low and the high value of each input
    "gate": "xor",  # exercise 4: "xor" (1 when the inputs differ) or "xnor" (when equal)
    "relu_width": 2,  # exercise 5: MLP((2, relu_width, 1), hidden="relu", init="he", ...
    "relu_seed": 0,  # ... seed=relu_seed), the chapter's relu_net
}
LEVELS = ((-1.0, 1.0), (0.0, 2.0), (1.0, 2.0), (-1.0, 0.0), (0.5, 1.5), (-2.0, 2.0), (1.0, 0.0),
          (0.0, 0.5), (1.0, 3.0))  # fmt: skip
PAGE_HAND = {
    "W1": np.array([[20.0, -20.0], [20.0, -20.0]]),
    "b1": np.array([-10.0, 30.0]),
    "W2": np.array([[20.0], [20.0]]),
    "b2": np.array([-30.0]),
}
"""The chapter's model answer to exercise 4, which no student's task accepts."""
POS_WEIGHTS = (1.5, 2.0, 2.5, 3.0, 4.0)
NETWORKS = [
    (hidden, loss, width)
    for hidden in ("sigmoid", "tanh")
    for loss in ("bce", "mse")
    for width in (2, 3, 4)
    if (hidden, loss) != ("sigmoid", "bce")  # the chapter's: its loss_and_grads fits any width
]


def numbers(seed: int) -> dict:
    """The numbers of the exercises for `seed` (0: the chapter's; see CHAPTER for the keys). A
    student's weight is never 1 and their network never a sigmoid one with the mean BCE (the
    chapter's `loss_and_grads` works at any width), so no answer is the one the chapter shows."""
    if seed == 0:
        return dict(CHAPTER)
    rng = np.random.default_rng(seed)
    hidden, loss, width = NETWORKS[rng.integers(len(NETWORKS))]
    m = {
        "pos_weight": float(rng.choice(POS_WEIGHTS)),
        "reduction": str(rng.choice(["mean", "sum"])),
        "net_seed": int(rng.integers(1, 1000)),
        "width": width,
        "hidden": hidden,
        "loss": loss,
    }
    while True:  # a task the chapter's weights do not solve
        m["levels"] = LEVELS[rng.integers(len(LEVELS))]
        m["gate"] = str(rng.choice(["xor", "xnor"]))
        X, y = gate_task(m)
        if np.any(np.abs(_forward(PAGE_HAND, X) - y) >= 0.1):
            break
    # wider than the chapter's relu_net, so that its moved copy has the wrong shapes
    m["relu_width"], m["relu_seed"] = int(rng.integers(3, 6)), int(rng.integers(1, 1000))
    return m


def gate_task(m):
    """The inputs X: (4, 2) and targets y: (4, 1) of exercise 4 for numbers `m`: XOR's four
    inputs at the levels of `m`, the targets of its gate."""
    X, y = xor()
    low, high = m["levels"]
    return low + (high - low) * X, (y if m["gate"] == "xor" else 1 - y)


def _forward(params, X):
    """The outputs (n, 1) of the 2-2-1 sigmoid net with biases."""
    h = 1 / (1 + np.exp(-(X @ params["W1"] + params["b1"])))
    return 1 / (1 + np.exp(-(h @ params["W2"] + params["b2"])))


def _mine(given):
    """The numbers a check uses: `given` (a student's dict) or the chapter's own."""
    return variants.checked(given, numbers)


def weighted_bce_dp(p, y, pos_weight, reduction):
    """dL/dp of L = -s sum(w y ln p + (1 - y) ln(1 - p)), s = 1/n ("mean") or 1 ("sum");
    p, y: (n, 1)."""
    scale = 1 / len(p) if reduction == "mean" else 1.0
    return scale * (-pos_weight * y / p + (1 - y) / (1 - p))


def check_bce_grad(fn, numbers=None):
    """Check `fn(p, y)` returns dL/dp of the BCE with weight `pos_weight` on its y = 1 term,
    a mean or a sum over the samples as `reduction` says (the chapter: weight 1, the mean), for
    p, y: (n, 1)."""
    m = _mine(numbers)
    return judge_bce_dp(fn, m["pos_weight"], m["reduction"])


def judge_bce_dp(fn, w, reduction):
    """The verdict on `fn(p, y)` as dL/dp of the BCE with weight `w` on its y = 1 term, a
    "mean" or a "sum" over the samples (see `check_bce_grad`)."""
    p, y = probe_points()
    want = weighted_bce_dp(p, y, w, reduction)
    got = as_array(call(fn, (p, y), "your function"), want.shape, "what it returned")
    loss = "the mean BCE" if (w, reduction) == (1, "mean") else "your BCE"
    if np.allclose(got, want, rtol=1e-6, atol=1e-9):
        return Feedback(True, f"your dL/dp matches the derivative of {loss}.")
    for cls in (0, 1):
        rows = y[:, 0] == cls
        if np.allclose(got[rows], -want[rows]):
            return Feedback(False, f"your dL/dp has the wrong sign for y = {cls}.")
    n = len(p)
    if reduction == "mean" and np.allclose(got, want * n):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    if reduction == "sum" and np.allclose(got, want / n):
        return Feedback(False, "it is 1/n of the slope: your loss is a *sum*, not a mean.")
    if w != 1 and np.allclose(got, weighted_bce_dp(p, y, 1.0, reduction)):
        return Feedback(False, "the weight of the y = 1 term is missing.")
    if w != 1 and np.allclose(got, weighted_bce_dp(1 - p, 1 - y, w, reduction) * -1):
        return Feedback(False, "the weight belongs to the y = 1 term, not the y = 0 term.")
    return Feedback(
        False, f"it is not the derivative of {loss}; differentiate one sample's term first."
    )


def check_b2_gradient(value, numbers=None):
    """dL/db2 of the untrained `MLP((2, width, 1), seed=net_seed)` on XOR (mean BCE), one
    number (the chapter: width 2, seed 0)."""
    m = _mine(numbers)
    X, y = xor()
    net = MLP((2, m["width"], 1), seed=m["net_seed"])
    p = net.forward(X)
    want = float(np.mean(p - y))
    return judge_number(
        value,
        want,
        "answer",
        "it matches the network's own dL/db2.",
        "dL/db2 is the sum over the samples of the output error delta2.",
        [(want * len(X), "n times too large: the loss is a mean."), (-want, "the sign is off.")],
    )


def check_backward(fn, numbers=None):
    """Check `fn(params, X, y) -> grads`, the batched backward pass of a 2-h-1 net with biases,
    a `hidden` layer, a sigmoid output and the `loss` of `numbers` (None: the chapter's 2-2-1
    sigmoid net with the mean BCE): params and grads are dicts W1 (2, h), b1 (h,), W2 (h, 1),
    b2 (1,); X: (n, 2), y: (n, 1). Compared with central finite differences of the loss at
    three points (XOR's four samples, seven random samples, one sample)."""
    if numbers is None:
        program = BACKWARD
    else:
        m = _mine(numbers)
        program = backward_program(m["hidden"], m["loss"], m["width"])
    failed = check_gradient_function(fn, program, "your backward")
    if failed is not None and program is not BACKWARD:
        chapters = backward_program("sigmoid", "bce", program.points[0][1])
        if check_gradient_function(fn, chapters, "your backward") is None:
            return Feedback(
                False,
                "that is the backward pass of the chapter's network (sigmoid, mean BCE); "
                "yours has the hidden layer and the loss of your numbers.",
            )
    if failed is not None:
        return failed
    return Feedback(
        True, "every entry of every gradient matches finite differences, for 1, 4 and 7 samples."
    )


def fixed_grads_program(numbers):
    """The `Program` of exercise 3 for a student's `numbers`: the 2-2-1 sigmoid net with biases
    and the loss of exercise 1, L = -s sum(w y ln p + (1 - y) ln(1 - p)), w = `pos_weight`,
    s = 1/n ("mean") or 1 ("sum"); the chapter's (w = 1, the mean) is `BACKWARD`."""
    w, mean = numbers["pos_weight"], numbers["reduction"] == "mean"
    if (w, mean) == (1, True):
        return BACKWARD

    def loss(params, X, y):
        """The student's loss at params (W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,)); X: (n, 2)."""
        h = 1 / (1 + np.exp(-(X @ params["W1"] + params["b1"])))
        z = h @ params["W2"] + params["b2"]  # (n, 1)
        terms = w * y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)
        return float(terms.sum() / (len(X) if mean else 1))

    return Program(two_layer_shapes, loss, BACKWARD.points, mean)


def check_fixed_grads(fn, numbers=None):
    """Check `fn(params, X, y) -> grads`, the repaired backward pass of exercise 3: the 2-2-1
    sigmoid net with biases and the loss of exercise 1 as `numbers` say (None: the chapter's
    mean BCE); params and grads W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,); X: (n, 2), y: (n, 1).
    Compared with central finite differences of that loss for 4, 7 and 1 samples."""
    program = fixed_grads_program(_mine(numbers))
    failed = check_gradient_function(fn, program, "your fixed_grads")
    if failed is not None and program is not BACKWARD:
        if check_gradient_function(fn, BACKWARD, "your fixed_grads") is None:
            return Feedback(
                False,
                "that is the backward pass of the chapter's mean BCE; yours has the weight and "
                "the reduction of your loss (exercise 1).",
            )
    if failed is not None:
        return failed
    return Feedback(
        True, "every entry of every gradient matches finite differences, for 1, 4 and 7 samples."
    )


def check_xor_weights(
    params, sizes=(2, 2, 1), hidden="sigmoid", output="sigmoid", tol=0.1, numbers=None
):
    """Check hand-chosen `params` (dict W1, b1, W2, b2 with MLP shapes) solve the gate task of
    `numbers` (None: the chapter's, XOR on 0 and 1; see `gate_task`): every output within
    `tol` of its target."""
    net = MLP(sizes, hidden=hidden, output=output)
    net.params = as_params(params, {k: v.shape for k, v in net.params.items()})
    X, y = gate_task(_mine(numbers))
    p = net.forward(X)
    worst = int(np.argmax(np.abs(p - y)))
    if np.all(np.abs(p - y) < tol):
        return Feedback(True, f"every output is within {tol} of its target.")
    return Feedback(
        False,
        f"input {X[worst].tolist()} gives {p[worst, 0]:.3f}, target {y[worst, 0]:.0f} "
        f"(allowed distance {tol}).",
    )
