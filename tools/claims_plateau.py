"""Plain-numpy measurements behind the plateau and initialisation claims (issue 24).

Nothing here imports xorlab: these networks are written out again, so a claim the chapters make
with xorlab can be checked against code that shares none of it. Network i of a run starts from
`np.random.default_rng(seed + i)`, drawing W1 then W2 as the book's initialisations are defined
(biases start at 0), so runs over the same seeds can be compared network by network.

    .venv/bin/python -m tools.claims_plateau tiny    # tiny starts, 100,000 epochs (about 5 min)
    .venv/bin/python -m tools.claims_plateau large   # large starts: where the loss starts, stalls
    .venv/bin/python -m tools.claims_plateau xavier  # success by initial scale and learning rate
    .venv/bin/python -m tools.claims_plateau chain   # bias-free per-sample: same lr x epochs
"""

import sys

import numpy as np

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # (4, 2)
Y = np.array([0.0, 1.0, 1.0, 0.0])  # (4,)


def wilson(k, n, z=1.96):
    """The 95% Wilson interval of k successes in n trials, as (low, high) fractions."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def rate(k, n):
    """'k of n = r% (95% CI lo-hi%)' for k successes in n trials."""
    lo, hi = wilson(k, n)
    return f"{k} of {n} = {100 * k / n:.1f}% (95% CI {100 * lo:.1f}-{100 * hi:.1f}%)"


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow for large |z|


def start(n, init="normal", scale=1.0, seed=0):
    """Weights of n 2-2-1 networks: W1 (n, 2, 2), W2 (n, 2); scale times N(0, 1) ("normal"),
    times Glorot's std sqrt(2 / (fan_in + fan_out)) ("xavier"), or U[0, 1) ("uniform01")."""
    W1, W2 = np.empty((n, 2, 2)), np.empty((n, 2))
    for i in range(n):
        rng = np.random.default_rng(seed + i)
        if init == "uniform01":
            W1[i], W2[i] = rng.random((2, 2)), rng.random((2, 1))[:, 0]
        else:
            s1, s2 = (np.sqrt(2 / 4), np.sqrt(2 / 3)) if init == "xavier" else (1.0, 1.0)
            W1[i] = s1 * rng.standard_normal((2, 2))
            W2[i] = s2 * rng.standard_normal((2, 1))[:, 0]
    return scale * W1, scale * W2


def train_batch(W1, W2, lr, epochs, checkpoints=()):
    """Full-batch gradient descent on the mean BCE of n sigmoid 2-2-1 nets with biases (b = 0).

    W1: (n, 2, 2), W2: (n, 2). Returns a dict: `first` (n,) the first epoch after which all
    four outputs are on the right side of 0.5 (NaN if never), `solved` (n,) at the end,
    `loss` (epochs + 1, n) the loss before each epoch's step and after the last, and
    `solved_at` {epoch: (n,)} at each checkpoint.
    """
    W1, W2 = W1.copy(), W2.copy()
    n = len(W1)
    b1, b2 = np.zeros((n, 2)), np.zeros(n)
    first = np.full(n, np.nan)
    loss = np.empty((epochs + 1, n))
    solved_at = {}
    for epoch in range(epochs + 1):
        H = sigmoid(np.einsum("si,nij->nsj", X, W1) + b1[:, None, :])  # (n, 4, 2)
        z = np.einsum("nsj,nj->ns", H, W2) + b2[:, None]  # (n, 4)
        loss[epoch] = np.mean(np.logaddexp(0.0, z) - Y * z, axis=1)
        right = np.all((z > 0) == (Y > 0.5), axis=1)
        first[np.isnan(first) & right] = epoch
        if epoch in checkpoints:
            solved_at[epoch] = right.copy()
        if epoch == epochs:
            break
        d2 = (sigmoid(z) - Y) / 4  # dL/dz2: (n, 4)
        d1 = d2[:, :, None] * W2[:, None, :] * H * (1 - H)  # dL/dZ1: (n, 4, 2)
        W2 -= lr * np.einsum("nsj,ns->nj", H, d2)
        b2 -= lr * d2.sum(axis=1)
        W1 -= lr * np.einsum("si,nsj->nij", X, d1)
        b1 -= lr * d1.sum(axis=1)
    return {"first": first, "solved": right, "loss": loss, "solved_at": solved_at}


