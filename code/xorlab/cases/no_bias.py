"""Which outputs can a network reach at all? Reachable sets for the 1-1-1 sigmoid chain.

The chain maps one input x to one output through one hidden sigmoid unit:

    h = sigma(w1 x + b1),    f(x) = sigma(w2 h + b2).

On the identity task (x = 0 -> 0, x = 1 -> 1) everything the chain can do is summed up by
the pair of outputs (f(0), f(1)): a point in the unit square, the target being (0, 1). This
module computes those pairs over grids of parameters, the best loss any of them achieves, the
exact rule for which pairs a bias-free chain can reach, a small trainer for chains with a bias
in only some layers (which `MLP` cannot express), and the figures of the chapter
"The two-neuron net that cannot learn the identity".

Parameters may be numbers or arrays; arrays broadcast, so one call evaluates many chains.
"""

import numpy as np

from ..core import _validate
from ..core.activations import sigmoid
from ..core.data import identity
from ..core.mlp import init_params

NO_BIAS_BOUND = 0.125
"""The infimum of the identity task's loss (mean squared error) for a bias-free chain."""


def _logit(p):
    p = np.asarray(p, dtype=np.float64)
    return np.log(p) - np.log1p(-p)


def chain_outputs(x, w1, w2, b1=0.0, b2=0.0):
    """The chain's output sigma(w2 sigma(w1 x + b1) + b2); every argument broadcasts."""
    return sigmoid(w2 * sigmoid(w1 * np.asarray(x, dtype=np.float64) + b1) + b2)


def identity_outputs(w1, w2, b1=0.0, b2=0.0):
    """The pair (f(0), f(1)) of the chain on the identity task's two inputs (arrays broadcast)."""
    return chain_outputs(0.0, w1, w2, b1, b2), chain_outputs(1.0, w1, w2, b1, b2)


def identity_loss(f0, f1):
    """The identity task's loss, the mean over the two samples of (f - y)^2:
    (f0^2 + (1 - f1)^2) / 2. Arrays broadcast."""
    return 0.5 * (np.asarray(f0) ** 2 + (1.0 - np.asarray(f1)) ** 2)


def parameter_grid(limit=10.0, steps=201, bias=False):
    """A regular grid of chain parameters, each in [-limit, limit] with `steps` values per axis.

    Returns a dict of flat arrays: w1, w2 (steps^2 chains), plus b1, b2 with bias=True
    (steps^4 chains: keep steps small, about 41, there).
    """
    _validate.positive(limit, "limit")
    _validate.positive(steps, "steps", integer=True)
    if steps < 2:
        raise ValueError(f"steps must be at least 2, got {steps}")
    axis = np.linspace(-limit, limit, steps)
    names = ("w1", "b1", "w2", "b2") if bias else ("w1", "w2")
    grids = np.meshgrid(*[axis] * len(names), indexing="ij")
    return {name: g.ravel() for name, g in zip(names, grids)}


def reachable_grid(limit=10.0, steps=201, bias=False):
    """Outputs (f0, f1), each (chains,), of every chain on `parameter_grid(limit, steps, bias)`."""
    return identity_outputs(**parameter_grid(limit, steps, bias))


def best_on_grid(limit=10.0, steps=201, bias=False):
    """The grid chain with the smallest identity loss: returns (loss, params dict of floats)."""
    grid = parameter_grid(limit, steps, bias)
    loss = identity_loss(*identity_outputs(**grid))
    i = int(np.argmin(loss))
    return float(loss[i]), {k: float(v[i]) for k, v in grid.items()}


