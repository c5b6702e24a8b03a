"""The backprop doctor: examine a reader's own implementation and say what is wrong, with evidence.

A reader's code is given in the plainest form we can support: the parameters as a dict of arrays,
`loss(params) -> float` (the loss the reader prints, on their data), `grad(params) -> dict`
(their backward pass), optionally `predict(params, X) -> (n, k)` outputs and `step(params,
grads) -> params` (their update rule). Objects that train in place are adapted in one line with
`xorlab.adapt`; a bare update function with `implied_gradient`.

`doctor(...)` runs its phases in this order and returns a `Diagnosis` of `Finding`s, the most
likely cause first (`causes.CAUSES`), each with its evidence, where to look in the code, and the
book's section:
0. with a gradient read off the reader's update (`xorlab.adapt`): is that update a gradient
   step at all (`steps`: nothing left at rate 0, in proportion to the rate, finite, from the
   last epoch's weights)? When it is not and the run does not train, the finding is the
   update rule, verified by plain gradient descent, and no gradient is judged;
1. the gradient, array by array, against finite differences of the loss, with the pattern of
   the error read off (`gradient`); when it does not match the printed loss but matches a
   standard loss of the outputs, the printed loss is the finding instead (`loss`); when it is
   a standard loss's gradient with the labels paired to other inputs, that is (`later`);
2. the update (does it descend?), the start (symmetric units), the model (an output pinned
   without biases), the storage (shapes that change) (`update`, `capacity`);
3. a short training run: blown up, rising, oscillating; and when the gradient is right but the
   loss does not fall enough, why (`training`): first whether the update rule is the problem,
   from a later update of the run (`later`: labels paired apart, a stale cache) or a change
   that verifies (`verify.update_rule`: targets reshaped, each epoch from a fresh copy,
   plain gradient descent);
4. the advice tried before it is given (`verify`): smaller steps, a flipped update; when none
   makes the loss fall, "cannot tell" with what was checked.
Gradient, loss and update are judged together: a gradient of the opposite sign that the update
adds, or an update that climbs a loss to maximise, is correct when the reader's own run reaches
a solution. A correct implementation that trains gets no finding. Every random draw is seeded
(`seed`, also numpy's global state while the reader's code runs) and the seed is stated.
"""

import numpy as np

from . import capacity, gradient, later, runs, samples, steps, training, update, verify
from . import loss as loss_phase  # `loss` is doctor's argument
from .calls import seeded
from .causes import GRADIENT, UNSURE
from .findings import Diagnosis, Finding
from .reader import copy, flatten, implied_gradient, read

__all__ = ["Diagnosis", "Finding", "adapt_mlp", "doctor", "implied_gradient"]

NO_PREDICT = (
    "without predict I cannot check whether this gradient belongs to another standard loss "
    "(then the printed loss, not the gradient, would be wrong): pass predict to tell"
)

RULE_OR = (
    "every entry of your update has the sign of the loss's slope, but in no array is it in "
    "proportion to it: a per-entry update rule (Adam, RMSprop, clipping) or a wrong backward "
    "pass; I cannot tell which from the update alone: check the update rule's formula first"
)

MAXIMISED = "your update climbs the loss you give (one to maximise)"


def _gradient_phase(reader, findings):
    """Phase 1: the loss the gradient is checked against and that check; appends the loss's
    and the gradient's findings to `findings`. Returns (report, loss(params), gradient_ok)."""
    report, effective, found = loss_phase.examine(reader)
    findings += found
    wrong = gradient.failing(report, reader.floor, reader.implied)
    flipped = any(f.code == "sign_flip" for f in findings)
    paired = None
    if wrong and not flipped:  # the right gradient, given other labels or fewer samples
        paired = later.at_start(reader) or samples.skipped(reader, report)
    if paired:  # the gradient of the right loss, on labels paired with other inputs
        findings.append(paired)
    elif wrong and not flipped:
        finding = gradient.finding(report, wrong, len(reader.X), reader.lr)
        if reader.predict is None and reader.printed is not None:
            finding.evidence += f"\n{NO_PREDICT}"
        findings.append(finding)
    return report, effective, not wrong and not flipped


