"""The doctor's own and verify modules, for mutants that the other doctor tests let through
(`make mutation`, issue 27). Own (the reader's object driven through copies for `xl.adapt`):
the error messages, weights loaded into (and read from) copies, each sample's gradient, a later
update read on a copy of the run's object, how alike two displacements must be, whether an
epoch draws at random and mixes one-sample steps, updates counted per epoch, outputs read as
float64, integer weights noted. Verify (advice tried): a change that verifies, the first step
in words, "cannot tell", a scaled step, the update rule blamed, coarse weights named. Each test
asserts what a function returns; readers are written here in plain numpy (a dict of arrays and
a training function, or a small class), and expected values are computed here.
Where the rule under test is one comparison, the displacements it compares are given to it."""

import warnings
from types import SimpleNamespace

import numpy as np
import pytest

from xorlab.doctor import verify
from xorlab.doctor.own import OwnNetwork

# ----------------------------------------------------------------------------- own

ZX = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0]])
ZY = np.array([[1.0], [0.0], [2.0], [1.0]])


def linear_sgd(p, X, y, lr=0.1):
    """One step of plain descent on the mean squared error of a linear unit, in place:
    p = {'w': (2, 1), 'b': (1,)}."""
    e = 2 * (X @ p["w"] + p["b"] - y) / len(X)
    p["w"] -= lr * X.T @ e
    p["b"] -= lr * e.sum(0)


def own(train=linear_sgd, X=ZX, y=ZY, **kw):
    """A dict of parameters driven by `train(p, X, y, lr=...)`, its rate a keyword."""
    p = {"w": np.array([[0.5], [-0.25]]), "b": np.array([0.125])}
    args = dict(predict=None, loss=None, lr="lr", columns=False, train_args={"lr": 0.1})
    return OwnNetwork(p, "w b", train, X, y, **{**args, **kw})


def test_each_samples_gradient_is_read_off_a_one_sample_epoch():
    net = own()
    p = net.start()
    read = net.per_sample(p)
    assert len(read) == len(ZX)
    for (x, y), g in zip(zip(ZX, ZY), read):
        e = 2 * (x @ p["w"] + p["b"] - y)
        np.testing.assert_allclose(g["w"], np.outer(x, e), rtol=1e-6, atol=1e-12)
        np.testing.assert_allclose(g["b"], e, rtol=1e-6, atol=1e-12)


class Decaying:
    """A reader's object that takes one step on a sample drawn at random (from a generator it
    holds) per sample, at a rate that decays with its epochs: lr / (1 + epochs so far)."""

    def __init__(self):
        self.p = {"w": np.array([[0.5], [-0.25]]), "b": np.array([0.125])}
        self.lr, self.t, self.rng = 0.1, 0, np.random.default_rng(5)

    def train(self, X, y):
        for i in self.rng.integers(0, len(X), len(X)):
            linear_sgd(self.p, X[i : i + 1], y[i : i + 1], self.lr / (1 + self.t))
        self.t += 1


def test_a_later_update_of_a_drawing_run_is_read_on_the_object_as_the_run_left_it():
    net = OwnNetwork(Decaying(), "p.w p.b", "train", ZX, ZY, None, None, "lr", False, None)
    net.grad(net.start())  # counts the updates and finds the draws, as the doctor does first
    assert net._random
    reached, g = net.later(3)
    e = 2 * (ZX @ reached["p.w"] + reached["p.b"] - ZY) / len(ZX)  # the loss's gradient
    np.testing.assert_allclose(g["p.w"], ZX.T @ e / 4, rtol=1e-5)  # where the run is: its
    np.testing.assert_allclose(g["p.b"], e.sum(0) / 4, rtol=1e-5)  # 4th epoch steps at lr / 4


def implied(a, b):
    """What `_implied` makes of an epoch's displacements `a` at a rate and `b` at 10 times it
    (flat arrays, one update an epoch): a, when they are alike, else None."""
    net = own()
    net._updates, net._random = 1, False
    net._probe_lr = lambda p, X, y: 1.0
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)  # b at any other rate
    net._displacement = lambda p, X, y, lr, source: {"w": a if lr == 1.0 else b, "b": np.zeros(1)}
    got = net._implied(net.start(), None)
    return None if got is None else got["w"]


