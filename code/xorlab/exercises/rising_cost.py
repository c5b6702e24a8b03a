"""Self-checks of the chapter "The cost that keeps rising" (case-rising-cost): the signs of one
flipped step, the learning rate of a sum loss, the surrogate of the other flipped term, a
training recipe for XOR, and one corrected step of the question's program."""

import numpy as np

from ..cases.rising_cost import surrogate_loss
from ..core.activations import sigmoid
from ..core.batched import train_many
from .gradients import check_step_function
from .guard import Feedback, as_number, call, describe, judge_number, refuse_reference
from .references import BACKWARD, probe_points


def _sign(value):
    """+1, -1 or None (unreadable) for a predicted sign: a number or a word like "up"."""
    words = {"up": 1, "+": 1, "rises": 1, "down": -1, "-": -1, "falls": -1}
    if isinstance(value, str):
        return words.get(value.strip().lower())
    if value is None or isinstance(value, bool):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return int(np.sign(v)) if np.isfinite(v) and v != 0 else None


def _step_changes(net, X, y, lr):
    """The signs (+1, -1 or 0) of the changes in the BCE and in S after one step of `net`'s own
    gradient at `lr`; `net` is not changed."""
    after = net.copy()
    for k, g in after.gradients(X, y).items():
        after.params[k] -= lr * g
    changes = (
        after.loss(X, y) - net.loss(X, y),
        surrogate_loss(after, X, y) - surrogate_loss(net, X, y),
    )
    return tuple(int(np.sign(c)) for c in changes)


def check_step_signs(bce_sign, surrogate_sign, net, X, y, lr):
    """Check predicted signs of the change in the BCE and in the surrogate S (see
    `xorlab.cases.rising_cost`) after one step of `net`'s own gradient at `lr`;
    X: (n, d_in), y: (n, 1).
    Each sign is +1 or "up" (rises), -1 or "down" (falls). `net` is not changed."""
    signs = (_sign(bce_sign), _sign(surrogate_sign))
    if None in signs:
        return Feedback(False, 'give each sign as +1 / "up" or -1 / "down".')
    truth = _step_changes(net, X, y, lr)
    if signs == truth:
        return Feedback(True, "both predictions match the step.")
    if signs[1] != truth[1]:
        why = (
            "the flipped backward pass is the exact gradient of S, so a small step lowers S."
            if truth[1] < 0
            else "this step is too large for S: it overshoots, as any too-large step can."
        )
        return Feedback(False, f"the prediction for S: {why}")
    why = (
        "once the outputs are near 1 the flipped gradient is the exact opposite of the BCE "
        "gradient (cosine -1), so each step climbs the BCE."
        if truth[0] > 0
        else "here the flipped gradient still points downhill for the BCE (positive cosine)."
    )
    return Feedback(False, f"the prediction for the BCE: {why}")


def check_sum_lr(value, lr_sum=0.1, n=4):
    """Check the learning rate for a mean-loss network that reproduces training with learning
    rate `lr_sum` on the gradient of the *sum* of the n samples' losses."""
    return judge_number(
        value,
        lr_sum * n,
        "lr",
        "the two programs take identical steps.",
        "Compare the gradient of a sum of n terms with the gradient of their mean.",
        [
            (lr_sum / n, "that divides by n; the sum's steps are n times *larger*, so multiply."),
            (lr_sum, "the same lr gives steps n times smaller on the mean loss."),
        ],
        rtol=1e-6,
    )


def _slopes_in_z(fn, z, y):
    """Central differences of the learner's fn(z, y) -> float in each entry of z: (n, 1)."""
    got = np.zeros_like(z)
    for i in range(len(z)):
        up, down = z.copy(), z.copy()
        up[i] += 1e-6
        down[i] -= 1e-6
        hi = as_number(call(fn, (up, y), "your function"), "its value")
        lo = as_number(call(fn, (down, y), "your function"), "its value")
        got[i] = (hi - lo) / 2e-6
    return got


