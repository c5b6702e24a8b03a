"""Self-checks of the chapter "Translating the chain rule" (case-chain-rule): one sample's
gradients and step of the bias-free 2-2-1 sigmoid net, and one corrected pass of the translated
program. A wrong answer that matches a known translation bug (or a pair of them) is named.
Each student's numbers (`numbers`) give the network of exercises 2, 3 and 5 (its hidden
activation and its loss) and the setting of the paired experiment on the update order, judged
by the sign test; each check takes them as `numbers=` (None: the chapter's)."""

import math

import numpy as np

from ..cases.chain_rule import TRANSLATION_BUGS, train_online, translation_step
from ..core.batched import train_many
from . import variants
from .gradients import compare
from .guard import Feedback, Refused, as_array, as_number, as_params, call
from .references import Program, fd_gradient, half_squared_error, two_layer_shapes


def _chain_rule_case():
    """The question's sample: W1 (2, 2), W2 (2, 1), x (2,), y (1,)."""
    W1 = np.array([[0.6, -0.4], [0.3, 0.8]])
    W2 = np.array([[0.7], [-0.5]])
    return W1, W2, np.array([1.0, 1.0]), np.array([0.0])


def _chain_rule_step(W1, W2, x, y, lr, bugs=()):
    """(W1, W2) after one per-sample step of the translated program with `bugs` planted."""
    params = {"W1": W1[..., None], "W2": W2[..., None]}
    new = translation_step(params, x, y, lr, bugs)
    return new["W1"][..., 0], new["W2"][..., 0]


