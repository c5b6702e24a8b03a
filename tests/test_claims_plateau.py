"""The plateau and initialisation claims of "XOR, done right", the field guide and the glossary,
measured again in plain numpy (`tools/claims_plateau.py`, which does not import xorlab).

Each test trains the same seeds as a chapter cell, with its own code, and requires the number
the chapter printed (or the sentence its prose states) to be what the independent run finds.
The chapters' cells use xorlab, whose round-off can differ from this code's in the last bits, so
a network that leaves a plateau within a few epochs of a solution may count differently: counts
may differ by a few networks, medians by a few epochs.
"""

import re

import nbformat
import numpy as np
import pytest
from book_pages import ROOT

from tools import claims_plateau as claims

CHAPTERS = ROOT / "chapters"


def _notebook(stem):
    return nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4)


def _printed(stem, cell_id):
    """The text the cell `cell_id` of chapter `stem` printed."""
    cell = next(c for c in _notebook(stem).cells if c.get("id") == cell_id)
    return "".join(o.get("text", "") for o in cell.get("outputs", []))


def _prose(stem):
    """The chapter's Markdown, with line breaks read as spaces."""
    text = "\n".join(c.source for c in _notebook(stem).cells if c.cell_type == "markdown")
    return re.sub(r"\s+", " ", text)


def _percent(line):
    """The first percentage of a printed line, e.g. 83.6 from 'solved 83.6% (95% CI ...'."""
    return float(re.search(r"(\d+\.\d)%", line).group(1))


def test_wilson_interval_matches_its_formula_at_known_points():
    assert claims.wilson(0, 100) == pytest.approx((0.0, 0.0370), abs=1e-4)
    assert claims.wilson(65, 100) == pytest.approx((0.5525, 0.7364), abs=1e-4)
    assert claims.wilson(1000, 1000)[1] == 1.0
    assert claims.rate(3, 100) == "3 of 100 = 3.0% (95% CI 1.0-8.5%)"


def test_the_plain_trainer_follows_the_gradient_of_the_mean_bce():
    """One tiny step of `train_batch` lowers the loss by lr * |gradient|^2, the gradient taken
    by central differences over all nine parameters (biases start at 0)."""
    W1, W2 = claims.start(3, "xavier", 1.0, seed=7)
    params = [W1, np.zeros((3, 2)), W2, np.zeros(3)]  # W1, b1, W2, b2 of 3 nets
    lr, eps = 1e-4, 1e-6

    def loss(w1, b1, w2, b2):  # the mean BCE of the 3 nets: (3,)
        h = claims.sigmoid(np.einsum("si,nij->nsj", claims.X, w1) + b1[:, None, :])
        z = np.einsum("nsj,nj->ns", h, w2) + b2[:, None]
        return np.mean(np.logaddexp(0.0, z) - claims.Y * z, axis=1)

    grad_sq = np.zeros(3)
    for k, arr in enumerate(params):
        for idx in np.ndindex(arr.shape[1:]):
            nudged = []
            for sign in (1, -1):
                moved = [a.copy() for a in params]
                moved[k][(slice(None), *idx)] += sign * eps
                nudged.append(loss(*moved))
            grad_sq += ((nudged[0] - nudged[1]) / (2 * eps)) ** 2
    run = claims.train_batch(W1, W2, lr, 1)
    assert np.allclose(run["loss"][0], loss(*params))
    fall = run["loss"][0] - run["loss"][1]
    assert np.allclose(fall, lr * grad_sq, rtol=1e-3)


def test_a_smaller_glorot_start_fails_about_four_times_less_often():
    printed = _printed("xor-done-right", "xdr-start-half").splitlines()
    counts = []
    for scale, line in zip((1.0, 0.5), printed):
        run = claims.train_batch(*claims.start(1000, "xavier", scale), 5.0, 5000)
        counts.append(int(run["solved"].sum()))
        assert abs(_percent(line) - counts[-1] / 10) <= 0.3, line
    fail_full, fail_half = 1000 - counts[0], 1000 - counts[1]
    assert 3.0 <= fail_full / fail_half <= 5.0  # "cuts the failures to about a quarter"
    assert "cuts the failures to about a quarter" in _prose("xor-done-right")


