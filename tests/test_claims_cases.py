"""The claims corrected in issue 24, re-measured without `xorlab`.

Each test reads the number a chapter prints (its prose quotes it, and `test_prose_numbers.py`
ties the prose to the output), measures the same quantity again with `tools/claims_cases.py`
(plain numpy, its own seeds), and fails if the two disagree beyond sampling error, or if the
statement the prose builds on the number no longer holds. Rates from different seeds are
compared with a two-proportion test at three standard errors.
"""

import re
from pathlib import Path

import nbformat
import numpy as np

from tools import claims_cases as cc

ROOT = Path(__file__).resolve().parent.parent


def chapter(stem):
    """(prose, outputs) of a chapter: its Markdown and everything its cells printed."""
    nb = nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    outputs = "\n".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    return prose, outputs


def printed(outputs, pattern):
    """The groups of the one line of `outputs` that matches `pattern`."""
    found = re.findall(pattern, outputs)
    assert len(found) == 1, f"expected one printed line matching {pattern!r}, found {found}"
    return found[0]


def agree(p1, n1, ok):
    """Whether a rate p1 over n1 seeds and the rate of the boolean array `ok` differ by less
    than three standard errors of their difference (pooled)."""
    n2, p2 = ok.size, ok.mean()
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    se = np.sqrt(max(pooled * (1 - pooled), 1e-12) * (1 / n1 + 1 / n2))
    return abs(p1 - p2) < 3 * se


def test_the_measurements_do_not_use_xorlab():
    source = Path(cc.__file__).read_text()
    assert not re.search(r"^\s*(import|from)\s+xorlab", source, flags=re.M)


def test_wilson_interval_matches_the_textbook_values():
    lo, hi = cc.wilson(0, 1000)
    assert (round(100 * lo, 1), round(100 * hi, 1)) == (0.0, 0.4)
    lo, hi = cc.wilson(478, 1000)
    assert (round(100 * lo, 1), round(100 * hi, 1)) == (44.7, 50.9)


def test_no_bias_two_valleys_and_their_floors():
    prose, outputs = chapter("case-no-bias")
    w2, floor = printed(outputs, r"upper lens, w1 -> infinity: best w2 = ([\d.]+), loss ([\d.]+)")
    f = cc.chain_floors()
    assert f"{f['upper_floor']:.4f}" == floor and abs(f["upper_w2"] - float(w2)) < 1e-3
    assert floor in prose
    # "E falls as w1 grows and has no minimum at any finite weights" in the upper lens
    assert f["upper_falls_with_w1"]
    # the lower floor is lower, and the line w2 = 0 between them is higher than both
    assert abs(f["lower_floor_at_60"] - 0.125) < 1e-6
    assert f["on_w2_zero"] == 0.25 > f["upper_floor"] > f["lower_floor_at_60"]


def test_no_bias_about_half_of_zero_mean_starts_reach_the_lower_valley():
    prose, outputs = chapter("case-no-bias")
    share = printed(outputs, r"N\(0, 9\) starts ending with w2 < 0: ([\d.]+)%")
    assert f"{share}%" in prose
    w1, w2, e = cc.chain_descent(2000, scale=3.0)
    lower = w2 < 0
    assert agree(float(share) / 100, 1000, lower)
    _, lo, hi = cc.rate(lower)
    assert 0.4 < lo < hi < 0.6  # "about half"
    assert e[lower].max() < 0.126 and abs(e[~lower].min() - 0.2271) < 2e-4


def test_chain_rule_smaller_steps_learn_bias_free_xor_far_more_often():
    prose, outputs = chapter("case-chain-rule")
    large = printed(outputs, r"correct per-sample gradient, bias=False: XOR learned by ([\d.]+)%")
    rates = {
        lr: printed(outputs, rf"bias=False, per sample, lr {lr:<5g} x[ \d,]+epochs: "
                             r"XOR learned by ([\d.]+)%")
        for lr in (0.125, 0.05)
    }  # fmt: skip
    runs = {0.5: (large, 1000), 0.125: (rates[0.125], 4000), 0.05: (rates[0.05], 10_000)}
    intervals = []
    for lr, (shown, epochs) in runs.items():
        assert f"{shown}%" in prose
        ok = cc.xor_per_sample(1000, lr, epochs, bias=False)
        assert agree(float(shown) / 100, 1000, ok), (lr, shown, ok.mean())
        intervals.append(cc.rate(ok))
    # the same product of step and epochs, and each smaller step clearly more successful
    assert all(lr * epochs == 500 for lr, (_, epochs) in runs.items())
    assert intervals[0][2] < intervals[1][1] and intervals[1][2] < intervals[2][1]


def test_rising_cost_the_question_printed_inf_then_nan():
    _, outputs = chapter("case-rising-cost")
    line = r"finite up to iteration (\d+), `inf` at (\d+), `nan` from (\d+) on: (\w+)"
    last, inf_at, nan_at, stays = printed(outputs, line)
    # the chapter's start, drawn as xl.init_params documents it: default_rng(0), layer by layer
    rng = np.random.default_rng(0)
    W1, W2 = 0.01 * rng.standard_normal((2, 2)), 0.01 * rng.standard_normal((2, 1))
    costs = cc.question_costs(1, iters=300, start=(W1.T[None], W2.T[None]))
    first_inf, first_nan, ordered = cc.printed_pattern(costs)
    assert (int(last), int(inf_at), int(nan_at)) == (first_inf[0] - 1, first_inf[0], first_nan[0])
    assert ordered[0] and stays == "True"
    # not a property of one start: almost every small start prints inf, then nan
    _, _, ordered = cc.printed_pattern(cc.question_costs(300, seed=1))
    assert cc.rate(ordered)[1] > 0.9


def test_rising_cost_the_learning_rate_mostly_sets_the_speed():
    prose, outputs = chapter("case-rising-cost")
    slow = printed(outputs, r"scale 0.3, lr 0.4, 30,000 iterations: ([\d.]+)%")
    assert f"{slow}%" in prose
    runs = {(lr, n): cc.xor_full_batch(200, 0.3, lr, n) for lr, n in ((0.4, 30_000), (4.0, 3000))}
    assert agree(float(slow) / 100, 500, runs[0.4, 30_000])
    # ten times the iterations at a tenth of the rate: as often as the fast run
    assert agree(runs[4.0, 3000].mean(), 200, runs[0.4, 30_000])
    short = cc.rate(cc.xor_full_batch(200, 0.3, 0.4, 3000))
    assert short[2] < cc.rate(runs[0.4, 30_000])[1]  # and the short slow run clearly less
