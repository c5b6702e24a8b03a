"""The backprop doctor: examine a reader's own implementation and say what is wrong, with evidence.

A reader's code is given in the plainest form we can support: the parameters as a dict of arrays,
`loss(params) -> float` (the mean loss on the reader's data), `grad(params) -> dict` (their
backward pass), optionally `predict(params, X) -> (n, k)` outputs and `step(params, grads) ->
params` (their update rule). Code whose backward pass updates the weights in place instead of
returning gradients (most class-based code) is adapted with `implied_gradient`.

`doctor(...)` runs three groups of checks and returns a `Diagnosis` of `Finding`s:
- the gradient, array by array, with the pattern of the error read off (sign, constant scale,
  a factor that varies with the data, entries stuck at zero);
- the model's capacity: an output pinned whatever the weights (no biases), a network that is
  linear on the data, hidden units that are copies of each other;
- training health over a short run: loss rising, flat from the start, oscillating, exploding.
A correct implementation gets no finding.
"""

from dataclasses import dataclass, field

import numpy as np

from . import _validate
from .gradcheck import check_gradients

CHAPTERS = {
    "sign_flip": "case-rising-cost",
    "constant_scale": "case-sigmoid-vs-tanh",
    "data_factor": "case-sigmoid-vs-tanh",
    "zero_gradient": "case-stuck-at-half",
    "wrong_gradient": "xor-done-right",
    "update_climbs": "case-chain-rule",
    "no_bias": "case-no-bias",
    "linear": "case-stuck-at-half",
    "symmetric": "xor-done-right",
    "diverged": "field-guide",
    "rising": "case-rising-cost",
    "flat": "case-sigmoid-vs-tanh",
    "lr_too_large": "field-guide",
    "cannot_fit": "case-no-bias",
}


@dataclass
class Finding:
    """One problem: a short `code`, a one-line `title`, the `evidence` in numbers, and the
    `chapter` (document name) that explains it."""

    code: str
    title: str
    evidence: str

    @property
    def chapter(self):
        return CHAPTERS[self.code]


@dataclass
class Diagnosis:
    """The doctor's report: `findings` (empty for a healthy implementation), the gradient check
    behind them, and the loss over the short training run."""

    findings: list = field(default_factory=list)
    gradcheck: object = None
    losses: np.ndarray | None = None

    @property
    def healthy(self):
        return not self.findings

    @property
    def codes(self):
        return [f.code for f in self.findings]

    def __str__(self):
        if self.healthy:
            return "No problem found: the gradients agree with finite differences and it trains."
        lines = [f"{len(self.findings)} finding(s):"]
        for i, f in enumerate(self.findings, 1):
            evidence = (f"   {e}" for e in f.evidence.splitlines())
            lines += [f"{i}. {f.title}", *evidence, f"   see: {f.chapter}"]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self):
        if self.healthy:
            return f"<p><strong>Healthy.</strong> {str(self)}</p>"
        items = "".join(
            f"<li><strong>{f.title}</strong><br>{f.evidence.replace(chr(10), '<br>')}<br>"
            f'see <a href="{f.chapter}.html">{f.chapter}</a></li>'
            for f in self.findings
        )
        return f"<p>{len(self.findings)} finding(s):</p><ol>{items}</ol>"


def implied_gradient(update, params, lr):
    """Turn an update-in-place backward pass into a gradient function.

    `update(params)` returns the parameters after one training step of the reader's code (on a
    copy); the gradient it implies is (before - after) / lr. A step that climbs shows up as the
    negative gradient, which the doctor then reports as a sign flip.
    """
    _validate.positive(lr, "lr")

    def grad(p):
        after = update({k: v.copy() for k, v in p.items()})
        return {k: (p[k] - after[k]) / lr for k in p}

    return grad


