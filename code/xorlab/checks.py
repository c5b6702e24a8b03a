"""Self-checks for exercises: call one on your answer; it says whether it is right and, if not,
why. Each returns a `Feedback`, which prints as a short message and is truthy when correct."""

from dataclasses import dataclass

import numpy as np

from . import losses
from .data import xor
from .mlp import MLP


@dataclass
class Feedback:
    """The verdict of a self-check: `correct` and a `message` for the learner."""

    correct: bool
    message: str

    def __bool__(self):
        return self.correct

    def __str__(self):
        return ("Correct. " if self.correct else "Not yet. ") + self.message

    __repr__ = __str__


def _probe_points():
    p = np.array([[0.1], [0.3], [0.5], [0.7], [0.9], [0.2], [0.6], [0.95]])
    y = np.array([[0.0], [0.0], [0.0], [0.0], [1.0], [1.0], [1.0], [1.0]])
    return p, y


def check_bce_grad(fn):
    """Check `fn(p, y)` returns dL/dp of the *mean* binary cross-entropy, for p, y: (n, 1)."""
    p, y = _probe_points()
    try:
        got = np.asarray(fn(p.copy(), y.copy()), dtype=float)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"calling your function raised {type(exc).__name__}: {exc}")
    want = losses.bce_grad(p, y)
    if got.shape != want.shape:
        return Feedback(
            False, f"it returned shape {got.shape}; dL/dp has the shape of p, {want.shape}."
        )
    if np.allclose(got, want, rtol=1e-6, atol=1e-9):
        return Feedback(True, "Your dL/dp matches the derivative of the mean BCE.")
    for cls in (0, 1):
        rows = y[:, 0] == cls
        if np.allclose(got[rows], -want[rows]):
            return Feedback(False, f"your dL/dp has the wrong sign for y = {cls}.")
    if np.allclose(got, want * len(p)):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    return Feedback(False, "it does not match (p - y) / (p (1 - p)) / n; check each term.")


def check_xor_weights(params, sizes=(2, 2, 1), hidden="sigmoid", output="sigmoid", tol=0.1):
    """Check hand-chosen `params` (dict W1, b1, W2, b2 with MLP shapes) solve XOR: every output
    within `tol` of its target."""
    net = MLP(sizes, hidden=hidden, output=output)
    if not isinstance(params, dict):
        return Feedback(False, f"params must be a dict with keys {list(net.params)}.")
    for k, v in net.params.items():
        if k not in params:
            return Feedback(False, f"params is missing {k}; it needs {list(net.params)}.")
        got = np.asarray(params[k], dtype=float)
        if got.shape != v.shape:
            return Feedback(False, f"{k} has shape {got.shape}; it must be {v.shape}.")
        net.params[k] = got
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


