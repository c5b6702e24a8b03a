"""Self-checks of the chapter "Stuck at 0.5" (case-stuck-at-half): the bias-free loss floor,
the dead share at initialisation, the output delta, a training design for ReLU nets, one
corrected step of the question's program, and the dead-unit census.

`numbers(seed)` gives the numbers of the autograded exercises: seed 0 the chapter's own (XOR's
four inputs once each; two inputs and weights symmetric about 0; ReLU units), any other seed
one student's (see `variants`). Each check takes them as `numbers=` (None: the chapter's).
"""

import numpy as np

from ..core.activations import sigmoid
from ..core.batched import train_many
from ..core.units import dead_fraction
from . import variants
from .gradients import check_step_function
from .guard import Feedback, as_array, as_number, call, describe, judge_number
from .references import STUCK, probe_points, stuck_program

_DESIGN_KEYS = {"init", "lr", "epochs", "bias", "init_scale"}

CHAPTER = {
    "counts": [1, 1, 1, 1],  # exercise 1: how often (0,0), (0,1), (1,0), (1,1) appear
    "inputs": 2,  # exercise 2: d, the inputs are the 2^d points of {0, 1}^d
    "weight_range": [-1.0, 1.0],  # exercise 2: first-layer weights uniform on [low, high)
    "leak": 0.0,  # exercise 5: hidden units max(z, leak z); 0 is the ReLU
    "pos_weight": 1.0,  # exercise 3: the weight of the y = 1 term of the cross-entropy
    "reduction": "mean",  # exercise 3: "mean" or "sum" over the samples
    "design_width": 3,  # exercise 4: the hidden ReLU units of the (2, width, 1) networks
    "max_epochs": 2000,  # exercise 4: the budget of epochs
}
DESIGNS = ((4, 150), (4, 200), (4, 250), (5, 150))
"""Exercise 4 for a student (width, budget): where the chapter's design, its epochs cut to the
budget, falls short (lr 0.1 is too slow), and a larger rate from the same start does not."""
POS_WEIGHTS = (1.0, 1.5, 2.0, 3.0, 4.0)
LOWS, HIGHS = (-0.5, -1.0, -1.5, -2.0), (0.5, 1.0, 1.5, 2.0, 3.0)
LEAKS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3)


def numbers(seed: int) -> dict:
    """The numbers of the exercises for `seed` (0: the chapter's; see CHAPTER for the keys). A
    student's floor is never ln 2 / 4, their dead share never 1/4 (and at least 1%, so that a
    measurement of 20,000 units shows it), their loss never the mean BCE and their units
    always leak, so no answer is the one the chapter shows."""
    if seed == 0:
        return {k: list(v) if isinstance(v, list) else v for k, v in CHAPTER.items()}
    rng = np.random.default_rng(seed)
    while True:
        counts = [int(c) for c in rng.integers(1, 5, size=4)]
        if 4 * counts[0] != sum(counts):  # the origin's share is not the chapter's 1/4
            break
    while True:
        inputs = int(rng.integers(2, 5))
        low, high = float(rng.choice(LOWS)), float(rng.choice(HIGHS))
        share = dead_share(inputs, low, high)
        if share != 0.25 and share >= 0.01:  # 20,000 units then show it to a few percent
            break
    leak = float(rng.choice(LEAKS))
    while True:  # never the chapter's loss: its output delta is on the page
        pos_weight, reduction = float(rng.choice(POS_WEIGHTS)), str(rng.choice(["mean", "sum"]))
        if (pos_weight, reduction) != (1.0, "mean"):
            break
    design_width, max_epochs = DESIGNS[rng.integers(len(DESIGNS))]
    return {
        "counts": counts,
        "inputs": inputs,
        "weight_range": [low, high],
        "leak": leak,
        "pos_weight": pos_weight,
        "reduction": reduction,
        "design_width": int(design_width),
        "max_epochs": int(max_epochs),
    }


def dead_share(inputs, low, high):
    """The chance that a bias-free ReLU unit whose `inputs` weights are uniform on [low, high)
    is dead on every point of {0, 1}^inputs: every weight <= 0."""
    return (-low / (high - low)) ** inputs


def _mine(given):
    """The numbers a check uses: `given` (a student's dict) or the chapter's own."""
    return variants.checked(given, numbers)


