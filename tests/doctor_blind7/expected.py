"""What the doctor should say about each program of this zoo (the seventh blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file, where tests/doctor_blind/run.py reads it.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
optimiser's formula or state, a schedule, the start, the model or the data); blaming their
gradient is harmful advice.
"""

RIGHT = {
    # v grows by (1 - b2) * 2 g, negative for g < 0: sqrt(v) is NaN, an optimiser formula slip
    "b_adam_g_times_2_not_squared": {"step_rule", "state", "diverged"},
    # Adam without its rate: every weight steps by about 1, whatever lr is
    "b_adam_step_forgets_lr": {"step_rule", "lr_large", "diverged"},
    # np.dot(d1, x) is one number: every entry of W1 gets the same step
    "b_dot_instead_of_outer_per_sample": {"wrong", "data_factor"},
    # inputs paired with the targets of other samples each epoch
    "b_enumerate_index_mixup": {"labels", "wrong", "data_factor"},
    # -1 in every entry of the score gradient: P - 1 for P - Y
    "b_fancy_index_all_rows": {"wrong", "data_factor"},
    # the data the net is given: both classes share inputs, nothing can fit it
    "b_floor_division_scaling": {"labels", "not_fit"},
    # (out - y)**2 (1 - (out - y)) for (out - y) out (1 - out): wrong sign for targets 1
    "b_inplace_delta_aliases_output": {"wrong", "data_factor", "sign"},
    # the rate is 1e-4 from the second epoch: a schedule slip
    "b_lr_floor_min_not_max": {"step_rule", "state", "lr_small", "few_steps"},
    # batches 0-1 and 1-2: sample 3 never trained, sample 1 twice
    "b_minibatch_range_count_not_step": {"wrong", "data_factor"},
    # the update is lr**2 * velocity: steps a tenth of the intended size (lr 0.1)
    "b_momentum_lr_applied_twice": {"step_rule", "lr_small", "few_steps"},
    # outputs within 0.0025 of 0.5 whatever the weights; the backward ignores the clip
    "b_overflow_clip_exponent_sign": {"wrong", "data_factor", "stuck"},
    # the ReLU gradient flows where units are off and is cut where they are on
    "b_relu_mask_inverted": {"wrong", "data_factor", "zero"},
    # the forward is min(0, z), the backward the ReLU mask z > 0
    "b_relu_forward_uses_minimum": {"wrong", "data_factor", "zero"},
    # the mask follows the gradient's sign, not the units
    "b_relu_mask_on_gradient_sign": {"wrong", "data_factor", "zero"},
    # a1 * 1 - a1 = 0: W1 and b1 get exactly zero
    "b_sigmoid_deriv_precedence": {"zero", "wrong", "stuck"},
    # y (1 - y) = 0: every gradient is zero
    "b_slope_at_target_not_output": {"zero", "wrong", "stuck"},
    # 1 - X**2: zero in the ones column and wherever an input is 1
    "b_slope_from_inputs_not_hidden": {"wrong", "data_factor", "zero"},
    # train's gradient belongs to standardised inputs, predict's outputs to raw ones
    "b_standardized_in_train_only": {"wrong", "data_factor"},
    # clipping the weights to [-1, 1]: the update rule, the model cannot reach the targets
    "b_clip_weights_not_gradients": {"step_rule", "not_fit"},
    # each epoch's step is the last sample's gradient only
    "b_update_uses_last_sample_not_sum": {"wrong", "data_factor"},
    # only the output bias moves: W1, W2 and b1 updates are exactly 0
    "b_update_dedented_last_param": {"zero", "wrong"},
    # velocities are the weights themselves: each step about doubles every weight
    "b_velocity_aliases_weights": {"step_rule", "state", "diverged"},
    # dW2 from z1 for a1
    "b_w2_grad_uses_preactivation": {"wrong", "data_factor"},
    # the targets become the inverse permutation
    "b_labels_argmax_wrong_axis": {"labels", "wrong", "data_factor"},
}

GRADIENT_OK = {
    "b_adam_g_times_2_not_squared",
    "b_adam_step_forgets_lr",
    "b_clip_weights_not_gradients",
    "b_floor_division_scaling",
    "b_lr_floor_min_not_max",
    "b_momentum_lr_applied_twice",
    "b_velocity_aliases_weights",
}
