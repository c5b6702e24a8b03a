"""Benchmark: train_many against a per-network Python loop, a hand-written numpy formulation
(networks on the trailing axis, elementwise broadcasting) and, when installed, PyTorch on the CPU.

All four train 2-2-1 sigmoid networks on XOR with full-batch gradient descent on the mean
binary cross-entropy (lr 1.0, Xavier-normal weights, zero biases). Run:

    .venv/bin/python benchmarks/train_many.py            # 10,000 networks x 10,000 epochs
    .venv/bin/python benchmarks/train_many.py --quick    # 2,000 x 2,000, for a smoke test

It prints seconds per run, the speed of each against train_many, and checks all four reach the
same final losses (the formulations are the same maths, so they must agree).
"""

import argparse
import time

import numpy as np

import xorlab as xl

LR = 1.0


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def initial(n, seed):
    """The starting weights of train_many's networks, networks on the trailing axis."""
    params = [xl.init_params((2, 2, 1), "xavier", 1.0, seed + i) for i in range(n)]
    return {k: np.stack([p[k] for p in params], axis=-1) for k in params[0]}


def run_train_many(n, epochs, seed):
    return xl.train_many(n, lr=LR, epochs=epochs, seed=seed).final_loss


def run_loop(n, epochs, seed):
    """One network at a time, plain numpy with @, as a reader would first write it."""
    X, y = xl.xor()
    losses = []
    for i in range(n):
        p = xl.init_params((2, 2, 1), "xavier", 1.0, seed + i)
        W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]
        for _ in range(epochs):
            h = 1 / (1 + np.exp(-(X @ W1 + b1)))
            out = 1 / (1 + np.exp(-(h @ W2 + b2)))
            d2 = (out - y) / 4
            d1 = (d2 @ W2.T) * h * (1 - h)
            W2, b2 = W2 - LR * h.T @ d2, b2 - LR * d2.sum(0)
            W1, b1 = W1 - LR * X.T @ d1, b1 - LR * d1.sum(0)
        z = 1 / (1 + np.exp(-(X @ W1 + b1))) @ W2 + b2  # loss after the last step
        losses.append(np.mean(np.logaddexp(0, z) - y * z))
    return np.array(losses)


def run_numpy_trailing(n, epochs, seed):
    """The 2-2-1 net written out by hand: every array (..., n), elementwise products only."""
    X, y = xl.xor()
    p = initial(n, seed)
    W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]  # (2, 2, n), (2, n), (2, 1, n), (1, n)
    x1, x2, t = X[:, 0, None], X[:, 1, None], y  # (4, 1)
    for _ in range(epochs):
        h0 = 1 / (1 + np.exp(-(x1 * W1[0, 0] + x2 * W1[1, 0] + b1[0])))  # (4, n)
        h1 = 1 / (1 + np.exp(-(x1 * W1[0, 1] + x2 * W1[1, 1] + b1[1])))
        out = 1 / (1 + np.exp(-(h0 * W2[0, 0] + h1 * W2[1, 0] + b2[0])))
        d2 = (out - t) / 4
        g0, g1 = d2 * W2[0, 0] * h0 * (1 - h0), d2 * W2[1, 0] * h1 * (1 - h1)
        W2[0, 0] -= LR * (d2 * h0).sum(0)
        W2[1, 0] -= LR * (d2 * h1).sum(0)
        b2[0] -= LR * d2.sum(0)
        W1[0, 0] -= LR * (g0 * x1).sum(0)
        W1[1, 0] -= LR * (g0 * x2).sum(0)
        W1[0, 1] -= LR * (g1 * x1).sum(0)
        W1[1, 1] -= LR * (g1 * x2).sum(0)
        b1[0] -= LR * g0.sum(0)
        b1[1] -= LR * g1.sum(0)
    h0 = 1 / (1 + np.exp(-(x1 * W1[0, 0] + x2 * W1[1, 0] + b1[0])))
    h1 = 1 / (1 + np.exp(-(x1 * W1[0, 1] + x2 * W1[1, 1] + b1[1])))
    z = h0 * W2[0, 0] + h1 * W2[1, 0] + b2[0]
    return np.mean(np.logaddexp(0, z) - t * z, axis=0)


def run_torch(n, epochs, seed):
    """train_many's batched formulation in PyTorch (CPU, float64, no autograd)."""
    import torch

    X, y = (torch.from_numpy(a) for a in xl.xor())
    p = {k: torch.from_numpy(v) for k, v in initial(n, seed).items()}
    W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]
    a0, t = X[:, :, None], y[:, :, None]
    with torch.no_grad():
        for _ in range(epochs):
            h = torch.sigmoid(torch.einsum("nim,ijm->njm", a0, W1) + b1)
            out = torch.sigmoid(torch.einsum("nim,ijm->njm", h, W2) + b2)
            d2 = (out - t) / 4
            d1 = torch.einsum("njm,ijm->nim", d2, W2) * h * (1 - h)
            W2 -= LR * torch.einsum("nim,njm->ijm", h, d2)
            b2 -= LR * d2.sum(0)
            W1 -= LR * torch.einsum("nim,njm->ijm", a0, d1)
            b1 -= LR * d1.sum(0)
        h = torch.sigmoid(torch.einsum("nim,ijm->njm", a0, W1) + b1)
        z = torch.einsum("nim,ijm->njm", h, W2) + b2
        return (torch.nn.functional.softplus(z) - t * z).mean(dim=(0, 1)).numpy()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 networks x 2,000 epochs")
    args = parser.parse_args()
    n, epochs = (2_000, 2_000) if args.quick else (10_000, 10_000)
    loop_n = 10 if args.quick else 20
    seed = 0
    print(f"2-2-1 sigmoid nets on XOR, full batch, {epochs:,} epochs, lr {LR}")
    t_many, ref = timed(run_train_many, n, epochs, seed)
    rows = [("xl.train_many", n, t_many, t_many)]
    t_loop, loop_losses = timed(run_loop, loop_n, epochs, seed)
    rows.append(
        (
            f"Python loop over networks (ran {loop_n}, scaled x{n // loop_n})",
            n,
            t_loop,
            t_loop * n / loop_n,
        )
    )
    assert np.allclose(loop_losses, ref[:loop_n], rtol=1e-6, atol=1e-9), "loop disagrees"
    t_np, np_losses = timed(run_numpy_trailing, n, epochs, seed)
    rows.append(("hand-written numpy, trailing axis", n, t_np, t_np))
    assert np.allclose(np_losses, ref, rtol=1e-6, atol=1e-9), "numpy formulation disagrees"
    try:
        import torch

        torch.set_num_threads(2)
        t_torch, torch_losses = timed(run_torch, n, epochs, seed)
        rows.append((f"PyTorch {torch.__version__} CPU, same formulation", n, t_torch, t_torch))
        assert np.allclose(torch_losses, ref, rtol=1e-6, atol=1e-9), "torch disagrees"
    except ImportError:
        print("(PyTorch not installed: its row is skipped)")
    print(
        f"{'method':<52} {'networks':>9} {'measured s':>11} {'for all s':>10} {'train_many is':>14}"
    )
    for name, count, measured, full in rows:
        print(f"{name:<52} {count:>9,} {measured:>11.2f} {full:>10.2f} {full / t_many:>12.1f}x")


if __name__ == "__main__":
    main()
