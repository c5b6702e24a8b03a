"""xorlab: tiny neural networks, their backpropagation bugs, and the tools that find them.

The companion package of the book "Why Won't It Learn?". Shapes are written `X: (n, d_in)`:
n samples, d_in input features; every random draw comes from an explicit seed.
"""

import sys as _sys
from importlib import import_module as _import_module

from . import cases, core
from . import exercises as checks
from .cases.rising_cost import flipped_surrogate, gradcheck_surrogate, surrogate_loss
from .cases.xor_done_right import GATES, gate_name, hidden_gates
from .core import units
from .core._validate import LIMITS
from .core.activations import ACTIVATIONS
from .core.batched import ManyResult, train_many
from .core.data import TASKS, and_, identity, or_, solved, xor
from .core.faults import FAULTS
from .core.gradcheck import GradcheckReport, check_gradients, finite_difference_errors, gradcheck
from .core.losses import LOSSES, bce, bce_grad, bce_with_logits, mse, mse_grad, sigmoid_bce_delta
from .core.mlp import INITS, MLP, init_params
from .core.stats import wilson_interval
from .core.train import History, train
from .doctor.adapter import adapt
from .doctor.report import Diagnosis, Finding, adapt_mlp, doctor, implied_gradient

__version__ = "0.2.0"

_FIGURES = ("flowchart", "plots", "widgets")
"""The modules that draw (matplotlib) or build explorers (ipywidgets). Computations never import
them, so `import xorlab` costs little beyond numpy: each loads on first use (`xl.plots`). In a
Jupyter kernel they load at once, so the book's figure style holds from the first cell."""


def __getattr__(name):
    if name in _FIGURES:
        return _import_module(f"{__name__}.show.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if "ipykernel" in _sys.modules:
    from .show import flowchart, plots, widgets  # noqa: F401

__all__ = [
    "ACTIVATIONS",
    "FAULTS",
    "GATES",
    "INITS",
    "LIMITS",
    "LOSSES",
    "TASKS",
    "GradcheckReport",
    "History",
    "MLP",
    "ManyResult",
    "Diagnosis",
    "Finding",
    "adapt",
    "adapt_mlp",
    "and_",
    "bce",
    "bce_grad",
    "bce_with_logits",
    "check_gradients",
    "cases",
    "checks",
    "core",
    "units",
    "finite_difference_errors",
    "gate_name",
    "gradcheck",
    "hidden_gates",
    "doctor",
    "identity",
    "implied_gradient",
    "init_params",
    "mse",
    "mse_grad",
    "or_",
    "plots",
    "flowchart",
    "sigmoid_bce_delta",
    "solved",
    "train",
    "train_many",
    "widgets",
    "wilson_interval",
    "xor",
    "flipped_surrogate",
    "gradcheck_surrogate",
    "surrogate_loss",
]