def _reconciled(reader, effective, findings):
    """Gradient and update judged together: a gradient of the opposite sign that the update
    adds (or an update that adds the gradient of a loss to maximise) is correct when the
    reader's own run reaches a solution. Removes those findings from `findings` then; returns
    (the summary that says so, that run's losses), or ("", None) when nothing was reconciled."""
    codes = {f.code for f in findings} & verify.WRONG_WAY
    if not codes or codes == {"sign_flip"}:
        return "", None
    if codes == {"update_climbs"} and reader.predict is None:
        return "", None  # a loss that rises may be one to maximise: only a solution tells
    solved, losses = runs.solves(reader, effective, reader.step)
    if not solved:
        return "", None
    findings[:] = [f for f in findings if f.code not in verify.WRONG_WAY]
    run = f"{verify.told(losses)}, every output on the right side" if reader.predict else ""
    run = run or f"{verify.told(losses)}, below half its start"
    if codes == {"update_climbs"}:
        return f"{MAXIMISED}, and it trains: {run}", losses
    return (
        "your gradient has the opposite sign and your update adds it: together they descend, "
        f"and it trains: {run}"
    ), losses


def _update_rule(reader, effective, findings, report):
    """A gradient read from the reader's update holds the update rule too. When it disagrees
    with the loss's slope in EVERY array (as momentum, an adaptive rate or clipping would; a
    wrong backward pass usually spares some array), or lies along it by a constant factor in
    some (a rate of their own), and the reader's own run reaches a solution, the doctor
    cannot tell a wrong backward pass from the update rule, and the code works: the gradient
    findings are removed. Returns (the summary that says so, the run), or
    ("", None) when nothing was removed."""
    codes = {f.code for f in findings} & GRADIENT
    every = len(report.failing) == len(report.checks)
    if not codes or not (every or codes == {"constant_scale"}):
        return "", None
    solved, losses = runs.solves(reader, effective, reader.step)
    if not solved and not every:
        return "", None
    if not solved:
        found = _unsolved(reader, effective, codes, report, losses)
        if found:
            findings[:] = [f for f in findings if f.code not in GRADIENT] + [found]
        return "", None
    findings[:] = [f for f in findings if f.code not in GRADIENT]
    run = f"{verify.told(losses)}, every output on the right side" if reader.predict else ""
    run = run or f"{verify.told(losses)}, below half its start"
    if not every:
        names = gradient.failing(report, reader.floor, reader.implied)
        return f"{_own_rates(report, names)}, and it trains: {run}", losses
    return (
        "your update does not step along the slope of your loss (momentum, an adaptive rate "
        f"or clipping would not), and it trains: {run}"
    ), losses


def _unsolved(reader, effective, codes, report, losses):
    """For a gradient read off an update that fails in every array (`codes` its findings'),
    when the reader's run (`losses`) does not solve: the finding that blames the update
    rule, or says what was checked, in place of the gradient findings; None to keep them."""
    same = _same_signs(report)
    if codes <= {"wrong_gradient", "data_factor"} and (same or _sizes(report)):
        return _textbook(reader, effective, losses, RULE_OR if same else SIGN_LOST)
    if _along_weights(report, reader.params):
        return _textbook(reader, effective, losses, WEIGHTS)
    if codes == {"zero_gradient"} and _no_step(report) and np.any(losses != losses[0]):
        return Finding.of("cannot_tell", f"{NO_FIRST_STEP}\nyour run: {verify.told(losses)}")
    if codes != {"constant_scale"}:
        return None
    if _tiny(report):
        return _tiny_steps(report)
    if _huge(report, len(reader.X)):
        return _huge_steps(report)
    return verify.update_rule(reader, effective, losses)  # a schedule scales every step too