def test_displacements_alike_to_a_thousandth_of_their_size_are_the_gradient():
    assert implied([1e3], [1e3 * (1 + 1e-4)]) == pytest.approx([1e3])
    many = np.ones(100)  # |a - b| = 5e-3, a thousandth of |a| is 1e-2
    assert implied(many, many + 5e-4) == pytest.approx(many)
    assert implied(many, many + 2e-3) is None


def test_tiny_displacements_are_compared_at_their_own_scale():
    assert implied([1e-170, 0.0], [0.0, 1e-170]) is None  # squares would underflow to 0


def test_displacements_that_overflow_give_no_gradient_and_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert implied([np.inf], [np.inf]) is None


def drawn(flats):
    """Whether `_draws` calls an epoch random, its displacements at four random states being
    `flats` (each a mix of one-sample epochs' steps)."""
    net = own()
    net._flat = lambda p, lr, t: np.asarray(flats[t], dtype=float)
    net._mixes = lambda p, lr, flat: True
    return net._draws(net.start(), 1.0)


def test_an_epoch_draws_when_a_state_moves_it_a_thousandth_from_the_first():
    assert drawn([[1.0, 0.0], [1.0, 7e-4], [1.0, 1.4e-3], [1.0, 7e-4]])  # 1.4e-3 from the first
    assert not drawn([[1.0, 0.0], [1.0, 7e-4], [1.0, 9e-4], [1.0, 7e-4]])


def test_a_thousandth_is_of_the_first_states_step_whatever_its_size():
    assert not drawn([[1000.0], [1001.0], [1000.0], [1000.0]])  # exactly a thousandth: not
    assert not drawn([[1000.0], [1000.5], [1000.0], [1000.0]])
    assert drawn([[1.0], [1.0 + 1.0005e-3], [1.0], [1.0]])  # above a thousandth of the first,
    assert drawn([[1e-6], [2e-6], [1e-6], [1e-6]])  # not of the second; tiny steps alike


def mixes(flat, ones=None):
    """Whether `_mixes` reads `flat` (epoch steps) as mixes, weights >= 0, of the one-sample
    steps `ones` (flat, of w (2, 1) and b (1,))."""
    net = own()
    if ones is not None:
        net._one_sample = lambda p, lr: [{"w": o[:2, None], "b": o[2:]} for o in ones]
    return net._mixes(net.start(), 1.0, [np.asarray(f, dtype=float) for f in flat])


E = np.eye(3)[:2]  # two one-sample steps, along w's two entries; b never moves


def test_an_epoch_that_takes_no_step_is_a_mix_of_any_steps():
    assert mixes([np.zeros(3)])
    assert mixes([np.zeros(3)], E)


def test_an_epoch_step_a_thousandth_off_the_one_sample_steps_is_not_a_mix():
    assert mixes([[100.0, 100.0, 0.05]], E)  # off by 5e-4 of its size
    assert not mixes([[100.0, 100.0, 0.2]], E)
    assert not mixes([[0.1, 0.1, 2e-4]], E)  # off by 1.4e-3 of its size, a small step


def test_a_mix_may_weigh_a_step_down_to_minus_a_thousandth_of_the_largest_weight():
    assert mixes([[10.0, -5e-3, 0.0]], E)
    assert not mixes([[10.0, -2e-2, 0.0]], E)
    assert not mixes([[1.0, -0.5, 0.0]], E)


def test_one_sample_epochs_the_readers_code_refuses_are_not_mixes():
    def batch_only(p, X, y, lr=0.1):
        if len(X) < 2:
            raise ValueError("a batch of one")
        linear_sgd(p, X, y, lr)

    net = own(batch_only)  # a plain unit's epoch that takes no step mixes (the test above)
    assert not net._mixes(net.start(), 1.0, [np.zeros(3)])


def test_an_update_on_the_whole_batch_counts_once_though_smaller_batches_fail():
    def whole_or_one(p, X, y, lr=0.1):
        if len(X) not in (1, len(ZX)):
            raise ValueError("written for the whole batch (or one sample)")
        linear_sgd(p, X, y, lr)

    net = own(whole_or_one)
    assert net._count_updates(net.start()) == 1


FX = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0], [1.0, 2.0]])
FY = np.array([[1.0], [0.0], [2.0], [1.0], [0.5]])


