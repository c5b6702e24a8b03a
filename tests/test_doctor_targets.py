"""What the doctor is given, read right (the third blind zoo's doc questions 4-6): a predict
that uses other weights than the params (an averaged copy) is refused with the fix; biases
folded into the data as a row or column of ones are biases (the all-zero-input probe has no
all-zero row to read, and raises nothing); targets the code smooths are found from the
gradient, without `loss=` and with a printed loss against the true labels. Each healthy
class has a buggy twin that is still named. The runs the tests lean on are plain numpy."""

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor.capacity import fits

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
GRADIENT = {"sign_flip", "constant_scale", "data_factor", "zero_gradient", "wrong_gradient"}


def sig(z):
    return 1 / (1 + np.exp(-z))


class Net:
    """2-3-1 tanh/sigmoid net, mean BCE against targets smoothed by `smooth`, full batch;
    keeps an average of its weights (`slow`) that `averaged` predicts with; `bug`:
    'sigmoid_slope' (the hidden derivative written h (1 - h))."""

    def __init__(self, smooth=0.0, bug="", lr=1.0, seed=1):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.slow = {k: getattr(self, k).copy() for k in ("W1", "b1", "W2", "b2")}
        self.smooth, self.bug, self.lr = smooth, bug, lr

    def forward(self, Z, W=None):
        W = W or {k: getattr(self, k) for k in self.slow}
        self.h = np.tanh(Z @ W["W1"] + W["b1"])
        return sig(self.h @ W["W2"] + W["b2"])

    def averaged(self, Z):
        return self.forward(Z, self.slow)

    def loss(self, Z, T):  # printed against the true labels
        p = self.forward(Z)
        return float(-np.mean(T * np.log(p) + (1 - T) * np.log(1 - p)))

    def train(self, Z, T):
        t = T * (1 - self.smooth) + 0.5 * self.smooth
        d2 = (self.forward(Z) - t) / len(Z)
        slope = self.h * (1 - self.h) if self.bug == "sigmoid_slope" else 1 - self.h**2
        d1 = d2 @ self.W2.T * slope
        g = {"W1": Z.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        for k in self.slow:
            getattr(self, k)[...] -= self.lr * g[k]
            self.slow[k] = 0.95 * self.slow[k] + 0.05 * getattr(self, k)


def adapted(net, **kw):
    return xl.adapt(net, "W1 b1 W2 b2", "train", X, Y, lr="lr", epochs=1500, **kw)


def test_a_predict_with_other_weights_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="predict='forward'.*averaged copy"):
        xl.doctor(**adapted(Net(), predict="averaged"))


def test_the_forward_pass_of_the_trained_weights_is_healthy():
    assert xl.doctor(**adapted(Net(), predict="forward")).healthy


def test_a_predict_that_ignores_its_params_is_refused_without_the_adapter():
    fixed = Net().forward(X)
    with pytest.raises(ValueError, match="do not change when the parameters do"):
        xl.doctor(
            params={"w": np.ones((2, 1))},
            loss=lambda p: 0.0,
            grad=lambda p: {"w": np.zeros((2, 1))},
            X=X,
            y=Y,
            predict=lambda p, Z: fixed,
        )


def test_smoothed_labels_trained_to_a_fit_in_plain_numpy():
    net = Net(smooth=0.1)
    for _ in range(1500):
        net.train(X, Y)
    out = net.forward(X)
    assert fits(out, Y) and np.all(np.abs(out - Y) > 0.04)  # the targets are 0.05 and 0.95


@pytest.mark.parametrize("printed", [None, "loss"])
def test_smoothed_labels_are_no_finding_with_or_without_a_printed_loss(printed):
    diagnosis = xl.doctor(**adapted(Net(smooth=0.1), predict="forward", loss=printed))
    assert diagnosis.healthy, diagnosis


def test_smoothed_labels_with_a_wrong_hidden_derivative_are_still_named():
    codes = xl.doctor(**adapted(Net(smooth=0.1, bug="sigmoid_slope"), predict="forward")).codes
    assert codes and codes[0] in GRADIENT, codes


class Folded:
    """2-3-1 tanh/sigmoid net with samples as columns and biases folded in as ones: the
    inputs' ones row carried by the data (`ones="data"`, A: (3, n)), appended by the code
    (`"code"`, A: (2, n)) or absent (`"none"`); the hidden layer's ones row when `hidden`."""

    def __init__(self, ones="data", hidden=True, seed=6, lr=1.0):
        rng = np.random.default_rng(seed)
        self.V = rng.normal(0, 1, (3, 2 + (ones != "none")))
        self.w = rng.normal(0, 1, (1, 3 + hidden))
        self.ones, self.hidden, self.lr = ones, hidden, lr

    def _inputs(self, A):
        return np.vstack([A, np.ones((1, A.shape[1]))]) if self.ones == "code" else A

    def out(self, A):
        A = self._inputs(A)
        hid = np.tanh(self.V @ A)
        self.H = np.vstack([hid, np.ones((1, A.shape[1]))]) if self.hidden else hid
        return sig(self.w @ self.H)

    def learn(self, A, T):
        e = (self.out(A) - T) / A.shape[1]
        back = (self.w[:, :3].T @ e) * (1 - self.H[:3] ** 2)
        self.w -= self.lr * e @ self.H.T
        self.V -= self.lr * back @ self._inputs(A).T


def folded_case(net, A):
    return xl.adapt(net, "V w", "learn", A, Y.T, predict="out", lr="lr", columns=True)


WITH_ONES = np.vstack([X.T, np.ones((1, 4))])
FOLDED = [("data", True, WITH_ONES), ("data", False, WITH_ONES), ("code", True, X.T)]


@pytest.mark.parametrize(("ones", "hidden", "A"), FOLDED)
def test_biases_folded_as_ones_are_biases(ones, hidden, A):
    net = Folded(ones, hidden)
    for _ in range(3000):
        net.learn(A, Y.T)
    assert fits(net.out(A).T, Y)  # the class's own run
    assert xl.doctor(**folded_case(Folded(ones, hidden), A), epochs=3000).healthy


def test_without_the_ones_the_output_at_the_all_zero_input_is_pinned():
    codes = xl.doctor(**folded_case(Folded("none", False), X.T), epochs=3000).codes
    assert codes[:1] == ["no_bias"], codes
