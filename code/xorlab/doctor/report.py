"""The backprop doctor: examine a reader's own implementation and say what is wrong, with evidence.

A reader's code is given in the plainest form we can support: the parameters as a dict of arrays,
`loss(params) -> float` (the loss the reader prints, on their data), `grad(params) -> dict`
(their backward pass), optionally `predict(params, X) -> (n, k)` outputs and `step(params,
grads) -> params` (their update rule). Objects that train in place are adapted in one line with
`xorlab.adapt`; a bare update function with `implied_gradient`.

`doctor(...)` runs its checks in this order and returns a `Diagnosis` of `Finding`s, the most
likely cause first, each with its evidence, where to look in the code, and the book's section:
1. the gradient, array by array, against finite differences of the loss, with the pattern of
   the error read off (sign, constant factor, a factor that varies with the data, zeros); when it
   does not match the printed loss but matches a standard loss of the outputs (mean or summed
   BCE, squared error, cross-entropy), the printed loss is the finding instead;
2. the update (does it descend?), the start (symmetric units), the storage (shapes that change);
3. a short training run: blown up, rising, oscillating; and when the gradient is right but the
   loss does not fall enough, why: a learning rate too small, too few steps, a start on the
   saddle, units dead or saturated from the start, a model that cannot fit the data.
A correct implementation that trains gets no finding.
"""

import functools
import os
import re
from dataclasses import dataclass, field

import numpy as np

from ..core import _validate
from ..core.data import solved as _solved_at
from ..core.gradcheck import check_gradients

BOOK_URL = os.environ.get("XORLAB_BOOK_URL", "https://why-wont-it-learn.github.io/book")
"""Where the book is published; chapter links are built from it (set XORLAB_BOOK_URL to change)."""

MAX_EPOCHS = 100_000

# finding -> (chapter file, chapter title, section heading that explains it)
FIELD_GUIDE = ("field-guide", "Field guide: when your own network will not learn")
CHAPTERS = {
    "sign_flip": ("case-rising-cost", "The cost that keeps rising", "Diagnose"),
    "constant_scale": (*FIELD_GUIDE, "How the doctor reads a gradient"),
    "data_factor": (
        "case-sigmoid-vs-tanh",
        "Two hidden sigmoid units vs tanh",
        "Diagnose: the gradient check, one fault at a time",
    ),
    "zero_gradient": (*FIELD_GUIDE, "How the doctor reads a gradient"),
    "wrong_gradient": ("xor-done-right", "XOR, done right", "What a failing check looks like"),
    "loss_mismatch": (*FIELD_GUIDE, "The loss you print"),
    "impossible_loss": (*FIELD_GUIDE, "The loss you print"),
    "update_climbs": ("case-chain-rule", "Translating the chain rule", "Why up, and not down?"),
    "integer_weights": (*FIELD_GUIDE, "Class-based code: the adapter"),
    "shape_changed": (*FIELD_GUIDE, "Class-based code: the adapter"),
    "no_bias": (
        "case-no-bias",
        "The two-neuron net that cannot learn the identity",
        "Second suspect: the model. A proof",
    ),
    "linear": (*FIELD_GUIDE, "The model's capacity"),
    "symmetric": (*FIELD_GUIDE, "The model's capacity"),
    "cannot_fit": (*FIELD_GUIDE, "The model's capacity"),
    "diverged": (*FIELD_GUIDE, "Training health"),
    "rising": (*FIELD_GUIDE, "Training health"),
    "lr_too_large": (*FIELD_GUIDE, "Training health"),
    "lr_too_small": (*FIELD_GUIDE, "Gradient right, training wrong"),
    "too_few_steps": (*FIELD_GUIDE, "Gradient right, training wrong"),
    "plateau_start": (*FIELD_GUIDE, "Gradient right, training wrong"),
    "stuck_units": (*FIELD_GUIDE, "Gradient right, training wrong"),
    "flat": (*FIELD_GUIDE, "Gradient right, training wrong"),
}

WHERE = {
    "sign_flip": "the output error (p - y, not y - p) and the sign of the update",
    "constant_scale": "the 1/n of the mean: applied once, in every layer",
    "data_factor": "the activation derivatives: each of its own function, at the right values",
    "zero_gradient": "the line that should compute (or apply) these arrays' gradients",
    "wrong_gradient": "the backward pass of these arrays: transposes, axes of sums, which "
    "activation each derivative uses",
    "loss_mismatch": "the function that computes the loss you print",
    "impossible_loss": "the signs and the logarithms in the loss you print",
    "update_climbs": "the update: w - lr * g",
    "integer_weights": "the initialisation: create the weights as floats (np.array(..., "
    "dtype=float) or rng.normal)",
    "shape_changed": "the sums over samples (axis=0 for rows, axis=1 for columns, keepdims)",
    "no_bias": "the layers: add a bias to every neuron",
    "linear": "the hidden activation: is it applied, and nonlinear?",
    "symmetric": "the initialisation: draw the weights at random",
    "cannot_fit": "the architecture: biases, the number of hidden units, the activation",
    "diverged": "the learning rate",
    "rising": "the update and the learning rate",
    "lr_too_large": "the learning rate: try a tenth of it",
    "lr_too_small": "the learning rate",
    "too_few_steps": "the number of epochs",
    "plateau_start": "the initialisation's scale",
    "stuck_units": "the initialisation: smaller weights (tanh, sigmoid) or biases that keep "
    "ReLUs active",
    "flat": "the learning rate and the initialisation",
}

