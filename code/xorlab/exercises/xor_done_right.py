"""Self-checks of the chapter "XOR, done right" (xor-done-right): dL/dp of the mean BCE, one
hand-computed gradient, the batched backward pass, and hand-chosen weights."""

import numpy as np

from ..core import losses
from ..core.data import xor
from ..core.mlp import MLP
from .gradients import check_gradient_function
from .guard import Feedback, as_array, as_params, call, judge_number
from .references import BACKWARD, probe_points


def check_bce_grad(fn):
    """Check `fn(p, y)` returns dL/dp of the *mean* binary cross-entropy, for p, y: (n, 1)."""
    p, y = probe_points()
    want = losses.bce_grad(p, y)
    got = as_array(call(fn, (p, y), "your function"), want.shape, "what it returned")
    if np.allclose(got, want, rtol=1e-6, atol=1e-9):
        return Feedback(True, "your dL/dp matches the derivative of the mean BCE.")
    for cls in (0, 1):
        rows = y[:, 0] == cls
        if np.allclose(got[rows], -want[rows]):
            return Feedback(False, f"your dL/dp has the wrong sign for y = {cls}.")
    if np.allclose(got, want * len(p)):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    return Feedback(
        False, "it is not the derivative of the mean BCE; differentiate one sample's term first."
    )


def check_b2_gradient(value):
    """dL/db2 of the untrained `MLP((2, 2, 1), seed=0)` on XOR (mean BCE), one number."""
    X, y = xor()
    net = MLP((2, 2, 1), seed=0)
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


def check_backward(fn):
    """Check `fn(params, X, y) -> grads`, the batched backward pass of a 2-2-1 sigmoid net with
    biases and the mean BCE: params and grads are dicts W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,);
    X: (n, 2), y: (n, 1). Compared with central finite differences of the loss at three points
    (XOR's four samples, seven random samples, one sample)."""
    failed = check_gradient_function(fn, BACKWARD, "your backward")
    if failed is not None:
        return failed
    return Feedback(
        True, "every entry of every gradient matches finite differences, for 1, 4 and 7 samples."
    )


def check_xor_weights(params, sizes=(2, 2, 1), hidden="sigmoid", output="sigmoid", tol=0.1):
    """Check hand-chosen `params` (dict W1, b1, W2, b2 with MLP shapes) solve XOR: every output
    within `tol` of its target."""
    net = MLP(sizes, hidden=hidden, output=output)
    net.params = as_params(params, {k: v.shape for k, v in net.params.items()})
    X, y = xor()
    p = net.forward(X)
    worst = int(np.argmax(np.abs(p - y)))
    if np.all(np.abs(p - y) < tol):
        return Feedback(True, f"every output is within {tol} of its target.")
    return Feedback(
        False,
        f"input {X[worst].tolist()} gives {p[worst, 0]:.3f}, target {y[worst, 0]:.0f} "
        f"(allowed distance {tol}).",
    )
