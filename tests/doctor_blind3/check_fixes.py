"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind3
"""

FIXES = {
    "b_lr_applied_twice": [
        ("return {k: self.lr * v for k, v in g.items()}", "return g"),
    ],
    "b_tanh_deriv_not_squared": [("* (1 - h)  # BUG", "* (1 - h**2)  # BUG")],
    "b_softmax_no_onehot": [("dz = P / len(X)", "dz = (P - Y) / len(X)")],
    "b_softmax_over_samples": [
        ("z.max(axis=0)", "z.max(axis=1, keepdims=True)"),
        ("e.sum(axis=0)", "e.sum(axis=1, keepdims=True)"),
    ],
    "b_forgot_hidden_activation": [
        ("self.h = X @ self.W1 + self.b1", "self.h = np.tanh(X @ self.W1 + self.b1)")
    ],
    "b_reinit_each_epoch": [("self.init_weights()  # BUG", "pass  # BUG")],
    "b_encoder_bias_wrong_axis": [("d2.sum(axis=1)  # BUG", "d2.sum(axis=0)  # BUG")],
    "b_layer_loop_skips_first": [
        ("for i in range(1, len(self.Ws)):", "for i in range(len(self.Ws)):")
    ],
    "b_w2_grad_uses_inputs": [("self.lr * X.T @ d2  # BUG", "self.lr * self.h.T @ d2  # BUG")],
    "b_bce_delta_wrt_prob": [("d2 = dp  # BUG", "d2 = dp * out * (1 - out)  # BUG")],
    "b_hidden_grad_uses_preactivation": [("self.z1.T @ d2  # BUG", "self.h.T @ d2  # BUG")],
    "b_sigmoid_missing_minus": [("np.exp(z))  # BUG", "np.exp(-z))  # BUG")],
    "b_bias_after_activation": [
        (
            'return np.tanh(X @ p["W1"]) + p["b1"]  # BUG',
            'return np.tanh(X @ p["W1"] + p["b1"])  # BUG',
        ),
        (
            't = np.tanh(X @ p["W1"])\n    h = t + p["b1"]',
            't = np.tanh(X @ p["W1"] + p["b1"])\n    h = t',
        ),
    ],
    "b_per_sample_1d_dot": [("self.lr * x.T @ d1  # BUG", "self.lr * np.outer(x, d1)  # BUG")],
    "b_hidden_bias_gets_output_delta": [
        ("self.b1 -= self.lr * d2.sum(axis=0)  # BUG", "self.b1 -= self.lr * d1.sum(axis=0)  # BUG")
    ],
    "b_accumulate_overwrites": [
        ('g["W2"] = ', 'g["W2"] += '),
        ('g["b2"] = ', 'g["b2"] += '),
        ('g["W1"] = ', 'g["W1"] += '),
        ('g["b1"] = ', 'g["b1"] += '),
    ],
    "b_adam_correction_times": [
        ("self.beta1 * self.t)  # BUG", "self.beta1 ** self.t)  # BUG"),
        ("self.beta2 * self.t)  # BUG", "self.beta2 ** self.t)  # BUG"),
    ],
    "b_pixel_inputs_unscaled": [("X = PIXELS  # BUG", "X = PIXELS / 255  # BUG")],
    "b_momentum_on_weights": [
        (
            "p[k] = mu * p[k] - lr * g[k]  # BUG",
            "V[k] = mu * V[k] - lr * g[k]; p[k] = p[k] + V[k]  # BUG",
        ),
        (
            "def train(p, X, y, lr=0.5, mu=0.9):",
            "V = {}\n\n\ndef train(p, X, y, lr=0.5, mu=0.9):\n"
            "    for k in p:\n        V.setdefault(k, np.zeros_like(p[k]))",
        ),
    ],
    "b_clip_threshold_typo": [
        ("LR, MAX_NORM, EPOCHS = 1.0, 1e-6", "LR, MAX_NORM, EPOCHS = 1.0, 1.0")
    ],
    "b_sample_loop_off_by_one": [("range(len(X) - 1)", "range(len(X))")],
    "b_early_stop_inverted": [("> self.tol:  # BUG", "< self.tol:  # BUG")],
    "b_adam_m_v_aliased": [
        (
            "self.m = self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}",
            "self.m = {k: np.zeros_like(getattr(self, k)) for k in KEYS}\n"
            "        self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}",
        )
    ],
}
