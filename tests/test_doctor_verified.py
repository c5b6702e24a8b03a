"""Findings the doctor verifies on a copy of the reader's run before it names them: targets
the outputs cannot reach (the run with them mapped onto [0, 1] fits), labels smoothed too far
toward the middle (the run ends unfitted), and an update rule that breaks a right-signed
step (plain gradient descent or Adam with the loss's own gradient trains). The networks are
written here, each in a learner's style; the healthy twins must stay healthy."""

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
NAMES = "W1 b1 W2 b2"


class Net:
    """2-3-1 tanh net trained full batch on the mean BCE's (or MSE's) delta toward targets T
    of the labels: `out` "sigmoid" or "linear"; `smooth` moves the targets toward 1/2."""

    def __init__(self, out="sigmoid", smooth=0.0, mse=False, lr=1.0, seed=5):
        r = np.random.default_rng(seed)
        self.W1, self.b1 = r.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = r.normal(0, 1, (3, 1)), np.zeros(1)
        self.out, self.smooth, self.mse, self.lr = out, smooth, mse, lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        z = self.h @ self.W2 + self.b2
        return 1 / (1 + np.exp(-z)) if self.out == "sigmoid" else z

    def delta(self, p, y):
        t = (1 - self.smooth) * y + self.smooth / 2
        if self.mse and self.out == "sigmoid":
            return 2 * (p - t) * p * (1 - p)
        return (2 if self.mse else 1) * (p - t)

    def train(self, X, y):
        d2 = self.delta(self.forward(X), y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        for k, g in (("W2", self.h.T @ d2), ("b2", d2.sum(0)), ("W1", X.T @ d1), ("b1", d1.sum(0))):
            setattr(self, k, getattr(self, k) - self.lr * g)


def diagnose(net, y, epochs):
    case = xl.adapt(net, NAMES, "train", X, y, predict="forward", lr="lr", epochs=epochs)
    with np.errstate(all="ignore"):
        return xl.doctor(**case)


def test_targets_a_sigmoid_cannot_reach_are_named_with_the_mapping_that_fits():
    found = diagnose(Net(mse=True, lr=2.0), 10 * Y, 1500)
    assert found.codes[:1] == ["unreachable_targets"], found
    assert "(y - 0) / 10" in found.findings[0].evidence


@pytest.mark.parametrize(
    "net, y", [(Net(out="linear", mse=True, lr=0.02, seed=2), 10 * Y), (Net(mse=True, lr=2.0), Y)]
)
def test_targets_the_outputs_reach_are_left_alone(net, y):
    found = diagnose(net, y, 1500)  # a linear output reaches 10; 0/1 targets are in reach
    assert found.healthy, found


def test_labels_smoothed_nearly_to_the_middle_are_named():
    found = diagnose(Net(smooth=0.95), Y, 800)  # targets 0.475 and 0.525
    assert found.codes[:1] == ["strong_smoothing"], found
    assert "0.475, 0.525" in found.findings[0].evidence


def test_a_rate_typed_1e3_for_1e_3_is_named_with_the_scale_that_trains():
    found = diagnose(Net(lr=1e3), Y, 500)  # NaN at the first step
    assert found.codes == ["diverged"], found
    assert "0.001 times yours made the loss fall" in found.findings[0].where


def test_targets_all_at_the_middle_are_not_called_smoothing():
    found = diagnose(Net(smooth=1.0), Y, 800)  # every target 1/2: the labels are lost
    assert "strong_smoothing" not in found.codes and not found.healthy, found  # s read ~ 1
    assert found.summary.startswith("the gradient disagrees"), found.summary


@pytest.mark.parametrize("smooth", [0.1, 0.6])
def test_a_smoothing_whose_run_still_fits_is_a_choice(smooth):
    found = diagnose(Net(smooth=smooth), Y, 1500)  # 0.6: targets 0.2 and 0.8, still fitted
    assert found.healthy, found


class AdamNet(Net):
    """The same net trained by Adam; `root=False` forgets the square root of v (a step of
    about lr / |g| per entry)."""

    def __init__(self, root=True, lr=0.05):
        super().__init__(lr=lr)
        self.root, self.t = root, 0
        self.m = {k: 0.0 for k in NAMES.split()}
        self.v = {k: 0.0 for k in NAMES.split()}

    def train(self, X, y):
        d2 = self.delta(self.forward(X), y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        grads = {"W2": self.h.T @ d2, "b2": d2.sum(0), "W1": X.T @ d1, "b1": d1.sum(0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            m, v = self.m[k] / (1 - 0.9**self.t), self.v[k] / (1 - 0.999**self.t)
            scale = np.sqrt(v) if self.root else v
            setattr(self, k, getattr(self, k) - self.lr * m / (scale + 1e-8))


def test_a_broken_adam_is_sent_to_its_formula_with_a_textbook_run_that_trains():
    found = diagnose(AdamNet(root=False, lr=0.1), Y, 600)
    assert found.codes[:1] == ["rule_or_gradient"], found
    assert "checked: " in found.findings[0].evidence
    assert "every output on the right side" in found.findings[0].evidence


def test_a_textbook_adam_is_healthy():
    assert diagnose(AdamNet(lr=0.1), Y, 600).healthy


def test_a_linear_output_that_stops_short_of_large_targets_is_not_out_of_reach():
    found = diagnose(Net(out="linear", mse=True, lr=0.02, seed=1), 10 * Y, 1500)
    assert not found.healthy  # XOR's local minimum: outputs 0, 6.7, 6.7, 6.7
    assert "unreachable_targets" not in found.codes, found  # they left [0, 1]: within reach


def test_a_tiny_rate_on_a_model_adam_cannot_fit_either_is_reported_not_a_crash():
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731  (one logistic unit: XOR is beyond it)
    p = {"W": np.array([[0.3], [-0.2]]), "b": np.array([0.1])}

    def loss(q):
        o = sig(X @ q["W"] + q["b"])
        return float(-np.mean(Y * np.log(o) + (1 - Y) * np.log(1 - o)))

    def grad(q):
        d = (sig(X @ q["W"] + q["b"]) - Y) / 4
        return {"W": X.T @ d, "b": d.sum(0)}

    found = xl.doctor(p, loss, grad, X, Y, predict=lambda q, Z: sig(Z @ q["W"] + q["b"]), lr=3e-5)
    assert not found.healthy and found.findings, found
