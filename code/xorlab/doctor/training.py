"""The training-run phase: a short run of the reader's own steps, and what it shows: blown up,
rising or oscillating; and when the gradient is right but the loss does not fall enough, why:
units stuck from the start, a start on the saddle, a learning rate too small, too few steps, a
model that cannot fit the data (or a fit that stalls)."""

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from . import capacity, runs
from .capacity import fits
from .findings import Finding
from .reader import copy

WRONG_WAY = frozenset({"sign_flip", "update_climbs", "symmetric", "no_bias", "integer_weights"})
"""Findings after which a run says nothing more: its steps go the wrong way or cannot learn."""


def _steps_to_solve(step, grad, start, solved, budget, every=25):
    """How many more steps of `step` until solved(params) (checked every `every`), or None."""
    p = copy(start)
    move = runs.advance(step, grad)
    with np.errstate(all="ignore"):
        for t in range(1, budget + 1):
            p = move(p)
            if t % every == 0 and solved(p):
                return t
    return None


ADAM_STEPS = 3000
"""The strong optimiser's steps from each start."""


def _fits(grad, params, solved, rng, restarts=3):
    """Adam with the reader's gradient from their start and `restarts` perturbations of it,
    `ADAM_STEPS` steps each: the number of steps to solve (checked every 100), or None."""
    starts = [params] + [
        {k: v + rng.normal(0, 1, v.shape) for k, v in params.items()} for _ in range(restarts)
    ]
    for p in starts:
        p = copy(p)
        m, v2 = dict.fromkeys(p, 0.0), dict.fromkeys(p, 0.0)
        with np.errstate(all="ignore"):
            for t in range(1, ADAM_STEPS + 1):  # pragma: no mutate (+2: never checked)
                g = grad(p)
                for k in p:
                    m[k] = 0.9 * m[k] + 0.1 * g[k]
                    v2[k] = 0.999 * v2[k] + 0.001 * g[k] ** 2
                    p[k] = p[k] - 0.05 * (m[k] / (1 - 0.9**t)) / (
                        np.sqrt(v2[k] / (1 - 0.999**t)) + 1e-8
                    )
                if t % 100 == 0 and solved(p):
                    return t
    return None


RIGHT_GRADIENT = ", and the gradient is right"
UNCONFIRMED = " (the gradient is unconfirmed: it disagrees with finite differences)"
"""The end of a health finding's title, for a gradient the check confirmed, or not."""


def _health(losses, lr, gradient_ok):
    """Blown up (a non-finite loss) or a loss that rises or swings: the finding in a list,
    its title saying whether the gradient check confirmed the gradient (`gradient_ok`)."""
    said = RIGHT_GRADIENT if gradient_ok else UNCONFIRMED
    if not np.all(np.isfinite(losses)):
        first = int(np.argmin(np.isfinite(losses)))
        evidence = f"the loss became NaN or inf at step {first} (learning rate {lr:g})"
        return [Finding.of("diverged", evidence, said)]
    d = np.diff(losses)
    start, end = losses[0], losses[-1]
    flips = np.mean(np.sign(d[1:]) != np.sign(d[:-1])) if len(d) > 2 else 0.0
    rising = end > start * (1 + 1e-3) and np.mean(d > 0) > 0.5
    swings = np.mean(np.abs(d)) > 1e-3 * abs(start)  # not round-off on a plateau
    if rising or (flips > 0.3 and swings and end > 0.5 * start):
        return [
            Finding.of(
                "lr_too_large",
                f"loss {start:.4f} -> {end:.4f} at learning rate {lr:g}; "
                f"{100 * np.mean(d > 0):.0f}% of steps went up, {100 * flips:.0f}% reversed "
                "direction",
                said,
            )
        ]
    return []


def _step_ratio(step, grad, params):
    """How far one step moves the weights, relative to their size: |step| / |w|."""
    after = step(copy(params), grad(params))
    moved = np.sqrt(sum(np.sum((np.asarray(after[k]) - params[k]) ** 2) for k in params))
    size = np.sqrt(sum(np.sum(v**2) for v in params.values()))
    return float(moved / max(size, 1e-12))


def _stuck_arrays(grads):
    """Arrays (2+ entries) whose gradient is below 1e-6 of the largest gradient entry."""
    top = max(float(np.abs(g).max()) for g in grads.values())
    return [
        k
        for k, g in grads.items()
        if g.size > 1 and float(np.abs(g).max()) <= max(1e-6 * top, 1e-12)
    ]