def check_number(value, expected, name="your answer", rtol=1e-3):
    """Check a number against the expected value, with a relative tolerance."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"{name} must be a number, got {value!r}.")
    if np.isclose(v, expected, rtol=rtol, atol=1e-12):
        return Feedback(True, f"{name} is {v:.4g}.")
    direction = "too large" if v > expected else "too small"
    return Feedback(False, f"{name} = {v:.4g} is {direction}.")


_CHAIN_KEYS = {True: ("W1", "b1", "W2", "b2"), False: ("W1", "W2"), "output": ("W1", "W2", "b2")}


def check_identity_params(params, bias=True):
    """Check hand-chosen parameters of the 1-1-1 sigmoid chain learn the identity task (x = 0 -> 0,
    x = 1 -> 1) with mean squared error below 0.01. bias: True (W1, b1, W2, b2), False (W1, W2)
    or "output" (W1, W2, b2). Each value is a number or an array with one entry."""
    from . import reachable

    if bias not in _CHAIN_KEYS:
        return Feedback(False, f"bias must be True, False or 'output', got {bias!r}.")
    if not isinstance(params, dict):
        return Feedback(False, f"params must be a dict like {{'W1': 1.0, ...}}, got {params!r}.")
    keys = _CHAIN_KEYS[bias]
    if set(params) != set(keys):
        return Feedback(False, f"with bias={bias!r} params needs exactly {list(keys)}.")
    values = {}
    for k in keys:
        v = np.asarray(params[k], dtype=float)
        if v.size != 1 or not np.isfinite(v).all():
            return Feedback(False, f"{k} must be one finite number, got {params[k]!r}.")
        values[k] = float(v.ravel()[0])
    f0, f1 = (float(f) for f in reachable.chain_forward(values, [0.0, 1.0]))
    loss = float(reachable.identity_loss(f0, f1))
    where = f"f(0) = {f0:.3f}, f(1) = {f1:.3f}, loss {loss:.2g}"
    if loss < 0.01:
        return Feedback(True, f"{where} < 0.01.")
    if bias is False:
        why = "no bias-free weights can: f(0) and f(1) always lie on the same side of 1/2"
        return Feedback(False, f"{where}; {why}, so the loss stays above 0.125.")
    if f0 >= 0.5:
        return Feedback(
            False,
            f"{where}: f(0) is too high; make the output unit's input at x = 0, "
            "W2 * sigmoid(b1) + b2, strongly negative.",
        )
    if f1 <= 0.5:
        return Feedback(
            False,
            f"{where}: f(1) is too low; the output unit's input at x = 1, "
            "W2 * sigmoid(W1 + b1) + b2, must be strongly positive.",
        )
    return Feedback(
        False,
        f"{where}: both outputs are on the right side of 1/2 but not close "
        "enough; scale the weights and biases up.",
    )


def check_bias_free_choices(answer):
    """Check the letters of `reachable.QUIZ_PAIRS` a bias-free 1-1-1 chain can output exactly,
    given as a string ("AC") or a collection of letters."""
    from . import reachable

    try:
        chosen = {str(a).strip().upper() for a in answer}
    except TypeError:
        return Feedback(False, f"give the letters as a string or a set, got {answer!r}.")
    chosen.discard("")
    unknown = chosen - set(reachable.QUIZ_PAIRS)
    if unknown:
        return Feedback(
            False, f"{sorted(unknown)} are not options; choose from {sorted(reachable.QUIZ_PAIRS)}."
        )
    notes = []
    for letter, (f0, f1) in sorted(reachable.QUIZ_PAIRS.items()):
        weights = reachable.no_bias_weights(f0, f1)
        if letter in chosen and weights is None:
            side = (f0 - 0.5) * (f1 - 0.5) < 0 or (f0 == 0.5) != (f1 == 0.5)
            why = (
                "f(0) and f(1) lie on opposite sides of 1/2"
                if side
                else "logit f(1) is more than twice logit f(0), and sigmoid(w1) < 1"
            )
            notes.append(f"{letter} {(f0, f1)} cannot be reached: {why}")
        elif letter not in chosen and weights is not None:
            notes.append(
                f"{letter} {(f0, f1)} can be reached, with w1 = {weights[0]:.3f}, "
                f"w2 = {weights[1]:.3f}"
            )
    if not notes:
        return Feedback(
            True,
            "these are the pairs with logit f(1) = r logit f(0), 0 < r < 2 (or f = 1/2).",
        )
    return Feedback(False, "; ".join(notes) + ".")


def check_tanh_derivative(fn):
    """Check `fn(a)` returns tanh's derivative written in terms of its output a = tanh(z)."""
    a = np.linspace(-0.95, 0.95, 9)
    try:
        got = np.asarray(fn(a.copy()), dtype=float)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"calling your function raised {type(exc).__name__}: {exc}")
    if got.shape != a.shape:
        return Feedback(False, f"it returned shape {got.shape}; the derivative has a's shape.")
    if np.allclose(got, 1 - a**2):
        return Feedback(True, "tanh'(z) = 1 - a^2, computed from the output a alone.")
    if np.allclose(got, a * (1 - a)):
        return Feedback(False, "a (1 - a) is the sigmoid's derivative; it is negative for a < 0.")
    if np.allclose(got, 1 - np.tanh(a) ** 2):
        return Feedback(
            False, "a is already tanh(z); applying tanh again gives tanh'(a), not tanh'(z)."
        )
    return Feedback(False, "differentiate tanh(z) and write the result with a = tanh(z).")


