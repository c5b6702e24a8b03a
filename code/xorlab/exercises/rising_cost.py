"""Self-checks of "The cost that keeps rising" (case-rising-cost): the signs of one flipped
step, the learning rate of a sum loss, the surrogate of the other flipped term, a training
recipe for XOR, one corrected step of the question's program, a gradient check written from
scratch, the arrays a planted backward pass gets wrong; each student's numbers (`numbers`)."""

import numpy as np

from ..cases.rising_cost import surrogate_loss
from ..core.activations import sigmoid
from ..core.batched import train_many
from . import variants
from .gradients import check_step_function
from .guard import Feedback, as_number, call, describe, judge_number, refuse_reference
from .references import BACKWARD, Program, probe_points, two_layer_shapes
from .xor_done_right import judge_bce_dp


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


def check_y_flip_surrogate(fn, numbers=None):
    """Check `fn(z, y)` -> float, for logits z and targets y of shape (n, 1), is a function whose
    exact gradient in z is what the loss of `numbers` (None: the chapter's mean BCE; see
    `step_program`) gives with the sign of its y/p term flipped (instead of the
    (1 - y)/(1 - p) term). A constant offset does not matter."""
    m = _mine(numbers)
    w, mean = m["pos_weight"], m["reduction"] == "mean"
    p, y = probe_points()
    z = np.log(p / (1.0 - p))
    s = 1 / len(p) if mean else 1.0
    want = s * (w * y * (1.0 - p) + (1.0 - y) * p)
    refuse_reference(fn, "your function")
    got = _slopes_in_z(fn, z, y)

    def close(a, b):
        return np.allclose(a, b, rtol=1e-4, atol=1e-7)

    if close(got, want):
        return Feedback(True, "its gradient in z is what the flipped backward pass descends.")
    if close(got, -want):
        return Feedback(False, "that is the chapter's S, for the *other* flipped term.")
    if mean and close(got, want * len(p)):
        return Feedback(False, "it is n times too steep: average over the n samples.")
    if not mean and close(got, want / len(p)):
        return Feedback(False, "it is 1/n of the slope: your loss is a *sum*, not a mean.")
    if w != 1 and close(got, s * (y * (1.0 - p) + (1.0 - y) * p)):
        return Feedback(False, "the weight of the y = 1 term is missing.")
    bce = s * (p * (w * y + 1.0 - y) - w * y)
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


def check_dL_dp(fn, numbers=None):
    """Check `fn(p, y)` returns dL/dp of the loss of `numbers` (None: the chapter's mean BCE;
    see `step_program`), for p, y: (n, 1)."""
    m = _mine(numbers)
    return judge_bce_dp(fn, m["pos_weight"], m["reduction"])


def _recipe_refused(lr, epochs, init_scale, n, max_epochs):
    """Why the recipe is not one the exercise allows, or None."""
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)):
        return f"epochs must be a whole number, got {describe(epochs)}."
    if not 0 < epochs <= max_epochs:
        return f"the exercise allows 1 to {max_epochs:,} epochs, got {epochs}."
    if not isinstance(n, (int, np.integer)) or n < 1000:
        return f"the claim is about at least 1,000 seeds, got n = {n!r}."
    for value, name in ((lr, "lr"), (init_scale, "init_scale")):
        if as_number(value, name) <= 0:
            return f"{name} must be positive, got {value!r}."
    return None


