"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind8
"""

FIXES = {
    "b_adam_beta1_typed_9": [
        ("BETA1, BETA2 = 9.0, 0.999  # BUG", "BETA1, BETA2 = 0.9, 0.999  # BUG")
    ],
    "b_adam_m_from_v_typo": [("0.1 * self.v[k]  # BUG", "0.1 * g  # BUG")],
    "b_amsgrad_min_for_max": [("np.minimum(self.v_max[k]", "np.maximum(self.v_max[k]")],
    "b_astype_copy_never_stored": [
        ("getattr(self, name).astype(np.float32)  # BUG", "getattr(self, name)  # BUG")
    ],
    "b_batch_slice_rebinds_X": [
        (
            "            X, y = X[s : s + 2], y[s : s + 2]  # BUG\n            self.step(X, y)",
            "            xb, yb = X[s : s + 2], y[s : s + 2]  # BUG\n            self.step(xb, yb)",
        )
    ],
    "b_class_weight_sign_typo": [
        ("(y - 1) * n / (2 * (n - n_pos))  # BUG", "(1 - y) * n / (2 * (n - n_pos))  # BUG")
    ],
    "b_decay_factor_not_one_minus": [("param *= self.wd  # BUG", "param *= 1 - self.wd  # BUG")],
    "b_decay_compounds_exponent": [
        ('p["lr"] *= DECAY ** p["t"]  # BUG', 'p["lr"] *= DECAY  # BUG')
    ],
    "b_init_tile_one_column": [
        ("np.tile(rng.normal(0, 1, (2, 1)), (1, 4))  # BUG", "rng.normal(0, 1, (2, 4))  # BUG")
    ],
    "b_input_index_lags_one": [("np.outer(d1, X[i - 1])  # BUG", "np.outer(d1, x)  # BUG")],
    "b_log_probs_for_probs_softmax": [
        ("dscores = log_probs.copy()  # BUG", "dscores = np.exp(log_probs)  # BUG")
    ],
    "b_loop_index_shadowed": [
        (
            "            for i in range(self.hidden):  # BUG\n"
            "                d1[0, i] = d2[0, 0] * self.W2[i, 0] * (1 - self.h[0, i] ** 2)",
            "            for j in range(self.hidden):  # BUG\n"
            "                d1[0, j] = d2[0, 0] * self.W2[j, 0] * (1 - self.h[0, j] ** 2)",
        )
    ],
    "b_lr_key_typo_default": [('p.get("learning_rate", 1e-4)', 'p.get("lr", 1e-4)')],
    "b_mean_divided_inside_sample_loop": [
        (
            "            for k in KEYS:  # BUG\n                acc[k] /= len(X)\n",
            "        for k in KEYS:  # BUG\n            acc[k] /= len(X)\n",
        )
    ],
    "b_relu_mask_from_bias_not_z": [('(p["b1"] > 0)  # BUG', "(z > 0)  # BUG")],
    "b_step_schedule_modulo_for_floordiv": [
        ("(self.epoch % 500)  # BUG", "(self.epoch // 500)  # BUG")
    ],
    "b_onehot_from_predictions": [
        ("np.eye(3)[probs.argmax(axis=1)]  # BUG", "np.eye(3)[labels]  # BUG")
    ],
    "b_ones_column_side_mismatch": [
        (
            "Xb = np.hstack([np.ones((len(X), 1)), X])  # BUG",
            "Xb = np.hstack([X, np.ones((len(X), 1))])  # BUG",
        )
    ],
    "b_plateau_schedule_condition_inverted": [
        ("if loss < self.best:  # BUG", "if loss >= self.best:  # BUG")
    ],
    "b_shuffle_X_in_place": [
        (
            '    p["rng"].shuffle(X)  # BUG',
            '    order = p["rng"].permutation(len(X))  # BUG\n    X, y = X[order], y[order]',
        )
    ],
    "b_smoothed_targets_cast_to_int": [
        ("(y * 0.98 + 0.01).astype(y.dtype)  # BUG", "(y * 0.98 + 0.01)  # BUG")
    ],
    "b_stable_sigmoid_abs": [("-np.abs(z)))  # BUG", "-np.clip(z, -500, 500)))  # BUG")],
    "b_tilde_for_one_minus": [("(~y) / (1 - out)  # BUG", "(1 - y) / (1 - out)  # BUG")],
    "b_uint8_centering_wraps": [
        ("(X - 128) / 128.0  # BUG", "(X.astype(float) - 128) / 128.0  # BUG")
    ],
}