def test_a_large_start_begins_far_above_ln2_and_stalls_near_half_of_it():
    run = claims.train_batch(*claims.start(500, "normal", 8.0), 0.5, 2000)
    first, last, failed = run["loss"][0], run["loss"][-1], ~run["solved"]
    q1, q2, q3 = np.quantile(first, [0.25, 0.5, 0.75])
    near = np.mean(np.abs(last[failed] - np.log(2) / 2) < 0.05)
    text = _printed("xor-done-right", "xdr-start-large")
    # the losses at the start do not depend on training: they must agree to the printed digit
    assert f"median {q2:.2f}, middle half {q1:.2f} to {q3:.2f}" in text
    assert f"above ln 2 at the start: {np.mean(first > np.log(2)):.0%}" in text
    assert abs(_percent(text) - 100 * run["solved"].mean()) <= 0.6
    shown = int(re.search(r"ln\(2\) / 2: (\d+)%", text).group(1))
    assert abs(shown - 100 * near) <= 2
    assert q1 > 2 * np.log(2)  # "starts far above ln 2"
    assert near > 0.5  # "58% of the failed ones within 0.05 of ln2/2": more than half


def test_the_wait_at_a_tiny_start_grows_like_one_over_scale_squared():
    scales = (0.2, 0.1, 0.05)
    W = [claims.start(100, "normal", s) for s in scales]
    run = claims.train_batch(np.concatenate([w[0] for w in W]),
                             np.concatenate([w[1] for w in W]), 5.0, 9000)  # fmt: skip
    first = np.nan_to_num(run["first"], nan=np.inf).reshape(3, 100)
    medians = np.median(first, axis=1)
    printed = _printed("xor-done-right", "xdr-start-tiny")
    for s, m in zip(scales, medians):
        row = re.search(rf"^ *{s:.2f} +([\d,]+)", printed, flags=re.M)
        assert abs(int(row.group(1).replace(",", "")) - m) <= 0.05 * m, (s, m)  # 2 digits
    power = -np.polyfit(np.log(scales), np.log(medians), 1)[0]
    assert 1.7 <= power <= 2.3, power
    shown = float(re.search(r"scale\^(\d\.\d)", printed).group(1))
    assert abs(shown - power) <= 0.1
    for text in (_prose("xor-done-right"), _prose("field-guide")):
        assert r"1/\text{scale}^2" in text
    glossary = re.sub(r"\s+", " ", (CHAPTERS / "glossary.md").read_text())
    assert r"roughly like $1/\text{scale}^2$" in glossary


def test_more_epochs_do_not_end_a_plateau_from_a_tiny_start():
    """The figures the chapter cites from `tools/claims_plateau.py tiny` (slow: 100,000 epochs)."""
    W = [claims.start(100, "normal", s) for s in (0.05, 0.01)]
    run = claims.train_batch(np.concatenate([w[0] for w in W]),
                             np.concatenate([w[1] for w in W]), 0.5, 100_000,
                             checkpoints=(10_000, 100_000))  # fmt: skip
    at10k, at100k = (run["solved_at"][e].reshape(2, 100).sum(axis=1) for e in (10_000, 100_000))
    prose = _prose("xor-done-right")
    stated = (
        f"{at10k[0]} of 100 networks had solved XOR after 10,000 epochs and {at100k[0]} of 100 "
        "after 100,000"
    )
    assert stated in prose
    assert at100k[1] == 0 and "none of 100 had after 100,000 epochs" in prose


def test_a_smaller_per_sample_step_learns_far_more_often_at_the_same_product():
    printed = _printed("field-guide", "fg-step").splitlines()
    solved = []
    for (lr, epochs), line in zip([(0.5, 500), (0.1, 2500)], printed):
        k = int(claims.train_sample_no_bias(*claims.start(200, "uniform01"), lr, epochs).sum())
        solved.append(k)
        assert f"lr {lr} x {epochs:,} epochs" in line
        assert abs(_percent(line) - k / 2) <= 1.0, line
    assert 7 <= solved[1] / solved[0] <= 14  # "about ten times as many networks"
    assert "about ten times as many networks" in _prose("field-guide")


def _times(stem):
    """(reading, exercises) minutes stated at the top of a chapter."""
    head = _notebook(stem).cells[0].source
    found = re.search(r"[Aa]bout (\d+) minutes[^,]*, plus (\d+)", head)
    return int(found.group(1)), int(found.group(2))


def test_the_preface_states_the_chapters_own_times():
    preface = re.sub(r"\s+", " ", (CHAPTERS / "preface.md").read_text())
    read, exercises = _times("xor-done-right")
    assert f"about {read} minutes, plus {exercises} for its exercises" in preface
    cases = [_times(p.stem) for p in sorted(CHAPTERS.glob("case-*.ipynb"))]
    (r_lo, e_lo), (r_hi, e_hi) = np.min(cases, axis=0), np.max(cases, axis=0)
    assert (
        f"about {r_lo} to {r_hi} minutes to work through, plus {e_lo} to {e_hi} for its exercises"
    ) in preface
    read, exercises = _times("field-guide")
    assert f"field guide about {read}, plus {exercises}" in preface