def _pattern(check, n_samples):
    """Classify one array's disagreement; None when it agrees."""
    a, n = check.analytic.ravel(), check.numeric.ravel()
    stuck = (a == 0) & (np.abs(n) > 1e-8) & ~check.on_kink.ravel()
    if stuck.any():
        return "zero_gradient", (
            f"{int(stuck.sum())} entries are exactly 0 while finite differences see slopes up "
            f"to {np.abs(n[stuck]).max():.1e}"
        )
    if check.ok:
        return None
    live = np.abs(n) > 1e-3 * max(np.abs(n).max(), 1e-12)
    cos = check.cosine
    if cos < -0.99:
        return "sign_flip", f"cosine {cos:+.3f}, norm ratio {check.norm_ratio:.3f}"
    ratios = a[live] / n[live]
    # one entry has one ratio: "constant" is all it can show
    if cos > 0.9999 and ratios.size and np.ptp(ratios) < 1e-3 * abs(ratios.mean()):
        r = float(ratios.mean())
        hint = ""
        if np.isclose(r, n_samples, rtol=1e-3):
            hint = f" (= n = {n_samples}: a sum where the mean belongs)"
        elif np.isclose(r, 1 / n_samples, rtol=1e-3):
            hint = f" (= 1/n: divided by n = {n_samples} once too often)"
        return "constant_scale", f"all entries {r:.4g}x the truth{hint}"
    if cos > 0.9:
        spread = f"{ratios.min():.3g} to {ratios.max():.3g}" if ratios.size else "n/a"
        return "data_factor", f"cosine {cos:+.4f}, entry ratios from {spread}"
    return "wrong_gradient", f"cosine {cos:+.3f}, norm ratio {check.norm_ratio:.3f}"


TITLES = {
    "sign_flip": "Gradient has the wrong sign",
    "constant_scale": "Gradient off by a constant factor",
    "data_factor": "Gradient off by a factor that varies with the data",
    "zero_gradient": "Gradient is zero where it should not be",
    "wrong_gradient": "Gradient is wrong",
}


def _gradient_findings(report, n_samples):
    """One finding per pattern; arrays with the same evidence share one line of it."""
    groups = {}
    for name, check in report.checks.items():
        found = _pattern(check, n_samples)
        if found:
            groups.setdefault(found[0], {}).setdefault(found[1], []).append(name)
    findings = []
    for code, by_text in groups.items():
        names = [name for group in by_text.values() for name in group]
        evidence = "\n".join(f"{', '.join(group)}: {text}" for text, group in by_text.items())
        findings.append(Finding(code, f"{TITLES[code]} in {', '.join(names)}", evidence))
    return findings


def _update_finding(step, params, grads):
    after = step({k: v.copy() for k, v in params.items()}, grads)
    moved = np.concatenate([(after[k] - params[k]).ravel() for k in params])
    g = np.concatenate([grads[k].ravel() for k in params])
    denom = np.linalg.norm(moved) * np.linalg.norm(g)
    if denom > 0 and moved @ g / denom > 0.99:
        return Finding(
            "update_climbs",
            "The update adds the gradient: every step climbs the loss",
            f"cosine between the step and the gradient {moved @ g / denom:+.3f} (descent is -1)",
        )
    return None


def _pinned_findings(params, predict, X, y, rng):
    findings = []
    zero_rows = np.all(X == 0, axis=1)
    if zero_rows.any():
        outs = []
        for _ in range(5):
            shaken = {k: v + rng.normal(0, 1, v.shape) for k, v in params.items()}
            outs.append(np.asarray(predict(shaken, X[zero_rows][:1]), dtype=float))
        pinned = float(outs[0].ravel()[0])
        wrong_side = np.any(np.abs(y[zero_rows] - pinned) >= 0.5)
        if all(np.allclose(o, outs[0], atol=1e-12) for o in outs) and wrong_side:
            findings.append(
                Finding(
                    "no_bias",
                    "No biases: the output at the all-zero input cannot move",
                    f"output {pinned:.4f} at x = 0 for 5 random weight settings; target "
                    f"{float(y[zero_rows][0, 0]):g}",
                )
            )
    return findings


def _linear_findings(params, predict, X, y, rng):
    linear = _linear_on_data(params, predict, X, rng)
    if linear is None or _linearly_separable(X, y):
        return []
    return [
        Finding(
            "linear",
            "Linear on the data: the network cannot separate these classes",
            f"an affine fit of the output's logit over the data region leaves "
            f"relative residual {linear:.1e}",
        )
    ]