# the most likely cause first: what the reader must fix before anything else can be judged
ORDER = [
    "integer_weights",
    "shape_changed",
    "loss_mismatch",
    "impossible_loss",
    "update_climbs",
    "sign_flip",
    "zero_gradient",
    "wrong_gradient",
    "data_factor",
    "constant_scale",
    "symmetric",
    "no_bias",
    "diverged",
    "lr_too_large",
    "rising",
    "stuck_units",
    "plateau_start",
    "lr_too_small",
    "too_few_steps",
    "linear",
    "cannot_fit",
    "flat",
]


def _slug(heading):
    """The HTML anchor Sphinx gives a section heading."""
    text = re.sub(r"[*`$\\]", "", heading).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass
class Finding:
    """One problem: a short `code`, a one-line `title`, the `evidence` in numbers, `where` to
    look in the code, and the book's section that explains it (`chapter`, `section`, `url`)."""

    code: str
    title: str
    evidence: str
    where: str = ""

    def __post_init__(self):
        self.where = self.where or WHERE.get(self.code, "")

    @property
    def chapter(self):
        """The chapter's file name (without .ipynb)."""
        return CHAPTERS[self.code][0]

    @property
    def section(self):
        """'Chapter title, section heading'."""
        _, title, heading = CHAPTERS[self.code]
        return f"{title}, section \u201c{heading.replace('*', '')}\u201d"

    @property
    def url(self):
        doc, _, heading = CHAPTERS[self.code]
        return f"{BOOK_URL}/chapters/{doc}.html#{_slug(heading)}"


@dataclass
class Diagnosis:
    """The doctor's report: `findings` (empty for a healthy implementation, most likely cause
    first), the gradient check behind them, the loss over the short training run, and `summary`
    (what the run showed)."""

    findings: list = field(default_factory=list)
    gradcheck: object = None
    losses: np.ndarray | None = None
    summary: str = ""

    @property
    def healthy(self):
        return not self.findings

    @property
    def codes(self):
        return [f.code for f in self.findings]

    def __str__(self):
        """The report as text. The summary and the pointers are wrapped at 88 columns; a title
        stays on one line, and a link is never broken."""
        import textwrap

        def wrap(text, first="", rest=""):
            if len(first + text) <= 88:
                return first + text
            return textwrap.fill(
                text,
                88,
                initial_indent=first,
                subsequent_indent=rest,
                break_long_words=False,
                break_on_hyphens=False,
            )

        if self.healthy:
            return wrap(f"No problem found: {self.summary}")
        lines = [f"{len(self.findings)} finding(s), the most likely cause first:"]
        for i, f in enumerate(self.findings, 1):
            evidence = (f"   {e}" for e in f.evidence.splitlines())
            lines += [f"{i}. {f.title}", *evidence]
            lines += [wrap(f.where, "   look at: ", "            ")] if f.where else []
            lines += [wrap(f.section, "   read: ", "         "), f"         {f.url}"]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self):
        if self.healthy:
            return f"<p><strong>Healthy.</strong> {str(self)}</p>"
        items = "".join(
            f"<li><strong>{f.title}</strong><br>{f.evidence.replace(chr(10), '<br>')}<br>"
            f"look at: {f.where}<br>"
            f'read: <a href="{f.url}">{f.section}</a></li>'
            for f in self.findings
        )
        return (
            f"<p>{len(self.findings)} finding(s), the most likely cause first:</p><ol>{items}</ol>"
        )


def implied_gradient(update, params, lr):
    """Turn an update-in-place backward pass into a gradient function.

    `update(params)` returns the parameters after one training step of the reader's code (on a
    copy); the gradient it implies is (before - after) / lr. A step that climbs shows up as the
    negative gradient. For a whole epoch of per-sample or mini-batch steps use `xorlab.adapt`,
    which replays one sample at a time.
    """
    _validate.positive(lr, "lr")

    def grad(p):
        after = update({k: v.copy() for k, v in p.items()})
        return {k: (p[k] - after[k]) / lr for k in p}

    return grad


# -- calling the reader's functions, with errors that name the fix ---------------------------


def _call_loss(loss, p):
    value = loss({k: v.copy() for k, v in p.items()})
    if isinstance(value, np.ndarray) and value.shape != ():
        raise TypeError(
            f"loss(params) returned an array of shape {value.shape}; return one number: "
            "float(value.item()) or float(np.mean(...))"
        )
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"loss(params) must return a number, got {type(value).__name__}") from None


