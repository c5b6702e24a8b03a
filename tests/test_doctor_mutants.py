"""The doctor's deciding modules, for mutants that the other doctor tests let through (`make
mutation`, issue 27): the gradient phase's agreement and its findings, the scoring of verdicts,
the capacity checks, the advice tried before it is given, and the update probe. Each test asserts
what a reader sees (a finding's code, title or evidence, a verdict, a score's words); learners and
expected values are written here in plain numpy."""

import math
from statistics import NormalDist

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor import capacity, findings, scoring, verify
from xorlab.doctor.causes import CAUSES, CHAPTER_TITLES
from xorlab.doctor.findings import Diagnosis, Finding


def wilson(k, n):
    """The 95% Wilson interval of k successes in n, from its formula."""
    z = NormalDist().inv_cdf(0.975)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (0.0 if k == 0 else centre - half), (1.0 if k == n else centre + half)


# ----------------------------------------------------------------------------- scoring


class Program(scoring.Expected):
    def __init__(self, required=(), allowed=()):
        self.required, self.allowed = frozenset(required), frozenset(allowed)


def test_an_allowed_finding_is_fair_and_one_outside_both_sets_is_not():
    p = Program({"sign_flip"}, {"diverged"})
    assert p.fair("sign_flip") and p.fair("diverged") and not p.fair("no_bias")


def test_a_diagnosis_needs_a_required_code_and_nothing_unfair():
    p = Program({"sign_flip"}, {"diverged"})
    assert p.ok(["sign_flip", "diverged"])
    assert not p.ok(["diverged"])  # fair, but the bug itself is not named
    assert not p.ok(["sign_flip", "no_bias"])  # the bug, and a false alarm
    assert Program().ok([]) and not Program().ok(["diverged"])


def test_a_score_counts_fair_findings_hits_and_unsure_programs():
    verdicts = [
        (Program({"sign_flip"}), ["sign_flip"]),  # a hit, 1 fair finding
        (Program({"sign_flip"}, {"diverged"}), ["sign_flip", "diverged", "no_bias"]),  # 2 of 3
        (Program({"no_bias"}), None),  # the doctor crashed: a miss
        (Program({"linear"}), ["cannot_tell"]),  # unsure: a miss, no finding
        (Program({"linear"}), ["diverged", "cannot_tell"]),  # unsure, 1 unfair finding
        (Program(), []),  # healthy and said so: a hit
    ]
    s = scoring.score(verdicts)
    assert (s.fair, s.findings, s.hits, s.programs, s.unsure) == (3, 5, 2, 6, 2)
    assert s.precision == 3 / 5 and s.recall == 2 / 6
    (pl, ph), (rl, rh) = s.intervals()
    assert (pl, ph) == pytest.approx(wilson(3, 5)) and (rl, rh) == pytest.approx(wilson(2, 6))
    assert str(s) == (
        f"precision 0.60 (3/5 findings fair, 95% CI {pl:.2f}-{ph:.2f}); recall 0.33 (2/6 "
        f"programs right, 95% CI {rl:.2f}-{rh:.2f}); cannot tell on 2"
    )


def test_a_score_after_a_crash_goes_on_to_the_next_programs():
    verdicts = [(Program({"no_bias"}), None), (Program({"no_bias"}), ["no_bias"])]
    s = scoring.score(verdicts)
    assert (s.fair, s.findings, s.hits, s.programs, s.unsure) == (1, 1, 1, 2, 0)
    assert str(s).endswith("programs right, 95% CI 0.09-0.91)")  # nothing unsure: not said


def test_a_score_without_findings_has_precision_1_over_the_whole_interval():
    s = scoring.score([(Program(), []), (Program({"linear"}), ["cannot_tell"])])
    assert s.precision == 1.0 and s.intervals()[0] == (0.0, 1.0)
    assert str(s).startswith("precision 1.00 (0/0 findings fair, 95% CI 0.00-1.00)")


def test_no_verdicts_is_refused_with_what_to_do():
    with pytest.raises(ValueError, match="^verdicts is empty: run the doctor on at least one"):
        scoring.score([])


# ----------------------------------------------------------------------------- capacity

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


@pytest.mark.parametrize("hit, fit", [(0.54, False), (0.56, True)])
def test_an_output_fits_a_1_only_past_0_55(hit, fit):
    out = np.array([[0.04], [hit], [0.97], [0.02]])
    assert capacity.fits(out, XOR_Y) == fit


