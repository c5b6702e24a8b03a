"""What the doctor should say about each program of this zoo (the sixth blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file, where tests/doctor_blind/run.py reads it.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
optimiser's formula or state, a schedule, the start, the model or the data); blaming their
gradient is harmful advice.
"""

RIGHT = {
    # m_hat divided by 1 - beta2**t: first steps ~100 lr, an optimiser formula slip
    "b_adam_mhat_uses_beta2": {"step_rule", "state"},
    # b1[j] gets sample j's summed delta (n = hidden width = 4)
    "b_bias_grad_sum_over_units": {"wrong", "data_factor", "shape"},
    # np.clip(g, 1, -1) is -1 everywhere: the step ignores the gradient
    "b_clip_bounds_swapped": {"step_rule"},
    # W1's gradient built from the hidden activations instead of the inputs (2 x 2)
    "b_columns_dw1_copies_dw2_line": {"wrong", "data_factor"},
    # W *= 0.9 each step: the update moves at rate 0 and shrinks the weights
    "b_decay_factor_typed_09": {"step_rule"},
    # the rate collapses within a few hundred samples: the schedule, not the gradient
    "b_decay_per_sample_not_epoch": {"step_rule", "state"},
    # (out - y)**2 * sigmoid': never negative, not the slope of the loss
    "b_delta_uses_squared_error": {"wrong", "data_factor"},
    # the output used as the hidden layer in the backward pass (broadcasting hides it)
    "b_hidden_name_reused_for_output": {"wrong", "data_factor", "shape"},
    # one number in every weight: identical hidden units
    "b_init_scalar_times_ones": {"symmetric", "not_fit"},
    # slope 1.0: a linear hidden layer cannot fit XOR
    "b_leaky_relu_alpha_typed_1": {"linear", "not_fit"},
    # each epoch's update is the gradient of the first two samples' loss only
    "b_minibatch_slice_forgets_offset": {"wrong", "data_factor"},
    # velocity x9 per step: NaN weights
    "b_momentum_typed_9": {"step_rule", "state", "diverged"},
    # each step pushes all four outputs toward one sample's target
    "b_per_sample_forward_whole_batch": {"wrong", "data_factor", "labels"},
    # h (1 - h) for ReLU units: negative where h > 1, wrong in W1 and b1
    "b_relu_with_sigmoid_derivative": {"wrong", "data_factor", "sign"},
    # one sample trained per epoch
    "b_return_inside_sample_loop": {"wrong", "data_factor"},
    # n P - Y for P - Y
    "b_softmax_jacobian_sum_all": {"wrong", "data_factor"},
    # softmax of one logit is 1: the loss cannot move, the code's update is P - y
    "b_softmax_single_output": {"wrong", "zero", "stuck", "not_fit"},
    # the folded bias input is standardised to 0: no hidden bias
    "b_standardize_after_folding_ones": {"no_bias", "not_fit"},
    # 1 - z**2 for 1 - tanh(z)**2
    "b_tanh_derivative_of_z": {"wrong", "data_factor", "sign"},
    # W1's gradient transposed (2 x 2)
    "b_transposed_outer_per_sample": {"wrong", "data_factor"},
    # the bias updates are exactly 0 (never applied)
    "b_update_keys_skip_biases": {"zero", "no_bias"},
    # one velocity for both layers: the update mixes the layers' gradients
    "b_velocity_shared_across_layers": {"step_rule", "state"},
    # W1 follows dW2
    "b_w1_updated_with_dw2": {"wrong", "data_factor"},
    # dW2 from h (1 - h) instead of h
    "b_w2_grad_uses_hidden_slope": {"wrong", "data_factor"},
}

GRADIENT_OK = {
    "b_adam_mhat_uses_beta2",
    "b_clip_bounds_swapped",
    "b_decay_factor_typed_09",
    "b_decay_per_sample_not_epoch",
    "b_init_scalar_times_ones",
    "b_leaky_relu_alpha_typed_1",
    "b_momentum_typed_9",
    "b_standardize_after_folding_ones",
    "b_velocity_shared_across_layers",
}