@pytest.mark.parametrize("B, updates", [(1, 5), (2, 3), (3, 2), (4, 2), (5, 1)])
def test_an_epoch_of_batches_of_b_samples_takes_n_over_b_updates_rounded_up(B, updates):
    def batches(p, X, y, lr=0.1):
        for i in range(0, len(X), B):
            linear_sgd(p, X[i : i + B], y[i : i + B], lr)

    net = own(batches)
    net.Xr, net.yr, net.n = FX, FY, len(FX)
    assert net._count_updates(net.start()) == updates


def proportional(a, b):
    """What `_proportional` makes of one call's displacements `a` at a rate and `b` at 10 times
    it (flat arrays): True when they are alike."""
    net = own()
    net._probe_lr = lambda p, X, y, relative: 1.0
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)  # b at any other rate
    net._displacement = lambda p, X, y, lr: {"w": a if lr == 1.0 else b, "b": np.zeros(1)}
    return net._proportional(net.start(), ZX, ZY)


def test_one_call_is_one_update_when_its_steps_are_alike_to_a_ten_thousandth():
    assert proportional([1e4], [1e4 + 1.0])  # exactly a ten-thousandth apart
    assert proportional([100.0, 0.0], [100.0, 5e-3])
    assert not proportional([100.0, 0.0], [100.0, 2e-2])
    assert not proportional([1e-6, 0.0], [0.0, 1e-6])  # tiny steps, at their own scale


def normalising(p, X, y, lr=0.1):
    """Plain descent on inputs divided by their spread over the batch (NaN on one sample)."""
    linear_sgd(p, X / X.std(0), y, lr)


def test_a_call_that_steps_to_nan_on_one_sample_takes_the_whole_data_quietly():
    net = own(normalising)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert net._one_update(net.start(), 1) is None
    assert not seen
    assert net._count_updates(net.start()) == 1


class Listed:
    """A reader's object whose training updates, in place, the arrays of its list `ps`, which
    are also its attributes W and b."""

    def __init__(self):
        self.W, self.b = np.array([[0.5], [-0.25]]), np.array([0.125])
        self.ps, self.lr = [self.W, self.b], 0.1

    def train(self, X, y):
        linear_sgd(dict(zip("wb", self.ps)), X, y, self.lr)


def test_weights_loaded_by_name_are_also_the_arrays_the_objects_list_holds():
    net = OwnNetwork(Listed(), "W b", "train", ZX, ZY, None, None, "lr", False, None)
    p = {"W": np.array([[1.0], [2.0]]), "b": np.array([-1.0])}
    want = {"w": p["W"].copy(), "b": p["b"].copy()}
    linear_sgd(want, ZX, ZY)
    after = net.step(p)
    np.testing.assert_allclose(after["W"], want["w"])
    np.testing.assert_allclose(after["b"], want["b"])


def test_weights_are_loaded_in_the_kind_the_reader_stored_and_read_as_float64():
    obj = {"w": np.array([[1], [2]]), "b": 0.5, "c": np.array(0.25)}  # int, float, 0-d array
    net = OwnNetwork(obj, "w b c", lambda p, X, y: None, ZX, ZY, None, None, 0.1, False, None)
    start = net.start()
    assert all(v.dtype == np.float64 for v in start.values())
    twin = net._load(start, keep_dtypes=True)
    assert type(twin["b"]) is float and type(twin["c"]) is np.ndarray
    assert twin["w"].dtype == obj["w"].dtype


def test_a_run_on_other_targets_starts_from_a_fresh_copy_of_the_object():
    net = OwnNetwork(Decaying(), "p.w p.b", "train", ZX, ZY, None, None, "lr", False, None)
    first = net.step(net.start())  # the reader's run, one epoch in: its rate now lr / 2
    again = net.step(first, y=ZY)  # the same targets, as a run of its own
    assert not np.allclose(again["p.w"], net.step(first)["p.w"])  # the run went on at lr / 2
    np.testing.assert_allclose(again["p.w"], net.afresh(first)["p.w"])


