"""What the doctor should say about each program of this zoo (the fourth blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file, where tests/doctor_blind/run.py reads it.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
optimiser's formula or state, the initial scale, or the model's size); blaming their gradient
is harmful advice.
"""

RIGHT = {
    # beta1 = 0.999, beta2 = 0.9: a per-entry rule that overshoots; the gradient is right
    "b_adam_betas_swapped": {"step_rule", "state"},
    # the corrections compound in the stored moments: v -> inf, steps -> 0
    "b_adam_correction_in_place": {"step_rule", "state"},
    # eps = 1e8: every step ~1e-8 of Adam's; "rate too small" is fair (the step is tiny)
    "b_adam_eps_typo": {"step_rule", "lr_small"},
    # right at the start (cos 0 = 1), the rate turns negative after half the epochs
    "b_cosine_schedule_negative": {"state", "step_rule"},
    # W1's gradient goes back through the wrong rows of W2
    "b_folded_bias_slice_wrong_end": {"wrong", "data_factor"},
    # a factor out (1 - out) per sample; both outputs start below 0, where it is negative,
    # so at the start the gradient points the wrong way and the steps climb
    "b_identity_output_sigmoid_slope": {"data_factor", "wrong", "sign", "climbs"},
    "b_init_hundredth_plateau": {"plateau"},
    # nothing moves: the gradient read from the update is exactly 0 in every array
    "b_loop_rebinds_not_updates": {"zero", "step_rule"},
    "b_one_hidden_unit": {"not_fit"},
    # -1 targets for a sigmoid output: unreachable; BCE's formula with y = -1 can go below 0
    "b_pm1_targets_sigmoid": {"labels", "not_fit", "printed_loss", "wrong", "data_factor"},
    # training is right; predict (the loss the doctor checks against) has no hidden tanh
    "b_predict_forgets_activation": {"wrong", "data_factor", "printed_loss", "linear"},
    # a mask from X @ W1 without b1: some entries 0 where the slope is not, others not 0
    "b_relu_mask_without_bias": {"wrong", "data_factor", "zero"},
    "b_relu_on_output_logit": {"wrong", "data_factor"},
    # the update is the gradient of the loss on scrambled inputs
    "b_reshape_for_transpose": {"wrong", "data_factor", "labels", "shape"},
    # 0 / 0 at the first sample: NaN weights after one update, the gradient is right
    "b_rmsprop_no_epsilon": {"step_rule", "state", "diverged"},
    # tiny_rate // 1 = 0: the update the adapter reads is exactly 0
    "b_schedule_floor_division": {"zero", "step_rule", "state"},
    "b_sigmoid_applied_twice": {"data_factor", "wrong"},
    "b_softmax_diag_only": {"wrong", "data_factor"},
    # for z < 0 the loss's slope has the other sign than p - y
    "b_stable_sigmoid_branch_typo": {"wrong", "data_factor", "sign"},
    "b_two_hidden_masks_swapped": {"wrong", "data_factor", "zero"},
    "b_two_hidden_skips_layer": {"wrong", "data_factor"},
    # -y of uint8 wraps to 255: the positives' delta has the wrong sign, times 255
    "b_uint8_targets_wrap": {"dtype", "wrong", "data_factor", "sign"},
    # the rate is 0 at every epoch: no step is ever taken
    "b_warmup_counter_frozen": {"zero", "step_rule", "state"},
}

GRADIENT_OK = {
    "b_adam_betas_swapped",
    "b_adam_correction_in_place",
    "b_adam_eps_typo",
    "b_cosine_schedule_negative",
    "b_init_hundredth_plateau",
    "b_one_hidden_unit",
    "b_rmsprop_no_epsilon",
}
