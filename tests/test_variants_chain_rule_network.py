"""Each student's network for exercises 2, 3 and 5 of "Translating the chain rule" (the
per-sample gradient, the true per-sample step, the fixed program): its hidden activation and its
loss come from the student's numbers. The model answers, written here in plain numpy from the
exercise's formulas, pass the self-checks and the hidden tests for 200 students; the chapter's
answers (sigmoid units, 1/2 (p - y)^2) fail for every student, and are named as the chapter's."""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from tools import assignments
from xorlab.exercises import chain_rule, variants

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "case-chain-rule"
STUDENTS = [f"student-{i}" for i in range(200)]
MINE = {s: variants.numbers_for(CHAPTER, "ml101-2026", s) for s in STUDENTS}


def sig(z):
    return 1 / (1 + np.exp(-z))


def network(m):
    """(hidden(z) -> (h, f'(z)), error(p, y) -> dL/dz2) of the network of the numbers m."""

    def hidden(z):
        h = np.tanh(z) if m["hidden"] == "tanh" else sig(z)
        return h, (1 - h**2 if m["hidden"] == "tanh" else h * (1 - h))

    def error(p, y):
        if m["loss"] == "bce":  # dL/dp = (p - y) / (p (1 - p))
            return p - y
        return (2.0 if m["loss"] == "squared" else 1.0) * (p - y) * p * (1 - p)

    return hidden, error


def answers(m, answer_order=False):
    """The model answers of exercises 2, 3 and 5 for the numbers m (the answer's order in 3)."""
    hidden, error = network(m)

    def sample_gradients(W1, W2, x, y):
        h, slope = hidden(x @ W1)
        d2 = error(sig(h @ W2), y)
        return np.outer(x, (W2 @ d2) * slope), np.outer(h, d2)

    def sample_step(W1, W2, x, y, lr):
        h, slope = hidden(x @ W1)
        d2 = error(sig(h @ W2), y)
        new2 = W2 - lr * np.outer(h, d2)
        back = new2 if answer_order else W2
        return W1 - lr * np.outer(x, (back @ d2) * slope), new2

    def fixed_epoch(params, X, y, lr):
        q = {k: v.copy() for k, v in params.items()}
        for x, t in zip(X, y):
            h, slope = hidden(x @ q["W1"] + q["b1"])
            d2 = error(sig(h @ q["W2"] + q["b2"]), t)
            d1 = (q["W2"] @ d2) * slope
            q["W2"], q["b2"] = q["W2"] - lr * np.outer(h, d2), q["b2"] - lr * d2
            q["W1"], q["b1"] = q["W1"] - lr * np.outer(x, d1), q["b1"] - lr * d1
        return q

    return {"sample_gradients": sample_gradients, "sample_step": sample_step,
            "fixed_epoch": fixed_epoch}  # fmt: skip


CHECKS = {
    "sample_gradients": xl.checks.check_sample_gradients,
    "sample_step": xl.checks.check_sample_step,
    "fixed_epoch": xl.checks.check_fixed_epoch,
}


def loss(m, p, y):
    """One sample's loss of the numbers m, from the exercise's formulas."""
    if m["loss"] == "bce":
        return float(np.sum(-y * np.log(p) - (1 - y) * np.log(1 - p)))
    return float(np.sum((p - y) ** 2)) * (0.5 if m["loss"] == "half_squared" else 1.0)


def test_the_model_gradient_is_the_slope_of_the_students_loss():
    """Central differences of the loss, for each of the five networks a student can get."""
    rng = np.random.default_rng(5)
    for hidden, name in chain_rule.NETWORKS:
        m = {**chain_rule.numbers(0), "hidden": hidden, "loss": name}
        W1, W2, x, y = rng.normal(size=(2, 2)), rng.normal(size=(2, 1)), rng.random(2), np.ones(1)
        act = np.tanh if hidden == "tanh" else sig
        fd = np.zeros_like(W1)
        for i in np.ndindex(W1.shape):
            up, down = W1.copy(), W1.copy()
            up[i] += 1e-6
            down[i] -= 1e-6
            fd[i] = (loss(m, sig(act(x @ up) @ W2), y) - loss(m, sig(act(x @ down) @ W2), y)) / 2e-6
        assert np.allclose(answers(m)["sample_gradients"](W1, W2, x, y)[0], fd, atol=1e-7)


