"""Re-measure the claims of the chapter "Two hidden sigmoid units vs tanh" in plain numpy.

Nothing here imports xorlab: this is an independent re-creation of the question's program (its
arithmetic, its overflow and NaN included) against which the chapter's numbers are tested
(tests/test_claims_sigmoid_vs_tanh.py). The question's network is 2-h-1 with column samples:
`wih: (h, 2)`, `who: (1, h)`, biases `bh: (h, 1)`, `bo: (1, 1)` starting at 0, both weight
matrices drawn from N(0, s) with s = sqrt(2 / (2 + h)), times 2 for tanh and sqrt(2) for ReLU,
`wih` first, from numpy's global generator seeded once. Learning rates here are the question's
(on the summed error); the chapter's `xl.MLP` uses 4 times these on the mean.

Run `python -m tools.claims_tanh` for the full measurement (about 10 minutes): it prints every
figure the chapter's corrected text rests on, with 95% Wilson intervals.
"""

import numpy as np

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]])  # (2, 4): the four samples as columns
Y = np.array([0, 1, 1, 0])  # (4,)
GAIN = {"sigmoid": 1.0, "tanh": 2.0, "relu": np.sqrt(2.0)}


def sigmoid(z):
    """The question's logistic function (overflows to 0 with a warning at large -z)."""
    return 1 / (1 + np.exp(-z))


SQUASH = {"sigmoid": sigmoid, "tanh": np.tanh, "relu": lambda z: z * (z > 0)}
SLOPE = {  # the right derivative, written in z and in the output a
    "sigmoid": lambda z, a: a * (1 - a),
    "tanh": lambda z, a: 1 - a**2,
    "relu": lambda z, a: (z > 0) * 1.0,
}


def draw(hidden, units, seeds):
    """Starting weights for each seed, as the question draws them after `np.random.seed(s)`.

    Returns wih: (m, h, 2) and who: (m, 1, h), m = len(seeds)."""
    s = GAIN[hidden] * np.sqrt(2 / (2 + units))
    wih, who = [], []
    for seed in seeds:
        np.random.seed(seed)
        wih.append(np.random.normal(0.0, s, (units, 2)))
        who.append(np.random.normal(0.0, s, (1, units)))
    return np.array(wih), np.array(who)


def run(hidden, units, lr, epochs, seeds, fixed=False):
    """Train one network per seed (full batch, summed squared error) as the question does.

    With `fixed`, the two bugs are repaired: the error sent back to the hidden layer is taken
    after the output sigmoid, and each activation uses its own derivative. Returns a dict of
    arrays over seeds (m,): `solved_at` the first epoch (number of updates done) at which all
    four outputs are on the right side of 0.5 (NaN if never within `epochs`), `outputs` (m, 4)
    the final outputs, `mse` the final mean squared error, `nan` whether any weight is NaN.
    """
    wih, who = draw(hidden, units, seeds)
    m = len(seeds)
    bh, bo = np.zeros((m, units, 1)), np.zeros((m, 1, 1))
    f = SQUASH[hidden]
    solved_at = np.full(m, np.nan)
    with np.errstate(all="ignore"):
        for epoch in range(epochs + 1):
            z = wih @ X + bh  # (m, h, 4)
            h = f(z)
            out = sigmoid(who @ h + bo)  # (m, 1, 4)
            right = np.all((out[:, 0] > 0.5) == (Y == 1), axis=1)
            solved_at[np.isnan(solved_at) & right] = epoch
            if epoch == epochs:
                break
            d_err = -2 * (Y - out)  # dE/dout, (m, 1, 4)
            d_out = d_err * out * (1 - out)  # dE/dz_out
            sent = d_out if fixed else d_err  # bug 1: dE/dout sent back
            slope = SLOPE[hidden](z, h) if fixed else h * (1 - h)  # bug 2: sigmoid's h(1 - h)
            d_hid = (who.transpose(0, 2, 1) @ sent) * slope  # (m, h, 4)
            who = who - lr * d_out @ h.transpose(0, 2, 1)
            bo = bo - lr * d_out.sum(axis=2, keepdims=True)
            wih = wih - lr * d_hid @ X.T
            bh = bh - lr * d_hid.sum(axis=2, keepdims=True)
    nan = np.isnan(wih).any(axis=(1, 2)) | np.isnan(who).any(axis=(1, 2))
    return {
        "solved_at": solved_at,
        "outputs": out[:, 0],
        "mse": np.mean((Y - out[:, 0]) ** 2, axis=1),
        "nan": nan,
    }


def wilson(k, n, z=1.959963984540054):
    """The 95% Wilson score interval (lo, hi) for k successes in n trials."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def rate(mask):
    """(rate, lo, hi) of a boolean array over seeds."""
    k, n = int(np.sum(mask)), len(mask)
    return (k / n, *wilson(k, n))


def fmt(mask):
    """A rate with its 95% interval, in percent."""
    r, lo, hi = rate(mask)
    return f"{100 * r:5.1f}% ({100 * lo:.1f}-{100 * hi:.1f})"


def seed_42(hidden, units, lr, epochs, fixed=False):
    """One line on the asker's own run: when it is solved, its outputs and its MSE."""
    r = run(hidden, units, lr, epochs, [42], fixed)
    when = "never solved" if np.isnan(r["solved_at"][0]) else f"solved at {r['solved_at'][0]:.0f}"
    outs = " ".join(f"{v:.3f}" for v in r["outputs"][0])
    return f"{when}, outputs {outs}, mse {r['mse'][0]:.4f}"


def main(n=1000):
    """Print every figure the chapter states, measured afresh (about 10 minutes)."""
    print("seed 42, the question's lr 0.1, 5,000 epochs:")
    for hidden, units in [("sigmoid", 2), ("sigmoid", 3), ("tanh", 2)]:
        for fixed in (False, True):
            name = "fixed" if fixed else "buggy"
            print(f"  {hidden} x {units} {name}: {seed_42(hidden, units, 0.1, 5000, fixed)}")
    print("seed 42, 50,000 epochs: buggy sigmoid x 2 at each lr, fixed tanh x 2 at lr 0.1")
    for lr in (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0):
        print(f"  lr {lr:5g}: {seed_42('sigmoid', 2, lr, 50_000)}")
    print(f"  tanh fixed: {seed_42('tanh', 2, 0.1, 50_000, fixed=True)}")
    seeds = range(n)
    print(f"{n} seeds, solved by epoch 500 / 5000, the question's lr (x4 for xl.MLP):")
    for hidden, units in [("sigmoid", 2), ("sigmoid", 3), ("tanh", 2), ("relu", 2)]:
        for fixed in (False, True):
            for lr in (0.1, 0.4, 1.6):
                r = run(hidden, units, lr, 5000, seeds, fixed)
                e = r["solved_at"]
                print(
                    f"  {hidden:7s} x {units} {'fixed' if fixed else 'buggy'} lr {lr:3g}: "
                    f"{fmt(e <= 500)} {fmt(e <= 5000)}, NaN {fmt(r['nan'])}"
                )
    r = run("sigmoid", 2, 0.1, 20_000, seeds)
    print(f"sigmoid x 2 buggy lr 0.1, solved by 20,000: {fmt(r['solved_at'] <= 20_000)}")
    r = run("relu", 2, 0.1, 500, seeds)
    print(f"relu x 2 buggy lr 0.1, NaN by epoch 500: {fmt(r['nan'])}")


if __name__ == "__main__":
    main()
