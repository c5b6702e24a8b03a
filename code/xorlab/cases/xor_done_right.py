"""Reading a trained XOR network: which Boolean function of (x1, x2) each hidden unit computes.

A 2-2-1 net that solves XOR builds it from two simpler gates in its hidden layer, for example
OR and NAND (XOR = OR AND NAND). Thresholding a unit's activation at 0.5 on the four inputs
(0, 0), (0, 1), (1, 0), (1, 1) gives its truth table, and the truth table names the gate.
"""

import numpy as np

from ..core.data import xor

# Truth tables on the inputs (0, 0), (0, 1), (1, 0), (1, 1), the order of `xor()`.
GATES = {
    (0, 0, 0, 0): "FALSE",
    (0, 0, 0, 1): "AND",
    (0, 0, 1, 0): "x1 AND NOT x2",
    (0, 0, 1, 1): "x1",
    (0, 1, 0, 0): "x2 AND NOT x1",
    (0, 1, 0, 1): "x2",
    (0, 1, 1, 0): "XOR",
    (0, 1, 1, 1): "OR",
    (1, 0, 0, 0): "NOR",
    (1, 0, 0, 1): "XNOR",
    (1, 0, 1, 0): "NOT x2",
    (1, 0, 1, 1): "x1 OR NOT x2",
    (1, 1, 0, 0): "NOT x1",
    (1, 1, 0, 1): "x2 OR NOT x1",
    (1, 1, 1, 0): "NAND",
    (1, 1, 1, 1): "TRUE",
}


def gate_name(values, threshold=0.5):
    """The gate whose truth table `values: (4,)` follows, read as `values > threshold`.

    `values` are a unit's outputs on (0, 0), (0, 1), (1, 0), (1, 1), in that order.
    """
    values = np.asarray(values, dtype=float)
    if values.shape != (4,):
        raise ValueError(f"values must have shape (4,): one per XOR input, got {values.shape}")
    if np.isnan(values).any():
        raise ValueError("values contain NaN")
    return GATES[tuple(int(v > threshold) for v in values)]


def hidden_gates(net, threshold=0.5):
    """The gate computed by each unit of `net`'s first hidden layer (a list, one name per unit).

    `net` is an `MLP` with 2 inputs; its hidden activations on the four XOR inputs are
    thresholded at `threshold` (0.5 suits sigmoid units; use 0 for tanh).
    """
    if net.spec.sizes[0] != 2 or net.spec.layers < 2:
        raise ValueError(f"hidden_gates needs 2 inputs and a hidden layer, got {net.spec.sizes}")
    X, _ = xor()
    _, acts = net.layers(X)
    return [gate_name(acts[1][:, j], threshold) for j in range(acts[1].shape[1])]
