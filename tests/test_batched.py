"""Many networks at once (xorlab.core.batched): train_many agrees with train, reports honestly."""

import pickle

import numpy as np
import pytest

import xorlab as xl
from xorlab.core import parallel

X, y = xl.xor()


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


def test_train_many_errors():
    with pytest.raises(ValueError, match="n must be"):
        xl.train_many(0)
    with pytest.raises(ValueError, match="y must have 1 column"):
        xl.train_many(2, X=X, y=np.zeros((4, 2)))
    with pytest.raises(ValueError, match="gradcheck|eps"):
        xl.gradcheck(xl.MLP((2, 2, 1)), X, y, eps=0)


def test_defaults_train_one_xor_network_like_plain_numpy():
    # train_many(1): a 2-2-1 sigmoid network on XOR, Xavier draws from seed 0, mean BCE,
    # lr 0.5, 1000 full-batch epochs; here step by step in plain numpy
    rng = np.random.default_rng(0)
    W1, b1 = np.sqrt(2 / 4) * rng.standard_normal((2, 2)), np.zeros(2)
    W2, b2 = np.sqrt(2 / 3) * rng.standard_normal((2, 1)), np.zeros(1)
    r = xl.train_many(1)
    assert np.allclose(r.initial_params["W1"][0], W1, rtol=1e-15, atol=0)
    for _ in range(1000):
        h = 1 / (1 + np.exp(-(X @ W1 + b1)))
        p = 1 / (1 + np.exp(-(h @ W2 + b2)))
        d2 = (p - y) / 4
        d1 = (d2 @ W2.T) * h * (1 - h)
        W1, b1, W2, b2 = (
            W1 - 0.5 * X.T @ d1,
            b1 - 0.5 * d1.sum(0),
            W2 - 0.5 * h.T @ d2,
            b2 - 0.5 * d2.sum(0),
        )
    for name, value in {"W1": W1, "b1": b1, "W2": W2, "b2": b2}.items():
        assert np.allclose(r.params[name][0], value, rtol=1e-9, atol=1e-12), name


def test_network_i_is_rebuilt_with_seed_plus_i():
    r = xl.train_many(3, seed=5, epochs=0)
    net = r.network(2, initial=True)
    assert net.seed == 7 and "seed=7" in repr(net)
    W1 = np.sqrt(2 / 4) * np.random.default_rng(7).standard_normal((2, 2))
    assert np.allclose(net.params["W1"], W1, rtol=1e-15, atol=0)


def test_train_many_refuses_what_only_it_checks():
    with pytest.raises(TypeError, match="n must be an integer, got 2.5"):
        xl.train_many(2.5)
    with pytest.raises(TypeError, match="loss_every must be an integer, got 2.5"):
        xl.train_many(2, epochs=1, loss_every=2.5)
    with pytest.raises(TypeError, match="y must be a numeric array, not NoneType"):
        xl.train_many(2, X=X)  # X without y: never silently XOR's targets


def test_train_many_counts_one_step_an_epoch_in_batch_mode(monkeypatch):
    monkeypatch.setattr(xl.LIMITS, "steps", 4)
    xl.train_many(2, epochs=4)  # 4 steps: on the bound
    xl.train_many(2, epochs=1, mode="sample")  # 4 steps, one per sample
    with pytest.raises(ValueError, match="epochs=5 means 5 gradient steps"):
        xl.train_many(2, epochs=5)


def test_a_pickled_result_comes_back_the_same_memory_layout_included():
    # worker processes send their results pickled (xorlab.core.parallel)
    r = xl.train_many(7, (2, 3, 1), epochs=20, loss_every=5, seed=3)
    back = pickle.loads(pickle.dumps(r))
    for name in ("success", "final_loss", "epochs_to_solve", "outputs", "loss_curve"):
        a, b = getattr(r, name), getattr(back, name)
        assert np.array_equal(a, b, equal_nan=True) and a.strides == b.strides, name
    for k, v in r.params.items():
        assert np.array_equal(v, back.params[k]) and v.strides == back.params[k].strides
        first = back.initial_params[k]
        assert np.array_equal(r.initial_params[k], first) and first.strides == v.strides
    assert back.outputs.shape == (7, 4, 1) and back.network(2).forward(X).shape == (4, 1)


def test_a_call_goes_to_the_workers_only_when_cut(monkeypatch):
    cuts = []

    def spy(trainer, parts, **kwargs):
        cuts.append(parts)
        return real(trainer, parts, **kwargs)

    real = parallel.run_parts
    monkeypatch.setattr(parallel, "run_parts", spy)
    cut = xl.train_many(6, epochs=5, workers=2).final_loss
    assert cuts == [[(3, 0), (3, 3)]]
    assert np.array_equal(xl.train_many(6, epochs=5, workers=1).final_loss, cut)
    assert len(cuts) == 1  # workers=1: no parts
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    monkeypatch.setattr(parallel, "SPLIT_FROM", 4 * 60 * 4)  # networks x epochs x samples
    xl.train_many(4, epochs=60, mode="sample")  # every per-sample step counts: cut
    xl.train_many(4, epochs=59, mode="sample")  # one epoch less: not cut
    assert cuts[1:] == [[(2, 0), (2, 2)]]
