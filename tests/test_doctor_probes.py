"""The doctor's probes never disturb the reader's run: a class that backpropagates the
activations its last forward() cached (and refreshes them at the end of each step, as the
reader's own loop does) is examined without a crash and judged healthy. A later update of the
reader's run, read on a private copy of it, names a cache never refreshed (stale) and labels
shuffled apart from their inputs (paired apart), while the same classes done right stay
healthy. A factor of 1 within the probe's own error is no finding."""

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


def test_a_cache_never_refreshed_is_named_stale_without_a_crash():
    out = run_plain(Cached(refresh=False), 2000)
    assert not np.all((out > 0.5) == (Y > 0.5))  # the reader's run does not solve XOR
    case = xl.adapt(Cached(refresh=False), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr")
    with np.errstate(all="ignore"):
        found = xl.doctor(**case, epochs=2000)
    assert found.codes[:1] == ["stale_update"], found
    assert "W2, b2: your update is still the first one" in found.findings[0].evidence


class Shuffled:
    """2-4-1 sigmoid net, mean BCE, mini-batches of two in a random order each epoch, from a
    generator the object keeps. `apart`: X and y get two different permutations (the bug).
    `late`: the orders are drawn at the end of each epoch for the next (the first epoch runs
    in the given order, so the first update is right)."""

    def __init__(self, apart, lr=2.0, seed=7, late=False):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.apart, self.rng = lr, apart, np.random.default_rng(seed + 1)
        self.late, self.orders = late, (None, None)

    def draw(self, n):
        order = self.rng.permutation(n)
        return order, self.rng.permutation(n) if self.apart else order

    def forward(self, Z):
        self.h = sig(Z @ self.W1 + self.b1)
        return sig(self.h @ self.W2 + self.b2)

    def train(self, Z, T):
        first, second = self.orders if self.late else self.draw(len(Z))
        if first is None:  # the first epoch of a late shuffle: the given order
            first = second = np.arange(len(Z))
        Z, T = Z[first], T[second]
        for s in range(0, len(Z), 2):
            z, t = Z[s : s + 2], T[s : s + 2]
            d2 = (self.forward(z) - t) / len(z)
            d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(0)
            self.W1 -= self.lr * z.T @ d1
            self.b1 -= self.lr * d1.sum(0)
        self.orders = self.draw(len(Z))


def test_labels_shuffled_apart_from_inputs_are_named_with_the_pairing():
    assert np.all((run_plain(Shuffled(False), 1500) > 0.5) == (Y > 0.5))
    assert not np.all((run_plain(Shuffled(True), 1500) > 0.5) == (Y > 0.5))
    cases = [
        xl.adapt(Shuffled(a), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr")
        for a in (False, True)
    ]
    healthy, apart = (xl.doctor(**case, epochs=1500) for case in cases)
    assert healthy.healthy, healthy
    assert apart.codes[:1] == ["paired_apart"], apart
    assert "with the labels of samples [" in apart.findings[0].evidence


OR = np.array([[0], [1], [1], [1]], dtype=float)


def unit_case(factor):
    """A logistic unit on OR (mean BCE) whose gradient is `factor` times the true one."""

    def out(p, Z):
        return sig(Z @ p["W"] + p["b"])

    def loss(p):
        o = out(p, X)
        return float(-np.mean(OR * np.log(o) + (1 - OR) * np.log(1 - o)))

    def grad(p):
        d = factor * (out(p, X) - OR) / len(X)
        return {"W": X.T @ d, "b": d.sum(0)}

    params = {"W": np.array([[0.3], [-0.2]]), "b": np.array([0.1])}
    return {"params": params, "loss": loss, "grad": grad, "X": X, "y": OR, "predict": out}


def test_a_factor_within_the_probes_own_error_is_no_finding_for_an_implied_gradient():
    near = unit_case(1 + 4e-4)  # within the 1e-3 a tiny-rate probe of an update may be off
    read = xl.doctor(**near, implied=True)
    assert read.healthy, read
    assert read.summary.startswith("the gradient agrees with finite differences"), read
    said = xl.doctor(**near)  # a gradient computed by grad() itself has no such excuse
    assert [f.code for f in said.findings][:1] == ["constant_scale"], said
    far = xl.doctor(**unit_case(1 + 5e-3), implied=True)  # beyond it: the update rule's
    assert "does not step along the slope" in far.summary, far


def test_labels_shuffled_apart_after_a_right_first_epoch_are_named_from_a_later_update():
    late = Shuffled(True, late=True)
    assert not np.all((run_plain(late, 1500) > 0.5) == (Y > 0.5))
    case = xl.adapt(
        Shuffled(True, late=True), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr"
    )
    found = xl.doctor(**case, epochs=1500)
    assert found.codes[:1] == ["paired_apart"], found
    assert found.findings[0].evidence.startswith("after 50 epochs, your update against")
