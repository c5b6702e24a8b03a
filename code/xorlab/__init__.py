"""xorlab: tiny neural networks, their backpropagation bugs, and the tools that find them.

The companion package of the book "Why Won't It Learn?". Shapes are written `X: (n, d_in)`:
n samples, d_in input features; every random draw comes from an explicit seed.
"""

from . import (
    checks,
    diagnose,
    flowchart,
    online,
    planted,
    plots,
    reachable,
    recreate,
    saturation,
    surrogate,
    widgets,
)
from ._validate import LIMITS
from .activations import ACTIVATIONS
from .adapter import adapt
from .batched import ManyResult, train_many
from .data import TASKS, and_, identity, or_, xor
from .doctor import Diagnosis, Finding, adapt_mlp, doctor, implied_gradient
from .faults import FAULTS
from .gates import GATES, gate_name, hidden_gates
from .gradcheck import GradcheckReport, check_gradients, finite_difference_errors, gradcheck
from .losses import LOSSES, bce, bce_grad, bce_with_logits, mse, mse_grad, sigmoid_bce_delta
from .mlp import INITS, MLP, init_params
from .stats import wilson_interval
from .surrogate import flipped_surrogate, gradcheck_surrogate, surrogate_loss
from .train import History, train

__version__ = "0.1.0"

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
    "or_",
    "plots",
    "flowchart",
    "planted",
    "saturation",
    "reachable",
    "recreate",
    "sigmoid_bce_delta",
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
