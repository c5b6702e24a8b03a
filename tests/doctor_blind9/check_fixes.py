"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind9
"""

FIXES = {
    "b_adam_sqrt_of_mhat": [
        (
            "(np.sqrt(m_hat) + 1e-8)  # BUG",
            "(np.sqrt(self.v[i] / (1 - 0.999**self.t)) + 1e-8)  # BUG",
        ),
    ],
    "b_attr_case_typo_w1": [
        ("self.w1 = self.W1 -", "self.W1 = self.W1 -"),
    ],
    "b_bce_dout_swapped": [
        ("(-(out / y) + (1 - y)", "(-(y / out) + (1 - y)"),
    ],
    "b_centered_table_includes_targets": [
        ("data = data - 0.5  # BUG", "data[:, :2] = data[:, :2] - 0.5  # BUG"),
    ],
    "b_columns_loop_len_X": [
        ("range(len(X)):  # BUG", "range(X.shape[1]):  # BUG"),
    ],
    "b_cyclic_schedule_no_modulo": [
        ("abs(self.t / HALF - 1))  # BUG", "abs((self.t % (2 * HALF)) / HALF - 1))  # BUG"),
    ],
    "b_gamma_cast_int_with_step": [
        ("map(int, (step, gamma))  # BUG", "int(step), float(gamma)  # BUG"),
    ],
    "b_input_column_slice_drops_x2": [
        ("X, y = data[:, :1], data[:, 2:]  # BUG", "X, y = data[:, :2], data[:, 2:]  # BUG"),
    ],
    "b_inverse_time_decay_precedence": [
        ("self.lr0 / 1 + self.k * self.t  # BUG", "self.lr0 / (1 + self.k * self.t)  # BUG"),
    ],
    "b_matmul_for_elementwise_slope": [
        ("(d2 @ self.W2.T) @ (1 - self.h**2)  # BUG", "(d2 @ self.W2.T) * (1 - self.h**2)  # BUG"),
    ],
    "b_momentum_uses_weights_not_grads": [
        ('p["lr"] * p[k]  # BUG', 'p["lr"] * g[k]  # BUG'),
    ],
    "b_np_mean_list_without_axis": [
        ("np.mean(grads[k])  # BUG", "np.mean(grads[k], axis=0)  # BUG"),
    ],
    "b_predict_method_forgets_b1": [
        ("h = np.tanh(X @ self.W1)  # BUG", "h = np.tanh(X @ self.W1 + self.b1)  # BUG"),
    ],
    "b_random_batch_high_exclusive": [
        ("integers(0, len(X) - 1, 2)  # BUG", "integers(0, len(X), 2)  # BUG"),
    ],
    "b_rmsprop_times_sqrt_cache": [
        ('g * np.sqrt(p["cache"][k] + 1e-8)  # BUG', 'g / np.sqrt(p["cache"][k] + 1e-8)  # BUG'),
    ],
    "b_rounded_output_in_delta": [
        ("(np.round(out) - y)", "(out - y)"),
    ],
    "b_shallow_copy_rebinds_keys": [
        ("    p = p.copy()  # BUG\n", ""),
    ],
    "b_softmax_grad_divided_by_probs": [
        ("dscores = (probs - Y) / probs  # BUG", "dscores = probs - Y  # BUG"),
    ],
    "b_sqrt_schedule_exponent_typo": [
        ('(1 + p["t"]) ** -2  # BUG', '(1 + p["t"]) ** -0.5  # BUG'),
    ],
    "b_star_for_matmul_square_backward": [
        ('d1 = d2 * p["W2"].T * (1 - h**2)', 'd1 = d2 @ p["W2"].T * (1 - h**2)'),
    ],
    "b_tan_for_tanh": [
        ("h = np.tan(Z @", "h = np.tanh(Z @"),
    ],
    "b_tile_inputs_repeat_labels": [
        ("np.repeat(_labels, 2, axis=0)  # BUG", "np.tile(_labels, (2, 1))  # BUG"),
    ],
    "b_update_indented_under_log": [
        (
            "            self.W2 -= self.lr * self.h.T @ d2\n"
            "            self.b2 -= self.lr * d2.sum(axis=0)\n"
            "            self.W1 -= self.lr * X.T @ d1\n"
            "            self.b1 -= self.lr * d1.sum(axis=0)\n",
            "        self.W2 -= self.lr * self.h.T @ d2\n"
            "        self.b2 -= self.lr * d2.sum(axis=0)\n"
            "        self.W1 -= self.lr * X.T @ d1\n"
            "        self.b1 -= self.lr * d1.sum(axis=0)\n",
        ),
    ],
    "b_xavier_limit_minus_twice": [
        ("uniform(-limit, -limit,", "uniform(-limit, limit,"),
    ],
}
