"""Implementations for testing the doctor: correct ones, re-creations of the five seed programs
(our own code, same bugs), every fault of xorlab.FAULTS, and common bugs found in no seed.

Each case is (name, build, required, allowed): `build()` returns doctor's keyword arguments;
at least one of `required` must be found (an empty `required` means: no finding at all), and
every finding must be in `required | allowed`.
"""

import numpy as np

import xorlab as xl
from xorlab.doctor.causes import GRADIENT
from xorlab.doctor.report import adapt_mlp, implied_gradient


def sig(z):
    return xl.ACTIVATIONS["sigmoid"].f(z)


def mean_bce(p, y):
    return float(xl.bce(p, y))


def mlp_case(seed=1, X=None, y=None, **kw):
    if X is None:
        X, y = xl.xor()
    return adapt_mlp(xl.MLP(seed=seed, **kw), X, y)


def manual_221(layer2_scale=1.0, layer1_scale=1.0, transpose=False):
    """A column-layout 2-2-1 (or 2-2-2-1 with transpose=True) sigmoid net with BCE; the scales
    and the transposed weight plant bugs in an otherwise correct backward pass."""
    X, y = xl.xor()
    rng = np.random.default_rng(3)
    widths = (2, 2, 2, 1) if transpose else (2, 2, 1)
    p = {}
    for i, (a, b) in enumerate(zip(widths[:-1], widths[1:]), 1):
        p[f"W{i}"], p[f"b{i}"] = rng.normal(0, 1, (b, a)), np.zeros((b, 1))
    L = len(widths) - 1

    def forward(q, Z):
        acts = [Z.T]
        for i in range(1, L + 1):
            acts.append(sig(q[f"W{i}"] @ acts[-1] + q[f"b{i}"]))
        return acts

    def grad(q):
        acts = forward(q, X)
        n = X.shape[0]
        delta = (acts[-1] - y.T) / n
        g = {}
        for i in range(L, 0, -1):
            scale = layer2_scale if i == L else layer1_scale
            g[f"W{i}"] = scale * delta @ acts[i - 1].T
            g[f"b{i}"] = scale * delta.sum(axis=1, keepdims=True)
            if i > 1:
                W = q[f"W{i}"].T if not (transpose and i == 2) else q[f"W{i}"]
                delta = (W @ delta) * acts[i - 1] * (1 - acts[i - 1])
        return g

    return {
        "params": p,
        "loss": lambda q: mean_bce(forward(q, X)[-1].T, y),
        "grad": grad,
        "predict": lambda q, Z: forward(q, Z)[-1].T,
        "X": X,
        "y": y,
    }


def seed000():
    """ReLU hidden layer, sigmoid output, BCE, no biases, U[0,1) weights, the sigmoid's
    derivative taken at the output, and the update done inside the backward pass."""
    X, y = xl.xor()
    rng, lr = np.random.default_rng(0), 0.1
    params = {"hidden": rng.random((2, 10)), "out": rng.random((10, 1))}

    def forward(p, Z):
        h = np.maximum(Z @ p["hidden"], 0)
        return h, sig(h @ p["out"])

    def backward_and_update(p):
        h, out = forward(p, X)
        d_out = np.where(y == 1, -1 / out, 1 / (1 - out)) * sig(out) * (1 - sig(out))
        d_h = (d_out @ p["out"].T) * (h > 0)
        p["out"] -= lr * h.T @ d_out
        p["hidden"] -= lr * X.T @ d_h
        return p

    return {
        "params": params,
        "loss": lambda p: mean_bce(forward(p, X)[1], y),
        "grad": implied_gradient(backward_and_update, params, lr),
        "predict": lambda p, Z: forward(p, Z)[1],
        "X": X,
        "y": y,
        "lr": lr,
    }