def _textbook(reader, effective, losses, words):
    """The update rule blamed in `words`, when a textbook update with the loss's own gradient
    trains (`rule_or_gradient`); else what was checked ("cannot tell")."""
    told = f"{words}\nyour run: {verify.told(losses)}"
    checked, _ = steps.textbook(reader, effective, losses)
    code = "rule_or_gradient" if checked else "cannot_tell"
    return Finding.of(code, f"{told}\n{checked}" if checked else told)


WEIGHTS = (
    "your update steps along your weights themselves, not along the loss's slope: the weights "
    "stand where the gradient belongs, in your update rule (a velocity or decay built from "
    "the weights) or in the gradient it is given; check the update rule's formula first"
)

NO_FIRST_STEP = (
    "your first epoch takes no step in any array, yet your run moves the weights later: a "
    "rate that starts at 0 (a schedule's or a warm-up's first value) or an update skipped at "
    "the first epoch; no gradient can be read off a step of 0, so I cannot tell whether it is "
    "right: look at the rate your schedule gives each epoch first"
)

SIGN_LOST = (
    "your update keeps the size of the loss's slope in every entry but not its sign: an "
    "update rule that squares the gradient or takes its absolute value where the gradient "
    "itself belongs, or a wrong backward pass; check the update rule's formula first"
)


def _sizes(report):
    """Every entry of the gradient read off the update is the loss's slope in size, up to
    one factor (the absolute values lie along each other, cosine above 0.9999), while some
    signs differ: a rule that lost the sign (|g| or g**2 / |g| for g), not a slip of
    backprop's algebra, which changes sizes too."""
    a, n = (np.abs(v) for v in gradient.joined(report))
    cosine = a @ n / max(np.linalg.norm(a) * np.linalg.norm(n), 1e-300)
    return bool(cosine > 0.9999)  # pragma: no mutate (>= differs at = only)


def _along_weights(report, params):
    """The gradient read off the update lies along the weights `params` at the start (cosine
    above 0.9999 over every array; 0 where a weight is 0): a step built from the weights."""
    a = gradient.joined(report)[0]
    w = flatten(params[k] for k in report.checks)
    cosine = a @ w / max(np.linalg.norm(a) * np.linalg.norm(w), 1e-300)
    return bool(cosine > 0.9999)  # pragma: no mutate (>= differs at = only)


def _no_step(report):
    """Every entry of the gradient read off the update is exactly 0: the epoch took no step."""
    return all(not np.any(c.analytic) for c in report.checks.values())


def _huge(report, n):
    """Every array's gradient, read off the update, lies along the loss's slope at least
    1 / `TINY` times its length, by a factor that is not the number of samples `n` (a sum
    where the mean belongs): no other slip of backprop's algebra grows every array a
    thousandfold; a constant of the update (an epsilon it divides by alone) does."""
    checks = report.checks.values()
    along = all(c.cosine > 0.9999 and c.norm_ratio >= 1 / TINY for c in checks)
    return along and not any(abs(c.norm_ratio / n - 1) < 0.01 for c in checks)


def _huge_steps(report):
    """The "steps too large" finding for a uniformly huge gradient read off the update
    (`_huge`): the step is blamed; `verify.checked` tries smaller ones."""
    ratio = min(c.norm_ratio for c in report.checks.values())
    evidence = "\n".join(
        f"{k}: your update moves it {c.norm_ratio:.0e} times a gradient step at your rate"
        for k, c in report.checks.items()
    )
    detail = f" (about {ratio:.0e} times a gradient step at your rate, in every array)"
    return Finding.of("lr_too_large", evidence, detail, TINY_WHERE)


def _own_rates(report, names):
    """The arrays `names`, whose steps are a constant times the gradient step at the reader's
    rate, in words: a rate of their own (a per-layer rate; or a 1/n in some layers only)."""
    scaled = ", ".join(f"{k} {report[k].norm_ratio:.3g}x" for k in names)
    return (
        f"your update steps along the slope with a rate of their own for some arrays ({scaled}: "
        "a rate per layer, or a 1/n missing or doubled there)"
    )


