"""One module per chapter, named by the chapter's slug: its experiments and explorers."""

from . import (
    chain_rule,
    field_guide,
    no_bias,
    rising_cost,
    sigmoid_vs_tanh,
    stuck_at_half,
    xor_done_right,
)

__all__ = [
    "chain_rule",
    "field_guide",
    "no_bias",
    "rising_cost",
    "sigmoid_vs_tanh",
    "stuck_at_half",
    "xor_done_right",
]