def _call_grad(grad, params):
    g = grad({k: v.copy() for k, v in params.items()})
    if isinstance(g, (tuple, list)):
        raise TypeError(
            f"grad(params) returned a {type(g).__name__} of {len(g)} items; return a dict keyed "
            f"like params, e.g. dict(zip({list(params)}, grads))"
        )
    if not isinstance(g, dict):
        raise TypeError(f"grad(params) must return a dict of arrays, got {type(g).__name__}")
    missing = [k for k in params if k not in g]
    if missing:
        raise ValueError(f"grad(params) returned no gradient for {missing}")
    out = {}
    for k, v in params.items():
        if g[k] is None:
            raise TypeError(
                f"grad(params)[{k!r}] is None: return an array shaped like params[{k!r}] {v.shape}"
            )
        a = np.asarray(g[k], dtype=np.float64)
        if a.shape != v.shape:
            raise ValueError(
                f"grad(params)[{k!r}] has shape {a.shape} but params[{k!r}] has "
                f"{v.shape}; return one gradient entry per parameter entry"
            )
        out[k] = a
    return out


def _checked_step(step, params):
    """`step` with its result checked: a dict holding a numeric array for every parameter (a
    changed shape is allowed: the doctor reports it). Keeps `ignores_grads`."""

    def checked(p, g):
        new = step(p, g)
        if not isinstance(new, dict):
            raise TypeError(
                f"step(params, grads) must return the new params as a dict keyed like params, "
                f"got {type(new).__name__}; e.g. return {{k: p[k] - lr * g[k] for k in p}}"
            )
        missing = [k for k in params if k not in new]
        if missing:
            raise ValueError(
                f"step(params, grads) returned no new value for {missing}; return every "
                f"parameter, changed or not"
            )
        for k in params:
            arr = np.asarray(new[k])
            if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
                raise TypeError(
                    f"step(params, grads)[{k!r}] must be a numeric array, got "
                    f"{type(new[k]).__name__} of dtype {arr.dtype}"
                )
        return new

    checked.ignores_grads = getattr(step, "ignores_grads", False)
    return checked


def _call_predict(predict, p, Z, k):
    out = np.asarray(predict({q: v.copy() for q, v in p.items()}, Z), dtype=np.float64)
    m = Z.shape[0]
    if out.shape == (m, k):
        return out
    if out.shape == (m,) and k == 1:
        raise ValueError(
            f"predict returned shape {out.shape}, y has shape (n, 1): return a "
            "column, out.reshape(-1, 1)"
        )
    if out.shape == (k, m):
        raise ValueError(
            f"predict returned shape {out.shape}: samples as columns? return out.T,"
            f" shape ({m}, {k}) like y"
        )
    raise ValueError(
        f"predict returned shape {out.shape} for {m} inputs; expected ({m}, {k}), the shape of y"
    )


# -- the gradient -----------------------------------------------------------------------------


def _abs_error(check):
    keep = ~check.on_kink
    return float(np.abs(check.analytic[keep] - check.numeric[keep]).max()) if keep.any() else 0.0


def _agrees(check, floor):
    """Agreement, with an absolute floor under finite differences' round-off (tiny gradients
    at a small initialisation are checked to that floor, not to a relative 1e-5)."""
    return check.ok or _abs_error(check) <= floor


def _pattern(check, n_samples):
    """Classify one array's disagreement: (code, evidence)."""
    a, n = check.analytic.ravel(), check.numeric.ravel()
    stuck = (a == 0) & (np.abs(n) > 1e-8) & ~check.on_kink.ravel()
    if stuck.any():
        return "zero_gradient", (
            f"{int(stuck.sum())} of {a.size} entries are exactly 0 while finite differences "
            f"see slopes up to {np.abs(n[stuck]).max():.1e}"
        )
    if a.size == 1:  # one entry shows one ratio: it cannot tell a pattern
        return None, f"{a[0]:.4g} where finite differences give {n[0]:.4g}"
    live = np.abs(n) > 1e-3 * max(np.abs(n).max(), 1e-12)
    cos = check.cosine
    if cos < -0.99:
        return (
            "sign_flip",
            f"cosine {cos:+.3f}: it points the opposite way, norm ratio {check.norm_ratio:.3f}",
        )
    ratios = a[live] / n[live]
    if cos > 0.9999 and ratios.size and np.ptp(ratios) < 1e-3 * abs(ratios.mean()):
        r = float(ratios.mean())
        hint = ""
        if np.isclose(r, n_samples, rtol=1e-3):
            hint = f" (= n = {n_samples}: a sum where the mean belongs)"
        elif np.isclose(r, 1 / n_samples, rtol=1e-3):
            hint = f" (= 1/n: divided by n = {n_samples} once too often)"
        return "constant_scale", f"every entry {r:.4g}x the truth{hint}"
    if cos > 0.9:
        return "data_factor", (
            f"cosine {cos:+.4f}, entry ratios from {ratios.min():.3g} to {ratios.max():.3g}"
        )
    return "wrong_gradient", f"cosine {cos:+.3f}, norm ratio {check.norm_ratio:.3f}"