@pytest.mark.parametrize("hit, fit", [(0.09, False), (0.11, True)])
def test_an_output_fits_a_plus_1_only_past_0_1(hit, fit):
    y = 2 * XOR_Y - 1
    out = np.array([[-0.9], [hit], [0.8], [-0.95]])
    assert capacity.fits(out, y) == fit


def test_outputs_on_the_wrong_side_or_not_finite_do_not_fit():
    assert capacity.fits([[0.1], [0.9], [0.9], [0.1]], XOR_Y)
    assert not capacity.fits([[0.9], [0.9], [0.9], [0.1]], XOR_Y)
    assert not capacity.fits([[0.1], [0.9], [np.nan], [0.1]], XOR_Y)


def linear_net(p, Z):
    """A network with no hidden layer: sigmoid(Z @ w + b)."""
    return sig(Z @ p["w"] + p["b"])


LINEAR = {"w": np.array([[1.0], [-2.0]]), "b": np.array([0.3])}


def test_an_affine_output_that_reaches_0_or_1_is_named_linear():
    """A linear model with no squashing (outputs 0 to 0.75, or 0.25 to 1, on XOR's square):
    its outputs are fitted as they are, not as probabilities, whose logit at 0 or 1 is
    infinite."""
    rng = np.random.default_rng(0)
    for w, b in [([0.5, 0.25], 0.0), ([0.375, 0.375], 0.25)]:  # 0 at (0, 0); 1 at (1, 1)
        params = {"w": np.array(w)[:, None], "b": b}
        affine = lambda p, Z: Z @ p["w"] + p["b"]  # noqa: E731
        assert {0.0, 1.0} & set(affine(params, XOR_X).ravel())
        found = capacity.linear(params, affine, XOR_X, XOR_Y, rng)
        assert [f.code for f in found] == ["linear"]
        assert found[0].evidence.startswith("an affine fit of the output's logit over the data")


def test_a_linear_network_is_no_finding_where_a_line_separates_the_classes():
    rng = np.random.default_rng(0)
    assert [f.code for f in capacity.linear(LINEAR, linear_net, XOR_X, XOR_Y, rng)] == ["linear"]
    assert capacity.linear(LINEAR, linear_net, XOR_X, OR_Y, rng) == []  # OR: a line does it
    assert capacity.linear(LINEAR, None, XOR_X, XOR_Y, rng) == []  # nothing to fit without
    two = lambda p, Z: np.hstack([linear_net(p, Z), 1 - linear_net(p, Z)])  # noqa: E731
    assert capacity.linear(LINEAR, two, XOR_X, np.hstack([XOR_Y, 1 - XOR_Y]), rng) == []


def test_a_relu_network_linear_over_the_data_region_only_is_named_linear():
    """Inputs x0 in [0, 1], x1 in [5, 15]: both of its ReLU kinks lie outside that box (at
    x0 = 3, x1 = 2), inside the square [0, 15]^2."""
    X = XOR_X * [1.0, 10.0] + [0.0, 5.0]

    def kinked(p, Z):
        logit = Z @ p["w"] + p["b"] + np.maximum(Z[:, :1] - 3, 0) + np.maximum(2 - Z[:, 1:], 0)
        return sig(logit)

    params = {"w": np.array([[1.0], [-0.2]]), "b": np.array([1.5])}
    found = capacity.linear(params, kinked, X, XOR_Y, np.random.default_rng(0))
    assert [f.code for f in found] == ["linear"]


def test_a_relu_network_bent_between_the_data_points_is_not_named_linear():
    """Three ReLU units make a tent on 0.3 < x0 < 0.5 and are flat elsewhere: affine at XOR's
    four corners, bent between them, where the doctor samples 60 points."""

    def tent(p, Z):
        x0 = Z[:, :1]
        bump = np.maximum(x0 - 0.3, 0) - 2 * np.maximum(x0 - 0.4, 0) + np.maximum(x0 - 0.5, 0)
        return sig(Z @ p["w"] + p["b"] + bump)

    inside = np.random.default_rng(0).uniform(0, 1, 60)
    assert np.sum((inside > 0.3) & (inside < 0.5)) > 5  # some of them on the tent
    assert capacity.linear(LINEAR, tent, XOR_X, XOR_Y, np.random.default_rng(0)) == []