@dataclass
class Probes:
    """The evidence on a run that did not train with a right gradient: the `reader`, the run's
    `losses` (steps + 1,), the params it ended at (`current`), `solved(params) -> bool`, the
    relative size of one step (`ratio`) and the `budget` of further steps; the costly probes
    (`more`, `fit`) run when first read, once."""

    reader: object
    losses: np.ndarray
    current: dict
    solved: object
    ratio: float
    budget: int

    @cached_property
    def more(self):
        """How many more of the reader's steps fit the data (within `budget`), or None."""
        r = self.reader
        return _steps_to_solve(r.step, r.gradient, self.current, self.solved, self.budget)

    @cached_property
    def fit(self):
        """Steps for Adam with the reader's gradient to fit the data, or None."""
        return _fits(self.reader.gradient, self.reader.params, self.solved, self.reader.rng)

    @property
    def fell(self):
        """The run in words."""
        L0, L1 = self.losses[0], self.losses[-1]
        return f"loss {L0:.4f} -> {L1:.4f} in {self.reader.epochs} steps"


def _stuck(probes):
    stuck = _stuck_arrays(probes.reader.grads)
    if not stuck:
        return None
    size = max(float(np.abs(probes.reader.params[k]).max()) for k in stuck)
    return Finding.of(
        "stuck_units",
        f"{', '.join(stuck)}: gradient below 1e-6 of the largest entry (dead or saturated "
        f"units pass none back), weights up to {size:.3g} in size; {probes.fell}",
    )


FAR = 10.0
"""Inputs whose largest absolute value is at least this are far from unit scale."""


def _integer_inputs(probes):
    """Integer inputs (the adapter's `floats`) on which numpy's arithmetic wraps around or
    truncates: the reader's training on the same values as float64 fits the data within the
    reader's epochs, where their run does not. The finding, or None."""
    r = probes.reader
    floats = r.step.floats
    if floats is None or r.predict is None:
        return None
    fit = lambda p: fits(floats.predict(p, r.X), r.y)  # noqa: E731
    steps = _steps_to_solve(floats, r.gradient, r.params, fit, r.epochs)
    if steps is None:
        return None
    return Finding.of(
        "integer_inputs",
        f"your X is {floats.dtype}, and your code computes on it as it is; {probes.fell}; "
        f"checked: your training on the same inputs as float64 fits the data within "
        f"{steps:,} epochs",
        dtype=floats.dtype,
    )


def _large_inputs(probes):
    """Inputs far from unit scale (`FAR`): the reader's training on a copy of the inputs with
    each divided by its largest absolute value fits the data within the reader's epochs
    (checked on those inputs), where their run does not. The finding, or None (also without
    the adapter, which can hand the reader's code other inputs)."""
    r = probes.reader
    on_inputs = r.step.on_inputs
    size = np.abs(r.X).max(axis=0)
    if on_inputs is None or r.predict is None or size.max() < FAR:
        return None
    scale = np.where(size > 0, size, 1.0)
    X = r.X / scale
    fit = lambda p: fits(r.predict(p, X), r.y)  # noqa: E731
    steps = _steps_to_solve(on_inputs(X), r.gradient, r.params, fit, r.epochs)
    if steps is None:
        return None
    shown = ", ".join(f"{s:.3g}" for s in scale)
    return Finding.of(
        "large_inputs",
        f"inputs up to {size.max():.3g} in size; {probes.fell}; checked: your training on a "
        f"copy of the inputs divided by [{shown}] (each input's largest size) fits the data "
        f"within {steps:,} epochs",
        size=f"{size.max():.3g}",
    )


def _plateau(probes):
    L0, L1 = probes.losses[0], probes.losses[-1]
    weights = [v for v in probes.reader.params.values() if v.ndim == 2]
    largest = max(float(np.abs(v).max()) for v in weights) if weights else np.inf
    if not (largest < 0.05 and abs(L0 - L1) < 0.01 * abs(L0)):
        return None
    more = probes.more
    tail = (
        f"; continuing, your steps solve it after {probes.reader.epochs + more:,} steps in all"
        if more
        else f"; {probes.budget:,} more of your steps had not left it"
    )
    return Finding.of(
        "plateau_start",
        f"every weight below {largest:.2g} in size, all hidden units nearly alike; the loss "
        f"stays at {L0:.4f} ({probes.fell}){tail}",
    )


def _lr_too_small(probes):
    L0, L1, ratio = probes.losses[0], probes.losses[-1], probes.ratio
    if not (ratio < 1e-4 or (ratio < 1e-3 and L0 - L1 < 0.05 * abs(L0))):
        return None
    fit = probes.fit
    tail = (
        f"; Adam with your gradient from the same start solves it in {fit:,} steps" if fit else ""
    )
    return Finding.of(
        "lr_too_small",
        f"one step changes the weights by {ratio:.1e} of their size (1e-3 to 1e-1 is "
        f"usual); {probes.fell}{tail}",
    )


LARGE_START = 4.0
"""Initial parameters this large (in absolute value) may saturate sigmoid and tanh units."""