TITLES = {
    "sign_flip": "Gradient has the wrong sign",
    "constant_scale": "Gradient off by a constant factor",
    "data_factor": "Gradient off by a factor that varies with the data",
    "zero_gradient": "Gradient is zero where it should not be",
    "wrong_gradient": "Gradient is wrong",
}


def _gradient_finding(report, failing, n_samples):
    """One finding for every failing array: the cause is read from the largest array whose
    pattern shows (one-entry arrays show none), the other arrays are listed as evidence."""
    patterns = {name: _pattern(report[name], n_samples) for name in failing}
    by_size = sorted(failing, key=lambda k: -report[k].analytic.size)
    codes = [patterns[k][0] for k in by_size if patterns[k][0]]
    zero = [k for k in by_size if patterns[k][0] == "zero_gradient"]
    code = "zero_gradient" if zero else (codes[0] if codes else "wrong_gradient")
    names = zero if zero else by_size
    evidence = "\n".join(f"{k}: {patterns[k][1]}" for k in by_size)
    return Finding(code, f"{TITLES[code]} in {', '.join(names)}", evidence)


# -- the loss ---------------------------------------------------------------------------------


def _standard_losses(y):
    """{name: loss(outputs)} for the standard losses of outputs shaped like y: (n, k)."""
    n, k = y.shape

    def bce(p):
        if np.any(p <= 0) or np.any(p >= 1):
            return np.nan
        return -np.sum(y * np.log(p) + (1 - y) * np.log1p(-p))

    def xent(p):
        return np.nan if np.any(p <= 0) else -np.sum(y * np.log(p))

    def sse(p):
        return np.sum((p - y) ** 2)

    losses = {
        "mean squared error": lambda p: sse(p) / n,
        "summed squared error": sse,
        "half the summed squared error": lambda p: sse(p) / 2,
        "half the mean squared error": lambda p: sse(p) / (2 * n),
    }
    if np.all((y == 0) | (y == 1)):
        if k == 1:
            losses = {"mean BCE": lambda p: bce(p) / n, "summed BCE": bce, **losses}
        else:
            losses = {
                "mean cross-entropy": lambda p: xent(p) / n,
                "summed cross-entropy": xent,
                **losses,
            }
    return losses


def _matching_loss(grad, params, predict, X, y, floor):
    """The standard loss of the outputs whose gradient the reader's gradient is: (name, sign,
    loss function of params, report), sign -1 when it is minus that gradient; or None."""
    for name, of_outputs in _standard_losses(y).items():

        def loss(p, of_outputs=of_outputs):
            return float(of_outputs(_call_predict(predict, p, X, y.shape[1])))

        if not np.isfinite(loss(params)):
            continue
        report = check_gradients(loss, grad, {k: v.copy() for k, v in params.items()})
        if all(_agrees(c, floor) for c in report.checks.values()):
            return name, 1, loss, report
        if all(
            c.cosine < -0.9999 and abs(c.norm_ratio - 1) < 1e-3
            for c in report.checks.values()
            if np.linalg.norm(c.numeric) > floor
        ):
            return name, -1, loss, report
    return None


def _loss_findings(printed, matched, start_value, params):
    name, sign, loss, _ = matched
    if sign < 0:
        return [
            Finding(
                "sign_flip",
                f"Gradient has the wrong sign: it is minus the gradient of the {name}",
                f"every array's gradient is -1x the {name}'s: following it climbs that loss",
                "the output error (p - y, not y - p)",
            )
        ]
    if printed is None:
        return []
    return [
        Finding(
            "loss_mismatch",
            f"Your gradient is the gradient of the {name}; the loss you print is another function",
            f"at the start your loss reads {start_value:.4f}, the {name} {loss(params):.4f}; "
            f"your gradient disagrees with finite differences of your loss and agrees with the "
            f"{name}'s: the gradient is fine, the printed loss is not",
        )
    ]


# -- update, start and storage ---------------------------------------------------------------


def _update_finding(step, params, grads):
    if getattr(step, "ignores_grads", False):
        return None  # an in-place trainer: its direction is already in the implied gradient
    after = step({k: v.copy() for k, v in params.items()}, grads)
    moved = np.concatenate([(np.asarray(after[k]) - params[k]).ravel() for k in params])
    g = np.concatenate([grads[k].ravel() for k in params])
    denom = np.linalg.norm(moved) * np.linalg.norm(g)
    if denom > 0 and moved @ g / denom > 0.99:
        return Finding(
            "update_climbs",
            "The update adds the gradient: every step climbs the loss",
            f"cosine between the step and the gradient {moved @ g / denom:+.3f} (descent is -1)",
        )
    return None


def _symmetry_finding(params, grads):
    for name, W in params.items():
        if W.ndim != 2:
            continue
        for axis in (1, 0):
            M, G = (W, grads[name]) if axis == 1 else (W.T, grads[name].T)
            if M.shape[0] < 2:  # a unit with one weight: equal values are no evidence
                continue
            for j in range(M.shape[1]):
                for k in range(j + 1, M.shape[1]):
                    if np.array_equal(M[:, j], M[:, k]) and np.allclose(G[:, j], G[:, k]):
                        unit = "columns" if axis == 1 else "rows"
                        return Finding(
                            "symmetric",
                            "Symmetric start: hidden units are copies with identical gradients",
                            f"{unit} {j} and {k} of {name} are equal, and so are their "
                            "gradients: those units will stay copies at every step",
                        )
    return None