TINY = 1e-3
"""A gradient read off the update that is at most this share of the loss's slope, along the
slope in every array, is a step that barely moves: no slip in backprop's algebra shrinks every
array a thousandfold; a rate, or a constant of the update (an optimiser's epsilon typed 1e8, a
clipping threshold), does."""

TINY_WHERE = (
    "the learning rate, and every constant your update multiplies or divides by (an "
    "optimiser's epsilon, a clipping threshold, a rate applied twice)"
)


def _tiny(report):
    """Every array's gradient, read off the update, lies along the loss's slope (cosine above
    0.9999) at most `TINY` of its length."""
    checks = report.checks.values()
    return all(c.cosine > 0.9999 and c.norm_ratio <= TINY for c in checks)


def _tiny_steps(report):
    """The "steps too small" finding for a uniformly tiny gradient read off the update
    (`_tiny`): the step, not the backward pass, is blamed; `verify.checked` tries it."""
    ratio = max(c.norm_ratio for c in report.checks.values())
    evidence = "\n".join(
        f"{k}: your update moves it {c.norm_ratio:.0e} of a gradient step at your rate"
        for k, c in report.checks.items()
    )
    detail = f" (about {ratio:.0e} of a gradient step at your rate, in every array)"
    return Finding.of("lr_too_small", evidence, detail, TINY_WHERE)


def _same_signs(report):
    """Every entry of the gradient read off the update has the sign of the loss's slope
    (entries above 1e-3 of the largest): the steps go downhill entry by entry, only not in
    proportion to the slope, as a per-entry rule (Adam, RMSprop, clipping) would."""
    a, n = gradient.joined(report)
    big = np.abs(n) > 1e-3 * np.abs(n).max()
    return bool(big.any() and np.all(np.sign(a[big]) == np.sign(n[big])))


def _rule(reader, effective, losses):
    """Is the reader's update rule the problem of a run (`losses`) that does not train with a
    right gradient? A later update that strays (`later`), else a change that verifies
    (`verify.update_rule`): the finding, or None."""
    return later.examine(reader, losses) or verify.update_rule(reader, effective, losses)


def _checked(reader, effective, findings, gradient_ok, losses=None):
    """Every finding whose advice can be tried, tried against the reader's run `losses`
    (`verify.checked`); a "cannot tell" is kept only when no other finding names a cause."""
    done = [verify.checked(reader, effective, f, gradient_ok, losses) for f in findings]
    if reader.predict is None:
        reason = "without predict I cannot check whether the outputs fit the data"
        done = [verify.undecided(f, reason) if f.code == "cannot_fit" else f for f in done]
    named = [f for f in done if f.code not in UNSURE]
    return named or done


