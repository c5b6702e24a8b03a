"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind6
"""

SHARED_LOOP = """\
            self.vW = self.mu * self.vW - self.lr * gW
            self.vb = self.mu * self.vb - self.lr * gb
            W += self.vW
            b += self.vb
"""
SIGMOID_OUTPUT = "return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))  # BUG"
PER_ARRAY_LOOP = """\
            self.v[id(W)] = self.mu * self.v.get(id(W), 0) - self.lr * gW
            self.v[id(b)] = self.mu * self.v.get(id(b), 0) - self.lr * gb
            W += self.v[id(W)]
            b += self.v[id(b)]
"""

FIXES = {
    "b_relu_with_sigmoid_derivative": [("* h * (1 - h)  # BUG", "* (h > 0)  # BUG")],
    "b_columns_dw1_copies_dw2_line": [("dZ1 @ self.A1.T  # BUG", "dZ1 @ X.T  # BUG")],
    "b_minibatch_slice_forgets_offset": [
        (
            "X[start:BATCH], y[start:BATCH]  # BUG",
            "X[start : start + BATCH], y[start : start + BATCH]",
        )
    ],
    "b_per_sample_forward_whole_batch": [
        ("out = self.forward(X)  # BUG", "x = X[i : i + 1]\n            out = self.forward(x)"),
        ("self.lr * X.T @ d1", "self.lr * x.T @ d1"),
    ],
    "b_delta_uses_squared_error": [("(out - y) ** 2 * out", "2 * (out - y) * out")],
    "b_momentum_typed_9": [("momentum=9, seed", "momentum=0.9, seed")],
    "b_decay_per_sample_not_epoch": [
        ('        p["lr"] *= 0.985  # BUG', '    p["lr"] *= 0.985  # BUG')
    ],
    "b_softmax_single_output": [
        ("return softmax(self.h @ self.W2 + self.b2)  # BUG", SIGMOID_OUTPUT)
    ],
    "b_leaky_relu_alpha_typed_1": [("ALPHA = 1.0  # BUG", "ALPHA = 0.01  # BUG")],
    "b_standardize_after_folding_ones": [
        (
            "X = standardize(np.hstack([X_raw, np.ones((4, 1))]))  # BUG",
            "X = np.hstack([standardize(X_raw), np.ones((4, 1))])  # BUG",
        )
    ],
    "b_return_inside_sample_loop": [
        ("            return total / len(X)  # BUG", "        return total / len(X)  # BUG")
    ],
    "b_hidden_name_reused_for_output": [
        (
            'a = sigmoid(a @ p["W2"] + p["b2"])  # BUG',
            'h = a\n    a = sigmoid(h @ p["W2"] + p["b2"])',
        ),
        ('p["W2"].T) * a * (1 - a)', 'p["W2"].T) * h * (1 - h)'),
        ('p["lr"] * a.T @ delta', 'p["lr"] * h.T @ delta'),
    ],
    "b_velocity_shared_across_layers": [
        (
            "self.vW = np.zeros((2, 2))  # BUG\n        self.vb = np.zeros(2)",
            "self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}  # BUG",
        ),
        (SHARED_LOOP, PER_ARRAY_LOOP),
    ],
    "b_w1_updated_with_dw2": [('* g["W2"]  # BUG', '* g["W1"]  # BUG')],
    "b_transposed_outer_per_sample": [("np.outer(x, d1)  # BUG", "np.outer(d1, x)  # BUG")],
    "b_clip_bounds_swapped": [("np.clip(g[k], CLIP, -CLIP)", "np.clip(g[k], -CLIP, CLIP)")],
    "b_decay_factor_typed_09": [("DECAY = 0.9  # BUG", "DECAY = 0.9999  # BUG")],
    "b_adam_mhat_uses_beta2": [('(1 - BETA2 ** p["t"])  # BUG', '(1 - BETA1 ** p["t"])  # BUG')],
    "b_bias_grad_sum_over_units": [("d1.sum(axis=1)  # BUG", "d1.sum(axis=0)  # BUG")],
    "b_softmax_jacobian_sum_all": [
        ("np.sum(dP * P))  # BUG", "np.sum(dP * P, axis=1, keepdims=True))  # BUG")
    ],
    "b_init_scalar_times_ones": [
        ("self.rng.normal(0, 1) * np.ones(shape)  # BUG", "self.rng.normal(0, 1, shape)  # BUG")
    ],
    "b_update_keys_skip_biases": [('for k in ("W1", "W2"):  # BUG', "for k in KEYS:  # BUG")],
    "b_w2_grad_uses_hidden_slope": [("sigmoid_prime.T @ d2  # BUG", "self.h.T @ d2  # BUG")],
    "b_tanh_derivative_of_z": [("(1 - Z1**2)  # BUG", "(1 - A1**2)  # BUG")],
}
