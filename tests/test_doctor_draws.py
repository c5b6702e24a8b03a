"""Epochs that draw their samples at random: the gradient the adapter reads is the loss's
(the mean over every sample), not that of one draw, and advice about the rate must beat the
reader's own run. Expected gradients are computed here with plain numpy."""

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
NAMES = "W1 b1 W2 b2"
BLAME = {"sign_flip", "constant_scale", "data_factor", "zero_gradient", "wrong_gradient"}


def mean_grad(p, X, Y):
    """The mean BCE's gradient of a tanh-sigmoid net, p: W1 (2, 3), b1 (3,), W2 (3, 1), b2 (1,)."""
    h = np.tanh(X @ p["W1"] + p["b1"])
    e = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - Y) / len(X)
    d1 = (e @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ e, "b2": e.sum(0)}


class Drawing:
    """Updates on batches of `B` samples drawn with replacement, from a generator the object
    holds (or numpy's global one); `mean=False` sums a batch's gradient; `floor=True` takes
    n // B updates an epoch (none on one sample)."""

    def __init__(self, B=1, glob=False, mean=True, floor=False, shuffle=False):
        r = np.random.default_rng(3)
        self.W1, self.b1 = r.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = r.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.rng = 0.5, np.random.default_rng(4)
        self.B, self.glob, self.mean, self.floor, self.shuffle = B, glob, mean, floor, shuffle

    def params(self):
        return {k: getattr(self, k) for k in NAMES.split()}

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def batches(self, n):
        if self.shuffle:
            order = self.rng.permutation(n)
            return [order[i : i + self.B] for i in range(0, n, self.B)]
        count = n // self.B if self.floor else max(n // self.B, 1)
        draw = np.random.randint if self.glob else self.rng.integers
        return [draw(0, n, self.B) for _ in range(count)]

    def train(self, X, y):
        for i in self.batches(len(X)):
            g = mean_grad(self.params(), X[i], y[i])
            for k in g:
                scale = 1 if self.mean else len(i)
                setattr(self, k, getattr(self, k) - self.lr * scale * g[k])


def read(net):
    case = xl.adapt(net, NAMES, "train", X, Y, predict="forward", lr="lr", epochs=20)
    return case, case["grad"](case["params"])


@pytest.mark.parametrize("kw", [{}, {"B": 2}, {"glob": True}, {"B": 2, "glob": True}])
def test_a_drawing_epoch_is_read_as_the_loss_gradient(kw):
    net = Drawing(**kw)
    want = mean_grad(net.params(), X, Y)
    state = np.random.get_state()[1].copy()
    _, grad = read(net)
    for k in want:
        np.testing.assert_allclose(grad[k], want[k], atol=1e-6)
    assert np.array_equal(np.random.get_state()[1], state)  # the global stream left alone


@pytest.mark.parametrize("kw", [{}, {"glob": True}])
def test_a_short_drawing_run_is_not_blamed_on_its_gradient(kw):
    case, _ = read(Drawing(**kw))
    found = xl.doctor(**case)
    codes = [f.code for f in found.findings]
    assert not BLAME & set(codes), str(found)
    assert "lr_too_large" not in codes, str(found)  # smaller steps end above the reader's run
    assert codes[0] in {"too_few_steps", "cannot_tell"}, str(found)


def test_a_shuffle_is_not_a_draw_and_a_summed_batch_keeps_its_factor():
    net = Drawing(B=2, mean=False, shuffle=True)  # every sample once, batch gradients summed
    want = mean_grad(net.params(), X, Y)
    _, grad = read(net)
    for k in want:
        np.testing.assert_allclose(grad[k], 2 * want[k], atol=1e-6)


def test_an_epoch_that_steps_n_over_b_times_is_read_from_whole_epochs():
    net = Drawing(B=2, floor=True)  # one sample alone: 1 // 2 = 0 updates, nothing to read
    _, grad = read(net)
    rng = np.random.default_rng(4)  # the two batches the object draws next
    want = [mean_grad(net.params(), X[i], Y[i]) for i in (rng.integers(0, 4, 2) for _ in "ab")]
    for k in grad:  # one tiny update on each
        np.testing.assert_allclose(grad[k], np.mean([w[k] for w in want], axis=0), atol=1e-6)
