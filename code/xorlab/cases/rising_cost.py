"""The function a wrong gradient really descends: the surrogate of the flipped BCE gradient.

Binary cross-entropy on a sigmoid output p = sigma(z) has dL/dp = (-y/p + (1 - y)/(1 - p)) / n.
Flip the sign of the second term and, through the sigmoid, the error at the output becomes

    dS/dz = -(y (1 - p) + (1 - y) p) / n.

That is the exact derivative of another function, found by integrating each term in z
(d softplus(z)/dz = sigma(z), softplus(z) = log(1 + e^z) = -log(1 - p)):

    S(z, y) = (1/n) sum_i [ y_i softplus(-z_i) - (1 - y_i) softplus(z_i) ]
            = (1/n) sum_i [ -y_i log p_i + (1 - y_i) log(1 - p_i) ].

The positive samples keep their cross-entropy; the negative samples' cross-entropy enters with a
minus sign, so descending S *climbs* the loss of every y = 0 sample. S has no minimum: it falls
without bound as every output goes to 1. This module computes S, checks that the flipped
backward pass is its exact gradient, traces how the flipped gradient's agreement with the true
one evolves during training, and draws the chapter's explorer.
"""

import numpy as np

from ..core import _validate
from ..core.activations import sigmoid
from ..core.batched import train_many
from ..core.data import TASKS
from ..core.gradcheck import check_gradients, gradcheck
from ..core.mlp import MLP


def _logits_and_targets(z, y):
    z = np.asarray(z, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if z.shape != y.shape or z.ndim != 2:
        raise ValueError(f"z and y must both have shape (n, k); got {z.shape} and {y.shape}")
    return z, y


def flipped_surrogate(z, y):
    """S(z, y): the function whose exact gradient the flipped BCE backward pass computes.

    z: (n, k) output logits, y: (n, k) targets. Mean over the n samples of
    y softplus(-z) - (1 - y) softplus(z), computed stably for any finite z. Returns a float.
    """
    z, y = _logits_and_targets(z, y)
    return float(np.sum(y * np.logaddexp(0.0, -z) - (1.0 - y) * np.logaddexp(0.0, z)) / len(z))


def flipped_surrogate_grad(z, y):
    """dS/dz = -(y (1 - p) + (1 - y) p) / n with p = sigma(z); z, y: (n, k) -> (n, k)."""
    z, y = _logits_and_targets(z, y)
    return -(y * sigmoid(-z) + (1.0 - y) * sigmoid(z)) / len(z)


def _require_sigmoid_bce(net):
    if not isinstance(net, MLP):
        raise TypeError(f"net must be an xorlab MLP, got {type(net).__name__}")
    if net.spec.output != "sigmoid" or net.spec.loss != "bce":
        raise ValueError(
            "the surrogate is defined for a sigmoid output trained with BCE; this net has "
            f"output={net.spec.output!r}, loss={net.spec.loss!r}"
        )


def surrogate_loss(net, X, y):
    """S at the network's output logits for X: (n, d_in), y: (n, k). Returns a float."""
    _require_sigmoid_bce(net)
    X, y = net._data(X, y)
    zs, _ = net.layers(X)
    return flipped_surrogate(zs[-1], y)


def gradcheck_surrogate(net, X, y, eps=1e-6, tol=1e-5):
    """Gradient check of `net.gradients(X, y)` against finite differences of the surrogate S
    (instead of the BCE). A net with the "flipped_bce_grad" fault passes it: its backward pass
    is the exact gradient of S. Returns a `GradcheckReport`."""
    _require_sigmoid_bce(net)
    X, y = net._data(X, y)
    return check_gradients(
        lambda p: surrogate_loss(net, X, y), lambda p: net.gradients(X, y), net.params, eps, tol
    )


def agreement_trace(net, X, y, lr, epochs, every=10):
    """Train `net` in place by its own (possibly faulty) gradients, running `gradcheck` against
    the true loss every `every` epochs.

    X: (n, d_in), y: (n, k). Returns `(checkpoints, cosine, norm_ratio)`: checkpoints (c,) the
    epochs at which the check ran (0, every, ..., epochs), and two dicts {array name: (c,)} with
    the cosine between the network's gradient and the numerical one, and the ratio of norms.
    """
    X, y = net._data(X, y)
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True, allow_zero=True)
    _validate.positive(every, "every", integer=True)
    checkpoints = np.arange(0, epochs + 1, every)
    cosine = {k: [] for k in net.params}
    ratio = {k: [] for k in net.params}
    for epoch in range(epochs + 1):
        if epoch % every == 0:
            report = gradcheck(net, X, y)
            for k in net.params:
                cosine[k].append(report[k].cosine)
                ratio[k].append(report[k].norm_ratio)
        if epoch == epochs:
            break
        grads = net.gradients(X, y)
        for k in net.params:
            net.params[k] -= lr * grads[k]
    return (
        checkpoints,
        {k: np.array(v) for k, v in cosine.items()},
        {k: np.array(v) for k, v in ratio.items()},
    )


def draw_rising_cost(fault=True, lr=1.0, labels="xor", epochs=300, seed=4, figsize=(6, 2.6)):
    """Train one 2-2-1 sigmoid net (Xavier init, `seed`) on `labels` ("xor", "or" or "and")
    with or without the flipped BCE gradient; draw its BCE curve and decision boundary.
    Returns the Figure. The defaults start from a seed that learns XOR with the correct
    gradient within 300 epochs."""
    import matplotlib.pyplot as plt

    from ..show import plots

    _validate.choice(labels, ("xor", "or", "and"), "labels")
    X, y = TASKS[labels]()
    faults = ("flipped_bce_grad",) if fault else ()
    run = train_many(1, lr=lr, epochs=epochs, seed=seed, faults=faults, X=X, y=y, loss_every=1)
    fig, (left, right) = plt.subplots(1, 2, figsize=figsize, layout="constrained")
    colour = plots.PALETTE["vermillion" if fault else "blue"]
    left.plot(run.loss_curve[:, 0], color=colour, lw=2)
    left.set(xlabel="epoch", ylabel="BCE (log scale)", yscale="log")
    left.set_title(f"{'flipped' if fault else 'correct'} gradient, lr={lr:g}", fontsize=9)
    left.grid(alpha=0.3)
    plots.plot_decision_boundary(run.network(0), X, y, ax=right, resolution=61)
    right.set_title(f"{labels.upper()}: BCE {run.final_loss[0]:.3g} at epoch {epochs}", fontsize=9)
    return fig


def rising_cost_explorer():
    """The chapter's live explorer: fault on/off, learning rate, labels, epochs, seed."""
    import ipywidgets as w
    import matplotlib.pyplot as plt

    from ..show.widgets import explorer

    def show(**kw):
        draw_rising_cost(**kw)
        plt.show()

    return explorer(
        show,
        fault=w.Checkbox(value=True, description="flipped gradient"),
        lr=w.FloatLogSlider(value=1.0, base=10, min=-2, max=1, step=0.25),
        labels=w.Dropdown(options=["xor", "or", "and"], value="xor"),
        epochs=w.IntSlider(value=300, min=0, max=3000, step=100),
        seed=w.IntSlider(value=4, min=0, max=20),
    )