def _chain_rule_diagnosis(got, W1, W2, x, y, lr, as_step):
    """Name the translation bug (or bug pair) whose step or gradient matches `got`."""
    names = list(TRANSLATION_BUGS)
    tried = [(b,) for b in names] + [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    for bugs in tried:
        new1, new2 = _chain_rule_step(W1, W2, x, y, lr, bugs)
        want = (new1, new2) if as_step else ((W1 - new1) / lr, (W2 - new2) / lr)
        if all(np.allclose(g, w, atol=1e-10) for g, w in zip(got, want)):
            return "; ".join(TRANSLATION_BUGS[b] for b in bugs)
    return None


def _two_arrays(fn, args, shapes, name):
    """The learner's fn(*args) as two finite arrays of `shapes`, or `Refused`."""
    got = call(fn, args, name)
    try:
        pair = None if isinstance(got, (str, dict)) else list(got)
    except TypeError:  # not iterable, or a 0-d array
        pair = None
    if pair is None or len(pair) != 2:
        raise Refused(
            f"{name} must return two arrays, shaped like W1 {shapes[0]} and W2 {shapes[1]}."
        )
    return tuple(
        as_array(g, s, f"array {i + 1} it returned") for i, (g, s) in enumerate(zip(pair, shapes))
    )


LOSSES = {  # a student's loss of one sample, and its dL/dz2 at the sigmoid output p
    "half_squared": ("1/2 (p - y)^2", lambda p, y: (p - y) * p * (1 - p)),
    "squared": ("(p - y)^2", lambda p, y: 2 * (p - y) * p * (1 - p)),
    "bce": ("-y ln p - (1 - y) ln(1 - p)", lambda p, y: p - y),
}
"""The losses of exercises 2, 3 and 5 (the chapter's is "half_squared"): name -> (formula,
the error at the output's pre-activation)."""


def _hidden(z, hidden):
    """The hidden units' outputs h and their slopes f'(z) at the pre-activations z."""
    if hidden == "tanh":
        h = np.tanh(z)
        return h, 1 - h**2
    h = 1 / (1 + np.exp(-z))
    return h, h * (1 - h)


def sample_grads(W1, W2, x, y, hidden="sigmoid", loss="half_squared", w2_first_lr=None):
    """(dW1, dW2) of one sample's `loss` for the bias-free net h = f(x @ W1), p = sigma(h @ W2),
    f the `hidden` activation; W1 (d, h), W2 (h, 1), x (d,), y (1,). With `w2_first_lr` the
    error is sent back through W2 already stepped at that rate (the answer's order)."""
    h, slope = _hidden(x @ W1, hidden)
    p = 1 / (1 + np.exp(-(h @ W2)))
    delta2 = LOSSES[loss][1](p, y)
    dW2 = np.outer(h, delta2)
    back = W2 if w2_first_lr is None else W2 - w2_first_lr * dW2
    return np.outer(x, (back @ delta2) * slope), dW2


def _network(m):
    """The (hidden, loss) of the numbers `m`."""
    return m["hidden"], m["loss"]


def _is_chapters(m):
    return _network(m) == ("sigmoid", "half_squared")


CHAPTERS_NETWORK = "that fits the chapter's network (sigmoid, half_squared); yours is "


def _theirs(m):
    return f"{m['hidden']}, {m['loss']}."


def check_sample_gradients(fn, numbers=None):
    """Check `fn(W1, W2, x, y) -> (dW1, dW2)`: the per-sample gradient of the loss of `numbers`
    (None: the chapter's, 1/2 (p - y)^2) for the bias-free net h = f(x @ W1),
    p = sigma(h @ W2), f the hidden activation of `numbers` (the chapter's: sigmoid); W1 (2, 2),
    W2 (2, 1), x (2,), y (1,)."""
    m = _mine(numbers)
    W1, W2, x, y = _chain_rule_case()
    got = _two_arrays(fn, (W1, W2, x, y), (W1.shape, W2.shape), "your sample_gradients")
    want = sample_grads(W1, W2, x, y, *_network(m))
    if all(np.allclose(g, w, rtol=1e-6, atol=1e-10) for g, w in zip(got, want)):
        return Feedback(True, "both gradients match the chain rule for this sample.")
    if all(np.allclose(g, 2 * w) for g, w in zip(got, want)) and m["loss"] == "half_squared":
        return Feedback(False, "twice too large: the loss here is 1/2 (p - y)^2.")
    if all(np.allclose(2 * g, w) for g, w in zip(got, want)) and m["loss"] == "squared":
        return Feedback(False, "half the slope: your loss is (p - y)^2, without the 1/2.")
    if np.allclose(got[0], want[0].T) and not np.allclose(got[0], want[0]):
        return Feedback(False, "dW1 is transposed: entry [i, u] belongs to input i, unit u.")
    if _is_chapters(m):
        bug = _chain_rule_diagnosis(got, W1, W2, x, y, 1.0, as_step=False)
        if bug:
            return Feedback(False, f"it matches a known mistake: {bug}.")
    elif all(np.allclose(g, w) for g, w in zip(got, sample_grads(W1, W2, x, y))):
        return Feedback(False, CHAPTERS_NETWORK + _theirs(m))
    right = [k for k, g, w in zip(("dW1", "dW2"), got, want) if np.allclose(g, w)]
    hint = f" {right[0]} is right; look at the other." if right else ""
    return Feedback(False, f"it does not match dL/dW = (input) x (error at the unit).{hint}")


def check_sample_step(fn, lr=0.5, numbers=None):
    """Check `fn(W1, W2, x, y, lr) -> (W1_new, W2_new)`: one per-sample gradient-descent step of
    the bias-free net of `check_sample_gradients` (with the hidden activation and the loss of
    `numbers`), both gradients taken from the *same* weights."""
    m = _mine(numbers)
    W1, W2, x, y = _chain_rule_case()
    got = _two_arrays(fn, (W1, W2, x, y, lr), (W1.shape, W2.shape), "your sample_step")
    want = [w - lr * g for w, g in zip((W1, W2), sample_grads(W1, W2, x, y, *_network(m)))]
    if all(np.allclose(g, w, rtol=1e-6, atol=1e-10) for g, w in zip(got, want)):
        return Feedback(True, "a true per-sample gradient step: both layers use the old weights.")
    if np.allclose(got[0], W1) and np.allclose(got[1], W2):
        return Feedback(False, "the weights did not change: return the updated copies.")
    if _is_chapters(m):
        bug = _chain_rule_diagnosis(got, W1, W2, x, y, lr, as_step=True)
        if bug:
            return Feedback(False, f"it matches a known mistake: {bug}.")
        return Feedback(False, "it is not w - lr * dL/dw for this sample; check each layer.")
    late = sample_grads(W1, W2, x, y, *_network(m), w2_first_lr=lr)
    if all(np.allclose(g, w - lr * d) for g, w, d in zip(got, (W1, W2), late)):
        bug = TRANSLATION_BUGS["updated_output_weights"]
        return Feedback(False, f"it matches a known mistake: {bug}.")
    chapters = [w - lr * g for w, g in zip((W1, W2), sample_grads(W1, W2, x, y))]
    if all(np.allclose(g, w) for g, w in zip(got, chapters)):
        return Feedback(False, CHAPTERS_NETWORK + _theirs(m))
    return Feedback(False, "it is not w - lr * dL/dw for this sample; check each layer.")


def network_loss(hidden="sigmoid", loss="half_squared"):
    """The summed `loss` of the 2-h-1 net with biases, a `hidden` layer and a sigmoid output,
    as a function of (params, X, y); params W1 (2, h), b1 (h,), W2 (h, 1), b2 (1,)."""
    if (hidden, loss) == ("sigmoid", "half_squared"):
        return half_squared_error

    def total(params, X, y):
        h = _hidden(X @ params["W1"] + params["b1"], hidden)[0]
        z = h @ params["W2"] + params["b2"]
        if loss == "bce":
            return float(np.sum(np.logaddexp(0.0, z) - y * z))
        p = 1 / (1 + np.exp(-z))
        return float(np.sum((p - y) ** 2) * (0.5 if loss == "half_squared" else 1.0))

    return total


def _per_sample_pass(params, X, y, lr, loss=half_squared_error):
    """One pass over the rows of X in order, a finite-difference gradient step on each."""
    q = {k: v.copy() for k, v in params.items()}
    for i in range(len(X)):
        grad = fd_gradient(loss, q, X[i : i + 1], y[i : i + 1])
        q = {k: q[k] - lr * grad[k] for k in q}
    return q


def _pass_problem(fn, lr, loss):
    """None if fn's pass is per-sample descent on `loss` at 2 and 3 units; else what is wrong."""
    program = Program(two_layer_shapes, loss, ((0, 2, 4), (1, 3, 7)), mean=False)
    for params, X, y in program.cases():
        new = call(fn, (params, X, y, lr), "your fixed_epoch")
        new = as_params(new, {k: v.shape for k, v in params.items()}, "what fixed_epoch returned")
        if all(np.array_equal(new[k], params[k]) for k in params):
            return "fixed_epoch returned the params unchanged: apply the steps."
        want = _per_sample_pass(params, X, y, lr, loss)
        moved = {k: (params[k] - new[k]) / lr for k in params}
        problem = compare(moved, {k: (params[k] - want[k]) / lr for k in params}, len(X), False)
        if problem:
            return f"over one pass of {len(X)} samples, as (old - new) / lr: {problem}"
    return None


def check_fixed_epoch(fn, lr=0.5, numbers=None):
    """Check `fn(params, X, y, lr) -> new params`: one pass of the corrected translated program,
    a gradient-descent step on each row's loss of `numbers` (None: the chapter's,
    1/2 (p - y)^2) for each row of X in order (each step's gradients all taken before it
    updates), for the 2-h-1 net with biases, the hidden activation of `numbers` (the chapter's:
    sigmoid) and a sigmoid output; params W1 (2, h), b1 (h,), W2 (h, 1), b2 (1,); X: (n, 2),
    y: (n, 1)."""
    m = _mine(numbers)
    problem = _pass_problem(fn, lr, network_loss(*_network(m)))
    if problem and not _is_chapters(m) and _pass_problem(fn, lr, half_squared_error) is None:
        return Feedback(False, CHAPTERS_NETWORK + _theirs(m))
    if problem:
        return Feedback(False, problem)
    return Feedback(
        True, "each sample's step is gradient descent on its own loss, for 2 and 3 units."
    )


# --- per-student numbers, and the paired experiment on the update order ----------------------


NETWORKS = [(h, loss) for h in ("sigmoid", "tanh") for loss in LOSSES]
NETWORKS.remove(("sigmoid", "half_squared"))  # the chapter's: its solutions are on the page


def numbers(seed):
    """The numbers of this chapter's exercises for `seed` (0: the chapter's own): the `hidden`
    activation ("sigmoid" or "tanh") and the `loss` (a key of LOSSES) of exercises 2, 3 and 5;
    for exercise 7 the learning rate `lr` per step, the `epochs`, the number `n` of paired
    networks and the first `seed` of the runs that compare the two update orders. A student's
    network is never the chapter's, whose model answers the page shows."""
    if seed == 0:
        return {"lr": 0.5, "epochs": 500, "n": 200, "seed": 0, "hidden": "sigmoid",
                "loss": "half_squared"}  # fmt: skip
    rng = np.random.default_rng(seed)
    picked = {
        "lr": float(rng.choice((0.3, 0.4, 0.6, 0.8, 1.0, 1.5, 2.0))),  # never 0.5
        "epochs": int(rng.choice((300, 400, 500))),
        "n": 200,
        "seed": int(rng.integers(1, 10**6)),
    }
    hidden, loss = NETWORKS[rng.integers(len(NETWORKS))]
    return {**picked, "hidden": hidden, "loss": loss}


def _mine(given):
    """The numbers a check uses: `given` (a student's dict) or the chapter's own."""
    return variants.checked(given, numbers)


def _sign_test(a, b):
    """(only_a, only_b, p): the discordant counts of paired outcomes a, b (n,) and the
    two-sided p-value of the exact sign test, min(1, 2 P(Bin(m, 1/2) <= min))."""
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(~a & b))
    m, k = only_a + only_b, min(only_a, only_b)
    tail = sum(math.comb(m, j) for j in range(k + 1)) / 2**m
    return only_a, only_b, min(1.0, 2 * tail)