def check_no_bias_floor(value, numbers=None):
    """The smallest mean BCE any bias-free network with a sigmoid output can reach on XOR's
    four inputs, each repeated as often as `counts` says (the chapter: once each)."""
    counts = _mine(numbers)["counts"]
    return judge_number(
        value,
        counts[0] * np.log(2) / sum(counts),
        "floor",
        "no weights get below it, and large ones approach it.",
        "What does input (0, 0) cost, and how often does it count in the mean?",
        [
            (np.log(2), "that is the loss on input (0, 0) alone; the loss is a mean."),
            (np.log(2) / 4, "that counts each input once; count them as your data set does."),
            (0.5, "that is an output, not a loss."),
            (0.0, "without biases the output at (0, 0) is the same for any weights."),
        ],
    )


def check_dead_at_init(value, numbers=None):
    """The expected fraction of dead ReLU units at initialisation for a bias-free net whose
    inputs are the points of {0, 1}^d and whose first-layer weights are uniform on
    `weight_range` (the chapter: d = 2, XOR's inputs, weights symmetric about 0)."""
    m = _mine(numbers)
    d, (low, high) = m["inputs"], m["weight_range"]
    q = -low / (high - low)  # the chance that one weight is <= 0
    return judge_number(
        value,
        dead_share(d, low, high),
        "dead_share",
        "it matches the measured fraction.",
        "Which signs of the weights make z <= 0 on every input?",
        [
            (q, "one negative weight is not enough: the unit still fires where another is used."),
            (0.0, "that holds for U[0, 1) or any weights >= 0; here a weight is <= 0 at times."),
            (1 - (1 - q) ** d, "that is the fraction of units with at least one weight <= 0."),
            (0.5**d, "each weight is <= 0 with the chance its range gives, not always 1/2."),
        ],
    )


def check_output_delta(fn, numbers=None):
    """Check `fn(z, y)` returns dL/dz for a sigmoid output p = sigmoid(z) and the cross-entropy
    L = -s sum(w y ln p + (1 - y) ln(1 - p)), w = `pos_weight`, s = 1/n ("mean") or 1 ("sum")
    as `numbers` say (None: the chapter's mean BCE, w = 1); z, y: (n, 1)."""
    m = _mine(numbers)
    w, mean = m["pos_weight"], m["reduction"] == "mean"
    z = np.array([[-3.0], [-0.5], [0.0], [0.4], [2.5], [-1.5], [1.0], [4.0]])  # pragma: no mutate
    _, y = probe_points()
    got = as_array(call(fn, (z, y), "your function"), z.shape, "what it returned")
    p, n = sigmoid(z), len(z)
    s = 1 / n if mean else 1.0
    want = s * (p * (w * y + 1 - y) - w * y)
    if np.allclose(got, want, rtol=1e-6, atol=1e-12):
        loss = "the mean BCE" if (w, mean) == (1, True) else "your loss"
        return Feedback(True, f"it matches the slope of {loss} in z.")
    dl_dp = s * (-w * y / p + (1 - y) / (1 - p))
    if np.allclose(got, dl_dp * sigmoid(p) * (1 - sigmoid(p)), rtol=1e-4):
        return Feedback(False, "that is the sigmoid's slope at the output p; it belongs at z.")
    if mean and np.allclose(got, want * n):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    if not mean and np.allclose(got, want / n):
        return Feedback(False, "it is 1/n of the slope: your loss is a *sum*, not a mean.")
    if np.allclose(got, -want):
        return Feedback(False, "the sign is flipped: dL/dz is positive when p is above y.")
    if w != 1 and np.allclose(got, s * (p - y)):
        return Feedback(False, "the weight of the y = 1 term is missing.")
    return Feedback(False, "it is not dL/dz; chain dL/dp with dp/dz and simplify.")


def _design_refused(design, max_epochs):
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
    if not 1 <= epochs <= max_epochs:
        return f"the exercise allows 1 to {max_epochs:,} epochs, got {epochs}."
    as_number(design.get("lr"), "lr")
    return None


def check_relu_xor_design(design, numbers=None):
    """Check a training design for 2-h-1 ReLU networks on XOR, h = `design_width`, a dict of
    `train_many` settings (init, lr, epochs <= `max_epochs`, bias, optionally init_scale; no
    faults), as `numbers` say (None: the chapter's, 3 units and 2,000 epochs). The check trains
    1,000 new seeds; correct when the 95% interval of the strict success rate starts at 90% or
    more."""
    m = _mine(numbers)
    refused = _design_refused(design, m["max_epochs"])
    if refused:
        return Feedback(False, refused)
    try:
        run = train_many(1000, (2, m["design_width"], 1), "relu", seed=10**6, **design)
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


