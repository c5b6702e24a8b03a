"""The stuck-at-0.5 question's program with its own arithmetic: no clipping, overflow and NaN kept.

`xorlab.MLP` clips probabilities away from 0 and 1 before it divides by them, so it never
produces NaN. The program in the question does not clip: its cross-entropy derivative
`-1/p` or `1/(1 - p)` becomes infinite as soon as a sigmoid output rounds to exactly 0 or 1,
and the infinity turns into NaN one product later (`inf * 0`). `train_question` runs that
arithmetic, operation for operation, for many seeds at once, so the chapter can count how
often each setting ends in NaN, stuck at 0.5, or solved.

Shapes: S networks (one per seed), the 4 XOR samples, h hidden units; weights are stacked on
the first axis, `W1: (S, 2, h)`, `W2: (S, h, 1)`, biases `b1: (S, 1, h)`, `b2: (S, 1, 1)`.
"""

import csv
from dataclasses import dataclass
from importlib import resources

import numpy as np

from ..core import _validate
from ..core.data import xor

INITS = ("uniform01", "he")
DELTAS = ("sigmoid_of_output", "p_minus_y")
OUTCOMES = ("nan", "stuck", "solved", "other")
STUCK_BAND = 0.05
CODES = {"nan": "n", "stuck": "s", "solved": "v", "other": "o"}
LEAK = 1e-5  # the answer's max(z * 0.00001, z)
# The chapter's settings: changes to the question's program (10 units, lr 0.1, 1,000 epochs).
ROWS = {
    "question's program": {},
    "right derivative": {"delta": "p_minus_y"},
    "biases only": {"bias": True},
    "He init only": {"init": "he"},
    "all three fixed": {"init": "he", "bias": True, "delta": "p_minus_y"},
    "question + leak": {"leak": LEAK},
    "the answer's version": {"leak": LEAK, "lr": 0.001, "epochs": 10000},
    "answer without leak": {"lr": 0.001, "epochs": 10000},
    "answer at 10 x rate": {"leak": LEAK, "lr": 0.01, "epochs": 10000},
}
FREEZE_CHECK = 10  # every this many epochs, networks that stopped changing are set aside


def question_sigmoid(z):
    """The question's sigmoid, 1 / (1 + exp(-z)), unguarded: exp overflows to inf for z < -709.

    Deliberately not `activations.sigmoid` (which never overflows): this module re-runs the
    question's arithmetic, and where it breaks down is what the chapter counts."""
    return 1 / (1 + np.exp(-z))


def draw_weights(seeds, hidden, init):
    """Weights of network i from `np.random.default_rng(seeds[i])`, W1 then W2, as `MLP` draws them.

    "uniform01" is U[0, 1) (the question's `np.random.uniform`); "he" is N(0, 2 / fan_in).
    Returns `W1: (S, 2, hidden)`, `W2: (S, hidden, 1)`.
    """
    W1, W2 = [], []
    for seed in seeds:
        rng = np.random.default_rng(int(seed))
        pair = []
        for shape in ((2, hidden), (hidden, 1)):
            if init == "uniform01":
                pair.append(rng.random(shape))
            else:
                pair.append(np.sqrt(2.0 / shape[0]) * rng.standard_normal(shape))
        W1.append(pair[0])
        W2.append(pair[1])
    return np.array(W1), np.array(W2)


@dataclass
class QuestionRuns:
    """The end of `train_question` for S seeds.

    `outputs: (S, 4)` the final outputs (NaN where the arithmetic broke down);
    `params`: the final weights (and biases), stacked on the first axis;
    `first_nan: (S,)` the first epoch after which some parameter was NaN (-1 if never);
    `overflowed: (S,)` whether the error signal was ever infinite (a division by 1 - p = 0 or
    p = 0); `outcome: (S,)` one of `OUTCOMES` per seed (see `classify`).
    """

    outputs: np.ndarray
    params: dict
    first_nan: np.ndarray
    overflowed: np.ndarray
    outcome: np.ndarray

    def shares(self):
        """Fraction of the seeds in each outcome, a dict in the order of `OUTCOMES`."""
        return {name: float(np.mean(self.outcome == name)) for name in OUTCOMES}