def check_y_flip_surrogate(fn):
    """Check `fn(z, y)` -> float, for logits z and targets y of shape (n, 1), is a function whose
    exact gradient in z is what BCE gives with the sign of its y/p term flipped (instead of the
    (1 - y)/(1 - p) term). A constant offset does not matter."""
    p, y = probe_points()
    z = np.log(p / (1.0 - p))
    want = (y * (1.0 - p) + (1.0 - y) * p) / len(p)
    refuse_reference(fn, "your function")
    got = _slopes_in_z(fn, z, y)

    def close(a, b):
        return np.allclose(a, b, rtol=1e-4, atol=1e-7)

    if close(got, want):
        return Feedback(True, "its gradient in z is what the flipped backward pass descends.")
    if close(got, -want):
        return Feedback(False, "that is the chapter's S, for the *other* flipped term.")
    if close(got, want * len(p)):
        return Feedback(False, "it is n times too steep: average over the n samples.")
    bce = (sigmoid(z) - y) / len(p)
    if close(got, bce):
        return Feedback(False, "that is the plain BCE, whose gradient nothing has flipped.")
    for cls in (0, 1):
        rows = y[:, 0] == cls
        if np.allclose(got[rows], want[rows], rtol=1e-4) and np.allclose(
            got[~rows], bce[~rows], rtol=1e-4
        ):
            return Feedback(
                False,
                f"the y = {1 - cls} samples still follow the true BCE; which term is flipped?",
            )
    return Feedback(
        False, "its gradient in z is not the flipped one; push dL/dp through the sigmoid first."
    )


def _recipe_refused(lr, epochs, init_scale, n):
    """Why the recipe is not one the exercise allows, or None."""
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)):
        return f"epochs must be a whole number, got {describe(epochs)}."
    if not 0 < epochs <= 5000:
        return f"the exercise allows 1 to 5,000 epochs, got {epochs}."
    if not isinstance(n, (int, np.integer)) or n < 1000:
        return f"the claim is about at least 1,000 seeds, got n = {n!r}."
    for value, name in ((lr, "lr"), (init_scale, "init_scale")):
        if as_number(value, name) <= 0:
            return f"{name} must be positive, got {value!r}."
    return None


def check_xor_recipe(lr=None, epochs=None, init_scale=None, n=1000, seed=10**6):
    """Check a training recipe for XOR with the correct gradient: `n` >= 1,000 sigmoid nets of
    size (2, 2, 1), init "normal" times `init_scale`, full-batch `lr`, `epochs` <= 5000.
    Correct when the lower end of the 95% interval of the success rate reaches 90%."""
    refused = _recipe_refused(lr, epochs, init_scale, n)
    if refused:
        return Feedback(False, refused)
    run = train_many(
        n, (2, 2, 1), lr=lr, epochs=epochs, init="normal", init_scale=init_scale, seed=seed
    )
    said = f"{run.summary()} of {n} seeds learned XOR"
    if run.interval[0] >= 0.9:
        return Feedback(True, f"{said}.")
    failed = run.final_loss[~run.success]
    at_start = np.mean(np.abs(failed - np.log(2)) < 1e-3) if failed.size else 0.0
    if at_start > 0.5:
        why = "most failures never left the start (loss ln 2 = 0.693): too small a start or lr"
    else:
        why = "most failures moved but stopped short: more epochs or another lr"
    return Feedback(False, f"{said}, short of 90%;\n{why}.")


def check_rising_cost_step(fn):
    """Check `fn(params, X, y, lr) -> new params`: one corrected step of the question's program
    (2-2-1 sigmoid with biases, mean BCE), params W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,)."""
    failed = check_step_function(fn, BACKWARD, "your fixed_step", 0.5)  # pragma: no mutate
    if failed is not None:
        return failed
    return Feedback(True, "each step goes downhill on the mean cross-entropy.")
