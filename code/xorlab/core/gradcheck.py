"""Gradient checking: compare backpropagation with central finite differences, array by array.

    dL/dw ~ (L(w + eps) - L(w - eps)) / (2 eps)

A correct backward pass agrees to about 1e-8 or better; a wrong one usually disagrees at order 1,
and *how* it disagrees (the cosine between the two gradients, the ratio of their norms) says what
kind of mistake it is. At a kink of ReLU the loss has no derivative; entries whose finite
difference straddles a kink are reported as such and left out of the error, never flagged.

Finite differences have an error of their own: round-off in the loss values, about
u |L| / eps (u = 2.2e-16), and truncation, about eps^2 |L3| / 6 with L3 the third derivative,
large where a saturated network's loss bends sharply. Each entry gets a *floor*,
`ROUNDOFF |L| / eps` plus the change of the difference quotient between steps eps and 2 eps (a
measured bound on truncation), and a disagreement within tol (relative) plus that floor is not a
failure: correct code passes at any weight scale (benchmarks/gradcheck_false_alarms.py).
"""

from dataclasses import dataclass, field

import numpy as np

from . import _validate
from .activations import ACTIVATIONS
from .mlp import check_network

FLOOR = 1e-8
U = np.finfo(np.float64).eps
ROUNDOFF = 16 * U
"""Round-off of one loss value, relative to |L|: 16 u, several times the largest seen on the
book's networks (benchmarks/gradcheck_false_alarms.py prints it)."""
JUDGE = 0.1
"""A check whose floor reaches JUDGE times the gradient's size cannot tell a right gradient from
one wrong by that much: it is refused rather than reported "ok", unless the gradient is
VANISHING, too small to matter to training (then "ok (within finite differences' own error)")."""
VANISHING = 1e-6
STEP_ROUNDING = 1e-3
"""Most relative error of the step w + eps - w (about u |w| / eps) an eps may bring."""


@dataclass
class ArrayCheck:
    """The comparison for one parameter array.

    `rel_error` = max |analytic - numeric| / max(max |analytic|, max |numeric|, 1e-8) over the
    entries not on a kink; `cosine` and `norm_ratio` (|analytic| / |numeric|) compare the two
    gradients as vectors (NaN when one of them is zero); `on_kink` marks skipped entries;
    `floor` (same shape) bounds each numeric entry's own error (round-off and truncation).
    """

    name: str
    analytic: np.ndarray
    numeric: np.ndarray
    on_kink: np.ndarray
    tol: float
    floor: np.ndarray | None = None

    @property
    def rel_error(self):
        keep = ~self.on_kink
        if not keep.any():
            return 0.0
        a, n = self.analytic[keep], self.numeric[keep]
        scale = max(np.abs(a).max(), np.abs(n).max(), FLOOR)
        return float(np.abs(a - n).max() / scale)

    @property
    def cosine(self):
        a, n = self.analytic[~self.on_kink], self.numeric[~self.on_kink]
        norms = np.linalg.norm(a) * np.linalg.norm(n)
        return float(a @ n / norms) if norms > 0 else float("nan")

    @property
    def norm_ratio(self):
        a, n = self.analytic[~self.on_kink], self.numeric[~self.on_kink]
        nn = np.linalg.norm(n)
        return float(np.linalg.norm(a) / nn) if nn > 0 else float("nan")

    @property
    def kinks(self):
        """How many entries were skipped because their finite difference crosses a kink."""
        return int(self.on_kink.sum())

    @property
    def excess(self):
        """max(|analytic - numeric| - floor) over entries not on a kink, relative like
        `rel_error`: the disagreement finite differences cannot account for (0 if none)."""
        keep = ~self.on_kink
        if not keep.any():
            return 0.0
        a, n = self.analytic[keep], self.numeric[keep]
        floor = 0.0 if self.floor is None else self.floor[keep]
        scale = max(np.abs(a).max(), np.abs(n).max(), FLOOR)
        return float(max((np.abs(a - n) - floor).max(), 0.0) / scale)

    @property
    def within_floor(self):
        """True when the disagreement exceeds tol but not tol plus the floor."""
        return self.rel_error >= self.tol and self.ok

    @property
    def ok(self):
        """The verdict: relative error below tol, or below it once the floor is allowed for."""
        return self.rel_error < self.tol or self.excess < self.tol