def classify(outputs, y=None):
    """One outcome per network from its outputs `(S, 4)` on XOR.

    "nan": some output is NaN; "solved": every output strictly on the right side of 0.5;
    "stuck": every output within `STUCK_BAND` of 0.5 (and not solved); "other": the rest
    (for instance one class everywhere, or three of four right).
    """
    y = xor()[1].ravel() if y is None else np.asarray(y).ravel()
    outputs = np.asarray(outputs, dtype=float)
    nan = np.isnan(outputs).any(axis=1)
    with np.errstate(invalid="ignore"):
        solved = ((outputs > 0.5) == (y > 0.5)).all(axis=1) & (outputs != 0.5).all(axis=1)
        stuck = (np.abs(outputs - 0.5) < STUCK_BAND).all(axis=1)
    return np.select([nan, solved, stuck], ["nan", "solved", "stuck"], "other")


def _dot(a, b):
    """Stacked matrix product `(S, n, k) x (S, k, m) -> (S, n, m)`, summed over k in order.

    Every product `a * b` is formed, zeros included, so `0 * inf` gives NaN as in `np.dot`.
    """
    total = a[:, :, :1] * b[:, :1, :]
    for k in range(1, a.shape[2]):
        total = total + a[:, :, k : k + 1] * b[:, k : k + 1, :]
    return total


def _forward(params, X, leak):
    z1 = _dot(X, params["W1"]) + params.get("b1", 0.0)
    h = np.maximum(z1 * leak, z1) if leak else np.maximum(0, z1)
    p = question_sigmoid(_dot(h, params["W2"]) + params.get("b2", 0.0))
    return h, p


def _step(params, X, XT, y, lr, delta, leak):
    """One epoch of the question's `forward_pass` and `backward_pass`, for every network."""
    h, p = _forward(params, X, leak)
    if delta == "sigmoid_of_output":
        dl_dp = np.where(y == 1, -1 / p, 1 / (1 - p))  # the question's d_binary_cross_entropy
        s = question_sigmoid(p)  # the question's d_sigmoid, taken at the output p
        out_delta = dl_dp * (s * (1 - s))
        overflow = np.isinf(dl_dp).any(axis=(1, 2))
    else:
        out_delta = p - y
        overflow = np.zeros(len(p), dtype=bool)
    hidden_error = _dot(out_delta, np.swapaxes(params["W2"], 1, 2))
    hidden_delta = hidden_error * np.where(h > 0, 1, 0)  # d_ReLU at the activated output
    params["W2"] -= lr * _dot(np.swapaxes(h, 1, 2), out_delta)
    params["W1"] -= lr * _dot(XT, hidden_delta)
    if "b1" in params:
        params["b2"] -= lr * out_delta.sum(axis=1, keepdims=True)
        params["b1"] -= lr * hidden_delta.sum(axis=1, keepdims=True)
    return overflow


def train_question(
    n=1000,
    hidden=10,
    lr=0.1,
    epochs=1000,
    init="uniform01",
    bias=False,
    delta="sigmoid_of_output",
    leak=0.0,
    seed=0,
):
    """Train networks `seed, ..., seed + n - 1` with the question's arithmetic, unclipped.

    The step is the question's: the gradient of the *summed* loss, `W -= lr * gradient`, with
    `d_ReLU` taken at the activated output (equivalent to taking it at z). `delta` is the
    output's error signal: "sigmoid_of_output" (the question's `dL/dp * sigmoid'(p)`) or
    "p_minus_y" (the right one). `leak` > 0 is the answer's forward-only leak,
    `max(leak * z, z)`. `bias=True` adds zero-initialised biases, trained like the weights.
    Floating-point warnings are silenced; their results (inf, NaN) are kept.
    Returns a `QuestionRuns` with outputs `(n, 4)`.
    """
    _check_question(n, hidden, lr, epochs, init, delta, leak)
    X, y = xor()
    X, XT = X[None], X.T[None]  # (1, 4, 2) and (1, 2, 4), broadcast over the networks
    W1, W2 = draw_weights(range(seed, seed + n), hidden, init)
    params = {"W1": W1, "W2": W2}
    if bias:
        params.update(b1=np.zeros((n, 1, hidden)), b2=np.zeros((n, 1, 1)))
    with np.errstate(all="ignore"):
        first_nan, overflowed = _train_live(params, X, XT, y, lr, epochs, delta, leak)
        outputs = _forward(params, X, leak)[1][:, :, 0]
    return QuestionRuns(outputs, params, first_nan, overflowed, classify(outputs, y))


