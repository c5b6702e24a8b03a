"""What the doctor should say about each program of this zoo (the fifth blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file, where tests/doctor_blind/run.py reads it.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
optimiser's formula or state, a schedule, the rate, the targets, the start or the model);
blaming their gradient is harmful advice.
"""

RIGHT = {
    # the counter never reaches 4: no step is ever taken, the update read is exactly 0
    "b_accum_counter_reset": {"zero", "step_rule", "state"},
    # 1 - 0.9**0 = 0 at the first step: NaN weights after one update, at any rate
    "b_adam_t_incremented_late": {"step_rule", "state", "diverged"},
    # u ~ 0 where g < 0: huge per-entry steps; the gradient is right
    "b_adamax_forgets_abs": {"step_rule", "state", "diverged"},
    # each weight gradient uses another layer's input
    "b_backward_zip_misaligned": {"wrong", "data_factor"},
    # the slope below 0 is negative: those units' entries point the wrong way
    "b_elu_derivative_uses_elu": {"wrong", "data_factor", "sign"},
    # a broadcasting slip with 1-D arrays (n = hidden width)
    "b_err_times_w2_no_newaxis": {"wrong", "data_factor", "shape"},
    # forward uses W1 twice: W2's true slope is 0, the backward pass gives it one
    "b_forward_reuses_w1": {"wrong", "data_factor"},
    # W1 and b1 point exactly the wrong way, W2 and b2 are right
    "b_hidden_error_other_sign": {"sign", "wrong", "data_factor"},
    # lr0 / sqrt(0) = inf: NaN after one update, at any starting rate
    "b_inv_sqrt_schedule_from_zero": {"step_rule", "state", "diverged"},
    # the update is the BCE gradient plus 1.0 W, the printed loss is the BCE alone
    "b_l2_lambda_typed_1": {"wrong", "data_factor", "printed_loss"},
    "b_lr_typed_1e5": {"lr_small"},
    # 20 epochs run; the doctor is told 20
    "b_range_step_for_printing": {"few_steps"},
    # outputs >= 0 cannot reach -1: output units dead on the -1 targets
    "b_relu_output_negative_targets": {"not_fit", "stuck"},
    # sqrt of a negative cache: NaN weights within the first updates
    "b_rmsprop_cache_not_squared": {"step_rule", "state", "diverged"},
    # every hidden unit identical from the start: one unit in effect
    "b_seed_inside_init_loop": {"symmetric", "not_fit"},
    # the gradient is the cross-entropy against labels smoothed with s = 0.9
    "b_smoothing_typed_09": {"labels", "printed_loss", "not_fit"},
    # the probabilities are not the softmax the gradient P - Y belongs to
    "b_softmax_shift_column_max": {"wrong", "data_factor"},
    "b_softplus_derivative_itself": {"wrong", "data_factor"},
    # training sees x = 0 for every sample: W1's update is exactly 0
    "b_standardize_each_sample": {"zero", "wrong", "data_factor"},
    # targets 0/255 for a sigmoid output: the model cannot represent them
    "b_targets_0_255": {"labels", "not_fit"},
    # every entry T^2 = 0.01 times the true gradient
    "b_temperature_chain_inverted": {"scale"},
    # error 0 for every sample on its side of 0.5, a step of 1 otherwise
    "b_thresholded_error": {"wrong", "data_factor", "zero"},
    # W1's gradient entries permuted
    "b_unpack_order_mismatch": {"wrong", "data_factor"},
    # one sample's gradient per epoch
    "b_update_dedented_last_sample": {"wrong", "data_factor"},
}

GRADIENT_OK = {
    "b_adam_t_incremented_late",
    "b_adamax_forgets_abs",
    "b_inv_sqrt_schedule_from_zero",
    "b_lr_typed_1e5",
    "b_range_step_for_printing",
    "b_relu_output_negative_targets",
    "b_rmsprop_cache_not_squared",
    "b_seed_inside_init_loop",
    "b_targets_0_255",
}