class Momentum:
    """A reader's heavy-ball descent: v = 0.9 v - lr g; w += v."""

    def __init__(self):
        self.p = {"w": np.array([[0.5], [-0.25]]), "b": np.array([0.125])}
        self.v = {k: np.zeros_like(a) for k, a in self.p.items()}
        self.lr = 0.05

    def train(self, X, y):
        g = {k: a.copy() for k, a in self.p.items()}
        linear_sgd(g, X, y, 1.0)  # g = p - gradient
        for k in self.p:
            self.v[k] = 0.9 * self.v[k] - self.lr * (self.p[k] - g[k])
            self.p[k] = self.p[k] + self.v[k]


def test_a_later_update_sets_aside_the_momentum_the_run_carries():
    net = OwnNetwork(Momentum(), "p.w p.b", "train", ZX, ZY, None, None, "lr", False, None)
    net.grad(net.start())
    reached, g = net.later(3)
    e = 2 * (ZX @ reached["p.w"] + reached["p.b"] - ZY) / len(ZX)
    np.testing.assert_allclose(g["p.w"], ZX.T @ e, rtol=1e-4)
    np.testing.assert_allclose(g["p.b"], e.sum(0), rtol=1e-4)


def test_outputs_are_read_as_float64_in_the_doctors_layout():
    def predict(p, Z):
        return (Z @ p["w"] + p["b"]).astype(np.float32).ravel()

    net = own(predict=predict)
    out = net.predict(net.start(), ZX)
    assert out.dtype == np.float64 and out.shape == (4, 1)
    np.testing.assert_allclose(out, ZX @ [[0.5], [-0.25]] + 0.125)


def test_params_that_name_nothing_are_refused_with_how_to_name_them():
    with pytest.raises(ValueError) as why:
        OwnNetwork({}, [], linear_sgd, ZX, ZY, None, None, 0.1, False, None)
    assert str(why.value) == "params must name at least one parameter, e.g. ['W1', 'b1']"
    with pytest.raises(ValueError) as why:
        OwnNetwork({"w": 1.0}, "v", linear_sgd, ZX, ZY, None, None, 0.1, False, None)
    assert str(why.value) == (
        "the object has no parameter 'v'; params names its weight attributes, e.g. "
        "['W1', 'b1', 'W2', 'b2'], or paths into them: 'params.W1' for self.params['W1'], "
        "'weights.0' for self.weights[0]"
    )


@pytest.mark.parametrize("role", ["predict", "loss"])
def test_a_predict_or_loss_that_is_not_there_is_named_by_its_role(role):
    with pytest.raises(TypeError, match=f"^for a dict of parameters, {role} must be a function$"):
        own(**{role: "forward"})
    with pytest.raises(ValueError, match=f"^{role}='nowhere': the object has no method of that"):
        fns = {"predict": None, "loss": None, role: "nowhere"}
        OwnNetwork(Listed(), "W b", "train", ZX, ZY, **fns, lr="lr", columns=False, train_args={})


def test_an_objects_training_may_be_a_function_of_the_object_with_keywords():
    def train(obj, X, y, rate=0.5):
        linear_sgd(dict(zip("wb", obj.ps)), X, y, rate)

    net = OwnNetwork(Listed(), "W b", train, ZX, ZY, None, None, "rate", False, {"rate": 0.1})
    want = {"w": np.array([[0.5], [-0.25]]), "b": np.array([0.125])}
    linear_sgd(want, ZX, ZY, 0.1)
    np.testing.assert_allclose(net.step(net.start())["W"], want["w"])


def test_targets_as_columns_are_turned_to_rows():
    yc = np.array([[1.0, 0.0, 2.0, 1.0], [0.0, 1.0, 0.0, 1.0]])  # 2 outputs, 4 samples
    net = own(X=ZX.T, y=yc, columns=True)
    np.testing.assert_array_equal(net.y, yc.T)


@pytest.mark.parametrize(
    "shape, want", [((4, 1), (4, 1)), ((1, 4), (1, 4)), ((4,), None), ((4, 2), None)]
)
def test_flat_targets_are_shaped_like_outputs_of_one_column_or_row(shape, want):
    def predict(p, Z):
        p["seen"][...] = 1.0  # a reader's cache, written in place
        return np.zeros(shape)

    net = own(predict=predict)
    net.obj["seen"] = np.zeros(1)
    net.yr = ZY.ravel()
    got = net.outputs_shaped()
    assert (got is None) if want is None else got.shape == want
    assert net.obj["seen"][0] == 0.0  # predicted on a copy of the object


