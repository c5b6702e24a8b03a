"""The causes the doctor can name: one record per finding code, in the order the report lists
them (the most likely cause first: what the reader must fix before anything else can be judged),
each with its headline, where to look in the code, and the book's section that explains it.

A section is named by its chapter (the file name without .ipynb), its heading as printed, and
its label: the anchor of that section in the chapter's HTML page. Links are
`{BOOK_URL}/chapters/{chapter}.html#{label}`; the book's address is the package's "Book" URL
(`[project.urls]` in pyproject.toml), or XORLAB_BOOK_URL when set.
"""

import os
from dataclasses import dataclass
from importlib import metadata

PUBLISHED = "https://why-wont-it-learn.github.io/book"
"""Where the book is published: the fallback when the package metadata is not installed."""


def _book_url():
    """XORLAB_BOOK_URL, else the "Book" entry of the installed package's project URLs, else
    `PUBLISHED`."""
    if os.environ.get("XORLAB_BOOK_URL"):
        return os.environ["XORLAB_BOOK_URL"]
    try:
        urls = metadata.metadata("xorlab").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    book = [url for label, _, url in (u.partition(", ") for u in urls) if label == "Book"]
    return book[0] if book else PUBLISHED


BOOK_URL = _book_url()
"""Where the book is published; chapter links are built from it."""

CHAPTER_TITLES = {
    "case-chain-rule": "Translating the chain rule",
    "case-no-bias": "The two-neuron net that cannot learn the identity",
    "case-rising-cost": "The cost that keeps rising",
    "case-sigmoid-vs-tanh": "Two hidden sigmoid units vs tanh",
    "field-guide": "Field guide: when your own network will not learn",
    "xor-done-right": "XOR, done right",
}
"""{chapter file name: its title} for the chapters a finding points to."""


@dataclass(frozen=True)
class Cause:
    """One cause: its `title` (a finding's headline; a finding may add its specifics to it),
    `where` to look in the code, and the section that explains it: `chapter` (file name),
    `section` (the heading as printed) and `label` (the section's anchor in the HTML)."""

    title: str
    where: str
    chapter: str
    section: str
    label: str

    @property
    def url(self):
        return f"{BOOK_URL}/chapters/{self.chapter}.html#{self.label}"


_GUIDE = "field-guide"
_READS = ("How the doctor reads a gradient", "how-the-doctor-reads-a-gradient")
_PRINTED = ("The loss you print", "the-loss-you-print")
_ADAPTER = ("Class-based code: the adapter", "class-based-code-the-adapter")
_CAPACITY = ("The model's capacity", "the-model-s-capacity")
_HEALTH = ("Training health", "training-health")
_RIGHT = ("Gradient right, training wrong", "gradient-right-training-wrong")

