"""The exercises' self-checks, public as `xl.checks`: call one on your answer; it says whether it
is right and, if not, why. Each returns a `Feedback`, which prints as a short message and is
truthy when correct.

`guard` (reading and calling the answer, refusing xorlab's own functions, the verdict),
`references` (small networks written independently of `MLP`, finite differences), `gradients`
(a learner's gradients and steps against those), `variants` (each student's own numbers),
then one module per chapter, by its slug.
The guard goes on each check here, at the public door: the chapter modules hold plain functions
that raise `Refused` (so a mutation tester, which skips decorated functions, reaches them).
"""

from . import (
    chain_rule,
    field_guide,
    guard,
    no_bias,
    rising_cost,
    sigmoid_vs_tanh,
    stuck_at_half,
    xor_done_right,
)
from .guard import Feedback, guarded
from .variants import VariantError, graded_numbers, my_numbers, numbers_for

check_number = guarded(guard.check_number)
check_sample_gradients = guarded(chain_rule.check_sample_gradients)
check_sample_step = guarded(chain_rule.check_sample_step)
check_fixed_epoch = guarded(chain_rule.check_fixed_epoch)
check_sign_test = guarded(chain_rule.check_sign_test)
check_order_p = guarded(chain_rule.check_order_p)
check_sum_factor = guarded(field_guide.check_sum_factor)
check_sign_flip = guarded(field_guide.check_sign_flip)
check_sign_flip_w2 = guarded(field_guide.check_sign_flip_w2)
check_adapter = guarded(field_guide.check_adapter)
check_f0 = guarded(no_bias.check_f0)
check_pm_one_infimum = guarded(no_bias.check_pm_one_infimum)
check_identity_params = guarded(no_bias.check_identity_params)
check_bias_free_choices = guarded(no_bias.check_bias_free_choices)
check_climb_step = guarded(no_bias.check_climb_step)
check_bias_free_weights = guarded(no_bias.check_bias_free_weights)
check_step_signs = guarded(rising_cost.check_step_signs)
check_dL_dp = guarded(rising_cost.check_dL_dp)
check_sum_lr = guarded(rising_cost.check_sum_lr)
check_y_flip_surrogate = guarded(rising_cost.check_y_flip_surrogate)
check_xor_recipe = guarded(rising_cost.check_xor_recipe)
check_rising_cost_step = guarded(rising_cost.check_rising_cost_step)
check_grad_check = guarded(rising_cost.check_grad_check)
check_wrong_arrays = guarded(rising_cost.check_wrong_arrays)
planted_backward = rising_cost.planted_backward
check_tanh_derivative = guarded(sigmoid_vs_tanh.check_tanh_derivative)
check_chain_bound = guarded(sigmoid_vs_tanh.check_chain_bound)
check_missing_factor = guarded(sigmoid_vs_tanh.check_missing_factor)
check_tanh_step = guarded(sigmoid_vs_tanh.check_tanh_step)
check_saturation_share = guarded(sigmoid_vs_tanh.check_saturation_share)
check_share_after = guarded(sigmoid_vs_tanh.check_share_after)
check_no_bias_floor = guarded(stuck_at_half.check_no_bias_floor)
check_dead_at_init = guarded(stuck_at_half.check_dead_at_init)
check_output_delta = guarded(stuck_at_half.check_output_delta)
check_relu_xor_design = guarded(stuck_at_half.check_relu_xor_design)
check_stuck_step = guarded(stuck_at_half.check_stuck_step)
check_census = guarded(stuck_at_half.check_census)
check_bce_grad = guarded(xor_done_right.check_bce_grad)
check_b2_gradient = guarded(xor_done_right.check_b2_gradient)
check_backward = guarded(xor_done_right.check_backward)
check_fixed_grads = guarded(xor_done_right.check_fixed_grads)
check_xor_weights = guarded(xor_done_right.check_xor_weights)

__all__ = [
    "Feedback",
    "VariantError",
    "check_adapter",
    "check_b2_gradient",
    "check_backward",
    "check_bce_grad",
    "check_bias_free_choices",
    "check_bias_free_weights",
    "check_census",
    "check_chain_bound",
    "check_dL_dp",
    "check_climb_step",
    "check_dead_at_init",
    "check_f0",
    "check_fixed_grads",
    "check_grad_check",
    "check_fixed_epoch",
    "check_identity_params",
    "check_missing_factor",
    "check_no_bias_floor",
    "check_number",
    "check_order_p",
    "check_output_delta",
    "check_pm_one_infimum",
    "check_relu_xor_design",
    "check_rising_cost_step",
    "check_sample_gradients",
    "check_saturation_share",
    "check_sample_step",
    "check_share_after",
    "check_sign_flip",
    "check_sign_flip_w2",
    "check_sign_test",
    "check_step_signs",
    "check_stuck_step",
    "check_sum_factor",
    "check_sum_lr",
    "check_tanh_derivative",
    "check_tanh_step",
    "check_xor_recipe",
    "check_xor_weights",
    "check_wrong_arrays",
    "check_y_flip_surrogate",
    "graded_numbers",
    "my_numbers",
    "planted_backward",
    "numbers_for",
]