def representable(f0, f1, bias=False):
    """Can a chain output exactly f(0) = f0 and f(1) = f1? f0, f1 in (0, 1); arrays broadcast.

    With biases every pair can be reached. Without, logit f(0) = w2 / 2 and
    logit f(1) = w2 sigma(w1): the pair is reachable iff logit f1 = r logit f0 for some r in
    (0, 2), or f0 = f1 = 1/2 (w2 = 0).
    """
    f0, f1 = np.asarray(f0, dtype=np.float64), np.asarray(f1, dtype=np.float64)
    if np.any((f0 <= 0) | (f0 >= 1) | (f1 <= 0) | (f1 >= 1)):
        raise ValueError("outputs of a sigmoid lie strictly between 0 and 1")
    if bias:
        return np.ones(np.broadcast(f0, f1).shape, dtype=bool)
    u0, u1 = _logit(f0), _logit(f1)
    both_half = (u0 == 0) & (u1 == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(u0 != 0, u1 / np.where(u0 != 0, u0, 1.0), np.nan)
    return both_half | ((r > 0) & (r < 2))


QUIZ_PAIRS = {
    "A": (0.5, 0.5),
    "B": (0.1, 0.9),
    "C": (0.2, 0.45),
    "D": (0.7, 0.95),
    "E": (0.8, 0.6),
    "F": (0.9, 0.1),
}
"""The chapter's quiz: which of these (f(0), f(1)) pairs can a bias-free chain output exactly?"""


def no_bias_weights(f0, f1):
    """Bias-free weights (w1, w2) with outputs exactly (f0, f1), or None if there are none."""
    if not representable(f0, f1):
        return None
    u0, u1 = float(_logit(f0)), float(_logit(f1))
    if u0 == 0:
        return 0.0, 0.0
    return float(_logit(u1 / u0 / 2.0)), 2.0 * u0


def no_bias_region(points=200):
    """The bias-free reachable region's edges in the (f0, f1) square, for drawing.

    Returns (f0, lower, upper), each (points,): between lower and upper lie the reachable f1
    for that f0; the edges are f1 = 1/2 and f1 = sigma(2 logit f0), both excluded.
    """
    f0 = np.linspace(1e-4, 1 - 1e-4, points)
    edge = sigmoid(2.0 * _logit(f0))
    return f0, np.minimum(edge, 0.5), np.maximum(edge, 0.5)


def _chain_params(params, allowed):
    out = {}
    for key, value in params.items():
        if key not in allowed:
            raise ValueError(f"unknown parameter {key!r}; a chain has {list(allowed)}")
        out[key] = np.asarray(value, dtype=np.float64)
    for key in ("W1", "W2"):
        if key not in out:
            raise ValueError(f"params is missing {key}")
    return out


def chain_forward(params, x):
    """Outputs of chains given as a dict W1, W2 and optional b1, b2 (numbers or (m,) arrays).

    x: (n,) inputs. Returns (n,) for scalar parameters, (n, m) for (m,) arrays.
    """
    p = _chain_params(params, ("W1", "b1", "W2", "b2"))
    x = np.asarray(x, dtype=np.float64).reshape(-1, *([1] * p["W1"].ndim))
    return chain_outputs(x, p["W1"], p["W2"], p.get("b1", 0.0), p.get("b2", 0.0))


def chain_loss_and_grads(params, X, y):
    """Mean squared error of chains on inputs X: (n, 1), targets y: (n, 1), and its gradient.

    params: W1, W2 and any of b1, b2, each a number or an (m,) array. Returns (loss, grads):
    loss a float (or (m,)), grads a dict with the keys and shapes of params.
    """
    p = _chain_params(params, ("W1", "b1", "W2", "b2"))
    x = np.asarray(X, dtype=np.float64).reshape(-1, *([1] * p["W1"].ndim))
    t = np.asarray(y, dtype=np.float64).reshape(x.shape)
    h = sigmoid(p["W1"] * x + p.get("b1", 0.0))
    f = sigmoid(p["W2"] * h + p.get("b2", 0.0))
    n = x.shape[0]
    d2 = 2.0 * (f - t) / n * f * (1.0 - f)
    d1 = d2 * p["W2"] * h * (1.0 - h)
    grads = {"W1": (d1 * x).sum(0), "b1": d1.sum(0), "W2": (d2 * h).sum(0), "b2": d2.sum(0)}
    loss = ((f - t) ** 2).mean(0)
    return loss, {k: grads[k] for k in p}


def train_chains(n, biases=(1, 2), lr=5.0, epochs=800, init="xavier", seed=0, X=None, y=None):
    """Train n 1-1-1 sigmoid chains (MSE loss, full batch) with biases only in `biases` layers.

    biases: a subset of (1, 2), e.g. (2,) for a bias in the output unit only. Chain i starts as
    `MLP((1, 1, 1), init=init, seed=seed + i)` (weights drawn the same way, biases 0). X: (n_s, 1)
    and y: (n_s, 1) default to the identity task. Returns (params, loss, success): params a dict
    of (n,) arrays, loss (n,), success (n,) every output strictly on the right side of 1/2.
    """
    _validate.positive(n, "n", integer=True)
    if not set(biases) <= {1, 2}:
        raise ValueError(f"biases must be a subset of (1, 2), got {biases!r}")
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True, allow_zero=True)
    if X is None and y is None:
        X, y = identity()
    X = _validate.as_matrix(X, "X", 1)
    y = _validate.as_matrix(y, "y", 1)
    _validate.same_rows(X, y)
    starts = [init_params((1, 1, 1), init, 1.0, seed + i, bias=False) for i in range(n)]
    params = {k: np.array([s[k][0, 0] for s in starts]) for k in ("W1", "W2")}
    params.update({f"b{layer}": np.zeros(n) for layer in sorted(biases)})
    for _ in range(epochs):
        _, grads = chain_loss_and_grads(params, X, y)
        for k in params:
            params[k] = params[k] - lr * grads[k]
    loss, _ = chain_loss_and_grads(params, X, y)
    f = chain_forward(params, X[:, 0])
    target = y[:, :1] > 0.5
    success = np.all(((f > 0.5) == target) & (f != 0.5), axis=0)
    return params, loss, success


