"""Each buggy program's fix, as text replacements: `tests/doctor_blind/measure.py` runs
every program with its bug replaced by its fix, to check that the bug is its only mistake (no
doctor involved).

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind10
"""

FIXES = {
    "b_accum_reset_to_aliased_zeros": [
        (
            "acc = {k: z for k, z in self.zeros.items()}  # BUG",
            "acc = {k: z.copy() for k, z in self.zeros.items()}  # BUG",
        ),
    ],
    "b_accum_divided_by_samples_seen": [
        ("n = self.seen  # BUG", "n = len(X)  # BUG"),
    ],
    "b_adagrad_cache_assigned_not_added": [
        ('p["G"][k] = g[k] ** 2  # BUG', 'p["G"][k] += g[k] ** 2  # BUG'),
    ],
    "b_adam_counter_int8_wraps": [
        ('p["t"] = np.zeros(1, dtype=np.int8)  # BUG', 'p["t"] = 0  # BUG'),
    ],
    "b_backward_grads_never_stored": [
        (
            'grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0)}  # BUG',
            'grads = self.grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0)}  # BUG',
        ),
    ],
    "b_batch_draw_given_seed_not_generator": [
        ("cols = draw(n, 2, self.seed)  # BUG", "cols = draw(n, 2, self.rng)  # BUG"),
    ],
    "b_bce_grad_drops_negative_term": [
        (
            "dout = -y / out / len(X)  # BUG",
            "dout = (-y / out + (1 - y) / (1 - out)) / len(X)  # BUG",
        ),
    ],
    "b_bce_targets_complemented_in_grad": [
        (
            "dout = -(1 - t) / out + t / (1 - out)  # BUG",
            "dout = -t / out + (1 - t) / (1 - out)  # BUG",
        ),
    ],
    "b_delta_from_logit_not_output": [
        ("d2 = (self.z2 - y) / len(X)  # BUG", "d2 = (self.out - y) / len(X)  # BUG"),
    ],
    "b_equals_minus_typo_w1": [
        ("self.W1 =- self.lr * dW1", "self.W1 -= self.lr * dW1"),
    ],
    "b_feature_rows_reshaped_not_transposed": [
        ("X = TABLE[:2].reshape(-1, 2)  # BUG", "X = TABLE[:2].T  # BUG"),
    ],
    "b_flatten_copy_output_weights": [
        ("w2 = self.W2.flatten()  # BUG", "w2 = self.W2.ravel()  # BUG"),
    ],
    "b_floor_division_in_delta": [
        ("d2 = (out - y) // len(X)  # BUG", "d2 = (out - y) / len(X)  # BUG"),
    ],
    "b_inplace_slope_overwrites_hidden_cache": [
        ("slope = self.h  # BUG", "slope = self.h.copy()  # BUG"),
    ],
    "b_mirror_augmentation_keeps_labels": [
        (
            "y = np.vstack([_labels, _labels])  # BUG",
            "y = np.vstack([_labels, 1 - _labels])  # BUG",
        ),
    ],
    "b_plateau_best_loss_starts_zero": [
        ("self.best, self.wait = 0.0, 0  # BUG", 'self.best, self.wait = float("inf"), 0  # BUG'),
    ],
    "b_relu_mask_from_h_nonnegative": [
        ("(self.h >= 0)  # BUG", "(self.h > 0)  # BUG"),
    ],
    "b_sort_axis0_scrambles_pairs": [
        ("X = np.sort(_points, axis=0)  # BUG", "X = _points  # BUG"),
    ],
    "b_velocity_init_copies_weights": [
        ("p[k].copy() for k in KEYS}  # BUG", "np.zeros_like(p[k]) for k in KEYS}  # BUG"),
    ],
    "b_zeros_like_int_inputs_standardized": [
        ("A = np.zeros_like(X)  # BUG", "A = np.zeros_like(X, dtype=float)  # BUG"),
    ],
}
