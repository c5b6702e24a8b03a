"""Re-measure the claims of three case chapters with plain numpy (no `xorlab`).

The chapters "The two-neuron net that cannot learn the identity", "Translating the chain rule" and
"The cost that keeps rising" state numbers that their cells compute with `xorlab`. This module
computes the same quantities again, from its own code and its own random draws, so that a bug
shared by a chapter and `xorlab` cannot confirm itself. Every run is seeded; rates come with
95% Wilson intervals. `tests/test_claims_cases.py` compares these numbers with the chapters.

Run `python -m tools.claims_cases` to print every measurement (about a minute on one core).
"""

import numpy as np

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # (4, 2)
XOR_Y = np.array([0.0, 1.0, 1.0, 0.0])  # (4,)


def wilson(k, n, z=1.959964):
    """95% Wilson score interval (lo, hi) for k successes in n trials."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def rate(ok):
    """(fraction, lo, hi) of a boolean array, with its 95% Wilson interval."""
    k, n = int(np.sum(ok)), int(np.size(ok))
    return (k / n, *wilson(k, n))


def sig(t):
    return 1 / (1 + np.exp(-t))


# --- The two-neuron chain without biases (seed 001) -------------------------------------------


def chain_error(w1, w2):
    """The question's E = 1/2 sum of squared errors on 0 -> 0, 1 -> 1; any broadcastable shapes."""
    f0, f1 = sig(0.5 * w2), sig(w2 * sig(w1))
    return 0.5 * (f0**2 + (1 - f1) ** 2)


def chain_floors():
    """The infimum of E in each half plane, and E on the line between them.

    For w2 > 0, E falls as w1 grows (f(1) = sigmoid(w2 sigmoid(w1)) rises towards its target
    1), so the infimum is at w1 -> infinity: minimise over w2 with sigmoid(w1) = 1. For w2 < 0 it
    is 1/8, approached as w1, w2 -> -infinity. Returns a dict.
    """
    w2 = np.linspace(1e-6, 10.0, 1_000_001)
    upper = 0.5 * (sig(0.5 * w2) ** 2 + (1 - sig(w2)) ** 2)
    i = int(np.argmin(upper))
    grid = np.linspace(-30, 30, 601)
    w1g, w2g = np.meshgrid(grid, grid)
    pos = w2g > 0
    falls = np.all(chain_error(w1g[pos] + 0.01, w2g[pos]) <= chain_error(w1g[pos], w2g[pos]))
    lower = chain_error(-60.0, -60.0)
    return {
        "upper_floor": float(upper[i]),
        "upper_w2": float(w2[i]),
        "upper_falls_with_w1": bool(falls),
        "lower_floor_at_60": float(lower),
        "on_w2_zero": float(chain_error(3.0, 0.0)),
    }


def chain_descent(n, scale, steps=5000, lr=5.0, seed=0):
    """Gradient descent on E from n zero-mean starts, (w1, w2) ~ N(0, scale^2) each.

    Steps of `lr` along -dE/dw, exactly the question's ascent on -E. Returns (w1, w2, E), each
    (n,), after `steps` steps.
    """
    w1, w2 = scale * np.random.default_rng(seed).standard_normal((2, n))
    for _ in range(steps):
        h = sig(w1)
        f0, f1 = sig(0.5 * w2), sig(w2 * h)
        d0 = f0 * f0 * (1 - f0)  # dE/du0, u0 = w2 / 2
        d1 = (f1 - 1) * f1 * (1 - f1)  # dE/du1, u1 = w2 h
        w1, w2 = w1 - lr * d1 * w2 * h * (1 - h), w2 - lr * (0.5 * d0 + d1 * h)
    return w1, w2, chain_error(w1, w2)


# --- Per-sample training of a 2-2-1 net on XOR (seed 003) -------------------------------------


def xor_per_sample(n, lr, epochs, bias, seed=0):
    """n 2-2-1 sigmoid nets trained one XOR sample at a time, in order, on (p - y)^2.

    `lr` is the step on (p - y)^2 (xorlab's "mse" convention; the question's 1/2 (p - y)^2 needs
    twice that rate). Weights start in U[0, 1) as in the question, biases at 0 (and stay 0 when
    `bias` is False). Returns a (n,) bool: every output on its target's side of 0.5 at the end.
    """
    rng = np.random.default_rng(seed)
    W1, W2 = rng.random((2, 2, n)), rng.random((2, n))  # W1[i, u], W2[u]: networks last
    b1, b2 = np.zeros((2, n)), np.zeros(n)
    rows = [[i for i in (0, 1) if x[i]] for x in XOR_X]  # the inputs that are 1
    for _ in range(epochs):
        for on, t in zip(rows, XOR_Y):
            z1 = b1 + sum(W1[i] for i in on)  # (2, n): x W1 + b1 for a 0/1 input
            h = sig(z1)
            p = sig(h[0] * W2[0] + h[1] * W2[1] + b2)
            d2 = 2 * (p - t) * p * (1 - p)  # (n,)
            d1 = d2 * W2 * h * (1 - h)  # (2, n), through the old W2
            W2 -= lr * d2 * h
            for i in on:
                W1[i] -= lr * d1
            if bias:
                b2 -= lr * d2
                b1 -= lr * d1
    z1 = b1[:, None, :] + np.einsum("si,iun->usn", XOR_X, W1)  # (2 units, 4 samples, n)
    p = sig(np.sum(sig(z1) * W2[:, None, :], axis=0) + b2)  # (4, n)
    return np.all((p > 0.5) == (XOR_Y[:, None] > 0.5), axis=0)


# --- The flipped cross-entropy gradient (seed 002) --------------------------------------------


