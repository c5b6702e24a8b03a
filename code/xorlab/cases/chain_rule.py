"""Per-sample ("online") training: the answer's update order, and the translated program's bugs.

Two ideas from the chapter "Translating the chain rule":

* The order of a per-sample step. The true order takes every layer's gradient from the same
  weights, then updates: that is `train_many(mode="sample")`. The answer's order
  ("output_first") updates the top layer first and sends the error down through the *updated*
  weights, as a popular rewrite does: `train_online` trains many networks so.
  `step_gradients` returns what each order (`ORDERS`) actually applies for one sample, for a
  gradient check.
* `translation_step` is one per-sample step of a bias-free sigmoid network with loss
  1/2 |p - y|^2, in which each bug of the translated program is a switch (`TRANSLATION_BUGS`);
  `translation_gradients` turns a step into the gradient it implies, (w - w_new) / lr, and
  `translation_train` trains many such networks.
"""

import numpy as np

from ..core import _validate, mlp
from ..core.activations import sigmoid
from ..core.batched import Settings, descend, in_parts, sample_step, train_settings
from ..core.data import xor
from ..core.faults import FAULTS
from ..core.steps import Pass
from ..core.train import check_work

TRANSLATION_BUGS = {
    "cost_as_gradient": "the cost 1/2 |p - y|^2 used where dL/dp = p - y belongs",
    "input_activation_derivative": "sigma'(x), at the inputs, where sigma'(z) belongs",
    "flipped_update_sign": "w += lr * g: every step climbs",
    "update_as_error": "the output layer's step lr * G2 sent back instead of its error",
    "summed_hidden_error": "the error sent back summed over hidden units: one for all",
    "updated_output_weights": "the error sent back through the already updated W2",
}
"""The translated program's six bugs. The first three are the faults of the same names in
`FAULTS` (the same replacement steps run). The last three are mistakes of this program only:
each changes the error sent back through W2 (the step "sent_back") using the update itself,
lr and W2's new value, which a backward pass alone never sees; `_translated_sent_back` applies
them around whichever "sent_back" the pass has."""

SHARED_BUGS = tuple(b for b in TRANSLATION_BUGS if b in FAULTS)
OWN_BUGS = tuple(b for b in TRANSLATION_BUGS if b not in FAULTS)


def answer_step(params, x, y, lr, spec):
    """One per-sample step of a stack in the answer's order, in place: the top layer is updated
    first, and each lower layer's gradient is taken with the layers above it already updated.
    x: (1, d_in), y: (1, k)."""
    zs, acts = mlp.forward(params, x, spec)
    for layer in range(spec.layers, 0, -1):
        grads = mlp.backward(params, zs, acts, y, spec)
        descend(params, grads, lr, [k for k in (f"W{layer}", f"b{layer}") if k in params])


ORDERS = {"simultaneous": sample_step, "output_first": answer_step}
"""The per-sample step of each order: the true one (`batched.sample_step`) and the answer's."""


def step_gradients(net, x, y, lr, order="simultaneous"):
    """The gradient each order applies in one step on one sample: {name: array like params}.

    x: (1, d_in), y: (1, k). For "simultaneous" this is `net.gradients(x, y)`; for
    "output_first" the lower layers' entries come from the error sent through updated weights.
    `net` is not changed.
    """
    _validate.choice(order, ORDERS, "order")
    _validate.positive(lr, "lr")
    x, y = net._data(x, y)
    params = {k: v[..., None].copy() for k, v in net.params.items()}
    before = {k: v.copy() for k, v in params.items()}
    ORDERS[order](params, x, y, lr, net.spec)
    return {k: (before[k] - params[k])[..., 0] / lr for k in params}


def train_online(
    n,
    sizes=(2, 2, 1),
    hidden="sigmoid",
    output="sigmoid",
    loss="bce",
    lr=0.5,
    epochs=1000,
    init="xavier",
    seed=0,
    bias=True,
    faults=(),
    init_scale=1.0,
    X=None,
    y=None,
    workers=None,
):
    """Train n networks per sample (one step per sample, in order) in the answer's order
    (`answer_step`). The arguments are those of `train_many`; network i starts as
    `MLP(..., seed=seed + i)`. The true order is `train_many(..., mode="sample")`.
    Returns a `ManyResult` (success, 95% interval, epochs_to_solve, final parameters).
    """
    settings = Settings(
        n=n,
        sizes=sizes,
        hidden=hidden,
        output=output,
        loss=loss,
        lr=lr,
        epochs=epochs,
        init=init,
        seed=seed,
        bias=bias,
        faults=faults,
        init_scale=init_scale,
        X=X,
        y=y,
        mode="sample",
        loss_every=None,
        workers=workers,
    )
    return train_settings(settings, answer_step)


