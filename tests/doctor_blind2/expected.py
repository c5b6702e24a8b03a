"""What the doctor should say about each program of this zoo, written with the programs and
before the doctor was run on any of them (kind names from tests/doctor_blind/run.py KINDS).

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
update, its state, the schedule, the dtype, the start, or the data's shape); blaming their
gradient is harmful advice.
"""

RIGHT = {
    "b_adam_no_sqrt": {"step_rule"},
    "b_adam_t_not_counted": {"step_rule", "state", "diverged"},
    "b_cached_forward_never_refreshed": {"stale", "state"},
    "b_clip_each_entry": {"lr_small", "step_rule"},
    "b_float16_weights": {"dtype"},
    "b_forward_transposed_w2": {"wrong", "data_factor"},
    "b_hidden_missing_mean": {"scale", "wrong"},
    "b_init_scale_too_large": {"stuck"},
    "b_leaky_relu_slopes_swapped": {"data_factor", "wrong"},
    "b_minibatch_index_slip": {"wrong", "data_factor", "labels"},
    "b_momentum_never_decays": {"step_rule", "state"},
    "b_rmsprop_divides_cache": {"step_rule"},
    "b_schedule_grows": {"lr_large", "diverged", "step_rule"},
    "b_schedule_halves_each_epoch": {"lr_small", "step_rule"},
    "b_shuffle_apart": {"labels", "wrong", "data_factor"},
    "b_sigmoid_deriv_of_z": {"data_factor", "wrong", "sign"},
    "b_target_index_slip": {"labels", "wrong", "data_factor"},
    "b_two_hidden_no_relu_mask": {"data_factor", "wrong"},
    "b_weight_decay_sign": {"wrong", "sign", "step_rule", "climbs"},
    # the gradient is that of the loss it prints (both broadcast y): the labels' shape is the bug
    "b_y_shape_broadcast": {"shape", "labels"},
}

GRADIENT_OK = {
    "b_adam_no_sqrt",
    "b_adam_t_not_counted",
    "b_cached_forward_never_refreshed",
    "b_clip_each_entry",
    "b_float16_weights",
    "b_init_scale_too_large",
    "b_momentum_never_decays",
    "b_rmsprop_divides_cache",
    "b_schedule_grows",
    "b_schedule_halves_each_epoch",
    "b_y_shape_broadcast",
}
