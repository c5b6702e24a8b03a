"""What the doctor should say about each program of this zoo (the ninth blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file, where tests/doctor_blind/run.py reads it.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
optimiser's formula or state, a schedule, the start or the data); blaming their gradient is
harmful advice.
"""

RIGHT = {
    # m_hat / sqrt(m_hat): the square root of a negative moment is NaN
    "b_adam_sqrt_of_mhat": {"step_rule", "state", "diverged"},
    # dL/dout written -(out / y): a division by the 0 targets, the gradient is not finite
    "b_bce_dout_swapped": {"wrong", "data_factor", "diverged"},
    # the whole data table centred, targets too: -0.5 and 0.5 for a sigmoid output
    "b_centered_table_includes_targets": {"labels", "not_fit"},
    # len(X) of a (d, n) array is d: samples 2 and 3 never reach the update
    "b_columns_loop_len_X": {"wrong", "data_factor", "zero"},
    # a triangle schedule without its modulo: the rate turns negative after one cycle
    "b_cyclic_schedule_no_modulo": {"climbs", "step_rule", "state", "lr_large", "diverged"},
    # `@` for `*` with the tanh slope: (4, 4) @ (4, 4) mixes the samples, no error
    "b_matmul_for_elementwise_slope": {"wrong", "data_factor"},
    # X = data[:, :1]: the second input never reaches the network, XOR cannot be fitted
    "b_input_column_slice_drops_x2": {"not_fit", "linear"},
    # lr0 / 1 + k * t: the rate grows every epoch until the run diverges
    "b_inverse_time_decay_precedence": {"step_rule", "state", "lr_large", "diverged"},
    # a step schedule's factor cast to int with its period: int(0.5) == 0, the rate is 0
    # from epoch 100 on
    "b_gamma_cast_int_with_step": {"lr_small", "step_rule", "few_steps", "state"},
    # the velocity built from the weights for the gradient: the weights only shrink
    "b_momentum_uses_weights_not_grads": {"step_rule", "state"},
    # np.mean of a list of per-sample gradients without an axis: one number per array
    "b_np_mean_list_without_axis": {"wrong", "data_factor", "step_rule"},
    # the separate predict method forgets the hidden biases the training uses
    "b_predict_method_forgets_b1": {"wrong", "data_factor"},
    # RMSProp multiplies by sqrt(cache): steps of order g**2, far too small
    "b_rmsprop_times_sqrt_cache": {"step_rule", "state", "lr_small", "few_steps"},
    # the output delta from rounded outputs: zero once a sample is on its side
    "b_rounded_output_in_delta": {"wrong", "data_factor", "zero"},
    # p = p.copy() then p[k] = ...: the caller's dict never changes
    "b_shallow_copy_rebinds_keys": {"zero", "wrong", "step_rule"},
    # rng.integers(0, n - 1): the high end is exclusive, the last sample is never drawn
    "b_random_batch_high_exclusive": {"wrong", "data_factor", "zero"},
    # the cross-entropy gradient divided by the probabilities: the gradient of no loss
    "b_softmax_grad_divided_by_probs": {"wrong", "data_factor"},
    # (1 + t) ** -2 for ** -0.5: the rate is gone within a few epochs
    "b_sqrt_schedule_exponent_typo": {"step_rule", "state", "lr_small", "few_steps"},
    # np.tan for np.tanh in the forward pass, tanh's derivative in the backward pass
    "b_tan_for_tanh": {"wrong", "data_factor", "sign"},
    # `*` for `@` in the hidden delta of a square 4-4-4 encoder: elementwise, no error
    "b_star_for_matmul_square_backward": {"wrong", "data_factor"},
    # np.tile for the inputs, np.repeat for the labels: the copies are paired apart
    "b_tile_inputs_repeat_labels": {"labels", "not_fit"},
    # the hidden weights' update lands in self.w1: W1 never moves
    "b_attr_case_typo_w1": {"zero", "wrong"},
    # the updates indented under `if self.t % 100 == 0:`: one step in a hundred epochs
    "b_update_indented_under_log": {"state", "step_rule", "lr_small", "few_steps"},
    # uniform(-limit, -limit): every weight the same number, every unit alike
    "b_xavier_limit_minus_twice": {"symmetric", "stuck"},
}

GRADIENT_OK = {
    "b_adam_sqrt_of_mhat",
    "b_centered_table_includes_targets",
    "b_cyclic_schedule_no_modulo",
    "b_input_column_slice_drops_x2",
    "b_inverse_time_decay_precedence",
    "b_gamma_cast_int_with_step",
    "b_momentum_uses_weights_not_grads",
    "b_rmsprop_times_sqrt_cache",
    "b_sqrt_schedule_exponent_typo",
    "b_tile_inputs_repeat_labels",
    "b_update_indented_under_log",
    "b_xavier_limit_minus_twice",
}