def check_chain_bound(value):
    """Check the largest factor that an output sigmoid and a hidden sigmoid, together, can
    put on a gradient reaching the first layer: (1/4) (1/4) = 1/16."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"the answer must be a number, got {value!r}.")
    if np.isclose(v, 1 / 16):
        return Feedback(True, "each sigmoid passes at most 1/4, and the factors multiply: 1/16.")
    if np.isclose(v, 1 / 4):
        return Feedback(False, "that is one sigmoid's bound; the gradient passes through two.")
    if np.isclose(v, 1 / 2):
        return Feedback(False, "the chain rule multiplies the derivatives; it does not add them.")
    return Feedback(False, f"{v:.4g} is not it: take each derivative's maximum and combine them.")


# --- case-stuck-at-half ---------------------------------------------------------------------


def check_no_bias_floor(value):
    """The smallest mean BCE any bias-free network with a sigmoid output can reach on XOR."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"the answer is a number (a loss), got {value!r}.")
    floor = np.log(2) / 4
    if np.isclose(v, floor, rtol=1e-3):
        return Feedback(True, f"(0, 0) is pinned at 0.5 and costs ln 2; the mean is {floor:.4f}.")
    if np.isclose(v, np.log(2), rtol=1e-3):
        return Feedback(False, "ln 2 is the loss on input (0, 0) alone; the loss is a mean over 4.")
    if np.isclose(v, 0.5):
        return Feedback(False, "0.5 is the output at (0, 0); the question asks for the loss.")
    if np.isclose(v, 0.0, atol=1e-9):
        return Feedback(False, "without biases the output at (0, 0) is sigmoid(0) for any weights.")
    return Feedback(False, f"{v:.4g} is not it: what does input (0, 0) cost, and how often?")