def _check_bugs(bugs):
    if isinstance(bugs, str):
        bugs = (bugs,)
    bugs = frozenset(bugs)
    unknown = bugs - set(TRANSLATION_BUGS)
    if unknown:
        raise ValueError(f"unknown bug(s) {sorted(unknown)}; choose from {list(TRANSLATION_BUGS)}")
    return bugs


def _translated_sent_back(inner, bugs, lr):
    """The step "sent_back" of the translated program: `inner` (the pass's own sent_back) with
    the program's own `bugs` (of `OWN_BUGS`) around it, for a step of learning rate `lr`."""

    def sent_back(bp, layer, delta):
        """Through W2: the error sent back as the program computes it (see TRANSLATION_BUGS)."""
        if layer != bp.spec.layers:
            return inner(bp, layer, delta)
        W = bp.params[f"W{layer}"]
        if "updated_output_weights" in bugs:
            g = np.einsum("nim,njm->ijm", bp.run("weight_input", layer), delta)
            g = bp.run("gradient_sign", {"W": g})["W"]
            W = W - 0.5 * lr * g  # the step on 1/2 |p - y|^2 = half the step on mse
        memo = bp.memo
        bp = Pass(bp.spec, {**bp.params, f"W{layer}": W}, bp.zs, bp.acts, bp.y, bp.steps)
        bp.memo = memo
        back = inner(bp, layer, delta)
        if "update_as_error" in bugs:
            back = lr * bp.acts[layer - 1] * back  # lr * G2 = lr a_u (error at u), per unit u
        if "summed_hidden_error" in bugs:
            back = np.broadcast_to(back.sum(axis=1, keepdims=True), back.shape)
        return back

    return sent_back


def translation_step(params, x, y, lr, bugs=()):
    """One per-sample step of the translated program, with the switched-on `bugs`.

    params: {"W1": (d, d, m), "W2": (d, 1, m)} for m bias-free sigmoid networks (the hidden
    layer as wide as the input, one output, as in the original); x: (d,), y: (1,). The loss is
    1/2 (p - y)^2, half the mean squared error of one sample, so the step is lr / 2 times the
    gradient of `MLP((d, d, 1), bias=False, loss="mse")`'s pass, run with the bugs' steps.
    Returns new params; with no bugs this is exact per-sample gradient descent.
    """
    bugs = _check_bugs(bugs)
    W1, W2 = params["W1"], params["W2"]
    if W1.ndim != 3 or W1.shape[0] != W1.shape[1] or W2.shape[:2] != (W1.shape[1], 1):
        raise ValueError(f"need W1 (d, d, m) and W2 (d, 1, m), got {W1.shape}, {W2.shape}")
    _validate.positive(lr, "lr")
    x = _validate.as_matrix(np.reshape(x, (1, -1)), "x", W1.shape[0])
    y = _validate.as_matrix(np.reshape(y, (1, -1)), "y", 1)
    return _translated_step(params, x, y, lr, *_translated_pass(W1.shape[0], bugs, lr))


def _translated_pass(d, bugs, lr):
    """(spec, steps) of the translated d-d-1 program with `bugs` for a step of rate `lr`."""
    shared = [b for b in bugs if b in FAULTS]
    spec = mlp.make_spec((d, d, 1), loss="mse", bias=False, faults=shared)
    steps = dict(mlp.steps_of(spec))
    own = bugs - set(shared)
    if own:
        steps["sent_back"] = _translated_sent_back(steps["sent_back"], own, lr)
    return spec, steps


def _translated_step(params, x, y, lr, spec, steps):
    """`translation_step` on checked arrays, x: (1, d), y: (1, 1)."""
    zs, acts = mlp.forward(params, x, spec)
    grads = mlp.backward(params, zs, acts, y, spec, steps)
    return {k: params[k] - 0.5 * lr * grads[k] for k in params}


