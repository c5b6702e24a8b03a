"""Each student's gate in exercise 4 of *XOR, done right* (weights by hand): the model answer,
written here in plain numpy from the student's levels and gate, passes the self-check and
the hidden test for every student; the chapter's weights, as its page shows them, fail for
every student."""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import variants, xor_done_right

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "xor-done-right"
STUDENTS = [f"student-{i}" for i in range(200)]
MINE = {s: variants.numbers_for(CHAPTER, "ml101-2026", s) for s in STUDENTS}
OWN = xor_done_right.numbers(0)
PAGE = {
    "W1": np.array([[20.0, -20.0], [20.0, -20.0]]),
    "b1": np.array([-10.0, 30.0]),
    "W2": np.array([[20.0], [20.0]]),
    "b2": np.array([-30.0]),
}


def hand(m):
    """OR and NAND of the inputs' 0/1 codes, then AND (XOR) or NAND (XNOR)."""
    low, high = m["levels"]
    k, sign = 20 / (high - low), 1.0 if m["gate"] == "xor" else -1.0
    return {
        "W1": np.array([[k, -k], [k, -k]]),
        "b1": np.array([-10.0 - 2 * k * low, 30.0 + 2 * k * low]),
        "W2": sign * np.array([[20.0], [20.0]]),
        "b2": sign * np.array([-30.0]),
    }


def task(m):
    """The four inputs at the student's levels and the gate's targets, plain numpy."""
    low, high = m["levels"]
    U = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    differ = (U[:, :1] != U[:, 1:]).astype(float)
    return low + (high - low) * U, differ if m["gate"] == "xor" else 1 - differ


def worst(params, m):
    X, y = task(m)
    h = 1 / (1 + np.exp(-(X @ params["W1"] + params["b1"])))
    p = 1 / (1 + np.exp(-(h @ params["W2"] + params["b2"])))
    return float(np.abs(p - y).max())


def test_seed_0_is_what_the_chapter_uses():
    assert (OWN["levels"], OWN["gate"]) == ((0.0, 1.0), "xor")
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if f'my_numbers("{CHAPTER}")' in c.source)
    shown = dict(ln.strip().split(": ", 1) for ln in cell.outputs[0]["text"].splitlines())
    assert (shown["levels"], shown["gate"]) == ("(0.0, 1.0)", "xor")
    assert worst(PAGE, OWN) < 0.1 and xl.checks.check_xor_weights(PAGE)


def test_every_students_variant_is_solvable_by_its_own_answer():
    for student, m in MINE.items():
        assert worst(hand(m), m) < 0.1, (student, m)
        assert xl.checks.check_xor_weights(hand(m), numbers=m), (student, m)


def test_answers_differ_between_students_and_from_the_chapters():
    tasks = {(m["levels"], m["gate"]) for m in MINE.values()}
    assert len(tasks) >= 15 and (OWN["levels"], OWN["gate"]) not in tasks
    for m in MINE.values():
        assert worst(PAGE, m) >= 0.1, m


@pytest.mark.parametrize("student", STUDENTS[:20])
def test_the_self_check_refuses_the_chapters_answer_for_a_student(student):
    verdict = xl.checks.check_xor_weights(PAGE, numbers=MINE[student])
    assert not verdict and "allowed distance" in verdict.message


@pytest.mark.parametrize("student", ["student-3", "student-11", "student-42"])
def test_the_hidden_test_expects_what_the_check_expects(monkeypatch, student):
    from tools import assignments

    monkeypatch.setenv(variants.STUDENT, student)
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    tests = compile(assignments.read_spec(CHAPTER)[f"ex-{CHAPTER}-4"].tests, "ex-4", "exec")
    exec(tests, {"hand": hand(MINE[student])})  # raises if it fails
    with pytest.raises(AssertionError):
        exec(tests, {"hand": PAGE})


# --- exercise 5: a point where the gradient check covers every entry of the student's net ----


def moved(m):
    """The model answer: a copy of the student's ReLU net with small biases chosen per unit so
    that every pre-activation on XOR's inputs is at least 0.02 away from the kink."""
    net = xl.MLP((2, m["relu_width"], 1), hidden="relu", init="he", seed=m["relu_seed"])
    X, _ = xl.xor()
    Z0 = X @ net.params["W1"]
    for j in range(Z0.shape[1]):
        choices = (0.1, -0.1, 0.2, -0.2, 0.3, -0.3)
        net.params["b1"][j] = next(b for b in choices if np.abs(Z0[:, j] + b).min() >= 0.02)
    return net