def check_dead_at_init(value):
    """The expected fraction of dead ReLU units at initialisation for a bias-free 2-h-1 net on
    XOR whose first-layer weights are drawn from a distribution symmetric about 0."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"the answer is a fraction, got {value!r}.")
    if np.isclose(v, 0.25, rtol=1e-3):
        return Feedback(True, "a unit is dead when both of its weights are <= 0: 1/2 x 1/2.")
    if np.isclose(v, 0.5, rtol=1e-3):
        return Feedback(
            False,
            "one negative weight is not enough: the unit still fires on the input "
            "where the other, positive weight is used.",
        )
    if np.isclose(v, 0.0, atol=1e-9):
        return Feedback(
            False, "that holds for U[0, 1); here each weight is negative half the time."
        )
    if np.isclose(v, 0.75, rtol=1e-3):
        return Feedback(False, "that is the fraction of units with at least one weight <= 0.")
    return Feedback(False, f"{v:.4g} is not it: which signs of (w1, w2) make z <= 0 on all inputs?")


def check_output_delta(fn):
    """Check `fn(z, y)` returns dL/dz for the mean BCE of a sigmoid output p = sigmoid(z);
    z, y: (n, 1)."""
    z = np.array([[-3.0], [-0.5], [0.0], [0.4], [2.5], [-1.5], [1.0], [4.0]])
    _, y = _probe_points()
    try:
        got = np.asarray(fn(z.copy(), y.copy()), dtype=float)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"calling your function raised {type(exc).__name__}: {exc}")
    p = 0.5 + 0.5 * np.tanh(0.5 * z)
    want = (p - y) / len(z)
    if got.shape != want.shape:
        return Feedback(
            False, f"it returned shape {got.shape}; dL/dz has the shape of z, {z.shape}."
        )
    if np.allclose(got, want, rtol=1e-6, atol=1e-12):
        return Feedback(True, "dL/dz = (p - y) / n: the sigmoid's slope p (1 - p) cancels.")
    slope_at_p = (0.5 + 0.5 * np.tanh(0.5 * p)) * (0.5 - 0.5 * np.tanh(0.5 * p))
    if np.allclose(got, losses.bce_grad(p, y) * slope_at_p, rtol=1e-4):
        return Feedback(False, "that is the sigmoid's slope at the output p; it belongs at z.")
    if np.allclose(got, want * len(z)):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    if np.allclose(got, -want):
        return Feedback(False, "the sign is flipped: dL/dz is positive when p is above y.")
    return Feedback(False, "it does not match (sigmoid(z) - y) / n; check each factor.")


def check_relu_xor_design(result):
    """Check a `train_many` result: at least 1,000 2-3-1 ReLU networks without faults whose
    strict success rate on XOR has a 95% interval starting at 90% or more."""
    if not all(hasattr(result, a) for a in ("spec", "success", "interval")):
        return Feedback(False, f"pass the ManyResult that train_many returns, not {result!r}.")
    s = result.spec
    if s.sizes != (2, 3, 1) or s.hidden != "relu":
        return Feedback(
            False, f"the exercise asks for sizes (2, 3, 1) with ReLU, not {s.sizes}, {s.hidden!r}."
        )
    if result.n < 1000:
        return Feedback(
            False, f"{result.n} networks are too few for the claim; use at least 1,000."
        )
    if s.faults:
        return Feedback(False, f"switch the faults off: {sorted(s.faults)} are bugs, not settings.")
    if not s.bias:
        return Feedback(
            False, "without biases input (0, 0) always gives exactly 0.5: never a strict success."
        )
    lo, hi = result.interval
    if lo >= 0.9:
        return Feedback(True, f"{result.summary()}: all of it is above 90%.")
    from .diagnose import dead_fraction  # diagnose imports train_many; checks stays light

    dead = dead_fraction(result)
    return Feedback(
        False,
        f"{result.summary()} is not enough; {100 * dead:.0f}% of the hidden units ended "
        "dead. An initialisation that starts every unit alive on XOR's inputs helps.",
    )


def _sign(value):
    words = {"up": 1, "+": 1, "rises": 1, "down": -1, "-": -1, "falls": -1}
    if isinstance(value, str):
        return words.get(value.strip().lower())
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return int(np.sign(v)) if v != 0 else None


def check_step_signs(bce_sign, surrogate_sign, net, X, y, lr):
    """Check predicted signs of the change in the BCE and in the surrogate S (see
    `xorlab.surrogate`) after one step of `net`'s own gradient at `lr`; X: (n, d_in), y: (n, 1).
    Each sign is +1 or "up" (rises), -1 or "down" (falls). `net` is not changed."""
    from .surrogate import surrogate_loss

    signs = (_sign(bce_sign), _sign(surrogate_sign))
    if None in signs:
        return Feedback(False, 'give each sign as +1 / "up" or -1 / "down".')
    after = net.copy()
    for k, g in after.gradients(X, y).items():
        after.params[k] -= lr * g
    changes = (
        after.loss(X, y) - net.loss(X, y),
        surrogate_loss(after, X, y) - surrogate_loss(net, X, y),
    )
    truth = tuple(int(np.sign(c)) for c in changes)
    said = f"BCE changes by {changes[0]:+.3g}, S by {changes[1]:+.3g}"
    if signs == truth:
        return Feedback(True, f"{said}.")
    if signs[1] != truth[1]:
        why = (
            "the flipped backward pass is the exact gradient of S, so a small step lowers S."
            if truth[1] < 0
            else "this step is too large for S: it overshoots, as any too-large step can."
        )
        return Feedback(False, f"{said}: {why}")
    why = (
        "once the outputs are near 1 the flipped gradient is the exact opposite of the BCE "
        "gradient (cosine -1), so each step climbs the BCE."
        if truth[0] > 0
        else "here the flipped gradient still points downhill for the BCE (positive cosine)."
    )
    return Feedback(False, f"{said}: {why}")


def check_sum_lr(value, lr_sum=0.1, n=4):
    """Check the learning rate for a mean-loss network that reproduces training with learning
    rate `lr_sum` on the gradient of the *sum* of the n samples' losses."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"the learning rate must be a number, got {value!r}.")
    want = lr_sum * n
    if np.isclose(v, want):
        return Feedback(True, f"lr = {v:.4g}: the sum's gradient is n = {n} times the mean's.")
    if np.isclose(v, lr_sum / n):
        return Feedback(
            False, f"{v:.4g} divides by n; the sum's steps are n times *larger*, so multiply."
        )
    if np.isclose(v, lr_sum):
        return Feedback(False, "the same lr gives steps n times smaller on the mean loss.")
    return Feedback(False, f"{v:.4g} is not it: compare the gradient of a sum with a mean.")


