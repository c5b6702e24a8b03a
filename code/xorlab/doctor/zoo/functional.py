"""Functional learner programs: parameters in a dict, a forward function, a backward function
that returns the gradients, and the doctor called on them directly."""

import numpy as np

from ..causes import GRADIENT
from . import TROUBLE, program

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(hidden=3, seed=2, scale=1.0):
    rng = np.random.default_rng(seed)
    return {
        "W1": scale * rng.normal(size=(2, hidden)),
        "b1": np.zeros(hidden),
        "W2": scale * rng.normal(size=(hidden, 1)),
        "b2": np.zeros(1),
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, sigmoid(h @ p["W2"] + p["b2"])


def predict(p, X):
    return forward(p, X)[1]


def bce(p):
    out = predict(p, X)
    return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))


def backward(p):
    h, out = forward(p, X)
    d2 = (out - Y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


@program("functional")
def fn_correct():
    """Correct: tanh hidden layer, sigmoid output, mean BCE."""
    return dict(params=init(seed=1), loss=bce, grad=backward, X=X, y=Y, predict=predict, lr=1.0)


@program("functional", {"flat"})
def fn_local_minimum():
    """Correct code whose start leads gradient descent into a local minimum of XOR."""
    return dict(params=init(seed=2), loss=bce, grad=backward, X=X, y=Y, predict=predict, lr=1.0)


def mse(p):
    return float(np.mean((predict(p, X) - Y) ** 2))


def mse_backward(p):
    h, out = forward(p, X)
    d2 = 2 * (out - Y) * out * (1 - out) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


@program("functional, squared error")
def fn_correct_mse():
    """Correct: mean squared error with its own gradient."""
    p = init(hidden=4, seed=5)
    return dict(
        params=p, loss=mse, grad=mse_backward, X=X, y=Y, predict=predict, lr=2.0, epochs=1500
    )


def ascend(p, g, lr=1.0):
    return {k: p[k] + lr * g[k] for k in p}


@program("functional with a step function", {"update_climbs"}, TROUBLE)
def fn_update_adds():
    """The update adds the gradient (w + lr g)."""
    return dict(params=init(), loss=bce, grad=backward, X=X, y=Y, predict=predict, step=ascend)


def transposed_backward(p):
    g = backward(p)
    h, out = forward(p, X)
    d1 = (out - Y) / len(X) @ p["W2"].T * (1 - h**2)
    g["W1"] = d1.T @ X  # (h, n) @ (n, 2): the transpose of X.T @ d1
    return g


@program("functional", GRADIENT, TROUBLE)
def fn_transposed_gradient():
    """The first layer's gradient computed as d1.T @ X, the transpose of the right one."""
    return dict(
        params=init(hidden=2, seed=3), loss=bce, grad=transposed_backward, X=X, y=Y, predict=predict
    )


def summed_backward(p):
    h, out = forward(p, X)
    d2 = out - Y  # no division by n anywhere
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


@program("functional", {"loss_mismatch", "constant_scale"}, TROUBLE)
def fn_summed_gradient():
    """The gradient sums over the samples while the printed loss is their mean."""
    return dict(params=init(), loss=bce, grad=summed_backward, X=X, y=Y, predict=predict, lr=0.25)


def nobias_predict(p, X):
    return sigmoid(np.tanh(X @ p["W1"]) @ p["W2"])


def nobias_backward(p):
    h = np.tanh(X @ p["W1"])
    d2 = (sigmoid(h @ p["W2"]) - Y) / len(X)
    return {"W1": X.T @ (d2 @ p["W2"].T * (1 - h**2)), "W2": h.T @ d2}


@program("functional, no biases", {"no_bias", "cannot_fit"})
def fn_no_biases():
    """No biases at all: the output at input (0, 0) is pinned at 0.5."""
    p = {k: v for k, v in init(hidden=4).items() if k.startswith("W")}

    def loss(q):
        out = nobias_predict(q, X)
        return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    return dict(params=p, loss=loss, grad=nobias_backward, X=X, y=Y, predict=nobias_predict)


def logistic(p, X):
    return sigmoid(X @ p["w"] + p["c"])


def logistic_parts(Y_):
    def loss(p):
        out = logistic(p, X)
        return float(-np.mean(Y_ * np.log(out) + (1 - Y_) * np.log(1 - out)))

    def grad(p):
        d = (logistic(p, X) - Y_) / len(X)
        return {"w": X.T @ d, "c": d.sum(0)}

    return loss, grad


@program("functional, no hidden layer", {"linear", "cannot_fit"})
def fn_no_hidden_layer():
    """Logistic regression (no hidden layer) asked to learn XOR."""
    loss, grad = logistic_parts(Y)
    p = {"w": np.array([[0.3], [-0.2]]), "c": np.zeros(1)}
    return dict(params=p, loss=loss, grad=grad, X=X, y=Y, predict=logistic, lr=1.0)


@program("functional, OR labels", blind=True)
def fn_or_labels():
    """Correct code given OR labels by a typo: the doctor cannot know XOR was meant."""
    y_or = np.array([[0.0], [1.0], [1.0], [1.0]])
    p = init(seed=6)

    def loss(q):
        out = predict(q, X)
        return float(-np.mean(y_or * np.log(out) + (1 - y_or) * np.log(1 - out)))

    def grad(q):
        h, out = forward(q, X)
        d2 = (out - y_or) / len(X)
        d1 = d2 @ q["W2"].T * (1 - h**2)
        return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}

    return dict(params=p, loss=loss, grad=grad, X=X, y=y_or, predict=predict)