def question_costs(n, iters=1000, lr=0.1, scale=0.01, seed=0, start=None):
    """The costs the question's program prints, for n starts at once: (iters, n).

    Its layout (samples as columns), its flipped dL/dp, and its cost through np.log, which is
    `inf` once an output with target 0 rounds to 1.0 and `nan` once anything is `nan`. The
    weights start N(0, scale^2) from `seed`, or at `start` = (w1: (n, 2, 2), w2: (n, 1, 2)),
    each row a unit, as the question stores them; biases start at 0.
    """
    X, y = XOR_X.T, XOR_Y[None, :]  # (2, 4), (1, 4)
    if start is None:
        rng = np.random.default_rng(seed)
        start = scale * rng.standard_normal((n, 2, 2)), scale * rng.standard_normal((n, 1, 2))
    w1, w2 = start
    b1, b2 = np.zeros((n, 2, 1)), np.zeros((n, 1, 1))
    costs = []
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for _ in range(iters):
            a1 = sig(w1 @ X + b1)  # (n, 2, 4)
            al = sig(w2 @ a1 + b2)  # (n, 1, 4)
            cost = y @ np.swapaxes(np.log(al), 1, 2) + (1 - y) @ np.swapaxes(np.log(1 - al), 1, 2)
            costs.append(-0.25 * cost[:, 0, 0])
            dal = -0.25 * (y / al + (1 - y) / (1 - al))  # the flipped sign
            dz2 = dal * al * (1 - al)
            dz1 = (np.swapaxes(w2, 1, 2) @ dz2) * a1 * (1 - a1)
            w2, b2 = w2 - lr * dz2 @ np.swapaxes(a1, 1, 2), b2 - lr * dz2.sum(2, keepdims=True)
            w1, b1 = w1 - lr * dz1 @ X.T, b1 - lr * dz1.sum(2, keepdims=True)
    return np.array(costs)


def printed_pattern(costs):
    """For each column of `costs` (iters, n): first index of `inf` and of `nan` (-1 if none),
    and whether the column reads finite, then `inf`, then `nan` from then on."""
    first_inf = np.where(np.isinf(costs).any(0), np.argmax(np.isinf(costs), axis=0), -1)
    first_nan = np.where(np.isnan(costs).any(0), np.argmax(np.isnan(costs), axis=0), -1)
    ordered = (first_inf >= 0) & (first_nan > first_inf)
    for j in np.flatnonzero(ordered):
        c = costs[:, j]
        ordered[j] = np.all(np.isfinite(c[: first_inf[j]])) and np.all(np.isnan(c[first_nan[j] :]))
    return first_inf, first_nan, ordered


def xor_full_batch(n, scale, lr, epochs, seed=0):
    """n 2-2-1 sigmoid nets, full batch, mean cross-entropy, the correct gradient.

    Weights N(0, scale^2), biases 0. Returns a (n,) bool: every output on its target's side of
    0.5 after `epochs` steps.
    """
    rng = np.random.default_rng(seed)
    W1, W2 = scale * rng.standard_normal((n, 2, 2)), scale * rng.standard_normal((n, 2, 1))
    b1, b2 = np.zeros((n, 1, 2)), np.zeros((n, 1, 1))
    X, Xt, y = XOR_X, XOR_X.T, XOR_Y[:, None]  # (4, 2), (2, 4), (4, 1)
    for _ in range(epochs):
        h = sig(X @ W1 + b1)  # (n, 4, 2)
        p = sig(h @ W2 + b2)  # (n, 4, 1)
        dz = (p - y) / 4
        dh = (dz @ np.swapaxes(W2, 1, 2)) * h * (1 - h)  # (n, 4, 2)
        W2 -= lr * np.swapaxes(h, 1, 2) @ dz
        b2 -= lr * dz.sum(1, keepdims=True)
        W1 -= lr * Xt @ dh
        b1 -= lr * dh.sum(1, keepdims=True)
    p = sig(sig(X @ W1 + b1) @ W2 + b2)[:, :, 0]
    return np.all((p > 0.5) == (XOR_Y > 0.5), axis=1)


def fmt(r):
    return f"{100 * r[0]:.1f}% (95% CI {100 * r[1]:.1f}-{100 * r[2]:.1f}%)"


def main():
    floors = chain_floors()
    print("no bias, E floors:", {k: round(v, 4) for k, v in floors.items()})
    for scale in (1.0, 3.0):
        w1, w2, e = chain_descent(1000, scale)
        print(
            f"no bias, N(0, {scale:g}^2) starts, 5,000 steps at 5: w2 < 0 at the end "
            f"{fmt(rate(w2 < 0))}; lowest E with w2 > 0: {e[w2 > 0].min():.4f}"
        )
    for lr, epochs in ((0.5, 1000), (0.125, 4000), (0.05, 10_000)):
        for bias in (False, True):
            ok = xor_per_sample(1000, lr, epochs, bias)
            print(f"chain rule, per sample, lr {lr} x {epochs}, bias={bias}: {fmt(rate(ok))}")
    first_inf, _, ordered = printed_pattern(question_costs(1000))
    print(f"rising cost, printed inf then nan: {fmt(rate(ordered))}")
    print(f"  median iteration of the first inf: {np.median(first_inf[first_inf >= 0]):.0f}")
    for lr, epochs in ((4.0, 3000), (0.4, 3000), (0.4, 30_000)):
        ok = xor_full_batch(500, 0.3, lr, epochs)
        print(f"rising cost, XOR from scale 0.3, lr {lr}, {epochs} iterations: {fmt(rate(ok))}")


if __name__ == "__main__":
    main()
