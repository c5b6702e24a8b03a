"""Training one network (xorlab.core.train): it learns, keeps an honest history, bounds its work."""

import numpy as np
import pytest

import xorlab as xl

X, y = xl.xor()


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


def test_first_step_from_zero_weights_by_hand():
    # AND from all-zero weights: every hidden unit and the output are 0.5, so dL/dz2 =
    # (0.5 - y) / 4 = (1, 1, 1, -1) / 8, dL/dW2 = 0.5 * 2/8 = 0.125 per entry, dL/db2 = 0.25,
    # and nothing flows back through W2 = 0: layer norms 0 and sqrt(2 * 0.125^2 + 0.25^2)
    Xa, ya = xl.and_()
    net = xl.MLP((2, 2, 1), init="zeros")
    h = xl.train(net, Xa, ya, lr=0.5, epochs=1)
    assert h.grad_norms == pytest.approx(np.array([[0.0, np.sqrt(2 * 0.125**2 + 0.25**2)]]))
    assert net.params["W2"].ravel() == pytest.approx([-0.0625, -0.0625])
    assert net.params["b2"] == pytest.approx([-0.125]) and not net.params["W1"].any()
    z = 2 * 0.5 * -0.0625 - 0.125  # the output's logit after the step, on every sample
    after = (3 * np.log1p(np.exp(z)) + np.log1p(np.exp(-z))) / 4  # BCE on y = 0, 0, 0, 1
    assert h.loss == pytest.approx([np.log(2), after])


def test_zero_epochs_measure_the_start_and_take_no_step():
    net = xl.MLP((2, 2, 1), init="zeros")
    h = xl.train(net, X, y, lr=0.5, epochs=0)
    assert h.loss == pytest.approx([np.log(2)])  # every output 0.5
    assert h.outputs.tolist() == [[[0.5]] * 4] and h.grad_norms.shape == (0, 2)
    assert not any(v.any() for v in net.params.values())


# --- bounded work ----------------------------------------------------------------------------


def test_unbounded_training_is_refused_before_any_work():
    with pytest.raises(ValueError, match="10,000,000 networks at once.*LIMITS.networks = 200,000"):
        xl.train_many(10**7)
    with pytest.raises(ValueError, match="epochs=1,000,000,000 means.*LIMITS.steps"):
        xl.train(xl.MLP((2, 2, 1)), X, y, lr=0.1, epochs=10**9)
    with pytest.raises(ValueError, match="epochs=600,000 means 2,400,000 gradient steps"):
        xl.train_many(2, epochs=600_000, mode="sample")
    with pytest.raises(ValueError, match=r"100,000 epochs x 100,000 networks.*LIMITS.work"):
        xl.train_many(100_000, (2, 50, 1), epochs=100_000)


def test_work_bound_holds_at_its_boundary(monkeypatch):
    # 3 networks x 2 epochs x 4 samples x 9 parameters (2-2-1 with biases) = 216 updates
    monkeypatch.setattr(xl.LIMITS, "work", 216)
    assert xl.train_many(3, epochs=2).n == 3
    with pytest.raises(ValueError, match="= 288 updates, more than xorlab.LIMITS.work = 216;"):
        xl.train_many(4, epochs=2)  # 288
    monkeypatch.setattr(xl.LIMITS, "steps", 8)
    xl.train_many(1, epochs=2, mode="sample")
    with pytest.raises(ValueError, match="epochs=3 means 12 gradient steps"):
        xl.train_many(1, epochs=3, mode="sample")


def test_train_is_held_to_the_limits_at_their_boundaries(monkeypatch):
    # one 2-2-1 network without biases (6 weights) on 4 samples: 24 updates an epoch
    for name, bound in [("networks", 1), ("steps", 4), ("work", 96)]:
        monkeypatch.setattr(xl.LIMITS, name, bound)
    net = xl.MLP((2, 2, 1), bias=False)
    xl.train(net, X, y, lr=0.1, epochs=4)  # 1 network, 4 steps, 96 updates: on every bound
    xl.train(net, X, y, lr=0.1, epochs=1, mode="sample")  # 4 steps, one per sample
    with pytest.raises(ValueError, match="epochs=5 means 5 gradient steps"):
        xl.train(net, X, y, lr=0.1, epochs=5)
    with pytest.raises(ValueError, match="epochs=2 means 8 gradient steps"):
        xl.train(net, X, y, lr=0.1, epochs=2, mode="sample")
    monkeypatch.setattr(xl.LIMITS, "steps", 10)
    with pytest.raises(ValueError, match="5 epochs x 1 networks x 4 samples x 6 parameters = 120"):
        xl.train(net, X, y, lr=0.1, epochs=5)