def _linear_on_data(params, predict, X, rng):
    lo, hi = X.min(axis=0), X.max(axis=0)
    pts = np.vstack([X, rng.uniform(lo, hi, size=(60, X.shape[1]))])
    p = np.asarray(predict(params, pts), dtype=float)[:, :1]
    if np.all((p > 0) & (p < 1)):
        p = np.log(p) - np.log1p(-p)
    A = np.column_stack([pts, np.ones(len(pts))])
    coef, *_ = np.linalg.lstsq(A, p, rcond=None)
    spread = max(np.ptp(p), 1e-12)
    residual = float(np.abs(A @ coef - p).max() / spread)
    return residual if residual < 1e-6 and np.ptp(p) > 1e-9 else None


def _linearly_separable(X, y):
    """Perceptron test: True if a line (hyperplane) separates the two classes of y: (n, 1)."""
    A = np.column_stack([X, np.ones(len(X))])
    s = np.where(y[:, 0] > 0.5, 1.0, -1.0)
    w = np.zeros(A.shape[1])
    for _ in range(1000):
        wrong = s * (A @ w) <= 0
        if not wrong.any():
            return True
        i = np.argmax(wrong)
        w += s[i] * A[i]
    return False


def _symmetry_finding(params, grads):
    for name, W in params.items():
        if W.ndim != 2 or W.shape[1] < 2:
            continue
        for j in range(W.shape[1]):
            for k in range(j + 1, W.shape[1]):
                same_w = np.array_equal(W[:, j], W[:, k])
                same_g = np.allclose(grads[name][:, j], grads[name][:, k])
                if same_w and same_g:
                    return Finding(
                        "symmetric",
                        "Symmetric start: hidden units are copies with identical gradients",
                        f"columns {j} and {k} of {name} are equal, and so are their gradients: "
                        "they will stay copies forever (break the symmetry with random init)",
                    )
    return None


def _health_findings(losses, gradient_ok):
    if not np.all(np.isfinite(losses)):
        first = int(np.argmin(np.isfinite(losses)))
        return [
            Finding("diverged", "Training blew up", f"the loss became NaN or inf at step {first}")
        ]
    d = np.diff(losses)
    start, end = losses[0], losses[-1]
    flips = np.mean(np.sign(d[1:]) != np.sign(d[:-1])) if len(d) > 2 else 0.0
    rising = end > start * (1 + 1e-3) and np.mean(d > 0) > 0.5
    if gradient_ok and (rising or (flips > 0.3 and end > 0.5 * start)):
        return [
            Finding(
                "lr_too_large",
                "Learning rate too large: the loss does not fall, yet the gradient is right",
                f"loss {start:.4f} -> {end:.4f}; {100 * np.mean(d > 0):.0f}% of steps went up, "
                f"{100 * flips:.0f}% reversed direction",
            )
        ]
    if rising:
        return [
            Finding(
                "rising",
                "The loss rises during training",
                f"from {start:.4f} to {end:.4f}; {100 * np.mean(d > 0):.0f}% of steps went up",
            )
        ]
    return []


def _fits(params, grad, predict, X, y, rng, steps=3000, restarts=3):
    """Can the model fit the data at all? Adam with the reader's own (correct) gradient from
    their start and from `restarts` random perturbations of it; returns (solved, best loss)."""
    starts = [params] + [
        {k: v + rng.normal(0, 1, v.shape) for k, v in params.items()} for _ in range(restarts)
    ]
    for p in starts:
        p = {k: v.copy() for k, v in p.items()}
        m = {k: np.zeros_like(v) for k, v in p.items()}
        v2 = {k: np.zeros_like(v) for k, v in p.items()}
        for t in range(1, steps + 1):
            g = grad(p)
            for k in p:
                m[k] = 0.9 * m[k] + 0.1 * g[k]
                v2[k] = 0.999 * v2[k] + 0.001 * g[k] ** 2
                p[k] = p[k] - 0.05 * (m[k] / (1 - 0.9**t)) / (
                    np.sqrt(v2[k] / (1 - 0.999**t)) + 1e-8
                )
            if t % 100 == 0 and _solved(predict(p, X), y):
                return True
    return False


