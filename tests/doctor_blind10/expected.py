"""What the doctor should say about each program of this zoo (the tenth blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file, where tests/doctor_blind/run.py reads it.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
optimiser's formula or state, a schedule, the start or the data); blaming their gradient is
harmful advice.
"""

RIGHT = {
    # the per-epoch accumulators alias stored zero arrays: `+=` fills them, never reset
    "b_accum_reset_to_aliased_zeros": {"state", "step_rule", "lr_large", "diverged"},
    # the epoch's summed gradient divided by every sample seen so far: steps shrink as 1/t
    "b_accum_divided_by_samples_seen": {"state", "step_rule", "lr_small", "few_steps"},
    # AdaGrad's accumulator assigned (=) instead of added to (+=): a full sign step each epoch
    "b_adagrad_cache_assigned_not_added": {"step_rule", "state", "lr_large"},
    # Adam's step counter held in int8: wraps to -128, the bias corrections go negative, NaN
    "b_adam_counter_int8_wraps": {"step_rule", "state", "diverged", "dtype"},
    # backward keeps its gradients in a local dict; step reads the zeros of __init__
    "b_backward_grads_never_stored": {"zero", "wrong"},
    # a helper seeded with the stored int seed per batch: the same two samples every time
    "b_batch_draw_given_seed_not_generator": {"wrong", "data_factor", "zero"},
    # BCE's dL/dout written -y / out: the (1 - y) / (1 - out) term is missing
    "b_bce_grad_drops_negative_term": {"wrong", "data_factor"},
    # dL/dout with y and 1 - y swapped: the gradient of the BCE against 1 - y
    "b_bce_targets_complemented_in_grad": {"wrong", "data_factor", "sign", "climbs"},
    # the output delta from the cached logit, not the output
    "b_delta_from_logit_not_output": {"wrong", "data_factor"},
    # `self.W1 =- self.lr * dW1`: W1 replaced by minus its step at every epoch
    "b_equals_minus_typo_w1": {"step_rule", "state", "zero", "wrong"},
    # a feature-row table reshaped to (n, 2) instead of transposed: inputs scrambled
    "b_feature_rows_reshaped_not_transposed": {"labels", "not_fit"},
    # w2 = self.W2.flatten() is a copy: the output weights never move
    "b_flatten_copy_output_weights": {"zero", "wrong"},
    # (out - y) // len(X): floor division, -1 or 0 per sample
    "b_floor_division_in_delta": {"wrong", "data_factor"},
    # slope = self.h, then `slope *=`: the cache becomes h(1 - h), used for dW2
    "b_inplace_slope_overwrites_hidden_cache": {"wrong", "data_factor"},
    # mirrored XOR copies keep their labels: each mirrored input has the opposite label
    "b_mirror_augmentation_keeps_labels": {"labels", "not_fit"},
    # reduce-on-plateau whose best loss starts at 0.0: the rate halves every 5 epochs
    "b_plateau_best_loss_starts_zero": {"step_rule", "state", "lr_small", "few_steps"},
    # the ReLU mask from h >= 0: 1 everywhere, dead units get a linear unit's gradient
    "b_relu_mask_from_h_nonnegative": {"wrong", "data_factor"},
    # np.sort(X, axis=0) sorts each column alone: points re-paired, labels left in place
    "b_sort_axis0_scrambles_pairs": {"labels", "not_fit"},
    # momentum velocities start as copies of the weights: the update moves at rate 0
    "b_velocity_init_copies_weights": {"step_rule", "state", "lr_large"},
    # np.zeros_like of integer inputs: the standardised inputs are truncated to ints
    "b_zeros_like_int_inputs_standardized": {"dtype", "not_fit"},
}

GRADIENT_OK = {
    "b_accum_reset_to_aliased_zeros",
    "b_accum_divided_by_samples_seen",
    "b_adagrad_cache_assigned_not_added",
    "b_adam_counter_int8_wraps",
    "b_feature_rows_reshaped_not_transposed",
    "b_mirror_augmentation_keeps_labels",
    "b_plateau_best_loss_starts_zero",
    "b_sort_axis0_scrambles_pairs",
    "b_velocity_init_copies_weights",
    "b_zeros_like_int_inputs_standardized",
}