def _shape_finding(params, after):
    changed = [
        f"{k}: {params[k].shape} -> {np.shape(after[k])}"
        for k in params
        if np.shape(after[k]) != params[k].shape
    ]
    if not changed:
        return None
    return Finding(
        "shape_changed",
        "One training step changes the shape of a parameter (numpy broadcasting)",
        "\n".join(changed),
    )


# -- the run and what it shows ------------------------------------------------------------------


def _stepper(step, grad):
    """One step as a function of the params; skips the gradient when the step ignores it."""
    if getattr(step, "ignores_grads", False):
        return lambda p: step(p, None)
    return lambda p: step(p, grad(p))


def _run(step, grad, params, loss, epochs):
    losses, current = [loss(params)], {k: v.copy() for k, v in params.items()}
    advance = _stepper(step, grad)
    with np.errstate(all="ignore"):
        for _ in range(epochs):
            current = {k: np.asarray(v, dtype=np.float64) for k, v in advance(current).items()}
            losses.append(loss(current))
            if not np.isfinite(losses[-1]):
                break
    return np.array(losses), current


def _steps_to_solve(step, grad, start, solved, budget, every=25):
    """How many more steps of `step` until solved(params) (checked every `every`), or None."""
    p = {k: v.copy() for k, v in start.items()}
    advance = _stepper(step, grad)
    with np.errstate(all="ignore"):
        for t in range(1, budget + 1):
            p = advance(p)
            if t % every == 0 and solved(p):
                return t
    return None


def _health_findings(losses, lr):
    if not np.all(np.isfinite(losses)):
        first = int(np.argmin(np.isfinite(losses)))
        return [
            Finding(
                "diverged",
                "Training blew up: the gradient is right, the steps are too large",
                f"the loss became NaN or inf at step {first} (learning rate {lr:g})",
            )
        ]
    d = np.diff(losses)
    start, end = losses[0], losses[-1]
    flips = np.mean(np.sign(d[1:]) != np.sign(d[:-1])) if len(d) > 2 else 0.0
    rising = end > start * (1 + 1e-3) and np.mean(d > 0) > 0.5
    swings = np.mean(np.abs(d)) > 1e-3 * abs(start)  # not round-off on a plateau
    if rising or (flips > 0.3 and swings and end > 0.5 * start):
        return [
            Finding(
                "lr_too_large",
                "Learning rate too large: the loss does not fall, yet the gradient is right",
                f"loss {start:.4f} -> {end:.4f} at learning rate {lr:g}; "
                f"{100 * np.mean(d > 0):.0f}% of steps went up, {100 * flips:.0f}% reversed "
                "direction",
            )
        ]
    return []


def _step_ratio(step, grad, params):
    """How far one step moves the weights, relative to their size: |step| / |w|."""
    after = step({k: v.copy() for k, v in params.items()}, grad(params))
    moved = np.sqrt(sum(np.sum((np.asarray(after[k]) - params[k]) ** 2) for k in params))
    size = np.sqrt(sum(np.sum(v**2) for v in params.values()))
    return float(moved / max(size, 1e-12))


def _stuck_arrays(grads):
    """Arrays (2+ entries) whose gradient is below 1e-6 of the largest gradient entry."""
    top = max(float(np.abs(g).max()) for g in grads.values())
    return [
        k
        for k, g in grads.items()
        if g.size > 1 and float(np.abs(g).max()) <= max(1e-6 * top, 1e-12)
    ]


