"""Self-checks of the chapter "Two hidden sigmoid units vs tanh" (case-sigmoid-vs-tanh): tanh's
derivative from its output, the two-sigmoid bound, the factor a dropped derivative costs, and
one corrected step of the question's program."""

import numpy as np

from .gradients import check_step_function
from .guard import Feedback, as_array, call, judge_number
from .references import Program, squared_error, two_layer_shapes


def check_tanh_derivative(fn):
    """Check `fn(a)` returns tanh's derivative written in terms of its output a = tanh(z)."""
    a = np.linspace(-0.95, 0.95, 9)  # pragma: no mutate
    got = as_array(call(fn, (a,), "your function"), a.shape, "its result")
    if np.allclose(got, 1 - a**2):
        return Feedback(True, "it gives tanh'(z) from the output a alone.")
    if np.allclose(got, a * (1 - a)):
        return Feedback(False, "a (1 - a) is the sigmoid's derivative; it is negative for a < 0.")
    if np.allclose(got, 1 - np.tanh(a) ** 2):
        return Feedback(
            False, "a is already tanh(z); applying tanh again gives tanh'(a), not tanh'(z)."
        )
    return Feedback(False, "differentiate tanh(z) and write the result with a = tanh(z).")


def check_chain_bound(value):
    """Check the largest factor that an output sigmoid and a hidden sigmoid, together, can
    put on a gradient reaching the first layer."""
    return judge_number(
        value,
        1 / 16,
        "the bound",
        "the two largest slopes multiply.",
        "Take each sigmoid derivative's maximum and combine them as the chain rule does.",
        [
            (1 / 4, "that is one sigmoid's bound; the gradient passes through two."),
            (1 / 2, "the chain rule multiplies the derivatives; it does not add them."),
        ],
        rtol=1e-6,
    )


def check_missing_factor(value):
    """The factor by which `missing_output_derivative` makes the first-layer gradient too large
    when every output is p = 0.5."""
    return judge_number(
        value,
        4.0,
        "the factor",
        "it matches the factor the bug drops, inverted.",
        "Which factor does the bug leave out, and what is it at p = 0.5?",
        [(0.25, "that is the factor left out; the gradient is too large by its inverse.")],
    )


def check_tanh_step(fn):
    """Check `fn(params, X, y, lr, hidden) -> new params`: one corrected step of the question's
    program, hidden "sigmoid" or "tanh", sigmoid output, loss sum((y - out)^2) (no 1/n);
    params W1 (2, h), b1 (h,), W2 (h, 1), b2 (1,)."""
    for hidden in ("tanh", "sigmoid"):
        program = Program(two_layer_shapes, squared_error(hidden), mean=False)
        lr = 0.1  # pragma: no mutate (probe data: a right step follows any rate)
        failed = check_step_function(fn, program, "your fixed_step", lr, (hidden,))
        if failed is not None:
            return Feedback(False, f"hidden={hidden!r}: {failed.message}")
    return Feedback(True, "each step is gradient descent on the squared error, tanh and sigmoid.")
