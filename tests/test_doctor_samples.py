"""What the doctor reads off a whole epoch against the same code on each sample alone, and off
arrays that share a shape: samples an epoch never uses, one array's gradient carried into
another's, outputs that are one number whatever the weights, layers with a rate of their
own, a gradient that points mostly (not exactly) backwards, and an epoch that fails on part
of the data. Each network is written here as a learner would; each has a healthy twin."""

import re

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
NAMES = "W1 b1 W2 b2"


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    """2-3-1 tanh/sigmoid net on the mean BCE's delta. `loop`: "batch" (one update per
    epoch), "samples" (one per sample; `stop_after` samples, then return) or "pairs"
    (mini-batches of 2, the slice X[i:2] when `slip`) or "offsets" (batches of 2 started at
    0, 1, ..., len(X) // 2 - 1: a count of batches read as offsets); `hidden_rate`: the
    hidden layer's rate as a share of lr; `delta`: "bce" or "squared" (the loss's value for
    its slope)."""

    def __init__(self, loop="batch", stop_after=None, slip=False, hidden_rate=1.0, lr=1.0, seed=3):
        r = np.random.default_rng(seed)
        self.W1, self.b1 = r.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = r.normal(0, 1, (3, 1)), np.zeros(1)
        self.loop, self.stop_after, self.slip = loop, stop_after, slip
        self.hidden_rate, self.lr, self.delta = hidden_rate, lr, "bce"

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def update(self, X, y):
        out = self.forward(X)
        err = out - y if self.delta == "bce" else (out - y) ** 2 * out * (1 - out)
        d2 = err / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        slow = self.lr * self.hidden_rate
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= slow * X.T @ d1
        self.b1 -= slow * d1.sum(axis=0)

    def train(self, X, y):
        if self.loop == "batch":
            return self.update(X, y)
        if self.loop == "pairs":
            for i in range(0, len(X), 2):
                end = 2 if self.slip else i + 2
                if len(X[i:end]):
                    self.update(X[i:end], y[i:end])
            return None
        if self.loop == "offsets":
            for start in range(len(X) // 2):
                self.update(X[start : start + 2], y[start : start + 2])
            return None
        for i in range(len(X)):
            self.update(X[i : i + 1], y[i : i + 1])
            if self.stop_after is not None and i + 1 == self.stop_after:
                return None
        return None


def diagnose(net, epochs=1500):
    case = xl.adapt(net, NAMES, "train", X, Y, predict="forward", lr="lr", epochs=epochs)
    with np.errstate(all="ignore"):
        return xl.doctor(**case)


@pytest.mark.parametrize(
    "net, left_out",
    [(Net("samples", stop_after=1), "X[1], X[2], X[3]"), (Net("pairs", slip=True), "X[2], X[3]")],
)
def test_samples_an_epoch_never_uses_are_named(net, left_out):
    found = diagnose(net)
    assert found.codes[:1] == ["skipped_samples"], found
    assert f"your update never uses {left_out}" in found.findings[0].evidence


def test_samples_a_loop_that_takes_no_step_on_one_sample_leaves_out_are_named():
    # one sample gives range(0): the one-sample gradients come from the loss, and the batches
    # X[0:2] and X[1:3] (each a mean) weigh the samples 1/2, 1, 1/2 and 0
    found = diagnose(Net("offsets"))
    assert found.codes[:1] == ["skipped_samples"], found
    evidence = found.findings[0].evidence
    assert "finite differences of the mean BCE on each sample alone" in evidence
    weights = re.search(r"with weights ([^:]+): your update never uses X\[3\]$", evidence, re.M)
    w = np.array([float(v) for v in weights.group(1).split(", ")])
    assert w / w[1] == pytest.approx([0.5, 1, 0.5, 0], abs=1e-3)


@pytest.mark.parametrize("net", [Net("samples", lr=0.5), Net("pairs", lr=1.0), Net()])
def test_loops_that_use_every_sample_are_healthy(net):
    assert diagnose(net, 3000).healthy


class SharedVelocity:
    """2-2-2 sigmoid/softmax net with momentum, its velocities kept per array (`shared`:
    one velocity for both weight matrices and one for both biases, as a loop over layers
    that reuses one buffer would)."""

    def __init__(self, shared, lr=0.5, mu=0.9):
        r = np.random.default_rng(11)
        self.W1, self.b1 = r.normal(0, 1, (2, 2)), np.zeros(2)
        self.W2, self.b2 = r.normal(0, 1, (2, 2)), np.zeros(2)
        self.lr, self.mu, self.shared = lr, mu, shared
        self.v = {k: 0.0 for k in NAMES.split()}

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        z = self.h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def train(self, X, T):
        d2 = (self.forward(X) - T) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        grads = {"W2": self.h.T @ d2, "b2": d2.sum(0), "W1": X.T @ d1, "b1": d1.sum(0)}
        for k, g in grads.items():
            key = ("W2" if k[0] == "W" else "b2") if self.shared else k
            self.v[key] = self.mu * self.v[key] - self.lr * g
            setattr(self, k, getattr(self, k) + self.v[key])


T = np.hstack([1 - Y, Y])


def test_one_velocity_shared_by_two_layers_is_named_with_its_factor():
    net = SharedVelocity(shared=True)
    case = xl.adapt(net, NAMES, "train", X, T, predict="forward", lr="lr", epochs=600)
    with np.errstate(all="ignore"):
        found = xl.doctor(**case)
    assert found.codes[:1] == ["mixed_gradient"], found
    assert "W1: the loss's gradient of W1 plus 0.9 times that of W2" in found.findings[0].evidence


def test_a_velocity_per_array_is_healthy():
    net = SharedVelocity(shared=False)
    case = xl.adapt(net, NAMES, "train", X, T, predict="forward", lr="lr", epochs=600)
    assert xl.doctor(**case).healthy


def test_a_softmax_over_one_output_is_named_not_refused():
    net = SharedVelocity(shared=False)
    net.W2, net.b2 = net.W2[:, :1], net.b2[:1]  # one output: softmax gives 1 for any input
    case = xl.adapt(net, NAMES, "train", X, Y, predict="forward", lr="lr", epochs=300)
    found = xl.doctor(**case)
    assert found.codes == ["constant_output"], found
    assert "every output is 1 for every input" in found.findings[0].evidence


def test_a_hidden_layer_at_a_quarter_rate_that_trains_is_healthy():
    found = diagnose(Net(hidden_rate=0.25, lr=2.0), 1500)
    assert found.healthy, found
    assert "W1 0.25x, b1 0.25x" in found.summary and "it trains" in found.summary


def test_a_quarter_rate_that_does_not_train_is_still_named():
    found = diagnose(Net(hidden_rate=0.25, lr=2.0), 20)  # too few epochs to solve
    assert "constant_scale" in found.codes, found


def test_a_delta_mostly_opposite_is_wrong_not_a_sign_to_flip():
    net = Net(seed=4)  # a start where every array's cosine lies in (-0.9999, -0.99)
    net.delta = "squared"  # (out - y)**2 * out (1 - out): the loss, not its slope
    found = diagnose(net)
    assert found.codes[:1] == ["wrong_gradient"], found
    cosines = [float(c) for c in re.findall(r"cosine ([-+][\d.]+)", str(found))]
    assert cosines and max(cosines) < -0.99  # mostly backwards: the old rule called it a flip


class BiasSummedOverUnits(Net):
    """The hidden bias's gradient summed over units (axis 1) where samples belong (axis 0):
    with 4 samples and 4 hidden units the shapes agree on the whole batch only."""

    def __init__(self):
        super().__init__()
        r = np.random.default_rng(8)
        self.W1, self.b1 = r.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2 = r.normal(0, 1, (4, 1))

    def update(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=1)


def test_an_epoch_that_fails_on_part_of_the_data_is_one_update():
    found = diagnose(BiasSummedOverUnits())
    assert found.codes[:1] in (["wrong_gradient"], ["data_factor"]), found
    assert found.findings[0].title.endswith(" in b1")  # W1, W2 are not read as 1/n of theirs


class ListedParams(Net):
    """The same net with momentum, its arrays also kept in a list that the update loops over
    (`self.params`), its velocities zeros (`alias`: the weight arrays themselves)."""

    def __init__(self, alias=False, dtype=np.float64):
        super().__init__(lr=0.5)
        for k in NAMES.split():
            setattr(self, k, getattr(self, k).astype(dtype))
        self.params = [self.W1, self.b1, self.W2, self.b2]
        self.vel = list(self.params) if alias else [np.zeros_like(p) for p in self.params]

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        grads = [X.T @ d1, d1.sum(0), self.h.T @ d2, d2.sum(0)]
        for p, v, g in zip(self.params, self.vel, grads):
            v *= 0.9
            v -= self.lr * g
            p += v


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_params_kept_in_a_list_are_the_arrays_the_doctor_sets(dtype):
    assert diagnose(ListedParams(dtype=dtype), 1500).healthy  # was: a gradient of 0 everywhere


def test_velocities_that_are_the_weights_are_an_update_rule_not_a_gradient():
    found = diagnose(ListedParams(alias=True), 300)
    assert found.codes == ["not_a_step"], found
    assert "even at rate 0" in found.findings[0].title


class StandardisesInside(Net):
    """Standardises X inside its training (a std over one sample is 0: NaN on one sample),
    while `forward` takes X as given."""

    def train(self, X, y):
        self.update((X - X.mean(axis=0)) / X.std(axis=0), y)


def test_an_epoch_that_is_nan_on_one_sample_is_read_from_the_whole_batch():
    with np.errstate(all="ignore"):
        found = diagnose(StandardisesInside(), 500)
    assert found.codes[:1] in (["wrong_gradient"], ["data_factor"]), found  # not "zero"
    assert "nan" not in str(found).lower()


def test_a_single_zero_entry_does_not_name_the_cause_of_a_wrong_backward_pass():
    def outputs(p, Z):
        h = np.tanh(Z @ p["W1"] + p["b1"])
        return h, sigmoid(h @ p["W2"] + p["b2"])

    def grad(p):  # the hidden delta without tanh's slope, and an output bias left at 0
        h, out = outputs(p, X)
        d2 = (out - Y) / len(X)
        d1 = d2 @ p["W2"].T
        return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": np.zeros(1)}

    def bce(p):
        out = outputs(p, X)[1]
        return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    start = Net(seed=2)
    p = {k: getattr(start, k) for k in NAMES.split()}
    found = xl.doctor(p, bce, grad, X, Y, predict=lambda q, Z: outputs(q, Z)[1], epochs=500)
    assert found.codes[:1] in (["wrong_gradient"], ["data_factor"]), found
    assert "b2: 1 of 1 entries are exactly 0" in found.findings[0].evidence