def _not_training(ctx):
    """Why a right gradient does not train: the first cause whose evidence holds, or None."""
    p, g, losses, epochs = ctx["params"], ctx["grads"], ctx["losses"], ctx["epochs"]
    L0, L1 = losses[0], losses[-1]
    fell = f"loss {L0:.4f} -> {L1:.4f} in {epochs} steps"
    stuck = _stuck_arrays(g)
    if stuck:
        size = max(float(np.abs(p[k]).max()) for k in stuck)
        return Finding(
            "stuck_units",
            "Units stuck from the start (dead ReLUs or saturated units): they get no gradient",
            f"{', '.join(stuck)}: gradient below 1e-6 of the largest entry (dead or saturated "
            f"units pass none back), weights up to {size:.3g} in size; {fell}",
        )
    ratio = ctx["ratio"]
    weights = [v for v in p.values() if v.ndim == 2]
    largest = max(float(np.abs(v).max()) for v in weights) if weights else np.inf
    if largest < 0.05 and abs(L0 - L1) < 0.01 * abs(L0):
        more = ctx["continue"]()
        tail = (
            f"; continuing, your steps solve it after {epochs + more:,} steps in all"
            if more
            else f"; {ctx['budget']:,} more of your steps had not left it"
        )
        return Finding(
            "plateau_start",
            "Start on a plateau: tiny weights put the net on XOR's saddle point",
            f"every weight below {largest:.2g} in size, all hidden units nearly alike; the loss "
            f"stays at {L0:.4f} ({fell}){tail}",
        )
    if ratio < 1e-4 or (ratio < 1e-3 and L0 - L1 < 0.05 * abs(L0)):
        fit = ctx["fit"]()
        tail = (
            f"; Adam with your gradient from the same start solves it in {fit:,} steps"
            if fit
            else ""
        )
        return Finding(
            "lr_too_small",
            "Learning rate too small: each step barely moves the weights",
            f"one step changes the weights by {ratio:.1e} of their size (1e-3 to 1e-1 is "
            f"usual); {fell}{tail}",
        )
    more = ctx["continue"]()
    if more and ctx["epochs_given"]:
        return Finding(
            "too_few_steps",
            "Too few steps: the loss falls, but training stops before the data are fitted",
            f"{fell}; the same steps solve it after {epochs + more:,} steps in all",
        )
    if more:
        return None
    fit = ctx["fit"]()
    if fit is None:
        return Finding(
            "cannot_fit",
            "The model did not fit the data, even with a strong optimiser: a capacity problem?",
            f"Adam, 3,000 steps with your (correct) gradient, from your start and 3 random "
            f"restarts, never put every output on the right side; your run: {fell}",
        )
    return Finding(
        "flat",
        "Training stalls: the gradient is right, the loss stops short, yet the data can be "
        "fitted (a local minimum or a slow plateau)",
        f"{fell}; {ctx['budget']:,} more of your steps do not fit the data; Adam with your "
        f"gradient from the same start solves it in {fit:,} steps",
    )


def _fits(grad, params, solved, rng, steps=3000, restarts=3):
    """Adam with the reader's gradient from their start and `restarts` perturbations of it;
    the number of steps to solve (checked every 100), or None."""
    starts = [params] + [
        {k: v + rng.normal(0, 1, v.shape) for k, v in params.items()} for _ in range(restarts)
    ]
    for p in starts:
        p = {k: v.copy() for k, v in p.items()}
        m = {k: np.zeros_like(v) for k, v in p.items()}
        v2 = {k: np.zeros_like(v) for k, v in p.items()}
        with np.errstate(all="ignore"):
            for t in range(1, steps + 1):
                g = grad(p)
                for k in p:
                    m[k] = 0.9 * m[k] + 0.1 * g[k]
                    v2[k] = 0.999 * v2[k] + 0.001 * g[k] ** 2
                    p[k] = p[k] - 0.05 * (m[k] / (1 - 0.9**t)) / (
                        np.sqrt(v2[k] / (1 - 0.999**t)) + 1e-8
                    )
                if t % 100 == 0 and solved(p):
                    return t
    return None


# -- capacity ---------------------------------------------------------------------------------


def _pinned_finding(params, predict, X, y, rng):
    zero_rows = np.all(X == 0, axis=1)
    if not zero_rows.any():
        return None
    outs = []
    for _ in range(5):
        shaken = {k: v + rng.normal(0, 1, v.shape) for k, v in params.items()}
        outs.append(predict(shaken, X[zero_rows][:1]))
    pinned = float(outs[0].ravel()[0])
    mid = (y.min() + y.max()) / 2
    target = y[zero_rows][:, 0]
    wrong_side = np.any(np.where(target > mid, pinned <= mid, pinned >= mid))
    if all(np.allclose(o, outs[0], atol=1e-12) for o in outs) and wrong_side:
        return Finding(
            "no_bias",
            "No biases: the output at the all-zero input cannot move",
            f"output {pinned:.4f} at x = 0 for 5 random weight settings; target "
            f"{float(y[zero_rows][0, 0]):g}",
        )
    return None


def _linear_finding(params, predict, X, y, rng):
    if y.shape[1] != 1 or _linearly_separable(X, y):
        return None
    lo, hi = X.min(axis=0), X.max(axis=0)
    pts = np.vstack([X, rng.uniform(lo, hi, size=(60, X.shape[1]))])
    p = predict(params, pts)[:, :1]
    if np.all((p > 0) & (p < 1)):
        p = np.log(p) - np.log1p(-p)
    A = np.column_stack([pts, np.ones(len(pts))])
    coef, *_ = np.linalg.lstsq(A, p, rcond=None)
    spread = max(float(np.ptp(p)), 1e-12)
    residual = float(np.abs(A @ coef - p).max() / spread)
    if residual < 1e-6 and np.ptp(p) > 1e-9:
        return Finding(
            "linear",
            "Observed: after the run the network is linear on the data, and no line "
            "separates these classes",
            f"an affine fit of the output's logit over the data region leaves relative "
            f"residual {residual:.1e}",
        )
    return None


def _linearly_separable(X, y):
    """Perceptron test: True if a line (hyperplane) separates the two classes of y: (n, 1)."""
    A = np.column_stack([X, np.ones(len(X))])
    s = np.where(y[:, 0] > (y.min() + y.max()) / 2, 1.0, -1.0)
    w = np.zeros(A.shape[1])
    for _ in range(1000):
        wrong = s * (A @ w) <= 0
        if not wrong.any():
            return True
        i = np.argmax(wrong)
        w += s[i] * A[i]
    return False


