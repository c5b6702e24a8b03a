"""The doctor judges gradient, loss and step together, tries its advice before giving it, and
runs the same on any global random state, with or without `predict`.

The programs here are written the way learners write them (a dict of arrays with functions, a
class that trains in place), with their gradients derived by hand below, not with xorlab's."""

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor import scoring, update
from xorlab.doctor.report import doctor

X, Y = xl.xor()


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _start(seed=1, d_in=2, hidden=4):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (d_in, hidden)),
        "b1": np.zeros(hidden),
        "W2": rng.normal(0, 1, (hidden, 1)),
        "b2": np.zeros(1),
    }


def _forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, _sigmoid(h @ p["W2"] + p["b2"])


def _predict(p, Z):
    return _forward(p, Z)[1]


def _bce(p, Z=X, T=Y):
    out = np.clip(_predict(p, Z), 1e-12, 1 - 1e-12)
    return float(-np.mean(T * np.log(out) + (1 - T) * np.log(1 - out)))


def _loglik_grad(p, Z=X, T=Y):
    """Gradient of the mean log-likelihood (to be maximised): minus the mean BCE's."""
    h, out = _forward(p, Z)
    d2 = (T - out) / len(Z)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": Z.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def _ascent(lr):
    return lambda p, g: {k: p[k] + lr * g[k] for k in p}


def test_gradient_ascent_on_the_log_likelihood_is_healthy():
    found = doctor(_start(), _bce, _loglik_grad, X, Y, predict=_predict, step=_ascent(0.5))
    assert found.healthy, str(found)
    assert "opposite sign" in found.summary and "right side" in found.summary
    wrong = doctor(_start(), _bce, _loglik_grad, X, Y, predict=_predict, lr=0.5)  # subtracts it
    assert "sign_flip" in wrong.codes


def test_printing_and_climbing_the_log_likelihood_is_healthy():
    def loglik(p):
        return -_bce(p)

    found = doctor(_start(), loglik, _loglik_grad, X, Y, predict=_predict, step=_ascent(0.5))
    assert found.healthy, str(found)
    assert "one to maximise" in found.summary
    blind = doctor(_start(), loglik, _loglik_grad, X, Y, step=_ascent(0.5))  # no predict
    assert "update_climbs" in blind.codes  # without outputs, no solution can be seen


def test_ascent_without_predict_is_judged_by_its_loss():
    found = doctor(_start(), _bce, _loglik_grad, X, Y, step=_ascent(0.5))
    assert found.healthy, str(found)


class _Ascender:
    """A learner's class: maximises the log-likelihood, one epoch per call of `train`."""

    def __init__(self, seed=1, lr=0.5):
        self.__dict__.update(_start(seed))
        self.lr = lr

    def forward(self, Z):
        return _predict(vars(self), Z)

    def gradients(self, Z, T):
        return _loglik_grad(vars(self), Z, T)

    def train(self, Z, T):
        for k, g in self.gradients(Z, T).items():
            setattr(self, k, getattr(self, k) + self.lr * g)


def test_a_class_that_climbs_the_log_likelihood_is_healthy():
    net, names = _Ascender(), ["W1", "b1", "W2", "b2"]

    def load(p):
        twin = _Ascender()
        twin.__dict__.update({k: v.copy() for k, v in p.items()})
        return twin

    case = xl.adapt(net, names, "train", X, Y, predict="forward", lr="lr")
    assert doctor(**case).healthy
    by_hand = doctor(
        {k: getattr(net, k) for k in names},
        lambda p: _bce(p),
        lambda p: load(p).gradients(X, Y),
        X,
        Y,
        predict=lambda p, Z: load(p).forward(Z),
        step=lambda p, g: {k: p[k] + net.lr * g[k] for k in p},
    )
    assert by_hand.healthy, str(by_hand)


def _bce_grad(p):
    return {k: -g for k, g in _loglik_grad(p).items()}


def test_learning_rate_advice_is_tried_first():
    found = doctor(_start(), _bce, _bce_grad, X, Y, predict=_predict, lr=200.0)
    assert found.codes and set(found.codes) <= {"diverged", "lr_too_large"}, str(found)
    tried = found.findings[0].evidence.splitlines()[-1]  # the scale that made the loss fall
    scale = float(tried.split("times ")[1].split(":")[0])
    assert tried.startswith("checked: your update's steps times") and scale in (0.1, 0.01)
    assert found.findings[0].where.startswith(f"the learning rate: {scale:g} times yours")


def test_a_larger_learning_rate_is_advised_only_once_it_made_the_loss_fall():
    found = doctor(_start(), _bce, _bce_grad, X, Y, predict=_predict, lr=1e-4)
    assert found.codes == ["lr_too_small"], str(found)
    tried = found.findings[0].evidence.splitlines()[-1]
    scale = float(tried.split("times ")[1].split(":")[0])
    start, end = (float(v) for v in tried.split("loss ")[1].split(" in")[0].split(" -> "))
    assert scale > 1 and end < 0.9 * start
    assert found.findings[0].where.startswith(f"the learning rate: {scale:g} times yours")


