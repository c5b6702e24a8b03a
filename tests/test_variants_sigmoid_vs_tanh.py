"""Each student's numbers for "Two hidden sigmoid units vs tanh", and the new exercises 6 (the
saturation census) and 7 (the share of the student's trained network): the model answer,
written here in plain numpy, passes for every student; the shares differ between students and
from the chapter's; the known mistakes are named."""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import sigmoid_vs_tanh as exercises

ROOT = Path(__file__).resolve().parents[1]
SEEDS = range(1, 81)  # 80 students: each trains a network


def saturation_share(params, X, hidden, scaled=True, at_output=False):
    """The exercise's answer; the keywords plant the mistakes (an absolute cut, the slope
    taken at the unit's output)."""
    z = X @ params["W1"] + params["b1"]
    if hidden == "tanh":
        a = np.tanh(np.tanh(z)) if at_output else np.tanh(z)
        slope, top = 1 - a**2, 1.0
    else:
        s = 1 / (1 + np.exp(-z))
        s = 1 / (1 + np.exp(-s)) if at_output else s
        slope, top = s * (1 - s), 0.25
    return float(np.mean(slope < 0.1 * (top if scaled else 1.0)))


def train(m):
    """The student's network after training, as exercise 7 says to build it."""
    net = xl.MLP((2, m["units"], 1), hidden=m["hidden"], loss="mse", init="normal",
                 init_scale=m["std"], seed=m["start"])  # fmt: skip
    start = {k: v.copy() for k, v in net.params.items()}
    xl.train(net, *xl.xor(), lr=m["lr"], epochs=m["epochs"])
    return net.params, start


@pytest.fixture
def cached(monkeypatch):
    """exercises.trained, each student's network trained once (checked equal to `train`)."""
    store, original = {}, exercises.trained

    def once(m):
        key = tuple(m[k] for k in ("hidden", "units", "lr", "epochs", "start"))
        if key not in store:
            store[key] = original(m)
        return store[key]

    monkeypatch.setattr(exercises, "trained", once)
    return once


def test_seed_zero_gives_the_chapters_numbers():
    m = exercises.numbers(0)
    assert (m["hidden"], m["units"], m["lr"], m["epochs"], m["start"]) == ("sigmoid", 2, 1.6,
                                                                           1000, 2)  # fmt: skip
    assert np.isclose(m["std"], np.sqrt(0.5)) and m["X"].shape == (49, 2)
    nb = nbformat.read(ROOT / "chapters" / "case-sigmoid-vs-tanh.ipynb", as_version=4)
    shown = next(c for c in nb.cells if c.get("id") == "st-mine").outputs[0]["text"]
    assert (
        shown.splitlines()[-1]
        == "exercise 7: sigmoid x 2, lr 1.6, 1000 epochs from start 2; 49 points"
    )


def test_the_check_trains_the_network_the_exercise_names():
    for seed in (0, 1, 2):
        m = exercises.numbers(seed)
        for mine, theirs in zip(train(m), exercises.trained(m)):
            assert all(np.array_equal(mine[k], theirs[k]) for k in mine)


def test_every_students_variant_is_solvable_and_the_answers_differ(cached):
    chapter_m = exercises.numbers(0)
    chapter = saturation_share(cached(chapter_m)[0], chapter_m["X"], "sigmoid")
    shares = []
    for seed in SEEDS:
        m = exercises.numbers(seed)
        after, before = cached(m)
        value = saturation_share(after, m["X"], m["hidden"])
        assert value > 0 and value != saturation_share(before, m["X"], m["hidden"])
        assert xl.checks.check_share_after(value, numbers=m), seed
        shares.append(value)
    assert len(set(shares)) >= 24, len(set(shares))
    assert {m["hidden"] for m in map(exercises.numbers, range(1, 30))} == {"sigmoid", "tanh"}
    others = [s for s, v in zip(SEEDS, shares) if not np.isclose(v, chapter)]
    assert len(others) >= 76
    assert not xl.checks.check_share_after(chapter, numbers=exercises.numbers(others[0]))


def test_the_model_census_passes_and_xorlabs_is_refused():
    assert xl.checks.check_saturation_share(saturation_share)
    verdict = xl.checks.check_saturation_share(
        lambda p, X, h: float(xl.cases.sigmoid_vs_tanh.saturated(X @ p["W1"] + p["b1"], h).mean())
    )
    assert not verdict and "saturated" in verdict.message


MISTAKES = {
    "absolute cut": (dict(scaled=False), "largest is 1/4"),
    "slope at the output": (dict(at_output=True), "pre-activation z"),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_census_mistakes_are_named(name):
    kwargs, words = MISTAKES[name]
    verdict = xl.checks.check_saturation_share(lambda p, X, h: saturation_share(p, X, h, **kwargs))
    assert not verdict and words in verdict.message, verdict.message


def test_a_count_and_the_share_before_training_are_named():
    m = exercises.numbers(0)
    verdict = xl.checks.check_saturation_share(
        lambda p, X, h: saturation_share(p, X, h) * X.shape[0] * p["W1"].shape[1]
    )
    assert not verdict and "count" in verdict.message
    after, before = train(m)
    verdict = xl.checks.check_share_after(saturation_share(before, m["X"], "sigmoid"))
    assert not verdict and "before training" in verdict.message