def doctor(
    params,
    loss,
    grad,
    X,
    y,
    predict=None,
    step=None,
    lr=0.5,
    epochs=None,
    seed=0,
    notes=(),
    columns=None,
    implied=False,
):
    """Examine an implementation and return a `Diagnosis`.

    params: dict name -> array (copied, never modified; one flat vector works, with no units
    to compare); loss(params) -> float, the loss the reader prints on (X, y), by which every
    check and run is judged, or None to let the doctor find the standard loss the gradient
    belongs to (needs predict; for -1/+1 targets only squared errors, for several outputs
    softmax's cross-entropy, a BCE of each output or squared errors); grad(params) -> dict
    with the keys and shapes of params; X: (n, d_in), y: (n, k) the training data, any
    numeric dtype (used as float64); predict(params, X) -> (n, k) outputs computed from
    params, taken for the forward pass the gradient belongs to (refused only when they stay
    exactly the same with every parameter moved by up to 0.5 either way: any movement passes;
    enables the loss cross-check and the capacity checks); step(params,
    grads) -> new params, the reader's update rule (default: params - lr * grads; a step
    with state runs on copies, for the reader's run and scaled trials of it; plain gradient
    descent and Adam use grad and lr, so give lr as the step's rate); lr; epochs: the
    reader's number of training steps, calls of step (for one full-batch step per epoch, the
    reader's epochs; default: a 300-step probe; given, "too few steps" can be diagnosed);
    seed: every random draw of the doctor's, and numpy's global random state while the
    reader's code runs (stated in the report); notes: findings an adapter made
    (see `xorlab.adapt`); columns: the weights' layout where their shapes cannot tell it
    (square layers): True for (units, inputs), False for (inputs, units), None for both;
    implied: True when `grad` was read from the reader's update (`xorlab.adapt` sets it),
    which then holds the update rule too (momentum, an adaptive rate, clipping).
    """
    with seeded(seed):
        reader = read(params, loss, grad, X, y, predict, step, lr, epochs, seed)
        reader.implied = bool(implied)  # the gradient check's tolerance for the probe's error
        diagnosis = _examine(reader, list(notes), columns, implied)
    diagnosis.seed = seed
    return diagnosis


def _examine(reader, findings, columns, implied):
    """The phases of `doctor` on a `Reader`, after the adapter's `findings`: a `Diagnosis`."""
    far = verify.unreachable(reader) if implied else None
    if far:  # targets the outputs cannot reach: no gradient or rule is to blame
        return Diagnosis.of(findings + [far], None, None, "")
    if reader.predict is not None:  # outputs that never change: nothing else can matter
        fixed = capacity.constant(reader.params, reader.predict, reader.X)
        if fixed:
            return Diagnosis.of(findings + fixed, None, None, "")
    if implied:  # a gradient read off an update is one only if the update is a gradient step
        ruled = steps.examine(reader)
        if ruled:
            finding, note, run = ruled
            return Diagnosis.of(findings + ([finding] if finding else []), None, run, note)
    report, effective, gradient_ok = _gradient_phase(reader, findings)
    findings += update.climbs(reader.step, reader.params, reader.grads)
    note, run = _reconciled(reader, effective, findings)
    if implied and not note:
        note, run = _update_rule(reader, effective, findings, report)
    units = update.unit_axis(reader.params, reader.X.shape[1], reader.y.shape[1], columns)
    findings += update.symmetric(reader.params, reader.grads, units)
    if reader.predict is not None:
        findings += capacity.pinned(reader.params, reader.predict, reader.X, reader.y, reader.rng)
    first = reader.step(copy(reader.params), reader.grads)
    reshaped = update.reshaped(reader.params, first)
    if reshaped:
        losses = np.array([effective(reader.params)])
        return Diagnosis.of(findings + reshaped, report, losses, "")
    if note:  # the reader's run reached a solution: it is the run (a log-likelihood is < 0)
        return Diagnosis.of(findings, report, run, note)
    findings += loss_phase.impossible(reader, first)
    codes = [f.code for f in findings]
    losses, found, summary = training.examine(
        reader, effective, codes, gradient_ok, lambda run: _rule(reader, effective, run)
    )
    findings = _checked(reader, effective, findings + found, gradient_ok, losses)
    return Diagnosis.of(findings, report, losses, summary)


def adapt_mlp(net, X, y):
    """The keyword arguments `doctor` needs, for an `xorlab.MLP`: `doctor(**adapt_mlp(net, X, y))`.

    A template for your own code: each function swaps the given params into the model and
    calls it. X: (n, d_in), y: (n, k)."""

    def use(p):
        twin = net.copy()
        twin.params = p
        return twin

    return {
        "params": net.params,
        "loss": lambda p: use(p).loss(X, y),
        "grad": lambda p: use(p).gradients(X, y),
        "predict": lambda p, Z: use(p).forward(Z),
        "X": X,
        "y": y,
    }
