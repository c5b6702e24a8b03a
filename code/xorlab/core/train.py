"""Training one network by gradient descent, with a full history for plots and diagnosis."""

from dataclasses import dataclass

import numpy as np

from . import _validate
from .data import solved
from .mlp import check_network, parameter_count

MODES = ("batch", "sample")


def check_work(
    epochs,
    networks,
    samples,
    parameters,
    steps_per_epoch=1,  # pragma: no mutate (every caller passes it)
    units=0,
):
    """Refuse a training run beyond the bounds of `xorlab.LIMITS` (networks at once, gradient
    steps, epochs x networks x samples x parameters, memory), naming the bound and the amount
    asked. `units`: the sum of the layer widths, for the memory estimate."""
    lim = _validate.LIMITS
    if networks > lim.networks:
        raise ValueError(
            f"{networks:,} networks at once is more than xorlab.LIMITS.networks = "
            f"{lim.networks:,}; train them in batches, or raise the bound if you mean it"
        )
    steps = epochs * steps_per_epoch
    if steps > lim.steps:
        raise ValueError(
            f"epochs={epochs:,} means {steps:,} gradient steps, more than "
            f"xorlab.LIMITS.steps = {lim.steps:,}; use fewer epochs, or raise the bound"
        )
    work = epochs * networks * samples * parameters
    if work > lim.work:
        raise ValueError(
            f"{epochs:,} epochs x {networks:,} networks x {samples:,} samples x {parameters:,} "
            f"parameters = {work:,} updates, more than xorlab.LIMITS.work = "
            f"{lim.work:,.0f}; use fewer networks or epochs, or raise the bound"
        )
    _validate.memory(
        _validate.memory_needed(networks, parameters, samples, units),
        f"training {networks:,} network(s) of {parameters:,} parameters on {samples:,} samples",
    )


@dataclass
class History:
    """What happened during `train`, for E epochs on n samples with k outputs and L layers.

    `loss: (E + 1,)` the loss before each epoch and after the last; `outputs: (E + 1, n, k)` the
    network's outputs at the same moments; `grad_norms: (E, L)` the norm of each layer's
    full-batch gradient (weights and bias together) at the start of each epoch.
    """

    loss: np.ndarray
    outputs: np.ndarray
    grad_norms: np.ndarray

    def epochs_to_solve(self, y):
        """First epoch after which the task is solved (`data.solved`), None if never.
        y: (n, k), the targets the network was trained on."""
        y = _validate.as_matrix(y, "y", self.outputs.shape[2])
        if len(y) != self.outputs.shape[1]:
            raise ValueError(
                f"y has {len(y)} rows but the history's outputs have {self.outputs.shape[1]}; "
                "pass the targets the network was trained on"
            )
        right = solved(np.moveaxis(self.outputs, 0, -1), y[..., None])
        return int(np.argmax(right)) if right.any() else None


def _layer_norms(grads, layers):
    return [
        np.sqrt(sum(np.sum(g**2) for k, g in grads.items() if k[1:] == str(layer)))
        for layer in range(1, layers + 1)
    ]


def train(net, X, y, lr, epochs, mode="batch"):
    """Train `net` in place by gradient descent and return its `History`.

    X: (n, d_in), y: (n, k). mode="batch": one step per epoch on the mean loss over all n
    samples. mode="sample": n steps per epoch, one per sample in order, each on that sample's
    loss alone (per-sample, "online" training).
    """
    check_network(net, "train")
    X, y = net._data(X, y)
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True, allow_zero=True)
    _validate.choice(mode, MODES, "mode")
    per_epoch = 1 if mode == "batch" else len(X)
    sizes = net.spec.sizes
    check_work(epochs, 1, len(X), parameter_count(sizes, net.spec.bias), per_epoch, sum(sizes))
    losses, outputs, norms = [], [], []
    for _ in range(epochs):
        losses.append(net.loss(X, y))
        outputs.append(net.forward(X))
        grads = net.gradients(X, y)
        norms.append(_layer_norms(grads, net.spec.layers))
        batches = (
            [(X, y)] if mode == "batch" else [(X[i : i + 1], y[i : i + 1]) for i in range(len(X))]
        )
        for xb, yb in batches:
            if mode == "sample":
                grads = net.gradients(xb, yb)
            for k in net.params:
                net.params[k] -= lr * grads[k]
    losses.append(net.loss(X, y))
    outputs.append(net.forward(X))
    return History(
        np.array(losses),
        np.array(outputs),
        np.array(norms).reshape(epochs, net.spec.layers),
    )
