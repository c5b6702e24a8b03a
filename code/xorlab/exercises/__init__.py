"""The exercises' self-checks, public as `xl.checks`: call one on your answer; it says whether it
is right and, if not, why. Each returns a `Feedback`, which prints as a short message and is
truthy when correct.

`guard` (reading and calling the answer, refusing xorlab's own functions, the verdict),
`references` (small networks written independently of `MLP`, finite differences), `gradients`
(a learner's gradients and steps against those), then one module per chapter, by its slug.
"""

from .chain_rule import check_fixed_epoch, check_sample_gradients, check_sample_step
from .field_guide import check_adapter, check_sign_flip_w2, check_sum_factor
from .guard import Feedback, check_number
from .no_bias import (
    check_bias_free_choices,
    check_climb_step,
    check_f0,
    check_identity_params,
    check_pm_one_infimum,
)
from .rising_cost import (
    check_rising_cost_step,
    check_step_signs,
    check_sum_lr,
    check_xor_recipe,
    check_y_flip_surrogate,
)
from .sigmoid_vs_tanh import (
    check_chain_bound,
    check_missing_factor,
    check_tanh_derivative,
    check_tanh_step,
)
from .stuck_at_half import (
    check_dead_at_init,
    check_no_bias_floor,
    check_output_delta,
    check_relu_xor_design,
    check_stuck_step,
)
from .xor_done_right import check_b2_gradient, check_backward, check_bce_grad, check_xor_weights

__all__ = [
    "Feedback",
    "check_adapter",
    "check_b2_gradient",
    "check_backward",
    "check_bce_grad",
    "check_bias_free_choices",
    "check_chain_bound",
    "check_climb_step",
    "check_dead_at_init",
    "check_f0",
    "check_fixed_epoch",
    "check_identity_params",
    "check_missing_factor",
    "check_no_bias_floor",
    "check_number",
    "check_output_delta",
    "check_pm_one_infimum",
    "check_relu_xor_design",
    "check_rising_cost_step",
    "check_sample_gradients",
    "check_sample_step",
    "check_sign_flip_w2",
    "check_step_signs",
    "check_stuck_step",
    "check_sum_factor",
    "check_sum_lr",
    "check_tanh_derivative",
    "check_tanh_step",
    "check_xor_recipe",
    "check_xor_weights",
    "check_y_flip_surrogate",
]