# -- the doctor -----------------------------------------------------------------------------


def _params(params):
    if not isinstance(params, dict) or not params:
        raise TypeError("params must be a non-empty dict of name -> numeric array")
    out = {}
    for k, v in params.items():
        if v is None:
            raise TypeError(f"params[{k!r}] is None: give every parameter an array")
        arr = np.asarray(v)
        if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
            raise TypeError(f"params[{k!r}] must be a numeric array, got dtype {arr.dtype}")
        arr = arr.astype(np.float64)
        if not np.all(np.isfinite(arr)):
            raise ValueError(
                f"params[{k!r}] contains NaN or infinite values, so no gradient or loss can be "
                "checked; give the weights the program starts from (before training diverged)"
            )
        out[k] = arr
    return out


def _targets(y, n):
    arr = np.asarray(y)
    if arr.ndim == 1 and arr.shape[0] == n:
        raise ValueError(
            f"y has shape {arr.shape}: give the targets as a column, "
            "y.reshape(-1, 1), shaped like the outputs (n, k)"
        )
    return _validate.as_matrix(y, "y")


def _check_inputs(loss, grad, predict, step, lr, epochs, seed):
    for name, fn in (("grad", grad), ("predict", predict), ("step", step), ("loss", loss)):
        if fn is not None and not callable(fn):
            raise TypeError(
                f"{name} must be a function of the params dict, got {type(fn).__name__}"
            )
    if grad is None:
        raise TypeError("grad must be a function of the params dict, got None")
    if loss is None and predict is None:
        raise TypeError(
            "give loss(params), or predict(params, X) so the doctor can use a "
            "standard loss of the outputs"
        )
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True)
    if epochs > MAX_EPOCHS:
        raise ValueError(
            f"epochs must be at most {MAX_EPOCHS:,} (the doctor's run is a probe), got {epochs:,}"
        )
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")


def doctor(
    params, loss, grad, X, y, predict=None, step=None, lr=0.5, epochs=None, seed=0, notes=()
):
    """Examine an implementation and return a `Diagnosis`.

    params: dict name -> array (copied, never modified); loss(params) -> float, the loss the
    reader prints on (X, y), or None to let the doctor find the standard loss the gradient
    belongs to (needs predict); grad(params) -> dict with the keys and shapes of params;
    X: (n, d_in), y: (n, k) the training data; predict(params, X) -> (n, k) outputs (enables
    the loss cross-check and the capacity checks); step(params, grads) -> new params, the
    reader's update rule (default: params - lr * grads); lr; epochs: the reader's number of
    training steps (default: a 300-step probe; given, "too few steps" can be diagnosed);
    seed fixes the random probes; notes: findings an adapter made (see `xorlab.adapt`).
    """
    epochs_given = epochs is not None
    epochs = 300 if epochs is None else epochs
    _check_inputs(loss, grad, predict, step, lr, epochs, seed)
    params = _params(params)
    X = _validate.as_matrix(X, "X")
    y = _targets(y, X.shape[0])
    _validate.same_rows(X, y)
    rng = np.random.default_rng(seed)

    def gradient(p):
        return _call_grad(grad, p)

    pred = None if predict is None else (lambda p, Z: _call_predict(predict, p, Z, y.shape[1]))
    grads = gradient(params)
    if pred is not None:
        pred(params, X)  # a clear error now for a wrong output shape
    printed = None if loss is None else (lambda p: _call_loss(loss, p))
    start_value = None if printed is None else printed(params)
    floor = 1e-8 * max(1.0, abs(start_value or 0.0))
    findings = list(notes)

    effective, report = printed, None
    if printed is not None:
        report = check_gradients(printed, gradient, {k: v.copy() for k, v in params.items()})
        report = _confirm_off_kinks(report, printed, gradient, params, rng, floor)
    if pred is not None and (report is None or not _passes(report, floor)):
        matched = _matching_loss(gradient, params, pred, X, y, floor)
        if matched:
            findings += _loss_findings(printed, matched, start_value, params)
            effective, report = matched[2], matched[3]
    if effective is None:  # no loss given and no standard loss matched: check against one
        name, of_outputs = next(iter(_standard_losses(y).items()))
        effective = lambda p: float(of_outputs(pred(p, X)))  # noqa: E731
        report = check_gradients(effective, gradient, {k: v.copy() for k, v in params.items()})
        report = _confirm_off_kinks(report, effective, gradient, params, rng, floor)
    failing = [k for k, c in report.checks.items() if not _agrees(c, floor)]
    gradient_ok = not failing and not any(f.code == "sign_flip" for f in findings)
    if failing and not any(f.code == "sign_flip" for f in findings):
        findings.append(_gradient_finding(report, failing, len(X)))

    step = _checked_step(step or (lambda p, g: {k: p[k] - lr * g[k] for k in p}), params)
    climbs = _update_finding(step, params, grads)
    findings += [climbs] if climbs else []
    sym = _symmetry_finding(params, grads)
    findings += [sym] if sym else []
    if pred is not None:
        pinned = _pinned_finding(params, pred, X, y, rng)
        findings += [pinned] if pinned else []

    first = step({k: v.copy() for k, v in params.items()}, grads)
    reshaped = _shape_finding(params, first)
    if reshaped:
        findings.append(reshaped)
        return _diagnosis(findings, report, np.array([effective(params)]), "")
    if printed is not None:
        low = min(start_value, printed(first))
        if low < -1e-12:
            findings.append(
                Finding(
                    "impossible_loss",
                    "Your loss goes negative: no standard loss of the outputs can",
                    f"it reads {low:.4f}; BCE, cross-entropy and squared error are never below 0",
                )
            )

    losses, current = _run(step, gradient, params, effective, epochs)
    finite = bool(np.isfinite(losses[-1]))
    mid = (y.min() + y.max()) / 2  # 0.5 for 0/1 targets, 0 for -1/+1 (and one-hot rows)
    solved = None
    if pred is not None:
        solved = lambda p: _solved_at(np.asarray(pred(p, X), float), y, mid)  # noqa: E731
    trained = bool(finite and (solved(current) if solved else losses[-1] < 0.5 * losses[0]))
    wrong_way = {"sign_flip", "update_climbs", "symmetric", "no_bias", "integer_weights"} & set(
        f.code for f in findings
    )
    more = None
    if not wrong_way:
        health = _health_findings(losses, lr)
        findings += health
        if gradient_ok and not health and not trained:
            ctx = _context(
                params, grads, losses, epochs, epochs_given, step, gradient, solved, rng, current
            )
            why = _not_training(ctx)
            findings += [why] if why else []
            if solved and not why or (why and why.code == "cannot_fit"):
                linear = _linear_finding(current, pred, X, y, rng)
                findings += [linear] if linear else []
            more = ctx["continue"]() if not why else None
    return _diagnosis(findings, report, losses, _summary(losses, trained, solved, more))


