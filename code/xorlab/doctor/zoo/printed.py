"""Right gradient, wrong printed loss: the loss a learner prints is not the one they derived."""

import numpy as np

from . import program

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def start():
    rng = np.random.default_rng(11)
    return {
        "W1": rng.normal(size=(2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(size=(3, 1)),
        "b2": np.zeros(1),
    }


def run(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, sigmoid(h @ p["W2"] + p["b2"])


def predict(p, Z):
    return run(p, Z)[1]


def grad(p):
    """The mean BCE's gradient, derived correctly."""
    h, out = run(p, X)
    d2 = (out - Y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def case(loss, **kw):
    return dict(params=start(), loss=loss, grad=grad, X=X, y=Y, predict=predict, **kw)


@program("functional, printed loss", {"loss_mismatch"}, {"impossible_loss"})
def printed_bce_sign_slip():
    """The printed BCE has a minus where a plus belongs: -(y log p - (1 - y) log(1 - p))."""

    def loss(p):
        out = predict(p, X)
        return float(-np.mean(Y * np.log(out) - (1 - Y) * np.log(1 - out)))

    return case(loss)


@program("functional, printed loss", {"loss_mismatch"}, {"impossible_loss"})
def printed_log_likelihood():
    """The printed loss is the log-likelihood (the BCE without its minus): it is negative."""

    def loss(p):
        out = predict(p, X)
        return float(np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    return case(loss)


@program("functional, printed loss", {"loss_mismatch"})
def printed_summed_bce():
    """The printed loss sums the BCE over the samples; the gradient is the mean's."""

    def loss(p):
        out = predict(p, X)
        return float(-np.sum(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    return case(loss)


@program("functional, printed loss", {"loss_mismatch"}, {"impossible_loss"})
def printed_mean_error():
    """The printed loss is the mean error y - p, not squared: it can be negative."""
    return case(lambda p: float(np.mean(Y - predict(p, X))))


@program("functional, printed loss", {"loss_mismatch"})
def printed_bce_for_mse_gradient():
    """The gradient is the squared error's, 2 (p - y) p (1 - p) / n; the printed loss is BCE."""

    def mse_grad(p):
        h, out = run(p, X)
        d2 = 2 * (out - Y) * out * (1 - out) / len(X)
        d1 = d2 @ p["W2"].T * (1 - h**2)
        return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}

    def bce(p):
        out = predict(p, X)
        return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    return {**case(bce), "grad": mse_grad, "lr": 2.0}


@program("functional, printed loss")
def printed_right():
    """Correct: the printed loss is the mean BCE the gradient belongs to."""

    def loss(p):
        out = predict(p, X)
        return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    return case(loss, lr=1.0)