def check_xor_recipe(lr=None, epochs=None, init_scale=None, n=1000, seed=10**6, numbers=None):
    """Check a training recipe for XOR with the correct gradient: `n` >= 1,000 sigmoid nets of
    size (2, `recipe_width`, 1), init "normal" times `init_scale`, full-batch `lr`, `epochs` at
    most `max_epochs`, as `numbers` say (None: the chapter's 2-2-1 net and 5,000 epochs).
    Correct when the lower end of the 95% interval of the success rate reaches 90%."""
    m = _mine(numbers)
    refused = _recipe_refused(lr, epochs, init_scale, n, m["max_epochs"])
    if refused:
        return Feedback(False, refused)
    run = train_many(
        n,
        (2, m["recipe_width"], 1),
        lr=lr,
        epochs=epochs,
        init="normal",
        init_scale=init_scale,
        seed=seed,
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


STEP_CHAPTER = {"activation": "sigmoid", "reduction": "mean", "pos_weight": 1.0}
"""The network and loss of exercises 1, 4 and 6 in the chapter (the question's program)."""
STEP_WEIGHTS = (1.0, 1.5, 2.0, 3.0)
RECIPE_WIDTHS, RECIPE_EPOCHS = (3, 4), (150, 200, 300)
"""Exercise 5 for a student: a wider net and a budget of a few hundred epochs, where the
chapter's start (0.3) is too slow to leave the saddle (at most 76% of 1,000 seeds learn)."""


def step_program(numbers):
    """The `Program` of exercise 6 for a student's `numbers`: the 2-2-1 net with biases, its
    hidden layer of `activation` units, a sigmoid output p and the loss
    L = -s sum(w y ln p + (1 - y) ln(1 - p)), w = `pos_weight`, s = 1/n ("mean") or 1 ("sum")."""
    act, w, mean = numbers["activation"], numbers["pos_weight"], numbers["reduction"] == "mean"

    def loss(params, X, y):
        """The student's loss at params (W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,)); X: (n, 2)."""
        a = X @ params["W1"] + params["b1"]
        h = np.tanh(a) if act == "tanh" else sigmoid(a)
        z = h @ params["W2"] + params["b2"]  # (n, 1)
        terms = w * y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)
        return float(terms.sum() / (len(X) if mean else 1))

    return Program(two_layer_shapes, loss, BACKWARD.points, mean)


def check_rising_cost_step(fn, numbers=None):
    """Check `fn(params, X, y, lr) -> new params`: one corrected step of the question's program,
    a 2-2-1 net with biases, hidden units and loss as `numbers` say (None: the chapter's,
    sigmoid units and the mean BCE); params W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,)."""
    m = _mine(numbers)
    own = all(m[k] == v for k, v in STEP_CHAPTER.items())
    program = BACKWARD if own else step_program(m)
    failed = check_step_function(fn, program, "your fixed_step", 0.5)  # pragma: no mutate
    if failed is not None and not own:
        if check_step_function(fn, BACKWARD, "your fixed_step", 0.5) is None:
            return Feedback(
                False,
                "that is a step of the chapter's network (sigmoid units, the mean BCE); yours "
                "has the hidden units and the loss of your numbers.",
            )
    if failed is not None:
        return failed
    loss = "the mean cross-entropy" if own else "your loss"
    return Feedback(True, f"each step goes downhill on {loss}.")


# --- per-student numbers, and the gradient check the learner writes -------------------------

PLANTED = (
    (("W1", "b1"), "the hidden layer's slope taken as h instead of h (1 - h)"),
    (("W1", "b1", "W2", "b2"), "the 1/n of the mean left out of dL/dz"),
    (("W1",), "dW1 divided by n a second time"),
    (("b1",), "db1 averaged over the samples instead of summed"),
    (("W2",), "dW2 taken from the hidden pre-activations instead of h"),
    (("b2",), "db2 with its sign flipped"),
    (("W1", "b1", "W2", "b2"), "the chapter's flipped (1 - y)/(1 - p) term"),
)
"""The bugs a student's backward pass may carry: (the arrays it makes wrong, what it is)."""