def _check_question(n, hidden, lr, epochs, init, delta, leak):
    """Raise a named error unless the arguments of `train_question` are usable."""
    _validate.positive(n, "n", integer=True)
    _validate.positive(hidden, "hidden", integer=True)
    _validate.positive(lr, "lr")
    _validate.choice(init, INITS, "init")
    _validate.choice(delta, DELTAS, "delta")
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 0:
        raise ValueError(f"epochs must be a non-negative integer, got {epochs!r}")
    if not 0 <= leak < 1:
        raise ValueError(f"leak must lie in [0, 1), got {leak!r}")


def _train_live(params, X, XT, y, lr, epochs, delta, leak):
    """Train the S stacked networks of `params` in place for `epochs` epochs (`_step`), setting
    aside every `FREEZE_CHECK` epochs those that stopped changing (a fixed point or NaN never
    changes again). Returns `first_nan: (S,)` and `overflowed: (S,)` as in `QuestionRuns`."""
    n = len(params["W1"])
    first_nan = np.full(n, -1)
    overflowed = np.zeros(n, dtype=bool)
    live = np.arange(n)  # networks still changing
    sub = params
    for epoch in range(1, epochs + 1):
        check = epoch % FREEZE_CHECK == 0 or epoch == epochs
        before = {k: v.copy() for k, v in sub.items()} if check else None
        overflowed[live] |= _step(sub, X, XT, y, lr, delta, leak)
        nan = np.any([np.isnan(v).any(axis=(1, 2)) for v in sub.values()], axis=0)
        first_nan[live[nan & (first_nan[live] < 0)]] = epoch
        if not check:
            continue
        still = np.all([(before[k] == v).all(axis=(1, 2)) for k, v in sub.items()], axis=0)
        for k, v in sub.items():
            params[k][live] = v
        keep = ~(nan | still)
        live = live[keep]
        sub = {k: v[keep] for k, v in sub.items()}
    return first_nan, overflowed


def stored_table(name):
    """The rows of a table shipped with xorlab, `xorlab/tables/<name>.csv`, as a list of dicts.

    The tables hold measurements too long for a chapter's time budget, each written by a script
    in tools/ named in the chapter (e.g. "stuck_question", "chain_answer"). Values are strings.
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"name must be a table name such as 'stuck_question', got {name!r}")
    table = resources.files("xorlab") / "tables" / f"{name}.csv"
    if not table.is_file():
        raise ValueError(f"no table named {name!r} in xorlab/tables")
    with table.open(newline="") as handle:
        return list(csv.DictReader(handle))


def stored_outcomes():
    """The outcome of every seed of every row of `ROWS`, as written by tools/stuck_question.py.

    Returns `{row name: outcomes (n,)}`, seeds 0 to n - 1, outcomes named as in `OUTCOMES`.
    The 10,000-epoch rows take about a minute each, too long for a chapter, hence the table.
    """
    names = {code: name for name, code in CODES.items()}
    return {
        row["setting"]: np.array([names[c] for c in row["outcomes"]])
        for row in stored_table("stuck_question")
    }


def outcome_table(outcomes):
    """Text table: for each row `{name: outcomes (n,)}`, the share of seeds in each outcome.

    The shares are those of `OUTCOMES`; "lenient" is not counted here (see the chapter).
    """
    lines = [f"{'setting':<22}{'seeds':>6}" + "".join(f"{name:>8}" for name in OUTCOMES)]
    for name, outcome in outcomes.items():
        shares = "".join(f"{np.mean(outcome == o):8.1%}" for o in OUTCOMES)
        lines.append(f"{name:<22}{len(outcome):>6}{shares}")
    return "\n".join(lines)
