"""Later updates: the first update of the reader's run follows the loss's gradient (the gradient
check), but does a later one? When a run did not train, the doctor replays up to `EPOCHS`
epochs of it on a private copy of the reader's object, reads the gradient one more update
follows (`step.later`, the adapter's: one epoch at a tiny rate on a copy of the object as the
run left it, with its caches and random state), and compares it with finite differences of
the loss at the same weights:

* it is the gradient of the loss with the labels re-paired to other inputs (and not of the
  given pairing): inputs and labels are shuffled apart (`at_start` asks the same of a wrong
  gradient at the start);
* in some arrays it is still the very first update, while the loss's gradient there has
  moved on: it is computed from values cached under the first weights (stale).

Both are evidence read off the reader's own run, not guesses; anything else says nothing.
"""

import itertools

import numpy as np

from .findings import Finding
from .loss import standard_losses
from .reader import flatten

MAX_PAIRED = 4
"""Re-pairings are tried for at most this many samples (all n! orders of the labels)."""


def finite_differences(loss, p, eps=1e-6):
    """Central finite differences of loss(params) at p, flattened in p's key order."""
    out = []
    for k in p:
        for i in np.ndindex(p[k].shape):
            up = {j: v.copy() for j, v in p.items()}
            down = {j: v.copy() for j, v in p.items()}
            up[k][i] += eps
            down[k][i] -= eps
            out.append((loss(up) - loss(down)) / (2 * eps))
    return np.array(out)


def _cosine(a, b):
    return float(a @ b / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-300))


def loss_of(reader, name, X, y):
    """The standard loss `name` of the reader's `predict` on inputs X (n, d_in) against
    targets y (n, d_out), as a function of params (the reader's, where p leaves some out)."""
    of_outputs = standard_losses(y)[name]
    return lambda p: float(of_outputs(reader.predict({**reader.params, **p}, X)))


def _standard(reader):
    """The standard loss whose gradient the reader's first update follows (in direction), and
    the update's length against that gradient's: (name, scale), or (None, None)."""
    g = flatten(reader.grads[k] for k in reader.params)
    for name in standard_losses(reader.y):
        f = finite_differences(loss_of(reader, name, reader.X, reader.y), reader.params)
        if _cosine(g, f) > 0.9999:  # pragma: no mutate (>= differs at = only)
            return name, float(np.linalg.norm(g) / np.linalg.norm(f))
    return None, None


def _repaired(reader, name, p, g):
    """The first re-pairing of the labels (an order, not the given one) whose loss's gradient
    at p is the update's gradient g (cosine above 0.9999), or None. A re-pairing that turns
    every label into its opposite (XOR's can) is skipped: it cannot be told from a flip."""
    y = reader.y
    seen = {y.tobytes(), (y.max() + y.min() - y).tobytes()}
    for order in itertools.permutations(range(len(y))):
        if y[list(order)].tobytes() in seen:
            continue  # the same labels in the same places: the given pairing
        seen.add(y[list(order)].tobytes())  # pragma: no mutate (a repeat fails again: time)
        f = finite_differences(loss_of(reader, name, reader.X, y[list(order)]), p)
        if _cosine(g, f) > 0.9999:  # pragma: no mutate (>= differs at = only)
            return order
    return None


def at_start(reader):
    """The reader's (wrong) gradient at the start as the gradient of a standard loss with the
    labels re-paired to other inputs: the finding, or None (also without predict, or with
    more than `MAX_PAIRED` samples)."""
    if reader.predict is None or len(reader.y) > MAX_PAIRED:
        return None
    g = flatten(reader.grads[k] for k in reader.params)
    for name in standard_losses(reader.y):
        order = _repaired(reader, name, reader.params, g)
        if order:
            return Finding.of(
                "paired_apart",
                f"your gradient is the gradient of the {name} with the labels of samples "
                f"{list(order)} given to samples {list(range(len(order)))}: cosine above 0.9999",
            )
    return None


EPOCHS = 50
"""The later update read is the one after at most this many epochs (half a run that blew up)."""


def _astray(reader, name, scale, epochs):
    """The later update after `epochs` epochs when it does not follow the loss's gradient:
    (params, its gradient dict, it flat, the loss's flat gradient times `scale`), or None."""
    read = reader.step.later(epochs)
    if read is None:
        return None
    end, g = read
    given = flatten(g[k] for k in end)
    true = scale * finite_differences(loss_of(reader, name, reader.X, reader.y), end)
    if not (np.all(np.isfinite(given)) and np.all(np.isfinite(true))):
        return None
    if _cosine(given, true) > 0.99:  # pragma: no mutate (>= differs at = only)
        return None  # it follows the gradient
    if np.linalg.norm(given) < 1e-2 * np.linalg.norm(true):  # pragma: no mutate (<=: at = only)
        return None  # it barely moves (a schedule's business)
    return end, g, given, true


def examine(reader, losses):
    """The finding about a later update of the reader's run (whose losses were `losses`), read
    after `EPOCHS` epochs (and, when that one follows the gradient, one and two more), or
    None."""
    if reader.step.later is None or reader.predict is None:
        return None
    name, scale = _standard(reader)
    finite = int(np.argmin(np.isfinite(losses))) if not np.isfinite(losses[-1]) else len(losses)
    first = max(1, min(EPOCHS, (finite - 1) // 2))
    for epochs in (first, first + 1, first + 2):
        found = name and _astray(reader, name, scale, epochs)
        if found:
            break
    if not found:
        return None
    end, g, flat, true = found
    said = f"after {epochs} epochs, your update against the {name}'s gradient: cosine "
    said += f"{_cosine(flat, true):+.3f}"
    paired = _repaired(reader, name, end, flat) if len(reader.y) <= MAX_PAIRED else None
    if paired:
        return Finding.of(
            "paired_apart",
            f"{said}\nit is the gradient of the {name} with the labels of samples "
            f"{list(paired)} given to samples {list(range(len(paired)))}: cosine above 0.9999",
        )
    frozen = _frozen(reader, g, _split(true, end))
    if not frozen:
        return None
    return Finding.of(
        "stale_update",
        f"{said}\n{', '.join(frozen)}: your update is still the first one, while the loss's "
        "gradient has changed: it is computed from values of the first weights",
    )


def _split(flat, like):
    """A flat vector back into arrays shaped like the dict `like`."""
    sizes = np.cumsum([v.size for v in like.values()])[:-1]
    return {k: part.reshape(v.shape) for (k, v), part in zip(like.items(), np.split(flat, sizes))}


def _same(a, b, tol):
    a, b = np.ravel(a), np.ravel(b)
    return (
        _cosine(a, b) > 1 - tol
        and abs(np.linalg.norm(a) / max(np.linalg.norm(b), 1e-300) - 1) < tol
    )


def _frozen(reader, g, true):
    """The arrays whose later update is the first update (to 1e-4) while the loss's gradient
    has moved away from it (beyond 1e-2)."""
    first = reader.grads
    return [k for k in g if _same(g[k], first[k], 1e-4) and not _same(true[k], first[k], 1e-2)]