def numbers(seed):
    """The numbers of this chapter's exercises for `seed` (0: the chapter's own): the sum-loss
    `lr_sum` and `n_sum` of exercise 3; a data set `X`: (n, 2), `y`: (n, 1), the `hidden` size
    and a point `params` of a 2-hidden-1 sigmoid net, and `planted`, which bug (an index into
    `PLANTED`) the backward pass of exercise 8 carries; the hidden `activation`, the
    `reduction` and the `pos_weight` of the loss of exercise 6 (see `step_program`); the
    `recipe_width` and the budget `max_epochs` of exercise 5."""
    rng = np.random.default_rng(seed)
    if seed == 0:
        lr_sum, n_sum, planted = 0.25, 8, 0
        X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        y = np.array([[0.0], [1.0], [1.0], [0.0]])
    else:
        lr_sum = float(rng.choice((0.05, 0.1, 0.2, 0.3, 0.4, 0.5)))  # never 0.25
        n_sum = int(rng.integers(5, 17))
        n_sum += int(np.isclose(lr_sum * n_sum, 0.25 * 8))  # never the chapter's answer
        planted = int(rng.integers(1, len(PLANTED)))  # never the chapter's bug (0)
        n = int(rng.integers(6, 13))
        X = np.round(rng.normal(size=(n, 2)), 2)
        ones = int(rng.integers(2, n - 1))  # both classes, at least two samples each
        y = rng.permutation(np.r_[np.ones(ones), np.zeros(n - ones)])[:, None]
    hidden = 2 if seed == 0 else int(rng.integers(2, 5))
    shapes = {"W1": (2, hidden), "b1": (hidden,), "W2": (hidden, 1), "b2": (1,)}
    params = {k: np.round(rng.normal(size=s), 2) for k, s in shapes.items()}
    recipe_width = 2 if seed == 0 else int(rng.choice(RECIPE_WIDTHS))
    max_epochs = 5000 if seed == 0 else int(rng.choice(RECIPE_EPOCHS))
    step = dict(STEP_CHAPTER)
    while seed != 0 and (step["pos_weight"], step["reduction"]) == (1.0, "mean"):
        step = {  # never the chapter's loss: exercises 1, 4 and 6 have its answers on the page
            "activation": str(rng.choice(["sigmoid", "tanh"])),
            "reduction": str(rng.choice(["mean", "sum"])),
            "pos_weight": float(rng.choice(STEP_WEIGHTS)),
        }
    return dict(lr_sum=lr_sum, n_sum=n_sum, X=X, y=y, hidden=hidden, params=params,
                planted=planted, recipe_width=recipe_width, max_epochs=max_epochs,
                **step)  # fmt: skip


def _mine(given):
    """The numbers a check uses: `given` (a student's dict) or the chapter's own."""
    return variants.checked(given, numbers)


def _backward(params, X, y, bug=None):
    """The gradients of the mean BCE of the 2-h-1 sigmoid net (params W1: (2, h), b1: (h,),
    W2: (h, 1), b2: (1,)) at X: (n, 2), y: (n, 1); with `bug` (an index into `PLANTED`) the
    backward pass carries that bug."""
    n = len(X)
    a = X @ params["W1"] + params["b1"]  # (n, h)
    h = sigmoid(a)
    p = sigmoid(h @ params["W2"] + params["b2"])  # (n, 1)
    dz = (p - y) / (1 if bug == 1 else n)
    if bug == 6:
        dz = -(y * (1 - p) + (1 - y) * p) / n
    dh = (dz @ params["W2"].T) * (h if bug == 0 else h * (1 - h))
    return {
        "W1": X.T @ dh / (n if bug == 2 else 1),
        "b1": dh.mean(0) if bug == 3 else dh.sum(0),
        "W2": (a if bug == 4 else h).T @ dz,
        "b2": -dz.sum(0) if bug == 5 else dz.sum(0),
    }


def planted_backward(numbers):
    """The backward pass of exercise 8 for a student's `numbers`: a function
    (params, X, y) -> dict of gradients shaped like params, with one bug planted."""

    def backward(params, X, y):
        """Gradients of the mean BCE at params for X: (n, 2), y: (n, 1), one bug included."""
        return _backward(params, np.asarray(X, float), np.asarray(y, float), numbers["planted"])

    return backward


def relative_error(analytic, numeric):
    """max |analytic - numeric| / max(max |analytic|, max |numeric|, 1e-8), as `xl.gradcheck`."""
    scale = max(np.abs(analytic).max(), np.abs(numeric).max(), 1e-8)
    return float(np.abs(analytic - numeric).max() / scale)