def seed001():
    """Two chained sigmoid neurons without biases learning x -> x on {0, 1}, by gradient
    ascent on minus half the summed squared error."""
    x = np.array([0.0, 1.0])
    rate = 5.0
    params = {"w": np.random.default_rng(1).random(2)}

    def forward(p, inp):
        return sig(p["w"][1] * sig(p["w"][0] * inp))

    def ascent_step(p):
        a = sig(p["w"][0] * x)
        z = sig(p["w"][1] * a)
        g0 = np.sum((x - z) * z * (1 - z) * p["w"][1] * a * (1 - a) * x)
        g1 = np.sum((x - z) * z * (1 - z) * a)
        p["w"] = p["w"] + rate * np.array([g0, g1])
        return p

    return {
        "params": params,
        "loss": lambda p: float(0.5 * np.sum((x - forward(p, x)) ** 2)),
        "grad": implied_gradient(ascent_step, params, rate),
        "predict": lambda p, Z: forward(p, Z[:, 0])[:, None],
        "X": x[:, None],
        "y": x[:, None],
        "lr": rate,
        "epochs": 2000,
    }


def seed002():
    """2-2-1 sigmoid net, samples as columns, weights x 0.01, the BCE derivative with its
    second term's sign flipped (and the -1/4 of the mean applied to it)."""
    X, y = xl.xor()
    rng = np.random.default_rng(2)
    params = {
        "w1": rng.normal(size=(2, 2)) * 0.01,
        "b1": np.zeros((2, 1)),
        "w2": rng.normal(size=(1, 2)) * 0.01,
        "b2": np.zeros((1, 1)),
    }
    A, t = X.T, y.T

    def forward(p, Z):
        a1 = sig(p["w1"] @ Z + p["b1"])
        return a1, sig(p["w2"] @ a1 + p["b2"])

    def grad(p):
        a1, out = forward(p, A)
        d_out = -0.25 * (t / out + (1 - t) / (1 - out))
        dz2 = d_out * out * (1 - out)
        dz1 = (p["w2"].T @ dz2) * a1 * (1 - a1)
        return {
            "w1": dz1 @ A.T,
            "b1": dz1.sum(1, keepdims=True),
            "w2": dz2 @ a1.T,
            "b2": dz2.sum(1, keepdims=True),
        }

    return {
        "params": params,
        "loss": lambda p: mean_bce(forward(p, A)[1].T, y),
        "grad": grad,
        "predict": lambda p, Z: forward(p, Z.T)[1].T,
        "X": X,
        "y": y,
        "lr": 0.1,
    }


def seed003():
    """Per-sample XOR net without biases: the cost used as the error, the derivative taken at
    the inputs, steps that add, and every hidden unit given the same update."""
    X, y = xl.xor()
    rng, lr = np.random.default_rng(3), 0.01
    params = {"hidden": rng.random((2, 2)), "out": rng.random((1, 2))}

    def forward(p, Z):
        h = sig(Z @ p["hidden"].T)
        return h, sig(h @ p["out"].T)

    def epoch(p):
        for x, target in zip(X, y[:, 0]):
            h = sig(p["hidden"] @ x)
            o = sig(p["out"] @ h)
            cost = 0.5 * float(np.sum((o - target) ** 2))
            slope = sig(x) * (1 - sig(x))
            step_out = lr * cost * slope * h
            p["out"] = p["out"] + step_out
            p["hidden"] = p["hidden"] + lr * slope * (step_out @ p["out"].T).item() * x
        return p

    return {
        "params": params,
        "loss": lambda p: float(np.mean(0.5 * (forward(p, X)[1] - y) ** 2)),
        "grad": implied_gradient(epoch, params, lr),
        "predict": lambda p, Z: forward(p, Z)[1],
        "X": X,
        "y": y,
        "lr": lr,
    }