def line_segment(w, b=0.0, lo=-0.5, hi=1.5):
    """Endpoints ((x1, y1), (x2, y2)) of the line w[0] u + w[1] v + b = 0 inside the square
    [lo, hi]^2, or None if it misses the square. w: (2,)."""
    w = np.asarray(w, dtype=np.float64)
    if w.shape != (2,) or not np.any(w):
        raise ValueError(f"w must be a non-zero vector of shape (2,), got {w!r}")
    pts = []
    for u in (lo, hi):  # crossings of the vertical edges, then of the horizontal ones
        if w[1] != 0:
            v = -(b + w[0] * u) / w[1]
            if lo <= v <= hi:
                pts.append((u, v))
        if w[0] != 0:
            x = -(b + w[1] * u) / w[0]
            if lo <= x <= hi:
                pts.append((x, u))
    pts = sorted(set((round(a, 12), round(c, 12)) for a, c in pts))
    return (pts[0], pts[-1]) if len(pts) >= 2 else None


def plot_unit_lines(W, b=None, ax=None, lo=-0.5, hi=1.5):
    """Each hidden unit's line W[:, j] . x + b[j] = 0 (where its pre-activation is 0) over the
    XOR corners. W: (2, h), b: (h,) or None (no bias: every line passes through the origin)."""
    import matplotlib.pyplot as plt

    from ..core.data import xor
    from ..show import plots

    W = np.asarray(W, dtype=np.float64)
    b = np.zeros(W.shape[1]) if b is None else np.asarray(b, dtype=np.float64)
    if ax is None:
        _, ax = plt.subplots(figsize=(3.4, 3.4), layout="constrained")
    colours = list(plots.PALETTE.values())
    for j in range(W.shape[1]):
        seg = line_segment(W[:, j], b[j], lo, hi)
        if seg is not None:
            (x1, y1), (x2, y2) = seg
            ax.plot([x1, x2], [y1, y2], color=colours[j % len(colours)], lw=1.5)
    X, y = xor()
    plots.plot_points(X, y, ax)
    ax.set(xlim=(lo, hi), ylim=(lo, hi))
    return ax


