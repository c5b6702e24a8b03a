"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind5
"""

INDENTED_UPDATES = """\
        self.W2 -= self.lr * gW2  # BUG
        self.b2 -= self.lr * gb2
        self.W1 -= self.lr * gW1
        self.b1 -= self.lr * gb1
"""

FIXES = {
    "b_accum_counter_reset": [("self.count = 0  # BUG", "pass  # BUG")],
    "b_adam_t_incremented_late": [
        ('    p["t"] += 1  # BUG\n', ""),
        (
            '    for k in KEYS:\n        p["m"][k]',
            '    p["t"] += 1\n    for k in KEYS:\n        p["m"][k]',
        ),
    ],
    "b_adamax_forgets_abs": [
        ("0.999 * self.u[k], g[k])  # BUG", "0.999 * self.u[k], np.abs(g[k]))  # BUG")
    ],
    "b_backward_zip_misaligned": [
        ("zip(reversed(self.W), self.inputs)", "zip(reversed(self.W), reversed(self.inputs))")
    ],
    "b_elu_derivative_uses_elu": [
        ("1.0, elu(self.z))  # BUG", "1.0, ALPHA * np.exp(np.minimum(self.z, 0)))  # BUG")
    ],
    "b_err_times_w2_no_newaxis": [('d1 = (err * p["W2"])', 'd1 = (err[:, None] * p["W2"])')],
    "b_forward_reuses_w1": [('h1 @ p["W1"] + p["b2"])  # BUG', 'h1 @ p["W2"] + p["b2"])  # BUG')],
    "b_hidden_error_other_sign": [
        ('d1 = ((yb - out) / len(xb) @ p["W2"].T)', 'd1 = (d2 @ p["W2"].T)')
    ],
    "b_inv_sqrt_schedule_from_zero": [("np.sqrt(self.t)  # BUG", "np.sqrt(self.t + 1)  # BUG")],
    "b_l2_lambda_typed_1": [('"lam": 1.0,  # BUG', '"lam": 1e-4,  # BUG')],
    "b_lr_typed_1e5": [('"lr": 1e-5,  # BUG', '"lr": 2.0,  # BUG')],
    "b_range_step_for_printing": [
        ("RUNS = range(0, EPOCHS, 100)  # BUG", "RUNS = range(EPOCHS)  # BUG")
    ],
    "b_relu_output_negative_targets": [("(relu, relu_slope)]  # BUG", "(identity, ones)]  # BUG")],
    "b_rmsprop_cache_not_squared": [("0.1 * g[k]  # BUG", "0.1 * g[k] ** 2  # BUG")],
    "b_seed_inside_init_loop": [("new_unit(2, SEED)  # BUG", "new_unit(2, SEED + j)  # BUG")],
    "b_smoothing_typed_09": [("smoothing=0.9,", "smoothing=0.02,")],
    "b_softmax_shift_column_max": [
        ("z.max(axis=0, keepdims=True))  # BUG", "z.max(axis=1, keepdims=True))  # BUG")
    ],
    "b_softplus_derivative_itself": [
        ("return softplus(z)  # BUG", "return 1 / (1 + np.exp(-z))  # BUG")
    ],
    "b_standardize_each_sample": [
        (
            "zb = (xb - xb.mean(axis=0)) / (xb.std(axis=0) + 1e-8)  # BUG",
            "zb = (xb - self.mu) / self.sd  # BUG",
        )
    ],
    "b_targets_0_255": [("y = MASK  # BUG", "y = MASK / 255  # BUG")],
    "b_temperature_chain_inverted": [("* self.T / len(X)  # BUG", "/ (len(X) * self.T)  # BUG")],
    "b_thresholded_error": [("err = (out > 0.5) - y  # BUG", "err = out - y  # BUG")],
    "b_unpack_order_mismatch": [("flat = [dW1.ravel(),", "flat = [dW1.T.ravel(),")],
    "b_update_dedented_last_sample": [
        (INDENTED_UPDATES, "".join("    " + line + "\n" for line in INDENTED_UPDATES.splitlines()))
    ],
}
