"""Bad or extreme input gets a clear error before any work: the message names the problem and
the fix. Issue 27: shapes that would broadcast, values out of range, NaN parameters, memory and
time limits, and gradient checks that could not tell a right gradient from a wrong one."""

import numpy as np
import pytest

import xorlab as xl

X, y = xl.xor()
U = np.finfo(float).eps


@pytest.fixture
def limits():
    """Restore xl.LIMITS after a test that changes it."""
    saved = vars(xl.LIMITS).copy()
    yield xl.LIMITS
    vars(xl.LIMITS).update(saved)


# -- shapes that would broadcast --------------------------------------------------------------


def test_solved_refuses_flat_targets_that_would_broadcast():
    p = np.array([[0.1], [0.9], [0.8], [0.2]])  # solved XOR
    assert xl.solved(p, y) is True
    with pytest.raises(ValueError, match=r"shape \(4, 1\) but y has shape \(4,\).*y.reshape"):
        xl.solved(p, y.ravel())


def test_solved_keeps_a_stack_of_networks_against_one_target_column():
    p = np.stack([[[0.1], [0.9], [0.8], [0.2]], [[0.9], [0.9], [0.8], [0.2]]], axis=-1)
    assert p.shape == (4, 1, 2)
    assert xl.solved(p, y[:, :, None]).tolist() == [True, False]
    with pytest.raises(ValueError, match="must match"):
        xl.solved(p, y)


@pytest.mark.parametrize("fn", [xl.mse, xl.mse_grad, xl.bce, xl.bce_grad, xl.sigmoid_bce_delta])
def test_losses_refuse_flat_targets_against_column_outputs(fn):
    p = np.full((4, 1), 0.3)
    with pytest.raises(ValueError, match=r"\(4, 1\) but y has shape \(4,\).*y.reshape\(p.shape\)"):
        fn(p, y.ravel())
    with pytest.raises(ValueError, match="one row per row of p"):
        fn(p, y[:3])


def test_losses_refuse_when_they_would_have_made_an_n_by_n_matrix():
    p = np.array([[0.2], [0.7], [0.2], [0.7]])
    by_hand = np.mean((p[:, 0] - y[:, 0]) ** 2)
    assert xl.mse(p, y) == pytest.approx(by_hand)
    with pytest.raises(ValueError):
        xl.mse(p, y.ravel())  # numpy alone would give the mean of a (4, 4) matrix


def test_bce_with_logits_refuses_targets_outside_zero_one():
    z = np.zeros((4, 1))
    assert xl.bce_with_logits(z, y) == pytest.approx(np.log(2))
    with pytest.raises(ValueError, match=r"targets in \[0, 1\].*2 value\(s\).*e.g. 2.*loss='mse'"):
        xl.bce_with_logits(z, 2 * y)  # would have been a negative "loss"
    with pytest.raises(ValueError, match=r"z has shape \(4, 1\) but y"):
        xl.bce_with_logits(z, y.ravel())


@pytest.mark.parametrize("fn", [xl.bce, xl.bce_grad, xl.sigmoid_bce_delta])
def test_bce_family_refuses_targets_outside_zero_one(fn):
    with pytest.raises(ValueError, match=r"targets in \[0, 1\]"):
        fn(np.full((4, 1), 0.5), y - 0.5)


def test_epochs_to_solve_refuses_flat_or_foreign_targets():
    net = xl.MLP((2, 2, 1), seed=3)
    history = xl.train(net, X, y, lr=2.0, epochs=400)
    first = history.epochs_to_solve(y)
    # independent: the first row of outputs on the right side of 0.5 everywhere
    right = [np.all((o > 0.5) == (y > 0.5)) for o in history.outputs]
    assert first == right.index(True)
    with pytest.raises(ValueError, match=r"y must be 2-D with shape \(n, 1\)"):
        history.epochs_to_solve(y.ravel())
    with pytest.raises(ValueError, match="3 rows but the history's outputs have 4.*trained on"):
        history.epochs_to_solve(y[:3])


# -- NaN parameters ---------------------------------------------------------------------------


def test_predict_refuses_nan_weights():
    net = xl.MLP((2, 2, 1))
    net.params["W2"][0, 0] = np.nan
    with pytest.raises(ValueError, match="'W2' holds 1 NaN.*diverged.*smaller lr"):
        net.predict(X)


def test_net_params_of_the_wrong_shape_or_keys_are_named():
    net = xl.MLP((2, 2, 1))
    net.params["W1"] = np.zeros((3, 2))
    with pytest.raises(ValueError, match=r"'W1'\] has shape \(3, 2\), but sizes \(2, 2, 1\) need"):
        net.forward(X)
    net = xl.MLP((2, 2, 1))
    del net.params["b2"]
    with pytest.raises(ValueError, match=r"keys \['W1', 'b1', 'W2', 'b2'\].*got \['W1'"):
        net.gradients(X, y)


