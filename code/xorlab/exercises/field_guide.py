"""Self-checks of the chapter "Field guide: when your own network will not learn"
(field-guide): the factor the doctor reports for a sum, a planted sign flip the doctor must
find, and an adapter through which it finds a correct network healthy."""

import numpy as np

from ..doctor.report import doctor
from .guard import Feedback, Refused, describe, judge_number


def check_sum_factor(value, n=4):
    """The factor the doctor reports when a gradient sums over the n samples a mean-loss's
    gradient averages over: yours / true."""
    return judge_number(
        value,
        n,
        "the factor",
        "it matches the doctor's constant factor.",
        "How does a sum of n terms relate to their mean?",
        [
            (1 / n, "that is true / yours; the doctor reports yours / true, and yours is larger."),
            (1.0, "a ratio of 1 means no error; the sum is not the mean."),
        ],
        rtol=1e-6,
    )


def _doctor(case):
    """The doctor's diagnosis of the keyword arguments `case`, or `Refused` if it cannot run."""
    try:
        return doctor(**case)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        raise Refused(f"the doctor could not run it: {type(exc).__name__}: {exc}") from None


def check_sign_flip_w2(case):
    """Check doctor keyword arguments `case` whose gradient makes the doctor report one
    finding: a sign flip in W2 and in no other array."""
    if not isinstance(case, dict):
        return Feedback(
            False, f"pass the dict of doctor's keyword arguments, got {describe(case)}."
        )
    diagnosis = _doctor(case)
    if diagnosis.codes == ["sign_flip"] and diagnosis.findings[0].title.endswith(" in W2"):
        return Feedback(True, "the doctor reports a sign flip in W2 and nothing else.")
    if diagnosis.healthy:
        return Feedback(False, "the doctor found nothing: your gradient is still the true one.")
    if "sign_flip" in diagnosis.codes:
        return Feedback(False, f"a sign flip, but not in W2 alone: {diagnosis.findings[0].title}.")
    titles = "; ".join(f.title for f in diagnosis.findings)
    return Feedback(False, f"the doctor found something else: {titles}.")


def _unhealthy_adapter(codes, findings):
    """The feedback on an adapter through which the doctor reports `codes` (a set)."""
    if "constant_scale" in codes:
        why = "the implied gradient is off by a constant: pass implied_gradient the same lr"
        return Feedback(False, why + " the update uses.")
    if "sign_flip" in codes or "update_climbs" in codes:
        return Feedback(False, "the gradient points uphill: it is (before - after) / lr.")
    if codes & {"wrong_gradient", "data_factor", "zero_gradient"}:
        return Feedback(
            False,
            "loss and grad disagree: do both read the params they are given, through the same "
            "network?",
        )
    return Feedback(False, f"the doctor reports: {findings[0].title}.")


def check_adapter(adapter):
    """Check an adapter for class-based code: doctor keyword arguments `adapter` (params, loss,
    grad, X, y, and predict) for a *correct* network, which the doctor must find healthy
    without the adapter changing the params."""
    needed = ("params", "loss", "grad", "predict", "X", "y")
    if not isinstance(adapter, dict) or any(k not in adapter for k in needed):
        return Feedback(False, f"the adapter must be a dict with the keys {list(needed)}.")
    if not isinstance(adapter["params"], dict):
        return Feedback(False, "adapter['params'] must be a dict of arrays.")
    before = {k: np.array(v, dtype=float, copy=True) for k, v in adapter["params"].items()}
    diagnosis = _doctor(adapter)
    if any(not np.array_equal(before[k], adapter["params"][k]) for k in before):
        return Feedback(False, "the params changed: let the update work on a copy of the net.")
    if diagnosis.healthy:
        return Feedback(True, "the doctor finds the network healthy through your adapter.")
    return _unhealthy_adapter(set(diagnosis.codes), diagnosis.findings)