def check_stuck_step(fn, numbers=None):
    """Check `fn(params, X, y, lr) -> new params`: one corrected step of the question's program
    with biases, the mean BCE and hidden units max(z, leak z) (the chapter: leak 0, the ReLU);
    params A (2, h), a (h,), B (h, 1), b (1,), any h."""
    leak = _mine(numbers)["leak"]
    program = STUCK if leak == 0 else stuck_program(leak)
    failed = check_step_function(fn, program, "your fixed_step", 0.4)  # pragma: no mutate
    if failed is not None and leak != 0:
        if check_step_function(fn, STUCK, "your fixed_step", 0.4) is None:
            return Feedback(
                False, "that is a step of the ReLU network; your hidden units leak below 0."
            )
    if failed is not None:
        return failed
    return Feedback(
        True, "each step is gradient descent on the mean cross-entropy, for 3 and 10 units."
    )


def corners(d):
    """The 2^d points of {0, 1}^d, one per row: (2^d, d)."""
    return ((np.arange(2**d)[:, None] >> np.arange(d)) & 1).astype(float)


def census_cases(m, seed):
    """[(params, X)] to take a census of: the student's inputs {0, 1}^d with first-layer weights
    from their range and no biases; random inputs with biases; a unit with z = 0 on every row
    (dead and the identity at once) and a single row."""
    rng = np.random.default_rng(seed)
    d, (low, high) = m["inputs"], m["weight_range"]
    own = {"A": rng.uniform(low, high, size=(d, 12)), "a": np.zeros(12)}
    mixed = {"A": rng.normal(size=(2, 6)), "a": rng.normal(size=6)}
    mixed["A"][:, 0], mixed["a"][0] = 0.0, 0.0
    return [(own, corners(d)), (mixed, rng.normal(size=(7, 2))), (mixed, rng.normal(size=(1, 2)))]


def true_census(params, X):
    """{"dead": z <= 0 on every row, "linear": z >= 0 on every row}, bool (h,) each."""
    z = X @ params["A"] + params["a"]
    return {"dead": np.all(z <= 0, axis=0), "linear": np.all(z >= 0, axis=0)}


def _census_mistake(got, want, z):
    """What is wrong with a census `got` (dicts of bool arrays) of pre-activations z."""
    if np.array_equal(got["dead"], want["linear"]) and np.array_equal(got["linear"], want["dead"]):
        return "dead and linear are swapped."
    for key, sign in (("dead", -1), ("linear", 1)):
        if not np.array_equal(got[key], want[key]):
            if np.array_equal(got[key], np.any(sign * z >= 0, axis=0)):
                return f"{key} holds on *every* row of X, not on some row."
            if np.array_equal(got[key], np.all(sign * z > 0, axis=0)):
                return f"{key}: z = 0 counts too, since relu(0) = 0 = z."
            return f"{key} is wrong for some unit: compare z = X @ A + a with 0, row by row."
    return "it is not the census."


def check_census(fn, numbers=None):
    """Check `fn(params, X) -> {"dead": (h,), "linear": (h,)}` (bool arrays): which ReLU
    units have z = X @ A + a <= 0 on every row of X (dead), and which z >= 0 on every row (the
    identity on the data); params A (d, h), a (h,), X (n, d); on the student's inputs
    {0, 1}^d and on random ones."""
    m = _mine(numbers)
    for params, X in census_cases(m, seed=17):
        want = true_census(params, X)
        got = call(fn, (params, X), "your census")
        if not isinstance(got, dict) or set(got) != {"dead", "linear"}:
            return Feedback(False, 'return a dict with the keys "dead" and "linear".')
        h = params["A"].shape[1]
        got = {k: as_array(v, (h,), f'census["{k}"]') != 0 for k, v in got.items()}
        if any(not np.array_equal(got[k], want[k]) for k in want):
            where = f"with {len(X)} row(s) of {X.shape[1]} inputs"
            mistake = _census_mistake(got, want, X @ params["A"] + params["a"])
            return Feedback(False, f"{where}: {mistake}")
    return Feedback(True, "every unit is counted right, on your inputs and on random ones.")