@dataclass
class GradcheckReport:
    """Per-array results of a gradient check; `report["W1"]` is an `ArrayCheck`."""

    checks: dict = field(default_factory=dict)
    eps: float = 1e-6
    tol: float = 1e-5

    def __getitem__(self, name):
        return self.checks[name]

    @property
    def errors(self):
        """The maximum relative error per parameter array: {name: float}."""
        return {k: c.rel_error for k, c in self.checks.items()}

    @property
    def passed(self):
        """True when every array agrees within `tol`."""
        return all(c.ok for c in self.checks.values())

    @property
    def failing(self):
        """Names of the arrays whose gradients disagree."""
        return [k for k, c in self.checks.items() if not c.ok]

    def rows(self):
        """One tuple of printable strings per array: name, shape, error, cosine, ratio, status."""
        out = []
        for k, c in self.checks.items():
            err = f"{c.rel_error:.1e}" if c.rel_error >= FLOOR else "< 1e-8"
            status = "ok" if c.ok else "WRONG"
            if c.within_floor:
                status += " (within finite differences' own error)"
            if c.kinks:
                status += f" ({c.kinks} on a kink, skipped)"
            out.append(
                (k, str(c.analytic.shape), err, f"{c.cosine:+.3f}", f"{c.norm_ratio:.3f}", status)
            )
        return out

    def __str__(self):
        head = ("array", "shape", "rel. error", "cosine", "norm ratio", "status")
        rows = [head, *self.rows()]
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        lines = ["  ".join(s.ljust(w) for s, w in zip(r, widths)).rstrip() for r in rows]
        verdict = "PASSED" if self.passed else f"FAILED: {', '.join(self.failing)}"
        return "\n".join([*lines, f"gradient check {verdict} (eps={self.eps:g}, tol={self.tol:g})"])

    __repr__ = __str__

    def _repr_html_(self):
        head = ("array", "shape", "rel. error", "cosine", "norm ratio", "status")
        cells = "".join(f"<th>{h}</th>" for h in head)
        body = "".join(
            "<tr>" + "".join(f"<td>{s}</td>" for s in row) + "</tr>" for row in self.rows()
        )
        verdict = "passed" if self.passed else f"failed: {', '.join(self.failing)}"
        return (
            f"<table><caption>Gradient check {verdict}</caption>"
            f"<thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"
        )


def _float_params(params, eps):
    """Refuse parameters the check cannot judge: not float64 arrays, NaN or infinite entries,
    more entries than `LIMITS.evaluations` allows, or entries so large that a step of eps is
    lost in rounding (float64 numbers near |w| are about u |w| apart, u = 2.2e-16)."""
    if not isinstance(params, dict) or not params:
        raise TypeError(f"params must be a non-empty dict of numpy arrays, got {params!r:.80}")
    for name, w in params.items():
        if not isinstance(w, np.ndarray):
            raise TypeError(
                f"parameter {name!r} is a {type(w).__name__}, not a numpy array: the check "
                f"moves its entries in place; pass np.asarray(..., dtype=np.float64)"
            )
        if w.dtype != np.float64:
            why = (
                "keeps about 7 digits, so a step of eps is lost in rounding"
                if np.issubdtype(w.dtype, np.floating)
                else "cannot hold a step of eps (it would be truncated away)"
            )
            raise TypeError(
                f"parameter {name!r} has dtype {w.dtype}, which {why} (eps={eps:g}); the check "
                f"does not convert it for you: pass params[{name!r}].astype(np.float64)"
            )
    _validate.finite_params(params, "check_gradients")
    entries = sum(w.size for w in params.values())
    limit = _validate.LIMITS.evaluations
    if 4 * entries > limit:
        raise ValueError(
            f"a gradient check of {entries:,} parameter entries takes {4 * entries:,} loss "
            f"evaluations (4 per entry), more than xorlab.LIMITS.evaluations = {limit:,}; "
            f"check a smaller network (a wrong backward pass shows on a few units), or raise "
            f"the bound if you mean it: xl.LIMITS.evaluations = {4 * entries:_}"
        )
    for name, w in params.items():
        big = float(np.abs(w).max(initial=0.0))
        if U * big / eps > STEP_ROUNDING:
            better = max(1e-6, 10 ** np.ceil(np.log10(U * big * 1e6)))
            raise ValueError(
                f"eps={eps:g} is too small for parameter {name!r}, whose entries reach "
                f"{big:.1e}: float64 numbers there are about {U * big:.1e} apart, so w + eps "
                f"rounds and the step taken is off by more than {STEP_ROUNDING:g} of eps (or is "
                f"0); use eps={better:g}"
            )


