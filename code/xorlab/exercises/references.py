"""The small networks the self-checks compare a learner's code with, written out here
independently of `MLP`, and the central finite differences that give their true gradients.

Each loss takes `params` (a dict of arrays), X: (n, d_in) and y: (n, 1), and returns a float.
"""

from dataclasses import dataclass

import numpy as np

from ..core.activations import sigmoid
from ..core.data import xor


def fd_gradient(loss, params, *args, eps=1e-6):  # pragma: no mutate
    """Central differences of `loss(params, *args)` for every entry of every array of `params`;
    a dict of arrays shaped like `params`."""
    grads = {}
    for k, v in params.items():
        g = np.zeros_like(v)
        for i in np.ndindex(v.shape):
            up = {**params, k: v.copy()}
            down = {**params, k: v.copy()}
            up[k][i] += eps
            down[k][i] -= eps
            g[i] = (loss(up, *args) - loss(down, *args)) / (2 * eps)
        grads[k] = g
    return grads


@dataclass(frozen=True)
class Program:
    """A small network's training loss, and the points where a learner's code is compared
    with its finite differences.

    `shapes(units)` gives the parameter shapes; `loss(params, X, y)` the training loss;
    `points` the (seed, units, n) of each comparison; `mean` whether the loss is a mean over the
    n samples (else a sum), which decides whether a factor of n in an answer is named as a sum
    where the mean belongs.
    """

    shapes: object
    loss: object
    points: tuple = ((0, 2, 4), (1, 2, 7), (2, 3, 1))
    mean: bool = True

    def cases(self, scale=1.0):  # pragma: no mutate
        """[(params, X, y)] at every point; the first uses XOR's four samples."""
        out = []
        for seed, units, n in self.points:
            rng = np.random.default_rng(1000 + seed)  # pragma: no mutate
            params = {k: scale * rng.normal(size=s) for k, s in self.shapes(units).items()}
            if n == 4:  # pragma: no mutate
                X, y = xor()
            else:
                X = rng.normal(size=(n, 2))
                y = rng.integers(0, 2, size=(n, 1)).astype(float)  # pragma: no mutate
            out.append((params, X, y))
        return out


def two_layer_shapes(units, names=("W1", "b1", "W2", "b2")):
    """The shapes of a 2-units-1 network with biases, under `names`."""
    w1, b1, w2, b2 = names
    return {w1: (2, units), b1: (units,), w2: (units, 1), b2: (1,)}


def mean_bce_sigmoid(params, X, y):
    """Mean BCE of the sigmoid 2-h-1 net with biases (params W1, b1, W2, b2)."""
    h = sigmoid(X @ params["W1"] + params["b1"])
    z = h @ params["W2"] + params["b2"]
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def mean_bce_relu(params, X, y):
    """Mean BCE of the ReLU 2-h-1 net with biases, the stuck-at-half names A, a, B, b."""
    h = np.maximum(X @ params["A"] + params["a"], 0.0)
    z = h @ params["B"] + params["b"]
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def mean_bce_leaky(leak):
    """Mean BCE of the 2-h-1 net with biases and hidden units max(z, leak z), 0 <= leak <= 1
    (leak 0: the ReLU), the stuck-at-half names A, a, B, b."""

    def loss(params, X, y):
        z1 = X @ params["A"] + params["a"]
        z = np.maximum(z1, leak * z1) @ params["B"] + params["b"]
        return float(np.mean(np.logaddexp(0.0, z) - y * z))

    return loss


def squared_error(hidden):
    """The loss sum((y - out)^2) (no 1/n) of the 2-h-1 net with a `hidden` ("sigmoid" or
    "tanh") layer and a sigmoid output; params W1, b1, W2, b2."""
    squash = {"sigmoid": sigmoid, "tanh": np.tanh}[hidden]

    def loss(params, X, y):
        h = squash(X @ params["W1"] + params["b1"])
        out = sigmoid(h @ params["W2"] + params["b2"])
        return float(np.sum((y - out) ** 2))

    return loss


def two_layer_loss(hidden, loss):
    """The loss of the 2-h-1 net with biases, a `hidden` ("sigmoid" or "tanh") layer and a
    sigmoid output p; params W1, b1, W2, b2. `loss` is "bce" (the mean binary cross-entropy)
    or "mse" (the mean squared error, mean((p - y)^2))."""
    squash = {"sigmoid": sigmoid, "tanh": np.tanh}[hidden]

    def bce(params, X, y):
        z = squash(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
        return float(np.mean(np.logaddexp(0.0, z) - y * z))

    def mse(params, X, y):
        p = sigmoid(squash(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"])
        return float(np.mean((p - y) ** 2))

    return {"bce": bce, "mse": mse}[loss]


def half_squared_error(params, X, y):
    """1/2 sum (p - y)^2 of the sigmoid 2-h-1 net with biases; params W1, b1, W2, b2."""
    h = sigmoid(X @ params["W1"] + params["b1"])
    p = sigmoid(h @ params["W2"] + params["b2"])
    return float(0.5 * np.sum((p - y) ** 2))


def chain_loss(params, x, target):
    """E = 1/2 sum (target - out)^2 of the 1-1-1 sigmoid chain with biases;
    params {"w": [w1, b1, w2, b2]} (4,), x and target (n,)."""
    w1, b1, w2, b2 = params["w"]
    out = sigmoid(w2 * sigmoid(w1 * x + b1) + b2)
    return float(0.5 * np.sum((target - out) ** 2))


BACKWARD = Program(two_layer_shapes, mean_bce_sigmoid, ((0, 2, 4), (1, 2, 7), (2, 2, 1)))
"""The question's 2-2-1 sigmoid program of xor-done-right and rising-cost (mean BCE)."""


def backward_program(hidden, loss, width):
    """The 2-`width`-1 program of xor-done-right's exercise 6 for one student's numbers (the
    chapter's, sigmoid, mean BCE and width 2, is `BACKWARD`)."""
    points = ((0, width, 4), (1, width, 7), (2, width, 1))
    return Program(two_layer_shapes, two_layer_loss(hidden, loss), points)


STUCK = Program(
    lambda units: two_layer_shapes(units, ("A", "a", "B", "b")),
    mean_bce_relu,
    ((0, 10, 4), (1, 3, 7), (2, 10, 5)),
)
"""The question's ReLU program of stuck-at-half (mean BCE), at 3 and 10 units."""


def probe_points():
    """Probabilities p and targets y, both (8, 1), with both classes and no p at 0 or 1."""
    p = np.array([[0.1], [0.3], [0.5], [0.7], [0.9], [0.2], [0.6], [0.95]])  # pragma: no mutate
    y = np.array([[0.0], [0.0], [0.0], [0.0], [1.0], [1.0], [1.0], [1.0]])  # pragma: no mutate
    return p, y


def stuck_program(leak):
    """The fixed program of stuck-at-half's exercise 5 for one student's leak (the chapter's,
    the ReLU, is `STUCK`)."""
    return Program(STUCK.shapes, mean_bce_leaky(leak), STUCK.points)
