"""What the doctor should say about each program of this zoo (the eighth blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file, where tests/doctor_blind/run.py reads it.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
optimiser's formula or state, a schedule, the start or the data's dtype); blaming their
gradient is harmful advice.
"""

RIGHT = {
    # beta1 typed 9.0: m = 9 m - 8 g explodes, NaN: an optimiser formula slip
    "b_adam_beta1_typed_9": {"step_rule", "state", "diverged"},
    # m built from v (never negative): every weight only falls, an optimiser formula slip
    "b_adam_m_from_v_typo": {"step_rule", "state"},
    # v_max stays 0: every step is lr * m / 1e-8
    "b_amsgrad_min_for_max": {"step_rule", "state", "lr_large", "diverged"},
    # the update lands in an astype copy: nothing moves, a gradient read as exactly 0
    "b_astype_copy_never_stored": {"zero", "wrong", "step_rule"},
    # only the first batch (2 of 8 samples) is ever trained
    "b_batch_slice_rebinds_X": {"wrong", "data_factor", "zero"},
    # class 0's samples weighted negatively: the gradient of no loss the program prints
    "b_class_weight_sign_typo": {"wrong", "data_factor"},
    # the rate decays as DECAY**(t^2 / 2): gone within ~100 epochs
    "b_decay_compounds_exponent": {"step_rule", "state", "lr_small", "few_steps"},
    # param *= wd: the weights are wiped at every epoch, they move at rate 0
    "b_decay_factor_not_one_minus": {"step_rule", "state"},
    # every hidden unit identical (tiled column, zero biases, a constant W2)
    "b_init_tile_one_column": {"symmetric", "stuck"},
    # W1's step takes the previous sample's input
    "b_input_index_lags_one": {"wrong", "data_factor"},
    # dscores from log-probabilities
    "b_log_probs_for_probs_softmax": {"wrong", "data_factor"},
    # W1's step always takes sample 2's input (shadowed loop index)
    "b_loop_index_shadowed": {"wrong", "data_factor"},
    # the named rate is never read: the fallback 1e-4 is
    "b_lr_key_typo_default": {"step_rule", "lr_small", "few_steps"},
    # samples weighted 8**-(8 - i): the last one dominates each epoch's step
    "b_mean_divided_inside_sample_loop": {"wrong", "data_factor", "scale"},
    # targets are the network's own predictions
    "b_onehot_from_predictions": {"wrong", "data_factor", "labels"},
    # train folds the ones first, predict last: train's gradient belongs to other inputs
    "b_ones_column_side_mismatch": {"wrong", "data_factor"},
    # the rate halves at every improving epoch
    "b_plateau_schedule_condition_inverted": {"step_rule", "state", "lr_small", "few_steps"},
    # the ReLU mask is the biases' sign: W1 and b1 get exactly zero at the start
    "b_relu_mask_from_bias_not_z": {"zero", "wrong", "data_factor"},
    # inputs shuffled in place apart from their labels
    "b_shuffle_X_in_place": {"labels", "wrong", "data_factor"},
    # every target cast to 0
    "b_smoothed_targets_cast_to_int": {"wrong", "data_factor", "labels"},
    # sigmoid of |z|: out - y is not the gradient of this forward pass
    "b_stable_sigmoid_abs": {"wrong", "data_factor"},
    # the rate halves every epoch within each 500
    "b_step_schedule_modulo_for_floordiv": {"step_rule", "state", "lr_small", "few_steps"},
    # ~y = -1 - y on integer targets: every output pushed up
    "b_tilde_for_one_minus": {"wrong", "data_factor"},
    # uint8 X - 128 wraps: inputs 1.0 and 0.99, nothing separates the classes in time
    "b_uint8_centering_wraps": {"dtype", "not_fit"},
}

GRADIENT_OK = {
    "b_adam_beta1_typed_9",
    "b_adam_m_from_v_typo",
    "b_amsgrad_min_for_max",
    "b_decay_compounds_exponent",
    "b_decay_factor_not_one_minus",
    "b_init_tile_one_column",
    "b_lr_key_typo_default",
    "b_plateau_schedule_condition_inverted",
    "b_step_schedule_modulo_for_floordiv",
    "b_uint8_centering_wraps",
}
