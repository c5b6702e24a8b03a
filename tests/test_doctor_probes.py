"""The doctor's probes never disturb the reader's run: a class that backpropagates the
activations its last forward() cached (and refreshes them at the end of each step, as the
reader's own loop does) is examined without a crash and judged healthy, and one that never
refreshes them is examined without a crash."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


def sig(z):
    return 1 / (1 + np.exp(-z))


class Cached:
    """2-3-1 sigmoid net, mean BCE. forward() caches h and out; train() backpropagates from
    that cache, then (when `refresh`) calls forward(X) again for the next step."""

    def __init__(self, refresh=True, lr=2.0, seed=3):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.refresh = lr, refresh
        self.forward(X)  # the cache holds all four samples

    def forward(self, Z):
        self.h = sig(Z @ self.W1 + self.b1)
        self.out = sig(self.h @ self.W2 + self.b2)
        return self.out

    def train(self, Z, T):
        d2 = (self.out - T) / len(Z)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * Z.T @ d1
        self.b1 -= self.lr * d1.sum(0)
        if self.refresh:
            self.forward(Z)


def run_plain(net, epochs):
    """The reader's own loop, in plain numpy: the outputs at the end."""
    for _ in range(epochs):
        net.train(X, Y)
    return net.forward(X)


def test_a_class_that_trains_from_its_cached_forward_is_healthy():
    out = run_plain(Cached(), 2000)
    assert np.all((out > 0.5) == (Y > 0.5))  # the reader's run solves XOR
    case = xl.adapt(Cached(), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr")
    diagnosis = xl.doctor(**case, epochs=2000)
    assert diagnosis.healthy, diagnosis


def test_a_cache_never_refreshed_is_examined_without_a_crash():
    case = xl.adapt(Cached(refresh=False), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr")
    assert not xl.doctor(**case, epochs=2000).healthy