def seed004(hidden="sigmoid"):
    """2-h-1 net with biases, samples as columns, squared error: the output error is summed
    (no 1/n), the hidden error skips the output sigmoid's derivative, and the hidden
    derivative is h (1 - h) even for tanh."""
    X, y = xl.xor()
    rng = np.random.default_rng(4)
    act = np.tanh if hidden == "tanh" else sig
    params = {
        "wih": rng.normal(0, 1, (2, 2)),
        "bh": np.zeros((2, 1)),
        "who": rng.normal(0, 1, (1, 2)),
        "bo": np.zeros((1, 1)),
    }
    A, t = X.T, y.T

    def forward(p, Z):
        h = act(p["wih"] @ Z + p["bh"])
        return h, sig(p["who"] @ h + p["bo"])

    def grad(p):
        h, out = forward(p, A)
        d_out = -2 * (t - out)
        delta_o = d_out * out * (1 - out)
        delta_h = (p["who"].T @ d_out) * h * (1 - h)
        return {
            "wih": delta_h @ A.T,
            "bh": delta_h.sum(1, keepdims=True),
            "who": delta_o @ h.T,
            "bo": delta_o.sum(1, keepdims=True),
        }

    return {
        "params": params,
        "loss": lambda p: float(np.mean((forward(p, A)[1] - t) ** 2)),
        "grad": grad,
        "predict": lambda p, Z: forward(p, Z.T)[1].T,
        "X": X,
        "y": y,
        "lr": 0.1,
    }


def with_step(case, step):
    return {**case, "step": step}


FAULT_SETTINGS = {
    "leak_forward_only": {"hidden": "relu", "init": "he"},
    "sigmoid_derivative_for_tanh": {"hidden": "tanh"},
    "cost_as_gradient": {"loss": "mse"},
}


def fault_case(name):
    needs_square = getattr(xl.FAULTS[name], "needs_hidden_as_wide_as_input", False)
    kw = {"sizes": (2, 2, 1) if needs_square else (2, 3, 1), **FAULT_SETTINGS.get(name, {})}
    return mlp_case(faults=(name,), **kw)


HEALTH = {"rising", "lr_too_large", "diverged"}
Xi, yi = xl.identity()

CASES = [
    ("correct 2-2-1 sigmoid", lambda: mlp_case(sizes=(2, 2, 1)), set(), set()),
    ("correct 2-3-1 tanh", lambda: mlp_case(sizes=(2, 3, 1), hidden="tanh"), set(), set()),
    (
        "correct 2-4-1 relu",
        lambda: mlp_case(sizes=(2, 4, 1), hidden="relu", init="he"),
        set(),
        set(),
    ),
    ("correct 2-3-1 mse", lambda: mlp_case(sizes=(2, 3, 1), loss="mse"), set(), set()),
    ("correct 2-3-3-1 tanh", lambda: mlp_case(sizes=(2, 3, 3, 1), hidden="tanh"), set(), set()),
    (
        "correct 1-1-1 identity",
        lambda: mlp_case(sizes=(1, 1, 1), loss="mse", X=Xi, y=yi),
        set(),
        set(),
    ),
    ("correct column layout", lambda: manual_221(), set(), set()),
    ("seed 000", seed000, GRADIENT, {"no_bias", "linear"} | HEALTH),
    ("seed 001", seed001, {"cannot_fit"}, set()),
    ("seed 002", seed002, GRADIENT, {"rising"}),
    ("seed 003", seed003, GRADIENT, HEALTH),
    ("seed 004 sigmoid", seed004, {"constant_scale", "data_factor"}, GRADIENT | HEALTH),
    ("seed 004 tanh", lambda: seed004("tanh"), GRADIENT, HEALTH),
    *[
        (f"fault {name}", lambda name=name: fault_case(name), GRADIENT, HEALTH | {"linear"})
        for name in xl.FAULTS
    ],
    (
        "update adds the gradient",
        lambda: with_step(
            mlp_case(sizes=(2, 2, 1)), lambda p, g: {k: p[k] + 0.5 * g[k] for k in p}
        ),
        {"update_climbs"},
        set(),
    ),
    ("transposed weight in backward", lambda: manual_221(transpose=True), GRADIENT, HEALTH),
    (
        "mean in one layer, sum in the other",
        lambda: manual_221(layer1_scale=4.0),
        {"constant_scale"},
        set(),
    ),
    (
        "all-zero initialisation",
        lambda: mlp_case(sizes=(2, 2, 1), init="zeros"),
        {"symmetric"},
        HEALTH,
    ),
    (
        "learning rate 100",
        lambda: {**mlp_case(sizes=(2, 2, 1)), "lr": 100.0},
        {"lr_too_large", "diverged"},
        HEALTH,
    ),
]