def test_integer_weights_whose_steps_are_whole_numbers_are_not_noted():
    def whole(p, X, y, lr=0.5):
        p["w"][...] = p["w"] - lr * 2.0  # a step of exactly 1

    obj = {"w": np.array([3, 4])}
    net = OwnNetwork(obj, "w", whole, ZX, ZY, None, None, "lr", False, None)
    assert net.notes() == []


# ----------------------------------------------------------------------------- verify


def halving_reader(predict=None, epochs=3):
    """A reader of one weight w = 1 whose loss is w**2 (its gradient 2 w)."""
    return SimpleNamespace(
        params={"w": np.array([1.0])},
        gradient=lambda p: {"w": 2 * p["w"]},
        epochs=epochs,
        predict=predict,
        X=np.array([[0.0], [1.0]]),
        y=np.array([[0.0], [1.0]]),
    )


def square(p):
    return float(np.sum(p["w"] ** 2))


def halve(p, g):
    return {"w": p["w"] / 2}  # losses 1, 1/4, 1/16, 1/64


def test_a_change_that_makes_the_loss_fall_below_half_the_readers_end_is_told():
    better = verify._better(halving_reader(), square, np.array([1.0, 0.1]), halve)
    assert better == "loss 1.0000 -> 0.0156 in 3 steps"  # below 0.05: no fit without predict
    assert verify._better(halving_reader(), square, np.array([0.01, 0.1]), halve) == better
    assert verify._better(halving_reader(), square, np.array([1.0, 0.5, np.nan]), halve) == better


def test_a_change_that_ends_at_half_the_readers_end_or_above_is_not_told():
    assert verify._better(halving_reader(), square, np.array([1.0, 0.5, 1 / 32]), halve) is None
    assert verify._better(halving_reader(), square, np.array([1.0, 0.02]), halve) is None


def test_a_change_whose_run_fits_the_data_is_told_though_its_loss_does_not_fall():
    def predict(p, Z):
        return Z * 0.9 + 0.05  # every output on its target's side, whatever the weights

    reader = halving_reader(predict)
    better = verify._better(reader, lambda p: 1.0, np.array([1.0, 1.0]), halve)
    assert better == "loss 1.0000 -> 1.0000 in 3 steps, every output on the right side"
    never = halving_reader(lambda p, Z: 0.5 + 0 * Z)  # every output on the middle: no fit
    assert verify._better(never, lambda p: 1.0, np.array([1.0, 1.0]), halve) is None


def first_step(step, grads):
    reader = SimpleNamespace(step=step, params={"w": np.array([1.0, 2.0])}, grads=grads)
    return verify._update(reader)


def test_the_first_step_is_told_by_its_cosine_with_the_gradient():
    def descent(p, g):
        return {"w": p["w"] - 0.1 * g["w"]}

    said = first_step(descent, {"w": np.array([3.0, 4.0])})
    assert said == "the update's first step against the gradient: cosine +1.000 (descent is +1)"


def test_a_first_step_to_infinity_is_told_without_a_warning():
    def blows_up(p, g):
        return {"w": p["w"] / 0.0}

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        said = first_step(blows_up, {"w": np.array([3.0, 4.0])})
    assert said == "the update's first step is not finite (NaN or inf) at the start"


def test_cannot_tell_says_what_was_measured_seen_and_tried():
    seen = SimpleNamespace(evidence="loss 0.7 -> 0.7")
    lines, change = ["steps times 0.1: flat"], "smaller steps did not make the loss fall"
    found = verify.cannot_tell(seen, lines, change, False)
    assert found.code == "cannot_tell"
    assert found.evidence == (
        "the gradient disagrees with finite differences\nseen: loss 0.7 -> 0.7\n"
        "tried: steps times 0.1: flat\nsmaller steps did not make the loss fall, so that is "
        "not the fix"
    )
    right = verify.cannot_tell(seen, lines, change, True, "the update in words")
    assert right.evidence.splitlines()[:2] == [
        "the gradient agrees with finite differences of the loss",
        "the update in words",
    ]