def order_runs(numbers):
    """The success (n,) of the true order and of the answer's order, same seeds."""
    setting = dict(loss="mse", lr=numbers["lr"], epochs=numbers["epochs"], init="normal")
    true = train_many(numbers["n"], mode="sample", seed=numbers["seed"], **setting)
    answer = train_online(numbers["n"], seed=numbers["seed"], **setting)
    return true.success, answer.success


_PAIRS = (  # (a, b) the self-check tries: small, lopsided, none discordant, many
    ([1, 1, 0, 1, 0, 1, 1, 0], [0, 1, 0, 0, 0, 1, 0, 1]),
    ([1] * 9 + [0] * 3 + [1] * 8, [0] * 9 + [1] * 3 + [1] * 8),
    ([1, 0, 1], [1, 0, 1]),
    ([1, 0] * 30 + [1] * 40, [0, 1] * 30 + [0] * 25 + [1] * 15),
)


def _sign_test_mistake(got, a, b):
    """The name of a known mistake that `got` (only_a, only_b, p) matches, or None."""
    only_a, only_b, p = _sign_test(a, b)
    m, k = only_a + only_b, min(only_a, only_b)
    one_sided = sum(math.comb(m, j) for j in range(k + 1)) / 2**m
    if np.isclose(got[2], one_sided) and not np.isclose(p, one_sided):
        return "that is one tail: either order could have won, so double it."
    if got[2] > 1:
        return "a p-value is a probability: cap it at 1."
    n, k_all = len(a), int(min(a.sum(), b.sum()))
    unpaired = min(1.0, 2 * sum(math.comb(n, j) for j in range(k_all + 1)) / 2**n)
    if np.isclose(got[2], unpaired):
        return "that counts every seed; only the seeds where the orders disagree carry news."
    return None


