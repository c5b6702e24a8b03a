"""The adapter's measures at rate 0: where one call of the reader's training ends at rate 0
(what the rate does not multiply is no part of a gradient), and the reader's first epochs
from the start, for `steps` (is the update a gradient step?): one epoch at rate 0 and at two
tiny rates, and the first epochs of the reader's run (and of a run at rate 0)."""

import copy

import numpy as np

from .reader import flatten

BROKEN_EPOCHS = 3
"""The first epochs of the reader's run that are watched."""

UNMEASURED = {"rate": None, "moves": None, "broken_at_0": None}
"""The measures at rates when the rate cannot be set (or the reader's code refuses it)."""

EDGE = 1e-3
"""How far targets of exactly 0 or 1 are moved inside [0, 1], to see whether they break a run."""


def first_epochs(reader):
    """{"rate": a tiny rate r, "moves": the moves (p - p', flat) of one epoch at rates 0, r
    and 10 r (None when the rate cannot be set), "broken": the first of `BROKEN_EPOCHS` epochs
    of the reader's run after which a weight is not finite (else None), "broken_at_0": the
    same for a run at rate 0 (None also when the rate cannot be set), "edge": that run at
    rate 0 breaks only with the targets at exactly 0 or 1 (`_edge`), "resets": one epoch
    ends at the same weights from two starts (`_ignores`), and not at the start (an epoch
    that takes no step ends where it began: that is no reset)}. `reader`: the
    adapter's `_Reader`."""
    p = reader.start()
    out = dict(UNMEASURED)
    with np.errstate(all="ignore"):
        try:  # the reader's code may refuse a rate of 0: then nothing is measured at rates
            if reader.lr_name is not None:
                r = reader._probe_lr(p, reader.Xr, reader.yr)
                out["moves"] = [_move(reader, p, rate) for rate in (0.0, r, 10 * r)]
                out["rate"], out["broken_at_0"] = r, _breaks(reader, 0.0)[0]
        except Exception:  # noqa: BLE001  (any error of the reader's code)
            out = dict(UNMEASURED)
        out["broken"], ends = _breaks(reader, None)
        out["edge"] = out["broken_at_0"] is not None and _edge(reader)
    moved = any(not np.array_equal(ends[0][k], p[k]) for k in reader.names)
    out["resets"] = bool(moved and _ignores(reader, p) and out["broken"] is None)
    return out


def _ignores(reader, p):
    """One epoch from p and one from p moved by 1e-3 of its largest weight end at the same
    weights, with numpy's global random state the same for both (weights drawn again in
    every epoch, from any generator): the epoch ignores the weights it is given."""
    # pragma: no mutate start (any small nudge of every weight does)
    scale = 1e-3 * max(max(float(np.abs(v).max()) for v in p.values()), 1.0)
    moved = {k: v + scale * np.cos(np.arange(v.size) + 1.0).reshape(v.shape) for k, v in p.items()}
    # pragma: no mutate end
    state, ends = np.random.get_state(), []
    for start in (p, moved):
        np.random.set_state(state)
        ends.append(reader._read(reader._train(reader._load(start, True), reader.Xr, reader.yr)))
    return all(np.array_equal(ends[0][k], ends[1][k]) for k in reader.names)


def inside(y):
    """Targets `y` (any shape) all in [0, 1], some exactly 0 or 1, moved `EDGE` inside
    (0 to EDGE, 1 to 1 - EDGE, the rest in proportion); None for other targets."""
    y = np.asarray(y)
    if y.min() < 0 or y.max() > 1 or not np.any((y == 0) | (y == 1)):
        return None
    return EDGE + (1 - 2 * EDGE) * y


def _edge(reader):
    """The reader's run at rate 0 stays finite for `BROKEN_EPOCHS` epochs once its targets of
    exactly 0 or 1 are moved inside [0, 1] (`inside`): at rate 0 a gradient step leaves the
    weights as they are, so what broke them is a gradient that is not finite at those
    targets (a division by a target, or its log)."""
    moved = inside(reader.yr)
    if moved is None:
        return False
    try:
        return _breaks(reader, 0.0, moved)[0] is None
    except Exception:  # noqa: BLE001  (code that refuses such targets tells nothing)
        return False


def _breaks(reader, lr, y=None):
    """`BROKEN_EPOCHS` epochs of one copy of the reader's object at rate lr (None: the
    reader's), on the reader's targets or `y` (in the reader's layout): (the first after
    which a weight is not finite, or None; the weights after each)."""
    twin, ends, broken = copy.deepcopy(reader.obj), [], None
    y = reader.yr if y is None else y
    for epoch in range(1, BROKEN_EPOCHS + 1):
        ends.append(reader._read(reader._train(twin, reader.Xr, y, lr)))
        if broken is None and not all(np.isfinite(v).all() for v in ends[-1].values()):
            broken = epoch
    return broken, ends


def _move(reader, p, lr):
    """p - p' after one epoch at rate lr from a copy of the reader's object, flat; None when
    the epoch changes a shape."""
    after = reader._read(reader._train(reader._load(p, False), reader.Xr, reader.yr, lr))
    if any(after[k].shape != p[k].shape for k in reader.names):
        return None
    return flatten(p[k] - after[k] for k in reader.names)


def at_rate_0(reader, p, X, y, source, after):
    """Where one call of the training on (X, y) from p (in a copy of `source`, or of the
    reader's object) ends at rate 0, when the rate can be set, that call moves the weights
    (a decoupled weight decay; momentum applied to the weights) and the rate reaches the
    update (its end `after` at the probe's rate differs); else p."""
    if reader.lr_name is None:
        return p
    try:
        base = reader._read(reader._train(reader._load(p, False, source), X, y, 0.0))
    except Exception:  # noqa: BLE001  (code that refuses a rate of 0: nothing to set aside)
        return p
    kept = all(base[k].shape == p[k].shape for k in reader.names)  # else a finding of its own
    moved = kept and any(not np.array_equal(base[k], p[k]) for k in reader.names)
    reached = any(not np.array_equal(base[k], after[k]) for k in reader.names)
    return base if moved and reached else p