def train_sample_no_bias(W1, W2, lr, epochs):
    """Per-sample gradient descent, samples in order, on (p - y)^2 of n bias-free sigmoid
    2-2-1 nets (W1: (n, 2, 2), W2: (n, 2)); both gradients of a step from the old weights.
    Returns `solved` (n,): all four outputs on the right side of 0.5 at the end."""
    W1, W2 = W1.copy(), W2.copy()
    for _ in range(epochs):
        for x, t in zip(X, Y):
            h = sigmoid(np.einsum("i,nij->nj", x, W1))  # (n, 2)
            p = sigmoid(np.einsum("nj,nj->n", h, W2))  # (n,)
            d2 = 2 * (p - t) * p * (1 - p)  # dL/dz2: (n,)
            d1 = d2[:, None] * W2 * h * (1 - h)  # dL/dz1: (n, 2)
            W2 -= lr * h * d2[:, None]
            W1 -= lr * x[None, :, None] * d1[:, None, :]
    h = sigmoid(np.einsum("si,nij->nsj", X, W1))
    z = np.einsum("nsj,nj->ns", h, W2)
    return np.all((z > 0) == (Y > 0.5), axis=1)


def tiny(n=100, epochs=100_000, lr=0.5, scales=(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)):
    """Scale x N(0, 1) starts: how many of n nets solve XOR by 1,000, 10,000, 100,000 epochs."""
    marks = tuple(m for m in (1_000, 10_000) if m < epochs) + (epochs,)
    print(f"2-2-1 sigmoid, BCE, full batch, lr {lr}, weights scale x N(0, 1), seeds 0-{n - 1}")
    for scale in scales:
        run = train_batch(*start(n, "normal", scale), lr, epochs, checkpoints=marks)
        med = np.median(np.nan_to_num(run["first"], nan=np.inf))
        shown = f"{med:,.0f}" if np.isfinite(med) else f"over {epochs:,}"
        print(f"scale {scale:5.2f}: median first-solve epoch {shown}")
        for m in marks:
            print(f"    by epoch {m:7,d}: {rate(int(run['solved_at'][m].sum()), n)}")


def large(n=1000, epochs=10_000, lr=0.5, scales=(2.0, 4.0, 8.0)):
    """Scale x N(0, 1) starts: the loss at the start, after 1,000 epochs and at the end."""
    print(f"2-2-1 sigmoid, BCE, full batch, lr {lr}, weights scale x N(0, 1), seeds 0-{n - 1}")
    for scale in scales:
        run = train_batch(*start(n, "normal", scale), lr, epochs)
        L, failed = run["loss"], ~run["solved"]
        flat = np.mean(np.abs(L[0] - np.log(2)) < 0.01 * np.log(2))
        print(
            f"scale {scale}: loss at the start, median {np.median(L[0]):.2f} "
            f"(quartiles {np.quantile(L[0], 0.25):.2f}-{np.quantile(L[0], 0.75):.2f}); "
            f"within 1% of ln 2: {flat:.1%}"
        )
        print(f"    solved after {epochs:,} epochs: {rate(int(run['solved'].sum()), n)}")
        print(
            f"    failed nets: start above ln 2 {np.mean(L[0, failed] > np.log(2)):.1%}; "
            f"final loss median {np.median(L[-1, failed]):.3f} (ln2/2 = {np.log(2) / 2:.3f}), "
            f"within 0.05 of ln2/2: {np.mean(np.abs(L[-1, failed] - np.log(2) / 2) < 0.05):.1%}"
        )


def xavier(n=1000, epochs=5000, scales=(1.0, 0.5, 0.25, 0.1), lrs=(0.5, 2.0, 5.0, 10.0)):
    """Scale x Glorot normal starts: success after `epochs` epochs, per scale and lr."""
    print(
        f"2-2-1 sigmoid, BCE, full batch, {epochs:,} epochs, scale x Glorot normal, seeds 0-{n - 1}"
    )
    for scale in scales:
        for lr in lrs:
            run = train_batch(*start(n, "xavier", scale), lr, epochs)
            print(f"scale {scale:4.2f} lr {lr:4.1f}: {rate(int(run['solved'].sum()), n)}")


def chain(n=1000, budgets=((0.5, 1000), (0.25, 2000), (0.1, 5000))):
    """Bias-free per-sample training, U[0, 1) starts, squared error: the same lr x epochs."""
    print(f"bias-free 2-2-1 sigmoid, (p - y)^2, per sample, U[0, 1) weights, seeds 0-{n - 1}")
    for lr, epochs in budgets:
        solved = train_sample_no_bias(*start(n, "uniform01"), lr, epochs)
        print(f"lr {lr:4.2f} x {epochs:5d} epochs: {rate(int(solved.sum()), n)}")


if __name__ == "__main__":
    jobs = {"tiny": tiny, "large": large, "xavier": xavier, "chain": chain}
    for name in sys.argv[1:] or list(jobs):
        jobs[name]()
