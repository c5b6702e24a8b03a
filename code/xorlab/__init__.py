"""xorlab: tiny neural networks, their backpropagation bugs, and the tools that find them.

The companion package of the book "Why Won't It Learn?". Shapes are written `X: (n, d_in)`:
n samples, d_in input features; every random draw comes from an explicit seed.
"""

import sys as _sys
from importlib import import_module as _import_module

from . import (
    checks,
    diagnose,
    online,
    parallel,
    planted,
    reachable,
    recreate,
    saturation,
    surrogate,
)
from ._validate import LIMITS
from .activations import ACTIVATIONS
from .adapter import adapt
from .batched import ManyResult, train_many
from .data import TASKS, and_, identity, or_, solved, xor
from .doctor import Diagnosis, Finding, adapt_mlp, doctor, implied_gradient
from .faults import FAULTS
from .gates import GATES, gate_name, hidden_gates
from .gradcheck import GradcheckReport, check_gradients, finite_difference_errors, gradcheck
from .losses import LOSSES, bce, bce_grad, bce_with_logits, mse, mse_grad, sigmoid_bce_delta
from .mlp import INITS, MLP, init_params
from .stats import wilson_interval
from .surrogate import flipped_surrogate, gradcheck_surrogate, surrogate_loss
from .train import History, train

__version__ = "0.2.0"

_FIGURES = ("flowchart", "plots", "widgets")
"""The modules that draw (matplotlib) or build explorers (ipywidgets). Computations never import
them, so `import xorlab` costs little beyond numpy: each loads on first use (`xl.plots`). In a
Jupyter kernel they load at once, so the book's figure style holds from the first cell."""


def __getattr__(name):
    if name in _FIGURES:
        return _import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if "ipykernel" in _sys.modules:
    from . import flowchart, plots, widgets  # noqa: F401

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
    "checks",
    "diagnose",
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
    "online",
    "parallel",
    "or_",
    "plots",
    "flowchart",
    "planted",
    "saturation",
    "reachable",
    "recreate",
    "sigmoid_bce_delta",
    "solved",
    "train",
    "train_many",
    "widgets",
    "wilson_interval",
    "xor",
    "flipped_surrogate",
    "gradcheck_surrogate",
    "surrogate",
    "surrogate_loss",
]