def test_a_tanh_network_with_tiny_weights_is_not_named_linear():
    """Its logit spans about 1e-4: a curvature of about 1e-5 of that is still a curve."""
    W1, w2 = 0.01 * np.array([[1.0, -2.0], [1.5, 0.5]]), 0.01 * np.array([[1.0], [-1.0]])
    net = lambda p, Z: 1 / (1 + np.exp(-(np.tanh(Z @ W1) @ w2)))  # noqa: E731
    pts = np.random.default_rng(5).uniform(0, 1, (200, 2))
    logit = np.tanh(pts @ W1) @ w2
    A = np.column_stack([pts, np.ones(200)])
    rest = logit - A @ np.linalg.lstsq(A, logit, rcond=None)[0]
    assert 1e-5 < np.ptp(rest) / np.ptp(logit) < 1e-3 and np.ptp(logit) < 1e-3
    assert capacity.linear({}, net, XOR_X, XOR_Y, np.random.default_rng(0)) == []


def test_a_flat_linear_network_is_not_named_linear():
    flat = lambda p, Z: 1 / (1 + np.exp(-(Z @ np.array([[1e-11], [2e-11]]) + 0.3)))  # noqa: E731
    assert capacity.linear({}, flat, XOR_X, XOR_Y, np.random.default_rng(0)) == []
    tiny = lambda p, Z: 1 / (1 + np.exp(-(Z @ np.array([[1e-6], [2e-6]]) + 0.3)))  # noqa: E731
    assert [f.code for f in capacity.linear({}, tiny, XOR_X, XOR_Y, np.random.default_rng(0))] == [
        "linear"
    ]


# ----------------------------------------------------------------------------- findings


def test_a_report_numbers_its_findings_with_evidence_pointers_and_links():
    flip = Finding.of("sign_flip", "cosine -1.000\nnorm ratio 1.000", " in W1")
    climb = Finding("update_climbs", "Uphill", "cosine +1.000 with the gradient", "the step")
    losses = np.array([0.7, 0.6])
    d = Diagnosis.of([flip, climb, Finding("sign_flip", "again", "x")], "check", losses, "run")
    assert d.codes == ["update_climbs", "sign_flip"] and not d.healthy  # first of each kept
    assert (d.gradcheck, d.losses, d.summary, d.seed) == ("check", losses, "run", None)
    c, s = CAUSES["update_climbs"], CAUSES["sign_flip"]
    section = lambda c: f"{CHAPTER_TITLES[c.chapter]}, section \u201c{c.section}\u201d"  # noqa: E731
    assert str(d).splitlines() == [
        "2 finding(s), the most likely cause first:",
        "1. Uphill",
        "   cosine +1.000 with the gradient",
        "   look at: the step",
        f"   read: {section(c)}",
        f"         {c.url}",
        f"2. {s.title} in W1",
        "   cosine -1.000",
        "   norm ratio 1.000",
        f"   look at: {s.where}",
        f"   read: {section(s)}",
        f"         {s.url}",
    ]
    assert d._repr_html_() == (
        "<p>2 finding(s), the most likely cause first:</p><ol>"
        "<li><strong>Uphill</strong><br>cosine +1.000 with the gradient<br>"
        f'look at: the step<br>read: <a href="{c.url}">{section(c)}</a></li>'
        f"<li><strong>{s.title} in W1</strong><br>cosine -1.000<br>norm ratio 1.000<br>"
        f'look at: {s.where}<br>read: <a href="{s.url}">{section(s)}</a></li></ol>'
    )


def test_a_seeded_report_says_its_seed_in_text_and_html():
    d = Diagnosis.of([Finding("diverged", "Up", "loss 1 -> inf")], None, None, "")
    d.seed = 7
    assert str(d).endswith("\n(random draws seeded with seed=7)")
    assert d._repr_html_().endswith("</ol><p>(random draws seeded with seed=7)</p>")
    well = Diagnosis([], None, None, "the loss fell\nto 0.01", 3)
    assert (
        str(well) == "No problem found: the loss fell\nto 0.01\n(random draws seeded with seed=3)"
    )
    assert well._repr_html_() == (
        "<p><strong>Healthy.</strong> No problem found: the loss fell<br>to 0.01<br>"
        "(random draws seeded with seed=3)</p>"
    )


def test_a_line_of_88_columns_stays_whole_and_one_of_89_wraps_at_a_space():
    exact = "look at: " + "w" * 40 + " " + "v" * 38  # 88 columns with the indent
    assert findings._wrap(exact[9:], "look at: ", "   ") == exact
    assert findings._wrap(exact[9:] + "v", "look at: ", "   ") == (
        "look at: " + "w" * 40 + "\n   " + "v" * 39
    )


