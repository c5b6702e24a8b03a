"""Per-sample training orders, the translated program's bugs, the input-derivative fault, and
the chapter's self-checks (chapter "Translating the chain rule")."""

import matplotlib
import numpy as np
import pytest

import xorlab as xl
from xorlab.core.activations import sigmoid, sigmoid_derivative

matplotlib.use("Agg")
ALL = list(xl.cases.chain_rule.TRANSLATION_BUGS)


def _one(net):
    return {k: v[..., None].copy() for k, v in net.params.items()}


# --- the fault "input_activation_derivative" -------------------------------------------------


def test_input_derivative_fault_follows_its_definition():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), loss="mse", bias=False, seed=4, faults=("input_activation_derivative",))
    W2 = net.params["W2"]
    h = sigmoid(X @ net.params["W1"])
    p = sigmoid(h @ W2)
    s = sigmoid_derivative(X)  # sigma'(x): (n, 2)
    dldp = 2 * (p - y) / len(X)
    want_W2 = (h * s).T @ dldp  # W2[u, j] gets sigma'(x_u) at its input end
    back = s * (dldp @ W2.T)  # error sent to the hidden units, with the same factor
    want_W1 = (X * s).T @ back  # W1[i, u] gets sigma'(x_i)
    got = net.gradients(X, y)
    assert np.allclose(got["W2"], want_W2) and np.allclose(got["W1"], want_W1)


def test_input_derivative_fault_is_flagged_and_absent_when_off():
    X, y = xl.xor()
    for sizes in [(2, 2, 1), (2, 2, 2, 1), (3, 3, 2)]:
        Xs, ys = (X, y) if sizes[0] == 2 else (np.c_[X, X[:, :1]], np.c_[y, 1 - y])
        if sizes[-1] == 1:
            ys = ys[:, :1]
        bad = xl.MLP(sizes, seed=1, faults=("input_activation_derivative",))
        good = xl.MLP(sizes, seed=1)
        assert not xl.gradcheck(bad, Xs, ys).passed
        assert xl.gradcheck(good, Xs, ys).passed
        other = xl.MLP(sizes, seed=1, faults=("flipped_update_sign",))
        g, o = good.gradients(Xs, ys), other.gradients(Xs, ys)
        assert all(np.allclose(g[k], -o[k]) for k in g)  # the new code path stays off


def test_input_derivative_fault_needs_hidden_layers_as_wide_as_the_input():
    for sizes in [(2, 3, 1), (2, 2, 3, 1), (2, 1)]:
        with pytest.raises(ValueError, match="input_activation_derivative"):
            xl.MLP(sizes, faults=("input_activation_derivative",))
    with pytest.raises(ValueError, match="input_activation_derivative"):
        xl.train_many(2, sizes=(2, 4, 1), faults=("input_activation_derivative",))


# --- train_online and step_gradients ------------------------------------------------------


def test_output_first_matches_a_plain_loop_with_updated_weights():
    X, y = xl.xor()
    run = xl.cases.chain_rule.train_online(3, loss="mse", lr=0.9, epochs=25, init="normal", seed=2)
    for i in range(3):
        net = xl.MLP((2, 2, 1), loss="mse", init="normal", seed=2 + i)
        P = net.params
        for _ in range(25):
            for x, t in zip(X, y):
                h = sigmoid(x @ P["W1"] + P["b1"])
                p = sigmoid(h @ P["W2"] + P["b2"])
                d2 = 2 * (p - t) * p * (1 - p)
                P["W2"] = P["W2"] - 0.9 * np.outer(h, d2)
                P["b2"] = P["b2"] - 0.9 * d2
                d1 = (P["W2"] @ d2) * h * (1 - h)  # through the updated W2
                P["W1"] = P["W1"] - 0.9 * np.outer(x, d1)
                P["b1"] = P["b1"] - 0.9 * d1
        for k in P:
            assert np.allclose(run.params[k][i], P[k])


def test_orders_differ_and_agree_where_they_must():
    kw = {"loss": "mse", "lr": 1.0, "epochs": 30, "init": "normal", "seed": 0}
    a = xl.train_many(5, mode="sample", **kw)  # the true order
    b = xl.cases.chain_rule.train_online(5, **kw)  # the answer's
    assert not np.allclose(a.params["W1"], b.params["W1"])
    one = {"sizes": (2, 1), **kw}  # one layer: nothing to propagate, orders agree
    c = xl.train_many(5, mode="sample", **one)
    d = xl.cases.chain_rule.train_online(5, **one)
    assert np.array_equal(c.params["W1"], d.params["W1"])


def test_step_gradients_true_order_is_the_gradient_and_answer_order_is_off_by_order_lr():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), loss="mse", init="normal", seed=3)
    before = {k: v.copy() for k, v in net.params.items()}
    x1, y1 = X[2:3], y[2:3]
    true = net.gradients(x1, y1)
    same = xl.cases.chain_rule.step_gradients(net, x1, y1, 0.5, "simultaneous")
    assert all(np.allclose(same[k], true[k]) for k in true)
    gaps = []
    for lr in (0.1, 0.05):
        got = xl.cases.chain_rule.step_gradients(net, x1, y1, lr, "output_first")
        assert np.allclose(got["W2"], true["W2"]) and np.allclose(got["b2"], true["b2"])
        gaps.append(np.abs(got["W1"] - true["W1"]).max())
    assert gaps[0] > 0 and gaps[1] == pytest.approx(gaps[0] / 2, rel=0.05)
    assert all(np.array_equal(net.params[k], before[k]) for k in before)  # net untouched