def check_y_flip_surrogate(fn):
    """Check `fn(z, y)` -> float, for logits z and targets y of shape (n, 1), is a function whose
    exact gradient in z is what BCE gives with the sign of its y/p term flipped (instead of the
    (1 - y)/(1 - p) term): (y (1 - p) + (1 - y) p) / n. A constant offset does not matter."""
    from .activations import sigmoid

    p, y = _probe_points()
    z = np.log(p / (1.0 - p))
    want = (y * (1.0 - p) + (1.0 - y) * p) / len(p)
    got = np.zeros_like(z)
    try:
        for i in range(len(z)):
            up, down = z.copy(), z.copy()
            up[i] += 1e-6
            down[i] -= 1e-6
            got[i] = (float(fn(up, y.copy())) - float(fn(down, y.copy()))) / 2e-6
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"calling your function raised {type(exc).__name__}: {exc}")
    if np.allclose(got, want, rtol=1e-4, atol=1e-7):
        return Feedback(True, "its gradient is (y (1 - p) + (1 - y) p) / n, as the flip gives.")
    if np.allclose(got, -want, rtol=1e-4, atol=1e-7):
        return Feedback(False, "that is the chapter's S, for the *other* flipped term.")
    if np.allclose(got, want * len(p), rtol=1e-4, atol=1e-7):
        return Feedback(False, "it is n times too steep: average over the n samples.")
    bce = (sigmoid(z) - y) / len(p)
    if np.allclose(got, bce, rtol=1e-4, atol=1e-7):
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
    return Feedback(False, "its gradient in z does not match (y (1 - p) + (1 - y) p) / n.")


def check_xor_recipe(lr, epochs, init_scale, hidden_units=2, target=0.9, n=1000, seed=10**6):
    """Check a training recipe for XOR with the correct gradient: `n` sigmoid nets of size
    (2, hidden_units, 1), init "normal" times `init_scale`, full-batch `lr`, `epochs` <= 5000.
    Correct when the lower end of the 95% interval of the success rate reaches `target`."""
    from .batched import train_many

    if not isinstance(epochs, (int, np.integer)) or not 0 < epochs <= 5000:
        return Feedback(False, f"epochs must be an integer from 1 to 5000, got {epochs!r}.")
    if not isinstance(hidden_units, (int, np.integer)) or not 1 <= hidden_units <= 4:
        return Feedback(False, f"hidden_units must be 1 to 4, got {hidden_units!r}.")
    try:
        run = train_many(
            n,
            (2, hidden_units, 1),
            lr=lr,
            epochs=epochs,
            init="normal",
            init_scale=init_scale,
            seed=seed,
        )
    except (TypeError, ValueError) as exc:
        return Feedback(False, str(exc))
    said = f"{run.summary()} of {n} seeds learned XOR"
    if run.interval[0] >= target:
        return Feedback(True, f"{said}.")
    failed = run.final_loss[~run.success]
    at_start = np.mean(np.abs(failed - np.log(2)) < 1e-3) if failed.size else 0.0
    if at_start > 0.5:
        why = "most failures never left the start (loss ln 2 = 0.693): too small a start or lr"
    else:
        why = "most failures moved but stopped short: more epochs, another lr, or a wider layer"
    return Feedback(False, f"{said}, short of {100 * target:.0f}%;\n{why}.")