def _large_start(probes):
    """Initial parameters too large: the reader's own steps from the start times 0.1 solve
    the task (checked), where the run from the reader's start does not. The finding, or None
    (also when no parameter reaches `LARGE_START`)."""
    r = probes.reader
    big = max(float(np.abs(v).max()) for v in r.params.values())
    if big < LARGE_START:
        return None
    small = {k: 0.1 * v for k, v in r.params.items()}
    steps = _steps_to_solve(r.step, r.gradient, small, probes.solved, r.epochs)
    if steps is None:
        return None
    return Finding.of(
        "large_start",
        f"parameters up to {big:.3g} at the start; {probes.fell}; checked: your steps from "
        f"your start times 0.1 solve it in {steps:,} steps",
    )


def _slow_or_unfit(probes):
    """Too few steps (the reader's steps fit the data later, and the reader gave the epochs),
    nothing (they fit it later), a model that cannot fit the data, or a fit that stalls."""
    more = probes.more
    if more and probes.reader.epochs_given:
        return Finding.of(
            "too_few_steps",
            f"{probes.fell}; the same steps solve it after {probes.reader.epochs + more:,} "
            "steps in all",
        )
    if more:
        return None
    large = _large_start(probes)
    if large:
        return large
    if probes.fit is None:
        return Finding.of(
            "cannot_fit",
            f"Adam, 3,000 steps with your (correct) gradient, from your start and 3 random "
            f"restarts, never put every output on the right side; your run: {probes.fell}",
        )
    return Finding.of(
        "flat",
        f"{probes.fell}; {probes.budget:,} more of your steps do not fit the data; Adam with "
        f"your gradient from the same start solves it in {probes.fit:,} steps",
    )


def _not_training(probes):
    """Why a right gradient does not train: the first cause whose evidence holds, or None."""
    return (
        _integer_inputs(probes)
        or _large_inputs(probes)
        or _stuck(probes)
        or _plateau(probes)
        or _lr_too_small(probes)
        or _slow_or_unfit(probes)
    )


def _summary(losses, trained, solved, gradient_ok, more=None):
    """The run in words, after what the gradient check found (`gradient_ok`)."""
    L0, L1, steps = losses[0], losses[-1], len(losses) - 1
    run = f"in {steps} steps the loss went from {L0:.4f} to {L1:.4f}"
    check = "agrees" if gradient_ok else "disagrees"
    said = f"the gradient {check} with finite differences"
    if trained and solved:
        return f"{said}, and it trains: {run}, every output on the right side"
    if trained:
        return f"{said}, and it trains: {run}"
    if more:
        return (
            f"{said}, and it trains, slowly: {run}; the same steps fit the data after "
            f"{steps + more:,} in all (pass your epochs= to check your own run)"
        )
    return f"{said}; {run}"


def _never(params):
    """solved(params) without outputs: no params count as solved."""
    return False  # pragma: no mutate (None is False too; True is killed by a test)


def _solved(reader):
    """solved(params) -> the outputs fit the targets (`fits`); None without predict."""
    if reader.predict is None:
        return None
    return lambda p: fits(reader.predict(p, reader.X), reader.y)


def examine(reader, loss, codes, gradient_ok, update_rule=None):
    """Run the reader's steps (the loss `loss(params)`), after the earlier findings' `codes`
    and whether the gradient was right: (losses (steps + 1,), findings, summary). When the
    gradient is right and the run does not train, `update_rule(losses)` (the report's: is the
    reader's update rule the problem?) is asked first: a finding, or None; without the
    reader's epochs, it is dropped when the reader's steps, continued, solve the task."""
    losses, current = runs.run(reader, loss, reader.step)
    solved = _solved(reader)
    finite = bool(np.isfinite(losses[-1]))
    trained = runs.solved(reader, losses, current)
    if WRONG_WAY & set(codes):
        return losses, [], _summary(losses, trained, solved, gradient_ok)
    health = _health(losses, reader.lr, gradient_ok)
    budget = int(min(max(5 * reader.epochs, 2000), 10_000))
    rule = None if trained or not gradient_ok or not update_rule else update_rule(losses)
    if rule and not reader.epochs_given and finite and solved:  # the doctor's 300-step probe:
        more = _steps_to_solve(reader.step, reader.gradient, current, solved, budget)
        rule = None if more else rule  # slow, not wrong, when the reader's steps get there
    if rule:
        return losses, [rule], _summary(losses, trained, solved, gradient_ok)
    if health or not gradient_ok or trained:
        return losses, health, _summary(losses, trained, solved, gradient_ok)
    ratio = _step_ratio(reader.step, reader.gradient, reader.params)
    probes = Probes(reader, losses, current, solved or _never, ratio, budget)
    why = _not_training(probes)
    findings = [why] if why else []
    if solved and not why or (why and why.code == "cannot_fit"):
        findings += capacity.linear(current, reader.predict, reader.X, reader.y, reader.rng)
    return (
        losses,
        findings,
        _summary(losses, trained, solved, gradient_ok, None if why else probes.more),
    )