def check_sign_test(fn):
    """Check `fn(a, b) -> (only_a, only_b, p)` for paired boolean outcomes a, b (n,): the
    seeds where only a, and only b, succeeded, and the exact two-sided sign test's p-value."""
    for a, b in _PAIRS:
        a, b = np.array(a, dtype=bool), np.array(b, dtype=bool)
        got = call(fn, (a, b), "your sign_test")
        got = as_array(got, (3,), "what sign_test returned")
        want = _sign_test(a, b)
        if not np.array_equal(got[:2], want[:2]):
            return Feedback(False, "the two counts are the seeds where exactly one run won.")
        if np.isclose(got[2], want[2], rtol=1e-9, atol=0):
            continue
        why = _sign_test_mistake(got, a, b)
        return Feedback(False, why or "the counts are right; the p-value is not the exact test's.")
    return Feedback(True, "the counts and the exact two-sided p-value match.")


def check_order_p(value, numbers=None):
    """Check the sign test's p-value for the two update orders at the `numbers` (None: the
    chapter's own)."""
    true, answer = order_runs(_mine(numbers))
    _, _, p = _sign_test(true, answer)
    v = as_number(value, "order_p")
    if np.isclose(v, p, rtol=1e-6, atol=0):
        return Feedback(True, "it is the p-value of your paired runs.")
    why = _sign_test_mistake((0, 0, v), true, answer)
    if why:
        return Feedback(False, f"order_p = {v:.3g}: {why}")
    return Feedback(False, f"order_p = {v:.3g} is not it: same seeds, same settings, both orders?")