def _chain_rule_case():
    W1 = np.array([[0.6, -0.4], [0.3, 0.8]])
    W2 = np.array([[0.7], [-0.5]])
    return W1, W2, np.array([1.0, 1.0]), np.array([0.0])


def _chain_rule_step(W1, W2, x, y, lr, bugs=()):
    from . import online

    params = {"W1": W1[..., None], "W2": W2[..., None]}
    new = online.translation_step(params, x, y, lr, bugs)
    return new["W1"][..., 0], new["W2"][..., 0]


def _chain_rule_diagnosis(got, W1, W2, x, y, lr, as_step):
    """Name the translation bug (or bug pair) whose step or gradient matches `got`."""
    from . import online

    names = list(online.TRANSLATION_BUGS)
    tried = [(b,) for b in names] + [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    for bugs in tried:
        new1, new2 = _chain_rule_step(W1, W2, x, y, lr, bugs)
        want = (new1, new2) if as_step else ((W1 - new1) / lr, (W2 - new2) / lr)
        if all(np.allclose(g, w, atol=1e-10) for g, w in zip(got, want)):
            return "; ".join(online.TRANSLATION_BUGS[b] for b in bugs)
    return None


def _two_arrays(fn, args, shapes):
    try:
        got = fn(*(np.array(a, dtype=float) for a in args))
        got = tuple(np.asarray(g, dtype=float) for g in got)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return None, f"calling your function raised {type(exc).__name__}: {exc}"
    if len(got) != 2 or any(g.shape != s for g, s in zip(got, shapes)):
        return None, f"return two arrays shaped like W1 and W2, {shapes[0]} and {shapes[1]}."
    return got, None


def check_sample_gradients(fn):
    """Check `fn(W1, W2, x, y) -> (dW1, dW2)`: the per-sample gradient of 1/2 (p - y)^2 for the
    bias-free sigmoid net h = sigma(x @ W1), p = sigma(h @ W2); W1 (2, 2), W2 (2, 1), x (2,),
    y (1,)."""
    W1, W2, x, y = _chain_rule_case()
    got, problem = _two_arrays(fn, (W1, W2, x, y), (W1.shape, W2.shape))
    if problem:
        return Feedback(False, problem)
    new1, new2 = _chain_rule_step(W1, W2, x, y, 1.0)
    want = (W1 - new1, W2 - new2)
    if all(np.allclose(g, w, rtol=1e-6, atol=1e-10) for g, w in zip(got, want)):
        return Feedback(True, "both gradients match the chain rule for this sample.")
    if all(np.allclose(g, 2 * w) for g, w in zip(got, want)):
        return Feedback(False, "twice too large: the loss here is 1/2 (p - y)^2, so dL/dp = p - y.")
    if all(np.allclose(g, w.T) for g, w in zip(got[:1], want[:1])):
        return Feedback(False, "dW1 is transposed: entry [i, u] belongs to input i, unit u.")
    bug = _chain_rule_diagnosis(got, W1, W2, x, y, 1.0, as_step=False)
    if bug:
        return Feedback(False, f"it matches a known mistake: {bug}.")
    right = [k for k, g, w in zip(("dW1", "dW2"), got, want) if np.allclose(g, w)]
    hint = f" {right[0]} is right; look at the other." if right else ""
    return Feedback(False, f"it does not match dL/dW = (input) x (error at the unit).{hint}")


def check_sample_step(fn, lr=0.5):
    """Check `fn(W1, W2, x, y, lr) -> (W1_new, W2_new)`: one per-sample gradient-descent step of
    the bias-free net of `check_sample_gradients`, both gradients taken from the *same* weights."""
    W1, W2, x, y = _chain_rule_case()
    got, problem = _two_arrays(fn, (W1, W2, x, y, lr), (W1.shape, W2.shape))
    if problem:
        return Feedback(False, problem)
    want = _chain_rule_step(W1, W2, x, y, lr)
    if all(np.allclose(g, w, rtol=1e-6, atol=1e-10) for g, w in zip(got, want)):
        return Feedback(True, "a true per-sample gradient step: both layers use the old weights.")
    if np.allclose(got[0], W1) and np.allclose(got[1], W2):
        return Feedback(False, "the weights did not change: return the updated copies.")
    bug = _chain_rule_diagnosis(got, W1, W2, x, y, lr, as_step=True)
    if bug:
        return Feedback(False, f"it matches a known mistake: {bug}.")
    return Feedback(False, "it is not w - lr * dL/dw for this sample; check each layer.")


# --- field-guide ---------------------------------------------------------------------------


def check_sum_factor(value, n=4):
    """The factor the doctor reports when a gradient sums over the n samples a mean-loss's
    gradient averages over: yours / true = n."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"the answer is a number (a ratio), got {value!r}.")
    if np.isclose(v, n):
        return Feedback(True, f"a sum of n = {n} terms is n times their mean: ratio {n}.")
    if np.isclose(v, 1 / n):
        return Feedback(
            False, "that is true / yours; the doctor reports yours / true, and yours is larger."
        )
    if np.isclose(v, 1.0):
        return Feedback(False, "a ratio of 1 means no error; the sum is not the mean.")
    return Feedback(False, f"{v:.4g} is not it: how does a sum of n terms relate to their mean?")


def check_sign_flip_w2(case):
    """Check doctor keyword arguments `case` whose gradient makes the doctor report one
    finding: a sign flip in W2 and in no other array."""
    from .doctor import doctor

    if not isinstance(case, dict):
        return Feedback(False, f"pass the dict of doctor's keyword arguments, got {case!r}.")
    try:
        diagnosis = doctor(**case)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"the doctor could not run it: {type(exc).__name__}: {exc}")
    if diagnosis.codes == ["sign_flip"] and diagnosis.findings[0].title.endswith(" in W2"):
        return Feedback(True, "the doctor reports a sign flip in W2 and nothing else.")
    if diagnosis.healthy:
        return Feedback(False, "the doctor found nothing: your gradient is still the true one.")
    if "sign_flip" in diagnosis.codes:
        return Feedback(False, f"a sign flip, but not in W2 alone: {diagnosis.findings[0].title}.")
    titles = "; ".join(f.title for f in diagnosis.findings)
    return Feedback(False, f"the doctor found something else: {titles}. Negate W2's gradient.")


def check_adapter(case):
    """Check an adapter for class-based code: doctor keyword arguments `case` (params, loss,
    grad, X, y, and predict) for a *correct* network, which the doctor must find healthy
    without the adapter changing the params."""
    from .doctor import doctor

    needed = ("params", "loss", "grad", "predict", "X", "y")
    if not isinstance(case, dict) or any(k not in case for k in needed):
        return Feedback(False, f"the adapter must be a dict with the keys {list(needed)}.")
    before = {k: np.array(v, dtype=float, copy=True) for k, v in case["params"].items()}
    try:
        diagnosis = doctor(**case)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"the doctor could not run it: {type(exc).__name__}: {exc}")
    if any(not np.array_equal(before[k], case["params"][k]) for k in before):
        return Feedback(False, "the params changed: let the update work on a copy of the net.")
    if diagnosis.healthy:
        return Feedback(True, "the doctor finds the network healthy through your adapter.")
    codes = set(diagnosis.codes)
    if "constant_scale" in codes:
        why = "the implied gradient is off by a constant: pass implied_gradient the same lr"
        return Feedback(False, why + " the update uses.")
    if "sign_flip" in codes or "update_climbs" in codes:
        return Feedback(False, "the gradient points uphill: it is (before - after) / lr.")
    if codes & {"wrong_gradient", "data_factor", "zero_gradient"}:
        return Feedback(
            False,
            "loss and grad disagree: do both read the params they are given, through the same "
            "network?",
        )
    return Feedback(False, f"the doctor reports: {diagnosis.findings[0].title}.")