def test_a_long_link_or_hyphenated_word_is_never_broken():
    link = "https://example.org/" + "a-b" * 40
    wrapped = findings._wrap(f"see {link} now", "read: ", "      ")
    assert wrapped.splitlines() == ["read: see", f"      {link}", "      now"]


# ----------------------------------------------------------------------------- gradient


def sig(z):
    return 1 / (1 + np.exp(-z))


NET = ["W1", "b1", "W2", "b2"]


def net_start():
    """A 2-2-1 sigmoid network's weights for XOR, with every gradient entry away from 0."""
    rng = np.random.default_rng(2)
    return {
        "W1": rng.normal(0, 1, (2, 2)),
        "b1": rng.normal(0, 0.5, 2),
        "W2": rng.normal(0, 1, (2, 1)),
        "b2": np.zeros(1),
    }


def net_forward(p, Z):
    h = sig(Z @ p["W1"] + p["b1"])
    return h, sig(h @ p["W2"] + p["b2"])


def net_loss(p):
    out = net_forward(p, XOR_X)[1]
    return float(-np.mean(XOR_Y * np.log(out) + (1 - XOR_Y) * np.log(1 - out)))


def net_grad(p):
    """The mean BCE's gradient, by the chain rule."""
    h, out = net_forward(p, XOR_X)
    d2 = (out - XOR_Y) / len(XOR_X)
    d1 = d2 @ p["W2"].T * h * (1 - h)
    return {"W1": XOR_X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def net_doctor(change, lr=0.5, **kw):
    """The doctor on the network whose gradient is net_grad's, changed by change(name, g)."""
    grad = lambda p: {k: change(k, g) for k, g in net_grad(p).items()}  # noqa: E731
    predict = lambda p, Z: net_forward(p, Z)[1]  # noqa: E731
    return xl.doctor(net_start(), net_loss, grad, XOR_X, XOR_Y, predict=predict, lr=lr, **kw)


def scaled(factors):
    return lambda k, g: factors.get(k, 1.0) * g


def test_the_cause_is_read_from_the_largest_wrong_array():
    d = net_doctor(scaled({"W1": 3.0, "b1": -1.0}))  # W1: 4 entries, b1: 2
    assert d.codes == ["constant_scale"]
    f = d.findings[0]
    assert f.title == "Gradient off by a constant factor in W1, b1"
    assert f.evidence.splitlines()[0] == "W1: every entry 3x the truth"
    assert f.evidence.splitlines()[1].startswith("b1: cosine -1.000: it points the opposite way")


def test_a_zero_gradient_is_named_first_and_only_where_it_is_zero():
    d = net_doctor(scaled({"W1": 3.0, "b1": 0.0}))
    assert d.codes[0] == "zero_gradient" and d.findings[0].title.endswith(" in b1")


def test_arrays_of_one_entry_show_no_pattern():
    d = net_doctor(scaled({"b2": 3.0}))
    assert d.codes[0] == "wrong_gradient"
    assert d.findings[0].title == "Gradient is wrong in b2"


def test_a_factor_that_is_the_learning_rate_is_named_with_its_fix():
    d = net_doctor(lambda k, g: 0.5 * g, lr=0.5)
    f = d.findings[0]
    assert f.title == "Gradient off by a constant factor in W1, b1, W2, b2: your learning rate"
    assert f.evidence.splitlines()[-1] == (
        "the factor is your learning rate 0.5: the rate is in your gradient and in the step"
    )
    assert f.where.startswith("the gradient you give: the loss's slope without the rate")


@pytest.mark.parametrize("factor, rate", [(2.0, True), (2.0 * 1.005, True), (2.0 * 1.02, False)])
def test_a_factor_is_the_rate_of_2_within_a_hundredth(factor, rate):
    d = net_doctor(lambda k, g: factor * g, lr=2.0)
    assert d.codes[0] == "constant_scale"
    assert d.findings[0].title.endswith(": your learning rate") == rate


def test_a_rate_of_1_over_n_is_not_named_as_the_rate():
    f = net_doctor(lambda k, g: 0.25 * g, lr=0.25).findings[0]  # n = 4
    assert f.code == "constant_scale" and f.title.endswith(" in W1, b1, W2, b2")
    assert "(= 1/n: divided by n = 4 once too often)" in f.evidence
    assert "learning rate" not in f.evidence


def test_the_rate_is_named_only_when_every_array_is_along_the_slope():
    """b1 is half the gradient in length but turned by acos(0.95): not the rate twice."""

    def change(k, g):
        if k != "b1":
            return 0.5 * g
        turned = 0.95 * g + np.sqrt(1 - 0.95**2) * np.array([-g[1], g[0]])
        return 0.5 * turned

    f = net_doctor(change).findings[0]
    assert f.code == "constant_scale" and not f.title.endswith("your learning rate")
    assert "b1: cosine +0.9500" in f.evidence


AGREES = "the gradient agrees with finite differences"


@pytest.mark.parametrize("factor, agrees", [(1.0005, True), (1.002, False)])
def test_a_gradient_read_off_an_update_may_be_off_by_a_thousandth(factor, agrees):
    d = net_doctor(lambda k, g: factor * g, implied=True, epochs=2000)
    assert d.healthy and d.summary.startswith(AGREES) == agrees
    assert net_doctor(lambda k, g: factor * g, epochs=2000).codes == ["constant_scale"]


@pytest.mark.parametrize("cosine, agrees", [(0.99995, True), (0.9998, False)])
def test_a_gradient_read_off_an_update_may_turn_by_a_hundredth_of_a_degree(cosine, agrees):
    def change(k, g):
        if k != "W1":
            return g
        other = np.array([[-g[1, 0], -g[1, 1]], [g[0, 0], g[0, 1]]])  # orthogonal, same length
        return cosine * g + np.sqrt(1 - cosine**2) * other

    d = net_doctor(change, implied=True, epochs=2000)
    assert d.codes == ([] if agrees else ["data_factor"])


# ----------------------------------------------------------------------------- probe

OR_Y = np.array([[0.0], [1.0], [1.0], [1.0]])
W0, B0 = np.array([[0.3], [-0.2]]), np.array([0.1])


class Unit:
    """A reader's logistic unit for OR, mean BCE, with an update `rule`: 'sgd'; 'on_weights'
    (0.8 w - lr g); 'decay' (a decoupled weight decay, (1 - 1e-3) w - lr g); 'rate_twice'
    (w - lr lr g); 'reinit' (W0, B0 again every epoch); 'redraw'
    (weights drawn from numpy's global generator every epoch); 'early_t' (Adam-like, its
    bias correction 1 - 0.9**t taken before t counts the step: 0/0 at once); 'refuse_0' (sgd
    that refuses a rate of 0)."""

    def __init__(self, rule, lr):
        self.rule, self.lr, self.t = rule, lr, 0
        self.W, self.b = W0.copy(), B0.copy()

    def forward(self, Z):
        return sig(Z @ self.W + self.b)

    def train(self, Z, T):
        if self.rule == "refuse_0" and self.lr <= 0:
            raise ValueError("the learning rate must be positive")
        if self.rule == "reinit":
            self.W, self.b = W0.copy(), B0.copy()
        if self.rule == "redraw":
            self.W, self.b = np.random.normal(0, 1, (2, 1)), np.random.normal(0, 1, 1)
        d = (self.forward(Z) - T) / len(Z)
        gW, gb = Z.T @ d, d.sum(0)
        if self.rule == "early_t":
            c = 1 - 0.9**self.t
            with np.errstate(all="ignore"):
                gW, gb, self.t = 0.1 * gW / c, 0.1 * gb / c, self.t + 1
        keep = {"on_weights": 0.8, "decay": 1 - 1e-3}.get(self.rule, 1.0)
        lr = self.lr**2 if self.rule == "rate_twice" else self.lr
        self.W = keep * self.W - lr * gW
        self.b = keep * self.b - lr * gb


def unit_doctor(rule, lr=1.0, epochs=300):
    case = xl.adapt(Unit(rule, lr), "W b", "train", XOR_X, OR_Y, predict="forward", lr="lr")
    with np.errstate(all="ignore"):
        return xl.doctor(**case, epochs=epochs)


def unit_gradient():
    """The mean BCE's gradient at (W0, B0), flat (W then b)."""
    d = (sig(XOR_X @ W0 + B0) - OR_Y) / 4
    return np.concatenate([(XOR_X.T @ d).ravel(), d.sum(0)])


@pytest.mark.parametrize("rule", ["sgd", "decay"])
def test_the_gradient_read_off_an_update_is_what_the_rate_multiplies(rule):
    """A decoupled weight decay moves the weights at rate 0 too: that move is no gradient."""
    case = xl.adapt(Unit(rule, 1.0), "W b", "train", XOR_X, OR_Y, lr="lr")
    g = case["grad"](case["params"])
    read = np.concatenate([g["W"].ravel(), g["b"]])
    assert np.allclose(read, unit_gradient(), rtol=1e-5, atol=1e-8)


def test_a_plain_gradient_step_is_healthy():
    d = unit_doctor("sgd")
    assert d.healthy and d.summary.startswith(AGREES)


@pytest.mark.parametrize("rule, lr", [("sgd", 1.0), ("refuse_0", "lr")])
def test_a_plain_step_whose_rate_cannot_be_set_or_refuses_0_is_healthy(rule, lr):
    """The rate as a number in the code (the adapter cannot set it), or code that refuses a
    rate of 0: nothing is measured at rates, and the run trains."""
    case = xl.adapt(Unit(rule, 1.0), "W b", "train", XOR_X, OR_Y, predict="forward", lr=lr)
    d = xl.doctor(**case, epochs=300)
    assert d.healthy and "every output on the right side" in d.summary


def test_an_update_that_moves_the_weights_at_rate_0_says_how_far():
    at0 = 0.2 * np.concatenate([W0.ravel(), B0])  # 0.8 w: a fifth of w at rate 0
    share = np.linalg.norm(at0) / (np.linalg.norm(at0) + np.linalg.norm(unit_gradient()))
    f = unit_doctor("on_weights").findings[0]
    assert f.code == "not_a_step" and f.title.endswith(": it moves the weights even at rate 0")
    lines = f.evidence.splitlines()
    assert lines[0] == (
        f"one epoch at rate 0 changes the weights by up to {0.2 * 0.3:.3g} ({share:.0%} of the "
        "move at your rate 1)"
    )
    assert lines[1] == (
        "what the rate multiplies against the loss's gradient: cosine +1.0000, length ratio 1.000"
    )


def test_an_update_with_the_rate_squared_is_named_when_it_does_not_train():
    d = unit_doctor("rate_twice", lr=0.5, epochs=100)
    f = d.findings[0]
    assert f.code == "not_a_step" and f.title.endswith(": it scales with the rate squared")
    assert "the second moves the weights 100 times as far (a gradient step: 10 times)" in (
        f.evidence
    )
    assert unit_doctor("rate_twice", lr=3.0).summary.startswith(
        "your update scales with the rate squared, and it trains: loss 0.6500 -> "
    )


@pytest.mark.parametrize("rule", ["reinit", "redraw"])
def test_weights_made_again_in_every_epoch_are_a_reset(rule):
    d = unit_doctor(rule)
    assert d.codes == ["reset_each_epoch"]


def test_an_optimiser_that_breaks_in_its_first_update_at_any_rate_is_named():
    f = unit_doctor("early_t", lr=0.1).findings[0]
    assert f.code == "not_a_step"
    assert f.title.endswith(": your optimiser breaks the weights within 1 update(s)")
    assert f.evidence.startswith(
        "after 1 epoch(s) of your run a weight is NaN or infinite, and after 1 at rate 0, while "
        "the loss (0.6500) and its finite-difference gradient at the start are finite"
    )


# ----------------------------------------------------------------------------- verify


@pytest.mark.parametrize(
    "lr, code, scale",
    [
        (0.03, "lr_too_small", "100"),
        (3e-3, "lr_too_small", "1000"),
        (3e-4, "lr_too_small", "10000"),
        (3e-6, "lr_too_small", "1e+06"),
        (3e-8, "lr_too_small", "1e+08"),
        (30.0, "lr_too_large", "0.1"),
        (300.0, "diverged", "0.01"),
    ],
)
def test_a_rate_finding_says_which_scale_of_the_steps_made_the_loss_fall(lr, code, scale):
    """The first of 10, 100, 1e3, 1e4, 1e6, 1e8 (0.1, 0.01 for large rates) whose run falls:
    3 times the rate trains this network in 300 steps."""
    f = net_doctor(lambda k, g: g, lr=lr).findings[0]
    assert f.code == code
    assert f.where == f"the learning rate: {scale} times yours made the loss fall"
    assert f.evidence.splitlines()[-1].startswith(
        f"checked: your update's steps times {scale}: loss 0.7043 -> "
    )


def test_when_no_larger_step_makes_the_loss_fall_it_cannot_tell_and_says_what_it_tried():
    """At 3e-5, 1e4 times the rate (0.3) is too slow for 300 steps, and 1e6 times too large."""
    lines = net_doctor(lambda k, g: g, lr=3e-5).findings[0].evidence.splitlines()
    assert lines[:2] == [
        "the gradient agrees with finite differences of the loss",
        "the update's first step against the gradient: cosine +1.000 (descent is +1)",
    ]
    assert lines[2].startswith("seen: one step changes the weights by 3.3e-07 of their size")
    tried = [line.split(":")[1] for line in lines[3:-1]]
    scales = ["10", "100", "1000", "10000", "1e+06", "1e+08"]
    assert tried == [f" your update's steps times {s}" for s in scales]
    end = float(lines[2].split(" -> ")[1].split()[0])  # where the reader's own run ends
    said = f"larger steps did not make the loss fall below where your own run ends ({end:.4f})"
    assert lines[-1] == f"{said}, so that is not the fix"


def test_an_update_that_climbs_is_checked_by_flipping_its_sign():
    climb = lambda p, g: {k: p[k] + 0.5 * g[k] for k in p}  # noqa: E731
    f = net_doctor(lambda k, g: g, step=climb).findings[0]
    assert f.code == "update_climbs"
    assert f.evidence.splitlines()[-1].startswith(
        "checked: your update's steps times -1: loss 0.7043 falls to "
    )
    assert f.evidence.endswith(" within 300 steps")  # descent: the lowest loss is the last


def greedy(words, width, first="", rest=""):
    """Words filled into lines of at most `width` columns, by hand."""
    lines, line = [], first + words[0]
    for w in words[1:]:
        if len(line) + 1 + len(w) > width:
            lines, line = lines + [line], rest + w
        else:
            line += " " + w
    return lines + [line]


def test_a_long_summary_wraps_at_88_columns_without_an_indent():
    words = " ".join(f"w{i:02d}" for i in range(40))  # 40 words of 3 letters: 159 columns
    lines = str(Diagnosis([], None, None, words)).splitlines()
    assert lines == greedy(f"No problem found: {words}".split(), 88)
    assert len(lines) == 3 and lines[2] == "w39"


def test_long_pointers_wrap_under_their_labels():
    where = "the " + " ".join(["backward pass"] * 8)  # 115 columns after "look at: "
    f = Finding("zero_gradient", "Zero", "b1: 0", where)
    lines = str(Diagnosis([f], None, None, "")).splitlines()
    section = f"{CHAPTER_TITLES[CAUSES['zero_gradient'].chapter]}, section \u201c"
    section += f"{CAUSES['zero_gradient'].section}\u201d"
    assert (
        lines[3:]
        == [
            "   look at: the " + " ".join(["backward pass"] * 5),  # 85 columns
            "            " + " ".join(["backward pass"] * 3),
            "   read: " + section[: section.rindex(" ", 0, 80)],
            "         " + section[section.rindex(" ", 0, 80) + 1 :],
            f"         {f.url}",
        ]
    )


def test_a_run_goes_downhill_when_it_reaches_a_thousandth_below_its_start():
    assert verify.descends(np.array([1.0, 0.5]))  # one step is a run
    assert not verify.descends(np.array([0.5, 0.49975]))  # above 0.999 of 0.5
    assert verify.descends(np.array([0.5, 0.4994, np.nan]))
    assert not verify.descends(np.array([-1.0, np.inf]))  # no finite step after the start


@pytest.mark.parametrize(
    "run, clearly",
    [
        ([1.0, 0.95, 0.85], True),
        ([1.0, 0.85, 0.8, 0.92], False),  # it fell below 0.9, but ends above
        ([1.0, 1.2, 1.1, 1.0, 0.95], False),  # below 0.9 of its second loss, not of its start
    ],
)
def test_larger_steps_verify_when_the_loss_ends_below_0_9_of_its_start(run, clearly):
    assert verify.falls(np.array(run)) and verify.falls_clearly(np.array(run)) == clearly


class Line:
    """A reader's linear unit for OR with squared error: its weights overflow within three
    epochs at a huge rate, and stay put at rate 0."""

    def __init__(self, lr):
        self.lr, self.W, self.b = lr, W0.copy(), B0.copy()

    def forward(self, Z):
        return Z @ self.W + self.b

    def train(self, Z, T):
        d = (self.forward(Z) - T) / len(Z)
        self.W = self.W - self.lr * Z.T @ d
        self.b = self.b - self.lr * d.sum(0)


def test_a_gradient_step_that_overflows_at_a_huge_rate_is_no_broken_optimiser():
    case = xl.adapt(Line(1e300), "W b", "train", XOR_X, OR_Y, predict="forward", lr="lr")
    with np.errstate(all="ignore"):
        d = xl.doctor(**case, epochs=300)
    assert d.codes == ["cannot_tell"]  # smaller steps (0.1, 0.01 times) do not train either
    lines = d.findings[0].evidence.splitlines()
    assert lines[:3] == [
        "the gradient agrees with finite differences of the loss",
        "the update is your training method (its gradient read from its steps)",
        "seen: the loss became NaN or inf at step 1 (learning rate 1e+300)",
    ]
    half_mse = np.mean((XOR_X @ W0 + B0 - OR_Y) ** 2) / 2  # the loss its gradient belongs to
    assert lines[3:5] == [
        f"tried: your update's steps times {s}: loss {half_mse:.4f} -> NaN or inf at step 1"
        for s in ("0.1", "0.01")
    ]
    assert lines[-1] == "smaller steps did not make the loss fall, so that is not the fix"


# ----------------------------------------------------------------------------- no bias


def no_bias_net(p, Z):
    """A 2-2-1 tanh-sigmoid network without biases: 0.5 at x = 0, whatever its weights."""
    return sig(np.tanh(Z @ p["W1"]) @ p["W2"])


NO_BIAS = {"W1": np.array([[1.0, -2.0], [0.5, 1.5]]), "W2": np.array([[2.0], [-1.0]])}


@pytest.mark.parametrize("y, target", [(XOR_Y, "0"), (1 - XOR_Y, "1")])
def test_an_output_pinned_at_the_middle_at_x_0_is_named_no_bias(y, target):
    found = capacity.pinned(NO_BIAS, no_bias_net, XOR_X, y, np.random.default_rng(0))
    assert [f.code for f in found] == ["no_bias"]
    assert found[0].evidence == (
        f"output 0.5000 at x = 0 for 5 random weight settings; target {target}"
    )


def test_no_zero_row_or_a_bias_is_no_finding():
    rng = np.random.default_rng(0)
    assert capacity.pinned(NO_BIAS, no_bias_net, XOR_X + 1, XOR_Y, rng) == []  # no x = 0
    biased = lambda p, Z: no_bias_net(p, Z) + 0.1 * p["W2"][0, 0]  # noqa: E731
    assert capacity.pinned(NO_BIAS, biased, XOR_X, XOR_Y, rng) == []  # moves with weights
    assert capacity.pinned(NO_BIAS, no_bias_net, XOR_X[::-1], XOR_Y[::-1], rng) != []


def test_a_finding_without_a_detail_has_its_causes_title():
    assert Finding.of("diverged", "loss 1 -> inf").title == CAUSES["diverged"].title


def test_a_rate_finding_keeps_the_evidence_of_every_array():
    f = net_doctor(lambda k, g: 0.5 * g, lr=0.5).findings[0]
    assert f.evidence.splitlines()[:3] == [f"{k}: every entry 0.5x the truth" for k in NET[:3]]


def test_a_relu_network_at_its_kinks_is_healthy():
    """Zero biases put every hidden unit's kink at x = (0, 0): the finite difference there
    crosses it, and a check at slightly moved weights clears the gradient."""
    W1, W2 = np.array([[1.2, -0.7, 0.4], [-0.3, 0.9, 1.1]]), np.array([[0.8], [-1.3], [0.6]])
    params = {"W1": W1, "b1": np.zeros(3), "W2": W2, "b2": np.zeros(1)}

    def forward(p, Z):
        h = np.maximum(Z @ p["W1"] + p["b1"], 0)
        return h, sig(h @ p["W2"] + p["b2"])

    def loss(p):
        out = forward(p, XOR_X)[1]
        return float(-np.mean(XOR_Y * np.log(out) + (1 - XOR_Y) * np.log(1 - out)))

    def grad(p):
        h, out = forward(p, XOR_X)
        d2 = (out - XOR_Y) / 4
        d1 = d2 @ p["W2"].T * (h > 0)
        return {"W1": XOR_X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}

    predict = lambda p, Z: forward(p, Z)[1]  # noqa: E731
    assert xl.doctor(params, loss, grad, XOR_X, XOR_Y, predict=predict).codes == []


def test_a_run_is_told_by_its_first_and_last_loss_and_its_steps():
    assert verify.told(np.array([1.0, 0.5, 0.25])) == "loss 1.0000 -> 0.2500 in 2 steps"
    assert verify.told(np.array([1.0, 0.5, np.inf])) == "loss 1.0000 -> NaN or inf at step 2"