def _context(params, grads, losses, epochs, epochs_given, step, gradient, solved, rng, current):
    """The evidence `_not_training` reads, with its probes computed only when asked for."""
    solved = solved or (lambda p: False)
    budget = int(min(max(5 * epochs, 2000), 10_000))

    return {
        "params": params,
        "grads": grads,
        "losses": losses,
        "epochs": epochs,
        "epochs_given": epochs_given,
        "ratio": _step_ratio(step, gradient, params),
        "budget": budget,
        "continue": functools.cache(
            lambda: _steps_to_solve(step, gradient, current, solved, budget)
        ),
        "fit": functools.cache(lambda: _fits(gradient, params, solved, rng)),
    }


def _summary(losses, trained, solved, more=None):
    L0, L1, steps = losses[0], losses[-1], len(losses) - 1
    run = f"in {steps} steps the loss went from {L0:.4f} to {L1:.4f}"
    if trained and solved:
        return (
            f"the gradient agrees with finite differences, and it trains: {run}, every "
            "output on the right side"
        )
    if trained:
        return f"the gradient agrees with finite differences, and it trains: {run}"
    if more:
        return (
            f"the gradient agrees with finite differences, and it trains, slowly: {run}; "
            f"the same steps fit the data after {steps + more:,} in all (pass your epochs= "
            "to check your own run)"
        )
    return f"the gradient agrees with finite differences; {run}"


def _diagnosis(findings, report, losses, summary):
    merged = {}
    for f in findings:
        merged.setdefault(f.code, f)
    ordered = sorted(merged.values(), key=lambda f: ORDER.index(f.code))
    return Diagnosis(ordered, report, losses, summary)


def _passes(report, floor):
    return all(_agrees(c, floor) for c in report.checks.values())


def adapt_mlp(net, X, y):
    """The keyword arguments `doctor` needs, for an `xorlab.MLP`: `doctor(**adapt_mlp(net, X, y))`.

    A template for your own code: each function swaps the given params into the model and
    calls it. X: (n, d_in), y: (n, k)."""

    def use(p):
        twin = net.copy()
        twin.params = p
        return twin

    return {
        "params": net.params,
        "loss": lambda p: use(p).loss(X, y),
        "grad": lambda p: use(p).gradients(X, y),
        "predict": lambda p, Z: use(p).forward(Z),
        "X": X,
        "y": y,
    }


def _confirm_off_kinks(report, loss, grad, params, rng, floor):
    """Re-check failing arrays at a slightly jittered point: a mismatch that vanishes there came
    from a kink of ReLU at the original point (the loss has no derivative there), not a bug."""
    failing = [k for k, c in report.checks.items() if not _agrees(c, floor)]
    if not failing:
        return report
    jittered = {k: v + rng.normal(0, 1e-3, v.shape) for k, v in params.items()}
    again = check_gradients(loss, grad, jittered)
    for name in failing:
        if _agrees(again[name], floor):
            report.checks[name] = again[name]
    return report