def _params(params):
    if not isinstance(params, dict) or not params:
        raise TypeError("params must be a non-empty dict of name -> numeric array")
    out = {}
    for k, v in params.items():
        arr = np.asarray(v)
        if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
            raise TypeError(f"params[{k!r}] must be a numeric array, got dtype {arr.dtype}")
        arr = arr.astype(np.float64)
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"params[{k!r}] contains NaN or infinite values")
        out[k] = arr
    return out


def doctor(params, loss, grad, X, y, predict=None, step=None, lr=0.5, epochs=300, seed=0):
    """Examine an implementation and return a `Diagnosis`.

    params: dict name -> array (copied, never modified); loss(params) -> float, the mean loss on
    (X, y); grad(params) -> dict with the keys and shapes of params; X: (n, d_in), y: (n, k) the
    training data; predict(params, X) -> (n, k) outputs (enables the capacity checks);
    step(params, grads) -> new params, the reader's update rule (default: params - lr * grads);
    lr and epochs drive the short training run; seed fixes the random probes.
    """
    params = _params(params)
    X = _validate.as_matrix(X, "X")
    y = _validate.as_matrix(y, "y")
    _validate.same_rows(X, y)
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True)
    for name, fn in (("loss", loss), ("grad", grad)):
        if not callable(fn):
            raise TypeError(f"{name} must be a function of the params dict")
    rng = np.random.default_rng(seed)
    grads = grad({k: v.copy() for k, v in params.items()})
    missing = set(params) - set(grads)
    if missing:
        raise ValueError(f"grad(params) returned no gradient for {sorted(missing)}")
    report = check_gradients(loss, grad, {k: v.copy() for k, v in params.items()})
    if not report.passed:
        report = _confirm_off_kinks(report, loss, grad, params, rng)
    findings = _gradient_findings(report, len(X))
    step = step or (lambda p, g: {k: p[k] - lr * g[k] for k in p})
    climbs = _update_finding(step, params, grads)
    findings += [climbs] if climbs else []
    if predict is not None:
        findings += _pinned_findings(params, predict, X, y, rng)
    sym = _symmetry_finding(params, grads)
    findings += [sym] if sym else []
    losses, current = [float(loss(params))], {k: v.copy() for k, v in params.items()}
    with np.errstate(all="ignore"):
        for _ in range(epochs):
            current = step(current, grad(current))
            losses.append(float(loss(current)))
            if not np.isfinite(losses[-1]):
                break
    losses = np.array(losses)
    finite = bool(np.isfinite(losses[-1]))
    if predict is not None and finite:
        # judged after the short run: a ReLU net may be linear at its start and not after
        findings += _linear_findings(current, predict, X, y, rng)
    if not any(f.code in ("sign_flip", "update_climbs") for f in findings):
        findings += _health_findings(losses, report.passed)
    stuck = finite and predict is not None and not _solved(predict(current, X), y)
    if report.passed and not findings and stuck and not _fits(params, grad, predict, X, y, rng):
        findings.append(
            Finding(
                "cannot_fit",
                "Too little capacity: the gradient is right, yet the model cannot fit the data "
                "(missing biases? too few units?)",
                f"Adam, 3,000 steps from your start and from 3 random restarts, never put every "
                f"output on the right side of 0.5 (your run ended at loss {losses[-1]:.4f})",
            )
        )
    return Diagnosis(findings, report, losses)


def _solved(p, y):
    p = np.asarray(p, dtype=float)
    return bool(np.all((p > 0.5) == (y > 0.5)))


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


def _confirm_off_kinks(report, loss, grad, params, rng):
    """Re-check failing arrays at a slightly jittered point: a mismatch that vanishes there came
    from a kink of ReLU at the original point (the loss has no derivative there), not a bug."""
    jittered = {k: v + rng.normal(0, 1e-3, v.shape) for k, v in params.items()}
    again = check_gradients(loss, grad, jittered)
    for name in report.failing:
        if again[name].ok:
            report.checks[name] = again[name]
    return report