def _grad_check_cases():
    """[(grads, params, X, y, eps, true gradients)] the learner's grad_check is run on, for
    2-h-1 nets: two arrays spoiled (one by a factor, one in one entry); exact gradients with a
    larger eps (a one-sided difference or an entry left nudged shows); and W2 = 0, where the
    gradients of W1 and b1 are exactly 0 (0/0 without the floor)."""
    rng = np.random.default_rng(1731)
    X, y = np.round(rng.normal(size=(5, 2)), 2), np.array([[0.0], [1.0], [1.0], [0.0], [1.0]])
    cases = []
    for units, eps in ((3, 1e-6), (2, 1e-3), (2, 1e-6)):
        q = {k: rng.normal(size=s) for k, s in two_layer_shapes(units).items()}
        q["W2"] *= len(cases) < 2  # the third case: W2 = 0
        true = _backward(q, X, y)
        grads = dict(true)
        if not cases:
            grads.update(W2=3 * true["W2"], b1=true["b1"] + np.array([0.05, 0.0, 0.0]))
        cases.append((grads, q, X, y, eps, true))
    return cases


def _is_nan(value):
    """Whether `value` reads as the number NaN."""
    try:
        return bool(np.isnan(float(value)))
    except (TypeError, ValueError):
        return False


def _wrong_scale(got, grads, true):
    """The name of the known mistake in the relative errors `got` of spoiled arrays, or None."""

    def fits(fn):
        return all(np.isclose(got[k], fn(grads[k], true[k]), rtol=1e-3) for k in got)

    if fits(lambda a, b: np.abs(a - b).max()):
        return "that is the largest difference itself: divide it by the larger gradient."
    if fits(lambda a, b: np.abs(a - b).max() / np.abs(b).max()):
        return "that divides by the numerical gradient alone; use the larger of the two."
    if fits(lambda a, b: np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b))):
        return "that uses Euclidean norms; the chapter's check uses the largest entry."
    return None


def check_grad_check(fn):
    """Check `fn(grads, params, X, y, eps) -> {name: relative error}`: for each array of
    `params` (W1, b1, W2, b2 of a 2-h-1 net), central differences with step `eps` of the
    learner's `cost(params, X, y)`, compared with `grads[name]` by `relative_error`."""
    for grads, params, X, y, eps, true in _grad_check_cases():
        got = call(fn, (grads, params, X, y, eps), "your grad_check")
        if not isinstance(got, dict) or set(got) != set(params):
            return Feedback(False, f"grad_check must return a dict with keys {list(params)}.")
        if any(_is_nan(got[k]) for k in params if not np.abs(true[k]).any()):
            return Feedback(False, "an array whose gradient is 0 gives 0/0: keep 1e-8 below.")
        got = {k: as_number(got[k], f"its error for {k}") for k in params}
        right = [k for k in params if relative_error(grads[k], true[k]) == 0]
        if any(got[k] > 1e-5 for k in right):
            return Feedback(
                False,
                f"with eps = {eps:g} the arrays whose gradient is right show errors above 1e-5: "
                "a one-sided difference, or an entry not put back after its nudge?",
            )
        spoiled = [k for k in params if k not in right]
        if all(np.isclose(got[k], relative_error(grads[k], true[k]), rtol=1e-3) for k in spoiled):
            continue
        why = _wrong_scale({k: got[k] for k in spoiled}, grads, true)
        return Feedback(False, why or "the errors of the wrong arrays are not the chapter's.")
    return Feedback(True, "it finds the wrong arrays and clears the right ones.")


def check_wrong_arrays(names, numbers=None):
    """Check `names` (the names of the arrays whose planted gradient is wrong) against the
    bug planted for `numbers` (None: the chapter's own, `numbers(0)`)."""
    numbers = _mine(numbers)
    if isinstance(names, str) or not hasattr(names, "__iter__"):
        return Feedback(False, 'give a list of names, like ["W1"], even for one array.')
    given = {str(k) for k in names}
    unknown = given - {"W1", "b1", "W2", "b2"}
    if unknown:
        return Feedback(False, f"{sorted(unknown)} are not arrays of the network.")
    wrong = set(PLANTED[numbers["planted"]][0])
    if given == wrong:
        return Feedback(True, "those are the arrays the planted bug makes wrong.")
    if not given:
        return Feedback(False, "the planted backward pass has at least one wrong array.")
    return Feedback(False, "not those: which arrays have a relative error above 1e-4?")
