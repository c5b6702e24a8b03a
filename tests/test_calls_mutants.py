"""xorlab.adapt, for mutants of `doctor.calls` that the adapter's tests let through (`make
mutation`): a reader's training that writes its progress straight to sys.stdout. The learner
is written here in plain numpy; the expected gradient is computed here."""

import sys

import numpy as np

import xorlab as xl

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [1.0]])


def sig(z):
    return 1 / (1 + np.exp(-z))


class Progress:
    """A logistic unit that writes its loss on one progress line, as progress bars do."""

    def __init__(self, W, b, lr=0.5):
        self.W, self.b, self.lr, self.epoch = W, b, lr, 0

    def train(self, X, y):
        p = sig(X @ self.W + self.b)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        self.epoch += 1
        sys.stdout.write(f"\repoch {self.epoch}: loss {loss:.4f}")
        sys.stdout.flush()
        d = (p - y) / len(X)
        self.W = self.W - self.lr * X.T @ d
        self.b = self.b - self.lr * d.sum(0)


def test_a_reader_writing_progress_to_stdout_is_adapted_in_silence(capsys):
    W, b = np.array([[0.3], [-0.2]]), np.array([0.1])
    case = xl.adapt(Progress(W.copy(), b.copy()), "W b", "train", X, Y, lr="lr")
    g = case["grad"](case["params"])
    assert capsys.readouterr().out == ""  # the adapter's epochs write nothing on the screen
    d = (sig(X @ W + b) - Y) / len(X)
    np.testing.assert_allclose(g["W"], X.T @ d, rtol=1e-6)
    np.testing.assert_allclose(g["b"], d.sum(0), rtol=1e-6)
    Progress(W.copy(), b.copy()).train(X, Y)
    assert capsys.readouterr().out.startswith("\repoch 1: loss ")  # the reader's own epoch does