def _adam_of_g(lr):
    """Adam whose second moment averages g, not g**2: NaN at the first step at any rate."""
    state = {"t": 0}

    def step(p, g):
        state["t"] += 1
        out = {}
        for k in p:
            m = state.setdefault(("m", k), np.zeros_like(p[k])) * 0.9 + 0.1 * g[k]
            v = state.setdefault(("v", k), np.zeros_like(p[k])) * 0.999 + 0.001 * g[k]
            state["m", k], state["v", k] = m, v
            with np.errstate(invalid="ignore"):
                out[k] = p[k] - lr * m / (np.sqrt(v) + 1e-8)
        return out

    return step


def test_a_broken_update_rule_is_named_once_plain_descent_trains_not_a_learning_rate():
    step = _adam_of_g(0.01)
    found = doctor(_start(), _bce, _bce_grad, X, Y, predict=_predict, step=step, lr=0.01)
    assert found.codes == ["step_rule"], str(found)
    evidence = found.findings[0].evidence
    assert "NaN or inf at step 1" in evidence  # the reader's run
    assert "checked: plain gradient descent with your gradient, p - 0.01 * g" in evidence


class _Program(scoring.Expected):
    def __init__(self, required=()):
        self.required, self.allowed = frozenset(required), frozenset()


def test_cannot_tell_is_a_miss_and_never_an_alarm():
    score = scoring.score([(_Program(), ["cannot_tell"]), (_Program({"diverged"}), ["diverged"])])
    assert (score.fair, score.findings, score.hits, score.unsure) == (1, 1, 1, 1)
    buggy = scoring.score([(_Program({"wrong_gradient"}), ["cannot_tell"])])
    assert (buggy.findings, buggy.hits) == (0, 0)


def test_predict_is_optional_for_a_model_that_cannot_fit():
    rng = np.random.default_rng(0)
    start = {"w": rng.normal(0, 1, (2, 1)), "b": np.zeros(1)}  # logistic regression on XOR

    def loss(p):
        out = np.clip(_sigmoid(X @ p["w"] + p["b"]), 1e-12, 1 - 1e-12)
        return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    def grad(p):
        d = (_sigmoid(X @ p["w"] + p["b"]) - Y) / len(X)
        return {"w": X.T @ d, "b": d.sum(0)}

    found = doctor(start, loss, grad, X, Y, lr=0.5)
    assert found.codes == ["cannot_tell"] and "without predict" in str(found)


def test_without_predict_a_gradient_finding_says_what_it_could_not_check():
    def mse(p):
        return float(np.mean((_predict(p, X) - Y) ** 2))

    found = doctor(_start(), mse, _bce_grad, X, Y)
    assert found.codes and "pass predict" in found.findings[0].evidence


def test_equal_inputs_are_not_symmetric_units():
    X3 = np.column_stack([X, X[:, 1]])  # a repeated input: W1 rows 1 and 2 stay equal
    p = _start(d_in=3, hidden=6)
    p["W1"][2] = p["W1"][1]

    def grad(q):
        return {k: -g for k, g in _loglik_grad(q, X3).items()}

    found = doctor(p, lambda q: _bce(q, X3), grad, X3, Y, predict=_predict, lr=0.5)
    assert "symmetric" not in found.codes, str(found)


@pytest.mark.parametrize("columns", [False, True])
def test_copied_units_are_symmetric_in_either_layout(columns):
    W = np.array([[1.0, 1.0, 2.0], [3.0, 3.0, 4.0]])  # (inputs, units): units 0 and 1 copies
    G = np.array([[0.5, 0.5, 0.1], [0.2, 0.2, 0.3]])
    params, grads = ({"W1": W.T}, {"W1": G.T}) if columns else ({"W1": W}, {"W1": G})
    units = update.unit_axis(params, 2, 1, columns)
    assert units == ("rows" if columns else "columns")
    assert update.symmetric(params, grads, units)
    assert not update.symmetric(params, grads, "columns" if columns else "rows")


class _RandomOrder:
    """Mini-batches of 2 in a random order drawn from numpy's global random state."""

    def __init__(self):
        self.p, self.lr = _start(1), 2.0

    def forward(self, Z):
        return _predict(self.p, Z)

    def train(self, Z, T):
        order = np.random.permutation(len(Z))
        for batch in (order[:2], order[2:]):
            for k, g in _bce_grad_on(self.p, Z[batch], T[batch]).items():
                self.p[k] = self.p[k] - self.lr * g


def _bce_grad_on(p, Z, T):
    return {k: -g for k, g in _loglik_grad(p, Z, T).items()}


def test_the_verdict_does_not_depend_on_global_random_state():
    names = ["p.W1", "p.b1", "p.W2", "p.b2"]
    reports = []
    for global_seed in (1, 2):
        np.random.seed(global_seed)
        case = xl.adapt(_RandomOrder(), names, "train", X, Y, predict="forward", lr="lr")
        state = np.random.get_state()[1].copy()
        reports.append(str(doctor(**case, seed=5)))
        assert np.array_equal(np.random.get_state()[1], state)  # left as it was
    assert reports[0] == reports[1] and "seed=5" in reports[0]
