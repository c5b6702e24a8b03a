"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind7
"""

FIXES = {
    "b_adam_g_times_2_not_squared": [("g[k] * 2  # BUG", "g[k] ** 2  # BUG")],
    "b_adam_step_forgets_lr": [("param -= m_hat /", "param -= self.lr * m_hat /")],
    "b_clip_weights_not_gradients": [
        (
            "            param -= self.lr * grads[k]\n"
            "            np.clip(param, -CLIP, CLIP, out=param)  # BUG",
            "            param -= self.lr * np.clip(grads[k], -CLIP, CLIP)  # BUG",
        )
    ],
    "b_columns_bias_becomes_square": [
        ("dZ1.sum(axis=1)  # BUG", "dZ1.sum(axis=1, keepdims=True)  # BUG")
    ],
    "b_dot_instead_of_outer_per_sample": [("np.dot(d1, x)  # BUG", "np.outer(d1, x)  # BUG")],
    "b_encoder_hidden_delta_uses_w1": [("(self.W1 @ dZ2) *", "(self.W2.T @ dZ2) *")],
    "b_enumerate_index_mixup": [("y[i : i + 1])  # BUG", "y[idx : idx + 1])  # BUG")],
    "b_fancy_index_all_rows": [
        ("dscores[:, labels] -= 1  # BUG", "dscores[np.arange(N), labels] -= 1  # BUG")
    ],
    "b_floor_division_scaling": [("X = X_cm // 30  # BUG", "X = X_cm / 30  # BUG")],
    "b_inplace_delta_aliases_output": [
        ("delta = self.out  # BUG", "delta = self.out.copy()  # BUG")
    ],
    "b_l2_grad_missing_weight": [
        ("d2 + self.lam  # BUG", "d2 + self.lam * self.W2  # BUG"),
        ("d1 + self.lam  # BUG", "d1 + self.lam * self.W1  # BUG"),
    ],
    "b_labels_argmax_wrong_axis": [("Y.argmax(axis=0)  # BUG", "Y.argmax(axis=1)  # BUG")],
    "b_lr_floor_min_not_max": [
        ("min(self.lr * 0.999, MIN_LR)  # BUG", "max(self.lr * 0.999, MIN_LR)  # BUG")
    ],
    "b_minibatch_range_count_not_step": [
        ("range(len(X) // BATCH):  # BUG", "range(0, len(X), BATCH):  # BUG")
    ],
    "b_momentum_lr_applied_twice": [
        ('p[k] += p["lr"] * p["vel"][k]  # BUG', 'p[k] += p["vel"][k]  # BUG')
    ],
    "b_overflow_clip_exponent_sign": [
        ("np.clip(z, -1e-2, 1e-2)  # BUG", "np.clip(z, -1e2, 1e2)  # BUG")
    ],
    "b_relu_forward_uses_minimum": [
        ("np.minimum(0, self.z)  # BUG", "np.maximum(0, self.z)  # BUG")
    ],
    "b_relu_mask_inverted": [("(z < 0).astype(float)  # BUG", "(z > 0).astype(float)  # BUG")],
    "b_relu_mask_on_gradient_sign": [
        ("dhidden[dhidden <= 0] = 0  # BUG", "dhidden[hidden <= 0] = 0  # BUG")
    ],
    "b_rmsprop_no_sqrt": [
        ("(self.cache[k] + 1e-8)  # BUG", "(np.sqrt(self.cache[k]) + 1e-8)  # BUG")
    ],
    "b_sigmoid_deriv_precedence": [("(a1 * 1 - a1)  # BUG", "(a1 * (1 - a1))  # BUG")],
    "b_slope_at_target_not_output": [("slope(y) / len(X)  # BUG", "slope(out) / len(X)  # BUG")],
    "b_slope_from_inputs_not_hidden": [("(1 - X**2)  # BUG", "(1 - H**2)  # BUG")],
    "b_standardized_in_train_only": [
        ("    X = (X - X.mean(axis=0)) / X.std(axis=0)  # BUG\n", ""),
        (
            "X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)\n",
            "X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)\n"
            "X = (X - X.mean(axis=0)) / X.std(axis=0)\n",
        ),
    ],
    "b_two_hidden_slope_from_wrong_layer": [
        ("self.W2.T * (1 - self.h2**2)  # BUG", "self.W2.T * (1 - self.h1**2)  # BUG")
    ],
    "b_update_dedented_last_param": [
        (
            "            assert param.shape == grad.shape\n        param -= self.lr * grad  # BUG",
            "            assert param.shape == grad.shape\n"
            "            param -= self.lr * grad  # BUG",
        )
    ],
    "b_update_uses_last_sample_not_sum": [
        ("self.lr * g[k] / len(X)  # BUG", "self.lr * acc[k] / len(X)  # BUG")
    ],
    "b_velocity_aliases_weights": [
        ("[p for p in self.params]  # BUG", "[np.zeros_like(p) for p in self.params]  # BUG")
    ],
    "b_w2_grad_uses_preactivation": [('c["z1"].T @ d2  # BUG', 'c["a1"].T @ d2  # BUG')],
}