def test_every_students_network_is_solvable_and_never_the_chapters():
    chapter = answers(chain_rule.numbers(0))
    seen = set()
    for student, m in MINE.items():
        seen.add((m["hidden"], m["loss"]))
        for name, fn in answers(m).items():
            verdict = CHECKS[name](fn, numbers=m)
            assert verdict, (student, m, name, verdict.message)
        for name in ("sample_gradients", "fixed_epoch"):
            verdict = CHECKS[name](chapter[name], numbers=m)
            said = ("the chapter's network", "without the 1/2")  # a half: said as such
            assert not verdict and any(w in verdict.message for w in said), (student, name)
        if student in STUDENTS[:40]:  # the chapter's own step: refused too
            assert not CHECKS["sample_step"](chapter["sample_step"], numbers=m)
    assert seen == set(chain_rule.NETWORKS)  # all five networks are dealt out


def test_the_students_gradients_differ_between_networks():
    """The five networks' gradients at one point are five different answers, none the
    chapter's."""
    W1, W2 = np.array([[0.6, -0.4], [0.3, 0.8]]), np.array([[0.7], [-0.5]])
    x, y = np.array([1.0, 0.5]), np.array([1.0])
    got = {
        tuple(
            np.round(
                np.concatenate([g.ravel() for g in answers(m)["sample_gradients"](W1, W2, x, y)]), 9
            )
        )  # fmt: skip
        for m in MINE.values()
    }
    chapter = answers(chain_rule.numbers(0))["sample_gradients"](W1, W2, x, y)
    assert len(got) == 5
    assert tuple(np.round(np.concatenate([g.ravel() for g in chapter]), 9)) not in got


def test_the_answers_order_is_named_for_every_network():
    for m in list(MINE.values())[:30]:
        verdict = xl.checks.check_sample_step(answers(m, answer_order=True)["sample_step"],
                                              numbers=m)  # fmt: skip
        assert not verdict and "already updated W2" in verdict.message, m


def test_a_half_and_a_double_are_named():
    m = next(m for m in MINE.values() if m["loss"] == "squared")
    half = {**m, "loss": "half_squared"}
    verdict = xl.checks.check_sample_gradients(answers(half)["sample_gradients"], numbers=m)
    assert not verdict and "without the 1/2" in verdict.message
    verdict = xl.checks.check_sample_gradients(answers(m)["sample_gradients"], numbers=half)
    assert not verdict and "twice too large" in verdict.message


@pytest.mark.parametrize("student", ["student-3", "student-4", "student-11", "student-17"])
def test_the_hidden_tests_expect_what_the_checks_expect(monkeypatch, student):
    monkeypatch.setenv(variants.STUDENT, student)
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    spec = assignments.read_spec(CHAPTER)
    mine, chapter = answers(MINE[student]), answers(chain_rule.numbers(0))
    for k, name in ((2, "sample_gradients"), (3, "sample_step"), (5, "fixed_epoch")):
        code = compile(spec[f"ex-{CHAPTER}-{k}"].tests, f"ex-{k}", "exec")
        exec(code, {name: mine[name]})  # raises if it fails
        with pytest.raises(AssertionError):
            exec(code, {name: chapter[name]})


def test_the_chapters_solutions_compute_from_mine():
    """The solution cells of exercises 2, 3 and 5, run with a student's numbers, pass that
    student's checks."""
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    cells = {c.get("id"): c.source for c in nb.cells}
    for m in list({(m["hidden"], m["loss"]): m for m in MINE.values()}.values()):
        space = {"np": np, "xl": xl, "mine": m, "print": lambda *a: None, "X": xl.xor()[0],
                 "Y": xl.xor()[1], "sig": sig, "dsig": lambda t: sig(t) * (1 - sig(t))}  # fmt: skip
        for cid in ("71749f8c", "f77e88d8", "08dbad5e"):
            exec(cells[cid], space)
        for name, check in CHECKS.items():
            assert check(space[name], numbers=m), (m, name)