def _loss_value(loss_fn, params):
    """loss_fn(params) as a float, refused unless it is one real number."""
    value = loss_fn(params)
    if np.ndim(value) != 0 or not np.isrealobj(value) or isinstance(value, (str, bytes)):
        raise TypeError(
            f"loss_fn must return one number (the loss), got {type(value).__name__} of shape "
            f"{np.shape(value)}; sum or average it to a float"
        )
    return float(value)


def _gradient_arrays(grad_fn, params):
    """grad_fn(params), refused unless it is a dict with every key of params."""
    grads = grad_fn(params)
    if not isinstance(grads, dict):
        raise TypeError(
            f"grad_fn must return a dict of arrays like params, got {type(grads).__name__}"
        )
    missing = [k for k in params if k not in grads]
    if missing:
        raise ValueError(
            f"grad_fn's result has no gradient for {', '.join(map(repr, missing))}; it must "
            f"hold one array for each parameter ({', '.join(map(repr, params))})"
        )
    return grads


def _judgeable(check, loss_size, eps):
    """Refuse an array whose verdict would rest on a floor reaching JUDGE times its gradient:
    then even a gradient of the wrong sign would pass (vanishing gradients excepted)."""
    keep = ~check.on_kink
    if check.rel_error < check.tol or not keep.any():
        return check
    a, n = check.analytic[keep], check.numeric[keep]
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(n))) or np.abs(a).max() < VANISHING:
        return check  # NaN fails on its own; a vanishing gradient is within the floor
    scale = max(np.abs(a).max(), np.abs(n).max(), FLOOR)
    floor = check.floor[keep].max()
    if floor < JUDGE * scale:
        return check
    roundoff = ROUNDOFF * loss_size / eps
    if roundoff >= floor / 2:
        better = 10 ** np.ceil(np.log10(ROUNDOFF * loss_size / (0.01 * scale)))
        why = (
            f"the loss is about {loss_size:.1e}, so round-off in its values, divided by eps, "
            f"is about {roundoff:.1e}, as large as the gradient of {check.name!r} "
            f"(about {scale:.1e}); use eps={better:g}, or a smaller loss (a mean, not a sum)"
        )
    else:
        why = (
            f"the loss bends so sharply that the differences at steps eps and 2 eps disagree "
            f"by about {floor:.1e}, as much as the gradient of {check.name!r} "
            f"(about {scale:.1e}); use a smaller eps, e.g. eps={eps / 10:g}"
        )
    raise ValueError(f"the gradient check cannot judge {check.name!r} at eps={eps:g}: {why}")


def _difference(loss_fn, pattern_fn, params, w, i, step):
    """(L(w + step) - L(w - step)) / (2 step) for entry i of w, the larger |L| of the two
    ends, and the pattern at both ends (None without a pattern_fn)."""
    old = w[i]
    w[i] = old + step
    up, up_pattern = _loss_value(loss_fn, params), pattern_fn(params) if pattern_fn else None
    w[i] = old - step
    down, down_pattern = _loss_value(loss_fn, params), pattern_fn(params) if pattern_fn else None
    w[i] = old
    return (up - down) / (2 * step), max(abs(up), abs(down)), (up_pattern, down_pattern)


