"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind4
"""

FIXES = {
    "b_stable_sigmoid_branch_typo": [
        ("1 / (1 + e), 1 / (1 + e))  # BUG", "1 / (1 + e), e / (1 + e))  # BUG")
    ],
    "b_uint8_targets_wrap": [("dtype=np.uint8)  # BUG", "dtype=float)  # BUG")],
    "b_rmsprop_no_epsilon": [
        ("g / np.sqrt(self.cache[k])  # BUG", "g / (np.sqrt(self.cache[k]) + 1e-8)  # BUG")
    ],
    "b_adam_correction_in_place": [
        ('p["m"][k] /= 1 - 0.9 ** p["t"]  # BUG', 'm_hat = p["m"][k] / (1 - 0.9 ** p["t"])'),
        ('p["v"][k] /= 1 - 0.999 ** p["t"]  # BUG', 'v_hat = p["v"][k] / (1 - 0.999 ** p["t"])'),
        ('p["m"][k] / (np.sqrt(p["v"][k]) + 1e-8)', "m_hat / (np.sqrt(v_hat) + 1e-8)"),
    ],
    "b_schedule_floor_division": [
        ("self.lr // (1 + self.decay", "self.lr / (1 + self.decay"),
    ],
    "b_cosine_schedule_negative": [
        (
            'p["lr"] * np.cos(np.pi * p["t"] / EPOCHS)  # BUG',
            'p["lr"] * (1 + np.cos(np.pi * p["t"] / EPOCHS)) / 2  # BUG',
        )
    ],
    "b_warmup_counter_frozen": [
        ("self.epoch += 1  # BUG", "self.epoch += 1\n        self.t += 1  # BUG")
    ],
    "b_loop_rebinds_not_updates": [("w = w - self.lr * g  # BUG", "w -= self.lr * g  # BUG")],
    "b_two_hidden_masks_swapped": [
        ("(self.W3.T @ d3) * (self.z1 > 0)  # BUG", "(self.W3.T @ d3) * (self.z2 > 0)  # BUG"),
        ("(self.W2.T @ d2) * (self.z2 > 0)  # BUG", "(self.W2.T @ d2) * (self.z1 > 0)  # BUG"),
    ],
    "b_relu_mask_without_bias": [('(c["a"] > 0)  # BUG', '(c["a"] + p["b1"] > 0)  # BUG')],
    "b_sigmoid_applied_twice": [
        ("logit_delta(out, y) / len(X)  # BUG", "(out - y) / len(X)  # BUG")
    ],
    "b_softmax_diag_only": [("dz = (P - 1) * Y / len(X)  # BUG", "dz = (P - Y) / len(X)  # BUG")],
    "b_init_hundredth_plateau": [("scale=0.01):  # BUG", "scale=1.0):  # BUG")],
    "b_identity_output_sigmoid_slope": [("/ len(X) * out * (1 - out)  # BUG", "/ len(X)  # BUG")],
    "b_adam_betas_swapped": [
        (
            "self.beta1, self.beta2 = lr, 0.999, 0.9  # BUG",
            "self.beta1, self.beta2 = lr, 0.9, 0.999  # BUG",
        )
    ],
    "b_relu_on_output_logit": [("act_out=relu):  # BUG", "act_out=lambda z: z):  # BUG")],
    "b_adam_eps_typo": [("EPS = 1e8  # BUG", "EPS = 1e-8  # BUG")],
    "b_predict_forgets_activation": [
        ("h = X @ self.W1 + self.b1  # BUG", "h = np.tanh(X @ self.W1 + self.b1)  # BUG")
    ],
    "b_reshape_for_transpose": [("A = X.reshape(2, -1)  # BUG", "A = X.T  # BUG")],
    "b_one_hidden_unit": [("SIZES = (2, 1, 1)  # BUG", "SIZES = (2, 3, 1)  # BUG")],
    "b_pm1_targets_sigmoid": [("y = 2 * y01 - 1  # BUG", "y = y01  # BUG")],
    "b_folded_bias_slice_wrong_end": [("self.W2[1:].T", "self.W2[:-1].T")],
    "b_two_hidden_skips_layer": [
        ('d1 = (d3 @ p["W3"].T) * (1 - h1**2)  # BUG', 'd1 = (d2 @ p["W2"].T) * (1 - h1**2)  # BUG')
    ],
}