def test_a_scaled_step_keeps_whether_it_ignores_the_gradient():
    def plain(p, g):
        return {k: p[k] - g[k] for k in p}

    def own_epoch(p, g):
        return {k: p[k] / 2 for k in p}

    own_epoch.ignores_grads = True
    assert verify.scaled(own_epoch, 0.5).ignores_grads
    assert not verify.scaled(plain, 0.5).ignores_grads
    half = verify.scaled(plain, 0.5)({"w": np.array([1.0])}, {"w": np.array([1.0])})
    assert half["w"] == pytest.approx([0.5])


def test_weights_coarser_than_float64_are_named_with_the_gap_between_their_numbers():
    dtypes = {"W": np.float32, "b": np.dtype("float32"), "c": np.float16}
    found = verify._coarse(dtypes, "checked: it trains")
    assert found.code == "low_precision"
    assert found.evidence == (
        "c stored as float16: neighbouring float16 numbers are up to 9.8e-04 of their size "
        "apart, and an update below half that gap is rounded away\n"
        "W, b stored as float32: neighbouring float32 numbers are up to 1.2e-07 of their size "
        "apart, and an update below half that gap is rounded away\nchecked: it trains"
    )
    assert "(float16, float32)" in found.title


def test_the_loss_falls_below_099_of_its_start_with_fewer_than_half_the_steps_up():
    assert verify.falls(np.array([1.0, 1.0, 1.0, 0.5]))  # steps that stay are not steps up
    assert not verify.falls(np.array([1.0, 0.99]))  # 0.99 of its start is not below it
    assert not verify.falls(np.array([1.0, 1.2, 0.5]))  # half the steps up


def stuck(reshaped=None, exact=None):
    """The adapter's step of a reader whose run stays put (losses 1, 1, 1, 1), whose fresh
    copies halve w (`afresh`), and with targets shaped like its outputs, `reshaped`, or float64
    weights, `exact` (when given: a step function with state has neither)."""

    def step(p, g):
        return {"w": p["w"].copy()}

    step.afresh = halve
    if reshaped:
        step.reshaped = reshaped
    if exact:
        step.exact = exact
    return SimpleNamespace(**vars(halving_reader()), step=step)


def test_an_update_rule_is_blamed_when_fresh_copies_of_its_state_train():
    found = verify.update_rule(stuck(), square, np.array([1.0, 1.0, 1.0, 1.0]))
    assert found.code == "carried_update"
    assert found.evidence == (
        "your run, each epoch continuing the last: loss 1.0000 -> 1.0000 in 3 steps\n"
        "checked: the same epochs, each from a fresh copy of your step (its state and "
        "schedule as at the start): loss 1.0000 -> 0.0156 in 3 steps"
    )


def test_targets_shaped_like_the_outputs_are_tried_first():
    def reshaped(p, g):
        return halve(p, g)

    reshaped.shapes = ("(4,)", "(4, 1)")
    found = verify.update_rule(stuck(reshaped), square, np.array([1.0, 1.0, 1.0, 1.0]))
    assert found.code == "target_shape"
    assert found.evidence.splitlines()[1] == (
        "y of shape (4,) against outputs of (4, 1); checked: the same epochs with y of shape "
        "(4, 1) (the loss is still yours): loss 1.0000 -> 0.0156 in 3 steps"
    )


def test_weights_that_train_as_float64_are_blamed_on_their_dtype():
    def exact(p, g):
        return halve(p, g)

    exact.dtypes = {"w": np.float32}
    found = verify.update_rule(stuck(exact=exact), square, np.array([1.0, 1.0, 1.0, 1.0]))
    assert found.code == "low_precision"
    assert found.evidence.splitlines()[1:] == [
        "your run, each epoch continuing the last: loss 1.0000 -> 1.0000 in 3 steps",
        "checked: the same epochs, float64 weights: loss 1.0000 -> 0.0156 in 3 steps",
    ]


def test_a_step_rule_is_blamed_when_plain_descent_with_its_gradient_trains():
    reader = stuck()
    reader.step.afresh, reader.lr = reader.step, 0.25  # fresh copies stay put too; w - 0.5 w
    found = verify.update_rule(reader, square, np.array([1.0, 1.0, 1.0, 1.0]))
    assert found.code == "step_rule"
    assert found.evidence == (
        "your run, each epoch continuing the last: loss 1.0000 -> 1.0000 in 3 steps\nchecked: "
        "plain gradient descent with your gradient, p - 0.25 * g: loss 1.0000 -> 0.0156 in 3 steps"
    )
    reader.step.ignores_grads = True  # a gradient read off the update: it holds the rule too
    assert verify.update_rule(reader, square, np.array([1.0, 1.0, 1.0, 1.0])) is None