CAUSES = {
    "integer_weights": Cause(
        "Integer weights: every update is truncated to a whole number",
        "the initialisation: create the weights as floats (np.array(..., dtype=float) or "
        "rng.normal)",
        _GUIDE,
        *_ADAPTER,
    ),
    "low_precision": Cause(
        "Your weights' dtype ({dtype}) rounds small updates away: the same training with "
        "float64 weights fits",
        "where the weights are created or cast: keep them float64 (the default of np.zeros "
        "and rng.normal), no .astype to a smaller float",
        _GUIDE,
        *_ADAPTER,
    ),
    "shape_changed": Cause(
        "One training step changes the shape of a parameter (numpy broadcasting)",
        "the sums over samples (axis=0 for rows, axis=1 for columns, keepdims)",
        _GUIDE,
        *_ADAPTER,
    ),
    "loss_mismatch": Cause(
        "Your gradient is the gradient of the {loss}; the loss you print is another function",
        "the function that computes the loss you print",
        _GUIDE,
        *_PRINTED,
    ),
    "impossible_loss": Cause(
        "Your loss goes negative, which no standard loss of the outputs can do",
        "the signs and the logarithms in the loss you print",
        _GUIDE,
        *_PRINTED,
    ),
    "update_climbs": Cause(
        "The update adds the gradient: every step climbs the loss",
        "the update: w - lr * g",
        "case-chain-rule",
        "Why up, and not down?",
        "why-up-and-not-down",
    ),
    "sign_flip": Cause(
        "Gradient has the wrong sign",
        "the output error (p - y, not y - p) and the sign of the update",
        "case-rising-cost",
        "Diagnose",
        "diagnose",
    ),
    "zero_gradient": Cause(
        "Gradient is zero where it should not be",
        "the line that should compute (or apply) these arrays' gradients",
        _GUIDE,
        *_READS,
    ),
    "wrong_gradient": Cause(
        "Gradient is wrong",
        "the backward pass of these arrays: transposes, axes of sums, which activation each "
        "derivative uses",
        "xor-done-right",
        "What a failing check looks like",
        "what-a-failing-check-looks-like",
    ),
    "data_factor": Cause(
        "Gradient off by a factor that varies with the data",
        "the activation derivatives: each of its own function, at the right values",
        "case-sigmoid-vs-tanh",
        "Diagnose: the gradient check, one fault at a time",
        "diagnose-the-gradient-check-one-fault-at-a-time",
    ),
    "constant_scale": Cause(
        "Gradient off by a constant factor",
        "the 1/n of the mean: applied once, in every layer",
        _GUIDE,
        *_READS,
    ),
    "symmetric": Cause(
        "Symmetric start: hidden units are copies with identical gradients",
        "the initialisation: draw the weights at random",
        _GUIDE,
        *_CAPACITY,
    ),
    "constant_output": Cause(
        "Your outputs are one number whatever the weights: the model can never fit the data",
        "the output layer: an activation that maps every input to one value (a softmax over "
        "a single output is always 1: use a sigmoid for one output, or two softmax outputs)",
        _GUIDE,
        *_CAPACITY,
    ),
    "no_bias": Cause(
        "No biases: the output at the all-zero input cannot move",
        "the layers: add a bias to every neuron",
        "case-no-bias",
        "Second suspect: the model. A proof",
        "second-suspect-the-model-a-proof",
    ),
    "paired_apart": Cause(
        "Inputs and labels are paired apart in your training: its gradient is the loss's with "
        "the labels given to other inputs",
        "the shuffle: one permutation for both (order = rng.permutation(n); X[order], "
        "y[order]), and the index each label is read with",
        _GUIDE,
        *_RIGHT,
    ),
    "mixed_gradient": Cause(
        "Your update carries one array's gradient into another's (a state shared between arrays?)",
        "what your update keeps per array: one velocity, moment or gradient buffer for each "
        "array (not one shared by arrays of one shape, or reused in the loop over layers); "
        "or a variable reused in the backward pass",
        _GUIDE,
        *_RIGHT,
    ),
    "skipped_samples": Cause(
        "Some samples never reach your update: your epoch's gradient disagrees with the "
        "loss's, and is a mix of the other samples' gradients",
        "the loop over samples or mini-batches: a `return` or `break` inside it, a slice's "
        "bounds (X[start:start + B], not X[start:B]), the range of the loop",
        _GUIDE,
        *_RIGHT,
    ),
    "stale_update": Cause(
        "Your later updates follow a stale gradient: values cached from old weights are reused",
        "where your training reads activations or outputs: compute them from the current "
        "weights (call forward in every step)",
        _GUIDE,
        *_RIGHT,
    ),
    "edge_targets": Cause(
        "Your gradient is not finite at targets of exactly 0 or 1: your code divides by a "
        "target, or takes its log",
        "the derivative of your loss with respect to the outputs: outputs belong in its "
        "denominators and logs, never targets (BCE's is -y / out + (1 - y) / (1 - out))",
        _GUIDE,
        *_RIGHT,
    ),
    "not_a_step": Cause(
        "Your update rule is not a gradient step",
        "your update line: the rate multiplies the gradient once (w - lr * g); a velocity, "
        "Adam's moments and their corrections each as the optimiser's published formula",
        _GUIDE,
        *_RIGHT,
    ),
    "dot_for_outer": Cause(
        "Your update rule adds one number to every entry of {array}: a dot product where an "
        "outer product belongs",
        "the update of that matrix for one sample held in 1-D rows: np.outer(x, d) (or "
        "x[:, None] * d[None, :]); x.T leaves a 1-D array as it is",
        _GUIDE,
        *_RIGHT,
    ),
    "reset_each_epoch": Cause(
        "Every epoch starts again from the same weights: your training resets them",
        "where the weights are created: once, before the epochs, never inside the training method",
        _GUIDE,
        *_RIGHT,
    ),
    "carried_update": Cause(
        "Your update rule goes wrong over the epochs: what it carries from one epoch to the "
        "next keeps it from training",
        "what your update keeps between epochs: a velocity's decay (v = mu * v - lr * g), "
        "Adam's moments and step count, accumulators (zeroed each step), the rate's schedule",
        _GUIDE,
        *_RIGHT,
    ),
    "step_rule": Cause(
        "Your update rule is the problem: plain gradient descent with your gradient trains",
        "your step function's formula: each optimiser's published update, term by term",
        _GUIDE,
        *_RIGHT,
    ),
    "strong_smoothing": Cause(
        "Labels smoothed so far toward the middle that the outputs stay near it",
        "the smoothing strength: s = 0.1 moves each target a twentieth of the way (0.05 and "
        "0.95 for one output); at s = 0.9 the targets are 0.45 and 0.55",
        _GUIDE,
        *_PRINTED,
    ),
    "unreachable_targets": Cause(
        "Targets your outputs cannot reach: your labels lie outside [0, 1], and your outputs "
        "stay inside it",
        "your targets: map them onto your output's range (y / 255 for 0/255 pixels), or use "
        "an output that reaches them (linear for regression, tanh for -1/+1)",
        _GUIDE,
        *_PRINTED,
    ),
    "rule_or_gradient": Cause(
        "Your update rule, or the gradient it is given, is the problem: with your loss's own "
        "gradient a textbook update trains",
        "your optimiser's formula, term by term against the published one (Adam: both "
        "moments, their bias corrections, the square root, epsilon); if it matches, your "
        "backward pass, checked alone with a plain gradient step",
        _GUIDE,
        *_RIGHT,
    ),
    "diverged": Cause(
        "Training blew up: the steps are too large",
        "the learning rate",
        _GUIDE,
        *_HEALTH,
    ),
    "lr_too_large": Cause(
        "Learning rate too large: the loss does not fall",
        "the learning rate: try a tenth of it",
        _GUIDE,
        *_HEALTH,
    ),
    "integer_inputs": Cause(
        "Your inputs are integers ({dtype}): numpy's arithmetic on them wraps around or "
        "truncates; the same training on them as floats fits",
        "where your code first computes with X (centring, scaling): convert it once, "
        "X = X.astype(float), before any arithmetic",
        _GUIDE,
        *_RIGHT,
    ),
    "large_inputs": Cause(
        "Inputs far larger than 1 (up to {size}): units fed them saturate; the same training "
        "on inputs scaled to at most 1 fits",
        "where the data are loaded: scale each input to at most 1 (X / np.abs(X).max(axis=0)), "
        "and predict on inputs scaled the same way",
        _GUIDE,
        *_RIGHT,
    ),
    "stuck_units": Cause(
        "Units stuck from the start (dead ReLUs or saturated units): they get no gradient",
        "the initialisation: smaller weights (tanh, sigmoid) or biases that keep ReLUs active",
        _GUIDE,
        *_RIGHT,
    ),
    "target_shape": Cause(
        "Targets shaped unlike the outputs: numpy broadcasts their difference into a matrix",
        "the shape of y: (n, 1) like the outputs (y.reshape(-1, 1)), not (n,)",
        _GUIDE,
        *_ADAPTER,
    ),
    "large_start": Cause(
        "Initial weights too large (saturated or exploding units): the same training from a "
        "start 10 times smaller fits",
        "the initialisation's scale: about 1 / sqrt(inputs per unit)",
        _GUIDE,
        *_RIGHT,
    ),
    "plateau_start": Cause(
        "Start on a plateau: tiny weights put the net on XOR's saddle point",
        "the initialisation's scale",
        _GUIDE,
        *_RIGHT,
    ),
    "lr_too_small": Cause(
        "Learning rate too small: each step barely moves the weights",
        "the learning rate",
        _GUIDE,
        *_RIGHT,
    ),
    "too_few_steps": Cause(
        "Too few steps: the loss falls, but training stops before the data are fitted",
        "the number of epochs",
        _GUIDE,
        *_RIGHT,
    ),
    "linear": Cause(
        "Observed: after the run the network is linear on the data, and no line separates "
        "these classes",
        "the hidden activation (is it applied, and nonlinear?) and the hidden layer's width "
        "(through a single unit the output can only split the inputs along one line)",
        _GUIDE,
        *_CAPACITY,
    ),
    "cannot_fit": Cause(
        "The model did not fit the data, even with a strong optimiser: a capacity problem?",
        "the architecture: biases, the number of hidden units, the activation",
        _GUIDE,
        *_CAPACITY,
    ),
    "flat": Cause(
        "Training stalls: the gradient is right, the loss stops short, yet the data can be "
        "fitted (a local minimum or a slow plateau)",
        "the learning rate and the initialisation",
        _GUIDE,
        *_RIGHT,
    ),
    "cannot_tell": Cause(
        "Outside what I can diagnose: the run does not train, and no change I can try fixes it",
        "what the evidence rules out; then the update rule (its state, the order of its "
        "computations) and how the data are fed",
        _GUIDE,
        *_HEALTH,
    ),
}
"""{finding code: Cause}, the most likely cause first."""

GRADIENT = frozenset(
    {
        "sign_flip",
        "constant_scale",
        "data_factor",
        "zero_gradient",
        "wrong_gradient",
        "mixed_gradient",
    }
)
"""The findings of the gradient phase: the reader's gradient is wrong, and how."""

UNSURE = frozenset({"cannot_tell"})
"""Findings that say the doctor cannot tell: a miss when scored, never an alarm."""

RANK = {code: i for i, code in enumerate(CAUSES)}
"""{finding code: its place in a report} (0 first)."""