@program("functional, OR labels, no hidden layer")
def fn_or_logistic():
    """Correct: logistic regression on OR, which a line separates."""
    y_or = np.array([[0.0], [1.0], [1.0], [1.0]])
    loss, grad = logistic_parts(y_or)
    p = {"w": np.array([[0.3], [-0.2]]), "c": np.zeros(1)}
    return dict(params=p, loss=loss, grad=grad, X=X, y=y_or, predict=logistic, lr=1.0, epochs=300)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ONEHOT = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0]])


def soft_predict(p, X):
    return softmax(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def cross_entropy(p):
    return float(-np.mean(np.sum(ONEHOT * np.log(soft_predict(p, X)), axis=1)))


def soft_init():
    rng = np.random.default_rng(8)
    return {
        "W1": rng.normal(size=(2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(size=(4, 2)),
        "b2": np.zeros(2),
    }


def soft_backward(p, forget_onehot=False):
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = softmax(h @ p["W2"] + p["b2"])
    d2 = (out if forget_onehot else out - ONEHOT) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


@program("functional, softmax with two outputs")
def fn_softmax():
    """Correct: two softmax outputs, one-hot targets, mean cross-entropy."""
    return dict(
        params=soft_init(),
        loss=cross_entropy,
        grad=soft_backward,
        X=X,
        y=ONEHOT,
        predict=soft_predict,
    )


@program("functional, softmax with two outputs", GRADIENT, TROUBLE)
def fn_softmax_no_target():
    """Softmax output error written as p instead of p - y (the targets never enter)."""
    return dict(
        params=soft_init(),
        loss=cross_entropy,
        grad=lambda p: soft_backward(p, forget_onehot=True),
        X=X,
        y=ONEHOT,
        predict=soft_predict,
    )


def relu_init():
    rng = np.random.default_rng(3)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.full(6, 0.01),
        "W2": rng.normal(0, 0.5, (6, 1)),
        "b2": np.zeros(1),
    }


def relu_parts(p, X):
    z = X @ p["W1"] + p["b1"]
    h = np.maximum(0, z)
    return z, h, sigmoid(h @ p["W2"] + p["b2"])


def relu_grad(p):
    z, h, out = relu_parts(p, X)
    d2 = (out - Y) / 4
    d1 = d2 @ p["W2"].T * (z > 0)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def relu_loss(p):
    out = relu_parts(p, X)[2]
    return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))


@program("functional, ReLU with predict")
def fn_relu_predict():
    """Correct: a ReLU net (kinks included) checked with predict given."""
    return dict(
        params=relu_init(),
        loss=relu_loss,
        grad=relu_grad,
        X=X,
        y=Y,
        predict=lambda p, Z: relu_parts(p, Z)[2],
    )


def bias_sum_grad(p):
    g = backward(p)
    h, out = forward(p, X)
    d1 = (out - Y) / len(X) @ p["W2"].T * (1 - h**2)
    g["b1"] = np.full(p["b1"].shape, d1.sum())  # summed over units too: every bias alike
    return g


@program("functional", GRADIENT, TROUBLE)
def fn_bias_summed_over_units():
    """The hidden bias gradient summed over samples *and* units: one number for all biases."""
    return dict(params=init(), loss=bce, grad=bias_sum_grad, X=X, y=Y, predict=predict)