def translation_loss(params, x, y):
    """Per-network loss 1/2 |p - y|^2 of the translated network on one sample: (m,)."""
    h = sigmoid(np.einsum("i,ium->um", np.asarray(x, dtype=float), params["W1"]))
    p = sigmoid(np.einsum("um,ujm->jm", h, params["W2"]))
    return 0.5 * ((p - np.asarray(y, dtype=float)[:, None]) ** 2).sum(axis=0)


def translation_gradients(params, x, y, lr, bugs=()):
    """The gradient one `translation_step` implies, (w - w_new) / lr, for each array."""
    _validate.positive(lr, "lr")
    new = translation_step(params, x, y, lr, bugs)
    return {k: (params[k] - new[k]) / lr for k in params}


def translation_train(
    bugs=(), lr=0.01, epochs=10000, n=1, seed=0, record_every=100, X=None, y=None, workers=None
):
    """Train n bias-free 2-2-1 nets, started as `MLP((2, 2, 1), bias=False, init="uniform01",
    seed=seed + i)`, with `translation_step` on each sample in order.

    Returns (epochs_recorded (T,), outputs (T, n_samples, n)) every `record_every` epochs, and
    the final params {"W1": (2, 2, n), "W2": (2, 1, n)}. A big call is shared among the CPUs
    as in `train_many` (`workers` as there), with the same result to the last bit.
    """
    bugs = _check_bugs(bugs)
    _validate.positive(n, "n", integer=True)
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True, allow_zero=True)
    _validate.positive(record_every, "record_every", integer=True)
    if X is None and y is None:
        X, y = xor()
    X, y = _validate.as_matrix(X, "X", 2), _validate.as_matrix(y, "y", 1)
    _validate.same_rows(X, y)
    check_work(epochs, n, len(X), 6, len(X))  # 6 weights, one step per sample
    settings = dict(bugs=bugs, lr=lr, epochs=epochs, record_every=record_every, X=X, y=y)
    parts = in_parts(translation_train, n, seed, epochs * len(X), workers, **settings)
    if parts is None:
        return _translation_run(n=n, seed=seed, **settings)
    marks, outs, params = zip(*parts)
    W = {k: np.concatenate([p[k] for p in params], axis=-1) for k in params[0]}
    return marks[0], np.concatenate(outs, axis=-1), W


def _translation_run(bugs, lr, epochs, n, seed, record_every, X, y):
    """`translation_train` on checked arguments, in this process."""
    params = mlp.stack(
        [mlp.init_params((2, 2, 1), "uniform01", 1.0, seed + i, False) for i in range(n)]
    )
    spec, steps = _translated_pass(2, bugs, lr)
    marks, outs = [], []
    for epoch in range(epochs + 1):
        if epoch % record_every == 0 or epoch == epochs:
            h = sigmoid(np.einsum("ni,ium->num", X, params["W1"]))
            outs.append(sigmoid(np.einsum("num,ujm->njm", h, params["W2"]))[:, 0, :])
            marks.append(epoch)
        if epoch == epochs:
            break
        for i in range(len(X)):
            params = _translated_step(params, X[i : i + 1], y[i : i + 1], lr, spec, steps)
    return np.array(marks), np.array(outs), params


def draw_translation(bugs=(), lr=0.5, epochs=2000, seed=0, title=None):
    """Train one translated net (`translation_train`) and plot its four XOR outputs per epoch.

    Returns the Figure (6 x 2.6 inches): one line per input, dashed at its target.
    """
    import matplotlib.pyplot as plt

    from ..show.plots import PALETTE

    X, y = xor()
    marks, outs, _ = translation_train(bugs, lr, epochs, 1, seed, max(1, epochs // 200))
    fig, ax = plt.subplots(figsize=(6, 2.6), layout="constrained")
    colours = [PALETTE[c] for c in ("blue", "orange", "green", "vermillion")]
    for i, colour in enumerate(colours):
        label = f"({X[i, 0]:.0f}, {X[i, 1]:.0f}) -> {y[i, 0]:.0f}"
        ax.plot(marks, outs[:, i, 0], color=colour, label=label)
        ax.axhline(y[i, 0], color=colour, ls=":", lw=1)
    ax.set(xlabel="epoch", ylabel="output p", ylim=(-0.03, 1.03))
    ax.set_title(title or (", ".join(sorted(bugs)) or "no bug"), fontsize=9)
    fig.legend(fontsize=8, loc="outside right center", title="input -> target", title_fontsize=8)
    return fig
