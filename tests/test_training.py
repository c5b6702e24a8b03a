"""train (one network) and train_many (many at once) agree, learn, and report honestly."""

import numpy as np
import pytest

import xorlab as xl


def test_train_learns_xor_and_records_history():
    X, y = xl.xor()
    net = xl.MLP((2, 3, 1), seed=0)
    h = xl.train(net, X, y, lr=1.0, epochs=3000)
    assert h.loss.shape == (3001,) and h.outputs.shape == (3001, 4, 1)
    assert h.grad_norms.shape == (3000, 2)
    assert h.loss[-1] < 0.05 < h.loss[0]
    assert np.array_equal(net.predict(X), y)
    e = h.epochs_to_solve(y)
    assert e is not None and np.array_equal(h.outputs[e] > 0.5, y > 0.5)
    assert not np.array_equal(h.outputs[e - 1] > 0.5, y > 0.5)


def test_sample_mode_takes_one_step_per_sample():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), seed=1)
    manual = net.copy()
    xl.train(net, X, y, lr=0.5, epochs=1, mode="sample")
    for i in range(4):
        g = manual.gradients(X[i : i + 1], y[i : i + 1])
        for k in manual.params:
            manual.params[k] -= 0.5 * g[k]
    assert all(np.allclose(net.params[k], manual.params[k]) for k in net.params)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"hidden": "tanh", "sizes": (2, 3, 1)},
        {"hidden": "relu", "init": "he", "bias": False, "sizes": (2, 4, 1)},
        {"faults": ("flipped_bce_grad",)},
        {"loss": "mse", "mode": "sample", "lr": 0.3},
        {"sizes": (2, 3, 2, 1), "hidden": "tanh"},
    ],
)
def test_train_many_agrees_with_train_network_by_network(kw):
    kw = {"sizes": (2, 2, 1), "lr": 1.0, "epochs": 300, "seed": 10, **kw}
    mode = kw.pop("mode", "batch")
    many = xl.train_many(5, mode=mode, **kw)
    X, y = xl.xor()
    for i in range(5):
        net = xl.MLP(
            kw["sizes"],
            kw.get("hidden", "sigmoid"),
            "sigmoid",
            kw.get("loss", "bce"),
            kw.get("bias", True),
            kw.get("init", "xavier"),
            1.0,
            kw["seed"] + i,
            kw.get("faults", ()),
        )
        h = xl.train(net, X, y, kw["lr"], kw["epochs"], mode=mode)
        assert np.allclose(net.forward(X), many.outputs[i], atol=1e-12)
        assert many.final_loss[i] == pytest.approx(h.loss[-1], rel=1e-10, abs=1e-14)
        solved = h.epochs_to_solve(y)
        assert (
            solved is None and np.isnan(many.epochs_to_solve[i])
        ) or solved == many.epochs_to_solve[i]
        rebuilt = many.network(i)
        assert np.allclose(rebuilt.forward(X), many.outputs[i])


def test_train_many_result_statistics():
    r = xl.train_many(200, lr=1.0, epochs=2000, seed=0, loss_every=500)
    assert r.success.shape == (200,) and r.final_loss.shape == (200,)
    assert r.success_rate == pytest.approx(r.success.mean())
    lo, hi = r.interval
    assert lo <= r.success_rate <= hi
    assert "95% CI" in r.summary()
    assert r.loss_curve.shape == (5, 200)
    assert np.all(np.isnan(r.epochs_to_solve[~r.success]) | (r.epochs_to_solve[~r.success] >= 0))
    assert r.params["W1"].shape == (200, 2, 2) and r.initial_params["W1"].shape == (200, 2, 2)
    assert np.allclose(r.initial_params["W1"][3], xl.MLP((2, 2, 1), seed=3).params["W1"])


def test_train_many_on_other_tasks():
    X, y = xl.and_()
    r = xl.train_many(50, lr=1.0, epochs=500, X=X, y=y, seed=0)
    assert r.success_rate == 1.0
    Xi, yi = xl.identity()
    r = xl.train_many(20, sizes=(1, 1, 1), bias=False, loss="mse", lr=2.0, epochs=2000, X=Xi, y=yi)
    assert (
        r.success_rate == 0.0
    )  # without biases, f(0) = sigmoid(w2 / 2) can't be < 1/2 and f(1) > 1/2


def test_output_exactly_half_is_never_counted_as_correct():
    X, y = xl.xor()
    r = xl.train_many(3, sizes=(2, 2, 1), init="zeros", lr=1.0, epochs=0)
    assert np.all(r.outputs == 0.5) and r.success_rate == 0.0