def test_the_doctors_own_plain_step_has_no_rule_to_blame():
    plain = SimpleNamespace(**vars(halving_reader()), step=halve, lr=0.1)
    assert verify.update_rule(plain, square, np.array([1.0, 1.0, 1.0, 1.0])) is None


# ----------------------------------------------------------------------------- not killed
#
# Mutants of own and verify that survive these tests (mutmut 3.8.1, in a copy made as `make
# mutation` makes it, the selection narrowed to test_doctor_mutants/2/3, test_doctor_thresholds,
# test_doctor_stateful, test_adapter, test_adapter_mutants and test_doctor_draws), and why.
#
# Equivalent (no behaviour can tell them apart):
# - own.predict, own._displacement and own.notes, `_load(p, keep_dtypes=None)` for False (3):
#   None is False there (as the pragma on own.loss says).
# - own.predict, `out.reshape(-2, 1)`, and own._data_checks, `yr.reshape(-2, 1)`: numpy 2.4
#   reads any negative size as the one to infer.
# - own._implied, `_draws(None, lr)` and `_draws(p, None)`: `_implied` runs only from `later`,
#   after `grad` counted updates, and `grad` with updates asks `_draws` first, which decides
#   once and then reads neither argument.
# - own.step, `y is None` or `X is None` for `is not None` in the run's key (2): the three runs
#   still have three different keys.
# - own._displacement, `draw=1` for 0: any fixed seed, the same at every rate compared.
# - own._displacement, np.array without dtype=float64 (2): the difference of two float64
#   weights (`_read`) divided by a rate is float64 already.
# - own.grad, `lr_name is not None or _updates is None`: with a rate written in the code the
#   rate cannot be set, so no call is proportional, `_count_updates` gives 0 and the gradient
#   is the mean of one-sample epochs, as without counting (it only costs more).
# - own._one_update, slice(None, m), slice(m) for slice(0, m), and slice(n - m, None) for
#   slice(n - m, n) (3): the same slices.
# - own._proportional, `11 * lr` for `10 * lr`: any second rate shows proportionality (the
#   pragma on `_implied`'s rates).
# - own.notes, `_train(..., None)` or the rate dropped for `self.lr_value` (2): with None the
#   twin trains at the rate it holds, which is lr_value (read from it, its keyword or
#   train_args).
# - verify.falls, `len(d) >= 0` for `> 0`: one loss is never below 0.99 of itself, unless
#   negative, and then the mean of no steps is NaN, not below 0.5.
# - own._mixes, lstsq without `rcond=None`: numpy 2's default is None.
# - verify.scaled, np.asarray without dtype=float64 (2): p is float64 (`runs.run` keeps it so),
#   so after - p is float64 whatever the reader's step returns.
# - verify.scaled, verify._update and verify.update_rule, `getattr(..., "ignores_grads",
#   None)` for False (3): both falsy.
#
# Not killed:
# - own._count_updates, `(lo + hi + 2) // 2` for `+ 1`: still a bisection that ends at the
#   largest m whose call is one update, whenever that holds for every smaller m (a batch of B
#   samples: m <= B); only a reader whose code is one update on m samples but not on fewer
#   could tell, not constructed.
# - own._displacement, the second `seeded(draw)` as `seeded(None)`: differs only for a
#   call that moves the weights at rate 0 by an amount that depends on the samples it draws
#   from numpy's global state; not constructed.
# - own._proportional, `relative=1.01` for 1e-2 and `10 / lr` for `10 * lr`: one update
#   computed from the weights before it is exactly proportional at any rate, and several are
#   not at either; they differ only where a large probe step overflows. `or` for `and` in its
#   finiteness test: needs a call finite at one rate and not at ten times it.
# - own.notes, `>= 1e-12` for `> 1e-12`: differs only for a truncation of exactly 1e-12, which
#   I could not construct in floats.
# - verify.checked, told and unreachable: not reached by the mutation run before the deadline.
# - training: not run (the mutation runs of own and verify took the time available).