def check_gradients(loss_fn, grad_fn, params, eps=1e-6, tol=1e-5, pattern_fn=None):
    """Gradient check for any model given as functions of a parameter dict.

    loss_fn(params) -> float; grad_fn(params) -> {name: array like params[name]};
    params: {name: float64 array}; pattern_fn(params) -> anything comparable with ==, e.g. the
    signs of ReLU pre-activations: entries whose +eps or -eps perturbation changes it are marked
    as on a kink. The params arrays are perturbed in place and restored. eps and tol must be
    positive and finite. Each entry's floor (see the module) comes from steps eps and 2 eps.
    Refused, with the reason and a fix: NaN or infinite params or loss, an eps lost in rounding
    next to the params, a floor as large as the gradient (round-off of a huge loss), more than
    `LIMITS.evaluations` loss evaluations.
    """
    _validate.positive(eps, "eps")
    _validate.positive(tol, "tol")
    _float_params(params, eps)
    start = _loss_value(loss_fn, params)
    analytic = _gradient_arrays(grad_fn, params)
    base = pattern_fn(params) if pattern_fn else None
    report = GradcheckReport(eps=eps, tol=tol)
    largest = abs(start)
    for name, w in params.items():
        numeric, floor = np.zeros(w.shape), np.zeros(w.shape)
        kink = np.zeros(w.shape, dtype=bool)
        for i in np.ndindex(w.shape):
            numeric[i], size, ends = _difference(loss_fn, pattern_fn, params, w, i, eps)
            wide, size2, ends2 = _difference(loss_fn, pattern_fn, params, w, i, 2 * eps)
            smooth = True
            if pattern_fn:
                kink[i] = not all(_same(e, base) for e in ends)
                smooth = all(_same(e, base) for e in ends2)
            truncation = abs(wide - numeric[i]) if smooth else 0.0
            largest = max(largest, size, size2)
            floor[i] = ROUNDOFF * max(size, size2) / eps + truncation
        grad = np.asarray(analytic[name], dtype=np.float64)
        if grad.shape != w.shape:
            raise ValueError(f"gradient of {name} has shape {grad.shape}, parameter {w.shape}")
        check = ArrayCheck(name, grad, numeric, kink, tol, floor)
        report.checks[name] = _judgeable(check, largest, eps)
    return report


def _same(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a, b))


def _kink_pattern(net, X):
    spec = net.spec
    kinked = [ACTIVATIONS[spec.hidden].kink] * (spec.layers - 1) + [ACTIVATIONS[spec.output].kink]
    zs, _ = net.layers(X)
    return [np.sign(z) for z, k in zip(zs, kinked) if k]


def gradcheck(net, X, y, eps=1e-6, tol=1e-5):
    """Check `net.gradients(X, y)` against central differences of `net.loss(X, y)`.

    X: (n, d_in), y: (n, k). Returns a `GradcheckReport`: `.errors` gives the maximum relative
    error per parameter array, `.passed` the verdict, `print(report)` a table.
    """
    check_network(net, "gradcheck")
    X, y = net._data(X, y)
    return check_gradients(
        lambda p: net.loss(X, y),
        lambda p: net.gradients(X, y),
        net.params,
        eps=eps,
        tol=tol,
        pattern_fn=lambda p: _kink_pattern(net, X),
    )


def finite_difference_errors(f, x, exact, eps):
    """How far one-sided and central differences of a scalar function land from the truth.

    f: float -> float; x: the point; exact: the true derivative f'(x); eps: (k,) positive steps.
    Returns {"forward": (k,), "central": (k,)}: for each step e, the absolute errors of
    (f(x + e) - f(x)) / e and of (f(x + e) - f(x - e)) / (2 e) against `exact`. Their truncation
    error falls as e and e**2; the round-off in f's values, divided by e, grows as 1 / e.
    """
    eps = np.asarray(eps, dtype=np.float64)
    if eps.ndim != 1 or not np.all(np.isfinite(eps) & (eps > 0)):
        raise ValueError("eps must be a 1-D array of positive, finite step sizes")
    f0 = f(x)
    up = np.array([f(x + e) for e in eps])
    down = np.array([f(x - e) for e in eps])
    return {
        "forward": np.abs((up - f0) / eps - exact),
        "central": np.abs((up - down) / (2 * eps) - exact),
    }
