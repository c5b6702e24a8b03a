"""How often does `gradcheck` call a *correct* network wrong? Saturated nets, many seeds.

    .venv/bin/python benchmarks/gradcheck_false_alarms.py [SEEDS]

For each architecture and weight scale (xavier weights times 1, 10, 30, 100: the scale of the
book's saturated examples and beyond), SEEDS correct networks are gradient-checked on XOR with
the default eps and tol. Prints the false-alarm rate with its 95% Wilson interval, and the
largest |analytic - numeric| found, in units of the round-off floor u |L| / eps.
"""

import sys

import numpy as np

import xorlab as xl

ARCHS = {
    "2-2-1 sigmoid bce": dict(sizes=(2, 2, 1)),
    "2-3-1 tanh bce": dict(sizes=(2, 3, 1), hidden="tanh"),
    "2-4-1 relu bce": dict(sizes=(2, 4, 1), hidden="relu"),
    "2-3-1 sigmoid mse": dict(sizes=(2, 3, 1), loss="mse"),
    "2-3-3-1 tanh bce": dict(sizes=(2, 3, 3, 1), hidden="tanh"),
}
U = np.finfo(float).eps


def main(seeds=200):
    X, y = xl.xor()
    head = ("architecture", "scale", "false alarms", "95% CI", "max |a-n| / (u |L| / eps)")
    print(f"{head[0]:22s} {head[1]:>5s} {head[2]:>14s} {head[3]:>13s}  {head[4]}")
    total = alarms = 0
    for name, kw in ARCHS.items():
        for scale in (1.0, 10.0, 30.0, 100.0):
            bad, worst = 0, 0.0
            for seed in range(seeds):
                net = xl.MLP(init_scale=scale, seed=seed, **kw)
                report = xl.gradcheck(net, X, y)
                bad += not report.passed
                loss = max(abs(net.loss(X, y)), 1e-300)
                for c in report.checks.values():
                    keep = ~c.on_kink
                    if keep.any():
                        err = np.abs(c.analytic - c.numeric)[keep].max()
                        worst = max(worst, err / (U * loss / report.eps))
            lo, hi = xl.wilson_interval(bad, seeds)
            total, alarms = total + seeds, alarms + bad
            ci = f"{100 * lo:5.1f}-{100 * hi:5.1f}%"
            print(f"{name:22s} {scale:5.0f} {bad:5d} of {seeds:<5d} {ci:>13s}  {worst:.1f}")
    print(f"all: {alarms} false alarms in {total} correct networks")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