def draw_reachable(w1=2.0, w2=-4.0, b1=0.0, b2=0.0, bias=False, ax=None, cloud=None):
    """The explorer's figure: the bias-free reachable region, the chain's point (f(0), f(1)),
    the target (0, 1) and the loss in the title. Biases are used only with bias=True.
    cloud: optional (f0, f1) arrays drawn as faint dots (e.g. from `reachable_grid`)."""
    import matplotlib.pyplot as plt

    from ..show import plots

    if ax is None:
        _, ax = plt.subplots(figsize=(4.2, 3.8), layout="constrained")
    _draw_regions(ax, plots.PALETTE, bias, cloud)
    if not bias:
        b1 = b2 = 0.0
    f0, f1 = identity_outputs(w1, w2, b1, b2)
    loss = float(identity_loss(f0, f1))
    _draw_target_and_point(ax, plots.PALETTE, f0, f1)
    ax.set(
        xlim=(0, 1),
        ylim=(0, 1),
        xlabel="$f(0)$",
        ylabel="$f(1)$",
        aspect="equal",
        title=f"f(0) = {f0:.3f}, f(1) = {f1:.3f}, loss {loss:.4f}",
    )
    ax.legend(loc="lower right", fontsize=7, framealpha=0.9)
    return ax


def _draw_regions(ax, palette, bias, cloud):
    """On `ax`: the square reachable with biases (if `bias`), the bias-free region, the cloud."""
    if bias:
        ax.fill_between(
            [0, 1],
            0,
            1,
            color=palette["green"],
            alpha=0.15,
            lw=0,
            label="reachable with biases",
        )
    f0e, lower, upper = no_bias_region()
    ax.fill_between(
        f0e,
        lower,
        upper,
        color=palette["sky"],
        alpha=0.35,
        lw=0,
        label="reachable without bias",
    )
    if cloud is not None:
        ax.scatter(cloud[0], cloud[1], s=1, color=palette["blue"], alpha=0.25, lw=0)


def _draw_target_and_point(ax, palette, f0, f1):
    """On `ax`: the target (0, 1) as a star, the chain's point (f0, f1), the lines at 0.5."""
    ax.plot(
        [0],
        [1],
        marker="*",
        ms=16,
        color=palette["vermillion"],
        ls="",
        label="target (0, 1)",
        clip_on=False,
        zorder=4,
    )
    ax.plot([f0], [f1], marker="o", ms=9, color="black", ls="", label="this network", zorder=5)
    ax.axhline(0.5, color=palette["grey"], lw=0.8, ls=":")
    ax.axvline(0.5, color=palette["grey"], lw=0.8, ls=":")


def frame_w2(w2, w1=3.0):
    """One frame of the chapter's static player: `draw_reachable` for a bias-free chain with
    this w2 (and w1), as a small Figure."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.2, 3.8), layout="constrained")
    draw_reachable(w1=w1, w2=w2, ax=ax)
    return fig


def reachable_explorer():
    """Live explorer: sliders for w1, w2, b1, b2 and a bias toggle moving the chain's point."""
    import ipywidgets as w
    import matplotlib.pyplot as plt

    from ..show.widgets import explorer

    def show(**kw):
        draw_reachable(**kw)
        plt.show()

    sliders = {
        k: w.FloatSlider(value=v, min=-10, max=10, step=0.25)
        for k, v in (("w1", 2.0), ("w2", -4.0), ("b1", 0.0), ("b2", 0.0))
    }
    return explorer(show, **sliders, bias=w.Checkbox(value=False, description="biases on"))