def chapter_moved():
    """The chapter's relu_net with its page's biases [0.1, -0.1]."""
    net = xl.MLP((2, 2, 1), hidden="relu", init="he", seed=0)
    net.params["b1"] = np.array([0.1, -0.1])
    return net


def test_every_students_relu_net_starts_on_kinks_and_the_model_point_clears_them():
    X, _ = xl.xor()
    for student, m in list(MINE.items())[:60]:
        net = xl.MLP((2, m["relu_width"], 1), hidden="relu", init="he", seed=m["relu_seed"])
        z = X @ net.params["W1"] + net.params["b1"]
        assert np.all(z[0] == 0), student  # input (0, 0) with zero biases: every unit at 0
        point = moved(m)
        assert np.abs(X @ point.params["W1"] + point.params["b1"]).min() >= 0.02


def test_relu_nets_differ_between_students_and_from_the_chapters():
    nets = {(m["relu_width"], m["relu_seed"]) for m in MINE.values()}
    assert len(nets) >= 150 and (OWN["relu_width"], OWN["relu_seed"]) == (2, 0)
    assert {w for w, _ in nets} == {3, 4, 5}


@pytest.mark.parametrize("student", ["student-3", "student-11", "student-42"])
def test_the_moved_hidden_test_accepts_the_model_and_refuses_the_chapters(monkeypatch, student):
    from tools import assignments

    monkeypatch.setenv(variants.STUDENT, student)
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    tests = compile(assignments.read_spec(CHAPTER)[f"ex-{CHAPTER}-5"].tests, "ex-5", "exec")
    exec(tests, {"moved": moved(MINE[student])})  # raises if it fails
    with pytest.raises(AssertionError, match="shape"):
        exec(tests, {"moved": chapter_moved()})
    start = xl.MLP((2, MINE[student]["relu_width"], 1), hidden="relu", init="he",
                   seed=MINE[student]["relu_seed"])  # fmt: skip
    with pytest.raises(AssertionError, match="kink"):
        exec(tests, {"moved": start})


# --- exercise 3: the repaired backward pass, for the student's loss of exercise 1 -------------


def fixed_grads(m):
    """The repaired backward pass: the 2-2-1 sigmoid net, L = -s sum(w y ln p + (1-y) ln(1-p))."""

    def fn(q, X, y):
        h = 1 / (1 + np.exp(-(X @ q["W1"] + q["b1"])))
        p = 1 / (1 + np.exp(-(h @ q["W2"] + q["b2"])))
        s = 1 / len(X) if m["reduction"] == "mean" else 1.0
        d2 = s * (p * (m["pos_weight"] * y + 1 - y) - m["pos_weight"] * y)
        d1 = (d2 @ q["W2"].T) * h * (1 - h)
        return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}

    return fn


def test_every_students_fixed_grads_is_solvable_and_the_chapters_is_refused():
    for student, m in MINE.items():
        assert xl.checks.check_fixed_grads(fixed_grads(m), numbers=m), (student, m)
    assert xl.checks.check_fixed_grads(fixed_grads(OWN))
    for m in list(MINE.values())[:20]:
        verdict = xl.checks.check_fixed_grads(fixed_grads(OWN), numbers=m)
        assert not verdict and "the chapter's mean BCE" in verdict.message


def test_fixed_grads_differ_between_students():
    X, y = np.array([[0.5, -1.0], [1.0, 2.0]]), np.array([[1.0], [0.0]])
    q = {"W1": np.eye(2), "b1": np.ones(2), "W2": np.ones((2, 1)), "b2": np.zeros(1)}
    seen = {tuple(np.round(fixed_grads(m)(q, X, y)["W1"].ravel(), 9)) for m in MINE.values()}
    page = tuple(np.round(fixed_grads(OWN)(q, X, y)["W1"].ravel(), 9))
    assert len(seen) >= 9 and page not in seen


@pytest.mark.parametrize("student", ["student-3", "student-11", "student-42"])
def test_the_fixed_grads_hidden_test_takes_the_model_and_refuses_the_chapters(monkeypatch, student):
    from tools import assignments

    monkeypatch.setenv(variants.STUDENT, student)
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    tests = compile(assignments.read_spec(CHAPTER)[f"ex-{CHAPTER}-3"].tests, "ex-3", "exec")
    exec(tests, {"fixed_grads": fixed_grads(MINE[student])})  # raises if it fails
    with pytest.raises(AssertionError):
        exec(tests, {"fixed_grads": fixed_grads(OWN)})
