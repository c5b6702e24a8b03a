"""What the doctor should say about each program of this zoo (the third blind zoo), written
with the programs and before the doctor was run on any of them (kind names from
tests/doctor_blind/run.py KINDS). Each program's own `EXPECTED` (healthy, bug, fix) is in its
file and collected in `EXPECTED` below.

RIGHT[name]: the kinds of first finding that name the bug of a buggy program.
GRADIENT_OK: buggy programs whose backward pass is right at the start (the bug is in the
update, its state, the data's scale, or where the initialisation is called); blaming their
gradient is harmful advice.
"""

import importlib.util
from pathlib import Path

RIGHT = {
    # the "accumulation" assigns (=): the step follows the last sample's gradient only
    "b_accumulate_overwrites": {"wrong", "data_factor", "state"},
    # 1 - beta2 * t < 0 at t = 2: sqrt of a negative v_hat, NaN
    "b_adam_correction_times": {"step_rule", "state", "diverged"},
    # m and v are one buffer: v_hat can be negative, NaN at the first step
    "b_adam_m_v_aliased": {"step_rule", "state", "diverged"},
    "b_bce_delta_wrt_prob": {"data_factor", "wrong"},
    # b1's gradient carries a spurious tanh'; the hidden units have no bias of their own
    "b_bias_after_activation": {"data_factor", "wrong", "no_bias", "not_fit"},
    "b_clip_threshold_typo": {"lr_small", "step_rule"},
    # no step is ever taken: the gradient read from the update is exactly 0, which points at
    # the train method, where the reversed test is
    "b_early_stop_inverted": {"zero", "step_rule"},
    "b_encoder_bias_wrong_axis": {"wrong", "data_factor", "shape"},
    # linear forward, backward with 1 - h**2: the gradient is wrong and the net is linear
    "b_forgot_hidden_activation": {"data_factor", "wrong", "linear"},
    "b_hidden_grad_uses_preactivation": {"data_factor", "wrong"},
    # layer 0 is never updated: its gradient, as read from the update, is exactly 0
    "b_layer_loop_skips_first": {"zero", "wrong"},
    # the "gradient" backward() returns is lr * g: a constant factor lr
    "b_lr_applied_twice": {"scale", "lr_small", "step_rule"},
    "b_momentum_on_weights": {"step_rule", "state"},
    "b_per_sample_1d_dot": {"wrong", "data_factor", "shape"},
    "b_pixel_inputs_unscaled": {"stuck"},
    "b_reinit_each_epoch": {"state", "step_rule"},
    # the gradient is that of the first 3 samples' loss
    "b_sample_loop_off_by_one": {"wrong", "data_factor", "labels"},
    # the hidden layer's derivative has the wrong sign (W1, b1 only)
    "b_sigmoid_missing_minus": {"sign", "wrong", "data_factor"},
    "b_softmax_no_onehot": {"wrong", "data_factor"},
    "b_softmax_over_samples": {"wrong", "data_factor"},
    "b_tanh_deriv_not_squared": {"data_factor", "wrong"},
    "b_w2_grad_uses_inputs": {"wrong", "data_factor"},
}

GRADIENT_OK = {
    "b_adam_correction_times",
    "b_adam_m_v_aliased",
    "b_clip_threshold_typo",
    "b_momentum_on_weights",
    "b_pixel_inputs_unscaled",
    "b_reinit_each_epoch",
}

HERE = Path(__file__).resolve().parent
NAMES = sorted(p.stem for p in HERE.glob("[hb]_*.py"))


def _load(name):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected():
    """Each program's EXPECTED dict (healthy, bug, fix), by program name."""
    return {n: _load(n).EXPECTED for n in NAMES}


if __name__ == "__main__":
    for name, e in expected().items():
        print(f"{name:<36} {'healthy' if e['healthy'] else e['bug']}")