# -- memory and time, estimated before the work -----------------------------------------------


def test_a_network_too_big_for_memory_is_refused_before_allocating():
    with pytest.raises(ValueError, match=r"1,000,000,001 parameters.*8.0 GB.*xl.LIMITS.memory ="):
        xl.MLP((10**9, 1))


def test_many_wide_networks_are_refused_by_their_memory(limits):
    with pytest.raises(ValueError, match=r"200,000 network\(s\) of 4,001 param.*GB.*LIMITS.memory"):
        xl.train_many(200_000, sizes=(2, 1000, 1), epochs=1)
    need = xl.core._validate.memory_needed(200_000, 4001, 4, 1003)
    limits.memory = need  # exactly the estimate is allowed ...
    xl.core._validate.memory(need, "this")
    with pytest.raises(ValueError, match="LIMITS.memory"):
        xl.core._validate.memory(need + 1, "this")  # ... one byte more is not


def test_the_memory_estimate_bounds_what_train_many_holds():
    """The estimate is measured: the arrays a run creates (tracemalloc, numpy's allocations
    included) stay below it for a wide network."""
    import tracemalloc

    sizes, n = (2, 300, 1), 200
    count = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    tracemalloc.start()
    xl.train_many(n, sizes=sizes, epochs=2, workers=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    estimate = xl.core._validate.memory_needed(n, count, 4, sum(sizes))
    assert peak < estimate < 20 * peak


def test_a_gradient_check_of_a_big_net_is_refused_before_it_starts(limits):
    net = xl.MLP((784, 256, 10))
    calls = []

    def loss(p):
        calls.append(1)
        return 0.0

    with pytest.raises(
        ValueError,
        match=r"203,530 parameter entries.*814,120 loss eval.*"
        r"LIMITS.evaluations = 100,000.*xl.LIMITS.evaluations = 814_120",
    ):
        xl.check_gradients(loss, lambda p: p, net.params)
    assert calls == []
    limits.evaluations = 36
    xl.check_gradients(
        lambda p: 0.0, lambda p: {k: 0 * v for k, v in p.items()}, xl.MLP((2, 2, 1)).params
    )  # 9 entries, 36 evaluations: allowed
    limits.evaluations = 35
    with pytest.raises(ValueError, match="36 loss evaluations"):
        xl.gradcheck(xl.MLP((2, 2, 1)), X, y)


# -- gradient checks that cannot judge ----------------------------------------------------------


def _flipped(net):
    return lambda p: {k: -v for k, v in net.gradients(X, y).items()}


@pytest.mark.parametrize("eps", [1e-15, 1e-13])
def test_an_eps_lost_in_rounding_is_refused_with_a_better_one(eps):
    net = xl.MLP((2, 2, 1), seed=0)
    big = np.abs(net.params["W1"]).max()
    assert (big + eps) - big != eps  # the step really is not the step asked for
    with pytest.raises(
        ValueError,
        match=rf"eps={eps:g} is too small for parameter 'W1'.*"
        r"w \+ eps rounds.*use eps=1e-06",
    ):
        xl.check_gradients(lambda p: net.loss(X, y), _flipped(net), net.params, eps=eps)


def test_an_eps_that_fits_the_weights_is_kept_and_judges():
    net = xl.MLP((2, 2, 1), seed=0)
    report = xl.check_gradients(lambda p: net.loss(X, y), _flipped(net), net.params, eps=1e-10)
    assert not report.passed and min(report.errors.values()) > 1.9


def test_weights_of_1e10_refuse_the_default_eps_and_suggest_a_larger_one():
    net = xl.MLP((2, 2, 1), seed=0)
    net.params = {k: v * 1e10 for k, v in net.params.items()}
    big = np.abs(net.params["W1"]).max()
    better = 10 ** np.ceil(np.log10(U * big * 1e6))  # a step rounded by at most 1e-6 of itself
    with pytest.raises(ValueError, match=rf"entries reach 4.5e\+09.*apart.*use eps={better:g}$"):
        xl.gradcheck(net, X, y)
    assert (big + better) - big == better


def test_a_loss_so_large_that_round_off_hides_the_gradient_is_refused():
    def loss(p):
        return float(np.sum(p["w"] ** 2)) + 1e12

    w = {"w": np.array([0.3, -0.2])}
    for grad in (lambda p: {"w": 2 * p["w"]}, lambda p: {"w": -2 * p["w"]}):
        with pytest.raises(
            ValueError,
            match=r"cannot judge 'w'.*loss is about 1.0e\+12.*"
            r"round-off.*use eps=1\b.*a mean, not a sum",
        ):
            xl.check_gradients(loss, grad, {k: v.copy() for k, v in w.items()})
    # at the suggested eps it judges: right passes, sign flip fails
    assert xl.check_gradients(loss, lambda p: {"w": 2 * p["w"]}, w, eps=1.0).passed
    assert not xl.check_gradients(loss, lambda p: {"w": -2 * p["w"]}, w, eps=1.0).passed


def test_never_ok_beside_a_relative_error_of_one():
    """Whatever the eps or weight scale, a sign-flipped gradient is refused or WRONG."""
    for scale in (1.0, 1e4, 1e10):
        for eps in (1e-15, 1e-10, 1e-6, 1e-2):
            net = xl.MLP((2, 2, 1), seed=1)
            net.params = {k: v * scale for k, v in net.params.items()}
            try:
                report = xl.check_gradients(
                    lambda p, net=net: net.loss(X, y), _flipped(net), net.params, eps=eps
                )
            except ValueError as e:
                assert "eps" in str(e)
                continue
            for c in report.checks.values():
                assert not (c.ok and c.rel_error >= 0.5), (scale, eps, c.name)


def test_a_sharply_bending_loss_is_refused_with_a_smaller_eps():
    def loss(p):
        return float(np.exp(50 * p["w"][0]))

    params = {"w": np.array([0.0])}
    with pytest.raises(ValueError, match=r"bends so sharply.*use a smaller eps, e.g. eps=0.005"):
        xl.check_gradients(loss, lambda p: {"w": np.array([50.0])}, params, eps=0.05)
    assert xl.check_gradients(loss, lambda p: {"w": np.array([50.0])}, params, eps=1e-5).passed


def test_nan_or_infinite_parameters_are_refused_by_the_check():
    params = xl.MLP((2, 2, 1)).params
    params["b1"][1] = np.inf
    with pytest.raises(ValueError, match="check_gradients: parameter 'b1' holds 1 NaN or inf"):
        xl.check_gradients(lambda p: 0.0, lambda p: p, params)


def test_an_array_valued_loss_and_a_missing_gradient_are_named():
    params = {"w": np.array([1.0, 2.0])}
    with pytest.raises(TypeError, match=r"one number.*ndarray of shape \(2,\).*sum or average"):
        xl.check_gradients(lambda p: p["w"] ** 2, lambda p: {"w": 2 * p["w"]}, params)
    with pytest.raises(ValueError, match=r"no gradient for 'w'.*one array for each"):
        xl.check_gradients(lambda p: 0.0, lambda p: {"v": p["w"]}, params)
    with pytest.raises(TypeError, match="must return a dict of arrays like params, got list"):
        xl.check_gradients(lambda p: 0.0, lambda p: [p["w"]], params)


def test_a_vanishing_gradient_stays_ok_within_the_floor():
    """A saturated net's gradient below round-off is not refused (the doctor and the book's
    stuck networks rely on it): the check reports it ok within its own error."""
    params = {"w": np.array([3.0])}
    report = xl.check_gradients(
        lambda p: 0.7 + 1e-9 * float(p["w"][0]), lambda p: {"w": np.array([-1e-9])}, params
    )
    assert report.passed and report["w"].within_floor


# -- the doctor's inputs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "step, error, words",
    [
        (lambda p, g: None, TypeError, "must return the new params as a dict.*got NoneType"),
        (lambda p, g: [p[k] for k in p], TypeError, "got list"),
        (
            lambda p, g: {k: p[k] for k in ("W1", "b1", "W2")},
            ValueError,
            r"no new value for \['b2'\].*every parameter",
        ),
        (lambda p, g: {k: "x" for k in p}, TypeError, r"\['W1'\] must be a numeric array"),
    ],
)
def test_the_doctor_names_a_step_that_returns_no_params(step, error, words):
    case = xl.adapt_mlp(xl.MLP((2, 2, 1)), X, y)
    with pytest.raises(error, match=words):
        xl.doctor(**case, step=step)


def test_the_doctor_names_params_that_do_not_fit_the_network():
    case = xl.adapt_mlp(xl.MLP((2, 2, 1)), X, y)
    case["params"] = {**case["params"], "W1": np.zeros((3, 2))}
    with pytest.raises(ValueError, match=r"'W1'\] has shape \(3, 2\).*need \(2, 2\)"):
        xl.doctor(**case)


def test_the_doctor_refuses_nan_weights_and_says_which():
    net = xl.MLP((2, 2, 1))
    net.params["b1"][0] = np.nan
    with pytest.raises(ValueError, match=r"params\['b1'\] contains NaN.*before training diverged"):
        xl.doctor(**xl.adapt_mlp(net, X, y))
