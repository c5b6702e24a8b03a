"""The update phase: does the reader's step descend, does the start break the symmetry of the
hidden units, and does the storage keep its shapes?"""

import numpy as np

from .findings import Finding
from .reader import copy, flatten


def climbs(step, params, grads):
    """The step moves along +gradient (cosine above 0.99): the finding in a list, or []."""
    if getattr(step, "ignores_grads", False):  # pragma: no mutate (None is False here)
        return []  # an in-place trainer: its direction is already in the implied gradient
    after = step(copy(params), grads)
    moved = flatten(np.asarray(after[k]) - params[k] for k in params)
    g = flatten(grads[k] for k in params)
    denom = np.linalg.norm(moved) * np.linalg.norm(g)
    if denom > 0 and moved @ g / denom > 0.99:  # pragma: no mutate (0/0 is nan; >= at = only)
        return [
            Finding.of(
                "update_climbs",
                f"cosine between the step and the gradient {moved @ g / denom:+.3f} "
                "(descent is -1)",
            )
        ]
    return []


def _twins(M, G):
    """The first pair (j, k) of equal columns of M: (d, m) whose gradients G: (d, m) are equal
    too, or None. A unit with one weight (d = 1) is no evidence."""
    if M.shape[0] < 2:
        return None
    for j in range(M.shape[1]):
        for k in range(j + 1, M.shape[1]):
            if np.array_equal(M[:, j], M[:, k]) and np.allclose(G[:, j], G[:, k]):
                return j, k
    return None


def unit_axis(params, d_in, d_out, columns=None):
    """Where the weight matrices keep their units: "columns" for W: (inputs, units) (X @ W),
    "rows" for W: (units, inputs) (W @ X or X @ W.T). Read from the shapes: the first matrix
    with d_in (or d_in + 1, a folded bias) entries on one axis only, else the last matrix with
    d_out entries on one axis only; where the shapes cannot tell (square layers), the
    declared layout `columns` (True: "rows"), else None (both axes are compared)."""
    shapes = [W.shape for W in params.values() if W.ndim == 2]
    if shapes:
        first = [n in (d_in, d_in + 1) for n in shapes[0]]  # the inputs' axis
        last = [n == d_out for n in shapes[-1]]  # the outputs' (units') axis
        found = {(True, False): "columns", (False, True): "rows"}.get(tuple(first))
        found = found or {(True, False): "rows", (False, True): "columns"}.get(tuple(last))
        if found:
            return found
    return None if columns is None else ("rows" if columns else "columns")


def symmetric(params, grads, units=None):
    """Two units of a weight matrix that are copies, with identical gradients: the finding in
    a list, or []. `units`: "columns" or "rows" (`unit_axis`), None to check both."""
    for name, W in params.items():
        if W.ndim != 2:
            continue
        for unit, M, G in (("columns", W, grads[name]), ("rows", W.T, grads[name].T)):
            pair = _twins(M, G) if units in (None, unit) else None
            if pair:
                return [
                    Finding.of(
                        "symmetric",
                        f"{unit} {pair[0]} and {pair[1]} of {name} are equal, and so are their "
                        "gradients: those units will stay copies at every step",
                    )
                ]
    return []


def reshaped(params, after):
    """Parameters whose shape one step (`after`) changed: the finding in a list, or []."""
    changed = [
        f"{k}: {params[k].shape} -> {np.shape(after[k])}"
        for k in params
        if np.shape(after[k]) != params[k].shape
    ]
    return [Finding.of("shape_changed", "\n".join(changed))] if changed else []
