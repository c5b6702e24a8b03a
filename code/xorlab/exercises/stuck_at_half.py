"""Self-checks of the chapter "Stuck at 0.5" (case-stuck-at-half): the bias-free loss floor,
the dead share at initialisation, the output delta, a training design for ReLU nets, and one
corrected step of the question's program."""

import numpy as np

from ..core import losses
from ..core.activations import sigmoid
from ..core.batched import train_many
from ..core.units import dead_fraction
from .gradients import check_step_function
from .guard import Feedback, as_array, as_number, call, describe, judge_number
from .references import STUCK, probe_points

_DESIGN_KEYS = {"init", "lr", "epochs", "bias", "init_scale"}


def check_no_bias_floor(value):
    """The smallest mean BCE any bias-free network with a sigmoid output can reach on XOR."""
    return judge_number(
        value,
        np.log(2) / 4,
        "floor",
        "no weights get below it, and large ones approach it.",
        "What does input (0, 0) cost, and how often does it count in the mean?",
        [
            (np.log(2), "that is the loss on input (0, 0) alone; the loss is a mean over 4."),
            (0.5, "that is an output, not a loss."),
            (0.0, "without biases the output at (0, 0) is the same for any weights."),
        ],
    )


def check_dead_at_init(value):
    """The expected fraction of dead ReLU units at initialisation for a bias-free 2-h-1 net on
    XOR whose first-layer weights are drawn from a distribution symmetric about 0."""
    return judge_number(
        value,
        0.25,
        "dead_share",
        "it matches the measured fraction.",
        "Which signs of (w1, w2) make z <= 0 on all four inputs?",
        [
            (
                0.5,
                "one negative weight is not enough: the unit still fires where the other is used.",
            ),
            (0.0, "that holds for U[0, 1); here each weight is negative half the time."),
            (0.75, "that is the fraction of units with at least one weight <= 0."),
        ],
    )


def check_output_delta(fn):
    """Check `fn(z, y)` returns dL/dz for the mean BCE of a sigmoid output p = sigmoid(z);
    z, y: (n, 1)."""
    z = np.array([[-3.0], [-0.5], [0.0], [0.4], [2.5], [-1.5], [1.0], [4.0]])  # pragma: no mutate
    _, y = probe_points()
    got = as_array(call(fn, (z, y), "your function"), z.shape, "what it returned")
    p = sigmoid(z)
    want = (p - y) / len(z)
    if np.allclose(got, want, rtol=1e-6, atol=1e-12):
        return Feedback(True, "it matches the slope of the mean BCE in z.")
    if np.allclose(got, losses.bce_grad(p, y) * sigmoid(p) * (1 - sigmoid(p)), rtol=1e-4):
        return Feedback(False, "that is the sigmoid's slope at the output p; it belongs at z.")
    if np.allclose(got, want * len(z)):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    if np.allclose(got, -want):
        return Feedback(False, "the sign is flipped: dL/dz is positive when p is above y.")
    return Feedback(False, "it is not dL/dz; chain dL/dp with dp/dz and simplify.")


def _design_refused(design):
    """Why `design` is not a design the exercise allows, or None."""
    if hasattr(design, "spec"):
        return "pass the dict of settings, not the result of train_many."
    if not isinstance(design, dict):
        return "design must be a dict like {'lr': ..., 'epochs': ...}."
    unknown = set(design) - _DESIGN_KEYS
    if unknown:
        return f"{sorted(unknown)} are fixed by the exercise; set only {sorted(_DESIGN_KEYS)}."
    epochs = design.get("epochs")
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)):
        return f"epochs must be a whole number, got {describe(epochs)}."
    if not 1 <= epochs <= 2000:
        return f"the exercise allows 1 to 2,000 epochs, got {epochs}."
    as_number(design.get("lr"), "lr")
    return None


def check_relu_xor_design(design):
    """Check a training design for 2-3-1 ReLU networks on XOR, a dict of `train_many` settings
    (init, lr, epochs <= 2000, bias, optionally init_scale; no faults). The check trains 1,000
    new seeds; correct when the 95% interval of the strict success rate starts at 90% or more."""
    refused = _design_refused(design)
    if refused:
        return Feedback(False, refused)
    try:
        run = train_many(1000, (2, 3, 1), "relu", seed=10**6, **design)
    except (TypeError, ValueError) as exc:
        return Feedback(False, str(exc))
    if run.interval[0] >= 0.9:
        return Feedback(True, f"{run.summary()} of 1,000 new seeds solve XOR strictly.")
    if not design.get("bias", True):
        return Feedback(False, "without biases input (0, 0) always gives 0.5: never a success.")
    return Feedback(
        False,
        f"{run.summary()} is not enough; {100 * dead_fraction(run):.0f}% of the hidden units "
        "ended dead. A start that keeps every unit alive on XOR's inputs helps.",
    )


def check_stuck_step(fn):
    """Check `fn(params, X, y, lr) -> new params`: one corrected step of the question's ReLU
    program with biases and the mean BCE; params A (2, h), a (h,), B (h, 1), b (1,), any h."""
    failed = check_step_function(fn, STUCK, "your fixed_step", 0.4)  # pragma: no mutate
    if failed is not None:
        return failed
    return Feedback(
        True, "each step is gradient descent on the mean cross-entropy, for 3 and 10 units."
    )