def test_online_rejects_bad_input():
    net = xl.MLP((2, 2, 1))
    X, y = xl.xor()
    with pytest.raises(TypeError, match="order"):
        xl.cases.chain_rule.train_online(2, order="simultaneous")  # that is train_many's
    with pytest.raises(ValueError, match="order"):
        xl.cases.chain_rule.step_gradients(net, X[:1], y[:1], 0.1, "random")
    with pytest.raises(ValueError, match="lr"):
        xl.cases.chain_rule.step_gradients(net, X[:1], y[:1], -1.0)
    with pytest.raises(ValueError, match="n must be finite and > 0, got 0"):
        xl.cases.chain_rule.train_online(0)


# --- the translated program ----------------------------------------------------------------


def _reference_program(seed, epochs, lr):
    """The translated program, written independently: every bug on."""
    X, y = xl.xor()
    rng = np.random.default_rng(seed)
    W1, W2 = rng.random((2, 2)), rng.random((2, 1))
    for _ in range(epochs):
        for x, t in zip(X, y):
            h = sigmoid(x @ W1)
            p = sigmoid(h @ W2)
            c = 0.5 * np.sum((p - t) ** 2)
            o_step = lr * c * sigmoid_derivative(x) * h
            W2 = W2 + o_step[:, None]
            total = float(o_step @ W2[:, 0])
            W1 = W1 + (lr * sigmoid_derivative(x) * total * x)[:, None]
    return W1, W2


def test_translation_with_every_bug_is_the_program():
    marks, outs, params = xl.cases.chain_rule.translation_train(
        ALL, lr=0.05, epochs=60, n=2, seed=7, record_every=20
    )
    assert marks.tolist() == [0, 20, 40, 60] and outs.shape == (4, 4, 2)
    for i in range(2):
        W1, W2 = _reference_program(7 + i, 60, 0.05)
        assert np.allclose(params["W1"][..., i], W1) and np.allclose(params["W2"][..., i], W2)
    assert np.all(np.diff(outs, axis=0) > 0)  # every output rises


@pytest.mark.parametrize(
    "bugs",
    [
        (),
        ("cost_as_gradient",),
        ("input_activation_derivative",),
        ("flipped_update_sign",),
        ("cost_as_gradient", "input_activation_derivative"),
    ],
)
def test_translation_gradient_bugs_equal_the_mlp_faults(bugs):
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), bias=False, loss="mse", init="uniform01", seed=1, faults=bugs)
    for i in range(4):
        g = xl.cases.chain_rule.translation_gradients(_one(net), X[i], y[i], 0.3, bugs)
        want = net.gradients(X[i : i + 1], y[i : i + 1])  # loss (p - y)^2: twice 1/2 (p - y)^2
        assert all(np.allclose(2 * g[k][..., 0], want[k]) for k in want)


def test_each_step_bug_breaks_only_the_hidden_gradient():
    X, y = xl.xor()
    params = _one(xl.MLP((2, 2, 1), bias=False, init="uniform01", seed=2))
    true = xl.cases.chain_rule.translation_gradients(params, X[1], y[1], 0.01)
    for bug in ("update_as_error", "summed_hidden_error", "updated_output_weights"):
        g = xl.cases.chain_rule.translation_gradients(params, X[1], y[1], 0.01, [bug])
        assert np.allclose(g["W2"], true["W2"])
        assert not np.allclose(g["W1"], true["W1"], rtol=1e-6, atol=0), bug
    report = xl.check_gradients(
        lambda p: float(xl.cases.chain_rule.translation_loss(p, X[1], y[1])[0]),
        lambda p: xl.cases.chain_rule.translation_gradients(p, X[1], y[1], 0.01),
        params,
    )
    assert report.passed


def test_translation_train_in_parts_equals_one_process():
    kw = dict(bugs=ALL[1:4], lr=0.5, epochs=30, n=6, seed=3, record_every=10)
    marks, outs, params = xl.cases.chain_rule.translation_train(workers=1, **kw)
    two = xl.cases.chain_rule.translation_train(workers=2, **kw)  # seeds 3-5 and 6-8
    assert np.array_equal(two[0], marks) and np.array_equal(two[1], outs)
    assert all(np.array_equal(two[2][k], params[k]) for k in params)
    last = xl.cases.chain_rule.translation_train(**dict(kw, n=3, seed=6), workers=1)
    assert np.array_equal(last[1], outs[..., 3:])


def test_translation_rejects_bad_input():
    params = _one(xl.MLP((2, 2, 1), bias=False))
    with pytest.raises(ValueError, match="unknown bug"):
        xl.cases.chain_rule.translation_step(params, [0, 1], [1], 0.1, ["typo"])
    wide = _one(xl.MLP((2, 3, 1), bias=False))
    with pytest.raises(ValueError, match="W1"):
        xl.cases.chain_rule.translation_step(wide, [0, 1], [1], 0.1)
    with pytest.raises(ValueError, match="lr must be finite and > 0, got 0.0"):
        xl.cases.chain_rule.translation_train(lr=0.0)


def test_translated_program_is_bounded_too():
    with pytest.raises(ValueError, match="epochs=1,000,000 means 4,000,000 gradient steps"):
        xl.cases.chain_rule.translation_train(epochs=10**6)


def test_draw_translation_returns_a_figure():
    fig = xl.cases.chain_rule.draw_translation(["flipped_update_sign"], lr=1.0, epochs=20)
    assert len(fig.axes) == 1 and len(fig.axes[0].lines) == 8
    matplotlib.pyplot.close(fig)


# --- self-checks ---------------------------------------------------------------------------
