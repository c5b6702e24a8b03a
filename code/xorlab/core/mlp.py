"""The network: parameters, initialisations, forward and backward passes, and the `MLP` class.

The passes work on *stacks* of networks that share an architecture: each parameter carries a
trailing axis of m networks (`W: (d_in, d_out, m)`, `b: (d_out, m)`) and activations are
`(n, d, m)`. `MLP` is the stack with m = 1; `train_many` uses the very same code with m in the
thousands, so one network and many networks can never disagree about a gradient.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import _validate
from . import faults as _faults
from .activations import ACTIVATIONS
from .losses import LOSSES, bce_with_logits
from .steps import CORRECT_STEPS, Pass

INITS = ("uniform01", "normal", "xavier", "he", "zeros")


@dataclass(frozen=True)
class Spec:
    """An architecture: layer `sizes`, activation names, loss name, biases, switched-on faults."""

    sizes: tuple
    hidden: str = "sigmoid"
    output: str = "sigmoid"
    loss: str = "bce"
    bias: bool = True
    faults: frozenset = frozenset()

    @property
    def layers(self):
        """Number of weight layers, L = len(sizes) - 1."""
        return len(self.sizes) - 1

    def keys(self):
        """Parameter names in order: W1, b1, W2, b2, ... (no b's without biases)."""
        names = []
        for layer in range(1, self.layers + 1):
            names += [f"W{layer}", f"b{layer}"] if self.bias else [f"W{layer}"]
        return names


def make_spec(
    sizes,
    hidden="sigmoid",
    output="sigmoid",
    loss="bce",
    bias=True,  # pragma: no mutate (every caller passes bias)
    faults=(),
):
    """Check every argument and return a `Spec`; errors name the argument at fault."""
    sizes = _validate.sizes(sizes)
    _validate.choice(hidden, ACTIVATIONS, "hidden activation")
    _validate.choice(output, ACTIVATIONS, "output activation")
    _validate.choice(loss, LOSSES, "loss")
    if not isinstance(bias, (bool, np.bool_)):
        raise TypeError(f"bias must be True or False, got {bias!r}")
    if loss == "bce" and output != "sigmoid":
        raise ValueError(
            f"loss='bce' needs output='sigmoid': binary cross-entropy takes log p and "
            f"log(1 - p), so p must lie in (0, 1), which output={output!r} does not keep; "
            "use output='sigmoid' or loss='mse'"
        )
    names = _faults.check(faults, sizes, hidden, output, loss)
    return Spec(sizes, hidden, output, loss, bool(bias), names)


def _draw(rng, init, d_in, d_out):
    shape = (d_in, d_out)
    if init == "uniform01":
        return rng.random(shape)
    if init == "normal":
        return rng.standard_normal(shape)
    if init == "xavier":
        return np.sqrt(2.0 / (d_in + d_out)) * rng.standard_normal(shape)
    if init == "he":
        return np.sqrt(2.0 / d_in) * rng.standard_normal(shape)
    return np.zeros(shape)


def init_params(sizes, init="xavier", init_scale=1.0, seed=0, bias=True):
    """Fresh parameters for one network, drawn from `np.random.default_rng(seed)`.

    Weights `W{l}: (sizes[l-1], sizes[l])` are drawn layer by layer: "uniform01" U[0, 1),
    "normal" N(0, 1), "xavier" (Glorot normal, std sqrt(2 / (fan_in + fan_out))), "he" (std
    sqrt(2 / fan_in)), "zeros"; each times `init_scale`. Biases `b{l}: (sizes[l],)` start at 0.
    """
    sizes = _validate.sizes(sizes)
    count = parameter_count(sizes, bias)
    _validate.memory(8.0 * count, f"a network of sizes {sizes} ({count:,} parameters)")
    _validate.choice(init, INITS, "init")
    _validate.positive(init_scale, "init_scale")
    _validate.seed(seed)
    rng = np.random.default_rng(seed)
    params = {}
    for layer, (d_in, d_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        params[f"W{layer}"] = init_scale * _draw(rng, init, d_in, d_out)
        if bias:
            params[f"b{layer}"] = np.zeros(d_out)
    return params


def forward(params, X, spec):
    """Forward pass of a stack. X: (n, d_in); params stacked (trailing axis m).

    Returns `(zs, acts)`: pre-activations zs[l-1]: (n, d_l, m) for l = 1..L, and activations
    acts[l]: (n, d_l, m) for l = 0..L, with acts[0] = X[:, :, None] and acts[L] the output.
    """
    a = X[:, :, None]
    zs, acts = [], [a]
    hidden = steps_of(spec)["hidden_activation"]
    for layer in range(1, spec.layers + 1):
        z = np.einsum("nim,ijm->njm", a, params[f"W{layer}"])
        if spec.bias:
            z += params[f"b{layer}"]
        a = hidden(spec, z) if layer < spec.layers else ACTIVATIONS[spec.output].f(z)
        zs.append(z)
        acts.append(a)
    return zs, acts


def loss_of(zs, acts, y, spec):
    """Loss per network, shape (m,), from a forward pass; y: (n, k). BCE on a sigmoid output is
    computed from the logits, so it stays exact when the sigmoid saturates."""
    y = y[:, :, None]
    if spec.loss == "bce" and spec.output == "sigmoid":
        return bce_with_logits(zs[-1], y)
    return LOSSES[spec.loss].value(acts[-1], y)


@lru_cache(maxsize=256)
def _steps_with(faults):
    return {**CORRECT_STEPS, **_faults.replacements(faults)}


def steps_of(spec):
    """The steps of `spec`'s pass, {step name: function}: `steps.CORRECT_STEPS` with the
    replacements of its faults swapped in (shared between calls: copy before changing it)."""
    return _steps_with(spec.faults)


def backward(params, zs, acts, y, spec, steps=None):
    """Backpropagation for a stack: the gradient of the mean loss, as a dict like `params`.

    y: (n, k). The pass runs the named steps of `steps.STEPS`; the faults in `spec.faults`
    replace some of them, as `FAULTS` describes. `steps`, a full {step name: function} table,
    overrides that choice (`chain_rule.translation_step` adds its program's own mistakes so).
    """
    bp = Pass(spec, params, zs, acts, y[:, :, None], steps or steps_of(spec))
    delta = bp.run("output_delta")
    grads = {}
    for layer in range(spec.layers, 0, -1):
        grads[f"W{layer}"] = np.einsum("nim,njm->ijm", bp.run("weight_input", layer), delta)
        if spec.bias:
            grads[f"b{layer}"] = delta.sum(axis=0)
        if layer > 1:
            delta = bp.run("sent_back", layer, delta) * bp.run("hidden_derivative", layer - 1)
    grads = bp.run("gradient_sign", grads)
    return {k: grads[k] for k in spec.keys()}


def parameter_count(sizes, bias=True):  # pragma: no mutate
    """Number of parameters of a network with layer widths `sizes` (with biases or not)."""
    return sum(a * b + (b if bias else 0) for a, b in zip(sizes[:-1], sizes[1:]))


def stack(params_list):
    """Stack per-network parameter dicts along a new trailing axis: W (d_in, d_out, m)."""
    return {k: np.stack([p[k] for p in params_list], axis=-1) for k in params_list[0]}


def check_network(net, what):
    """Return `net` if it is an `MLP`; else raise a TypeError that names `what` needs one."""
    if not isinstance(net, MLP):
        raise TypeError(
            f"{what} needs an xorlab.MLP, got {type(net).__name__}; for a network of your own "
            "code, use xl.check_gradients or xl.doctor with its functions"
        )
    return net


class MLP:
    """A fully connected network trained by hand-written backpropagation.

    `sizes` lists the layer widths, e.g. (2, 2, 1) for the classic XOR net. Parameters live in
    `.params`: `W{l}: (sizes[l-1], sizes[l])` and, with `bias=True`, `b{l}: (sizes[l],)`.
    `faults` switches on named mistakes from `xorlab.FAULTS` in the backward pass.
    """

    def __init__(
        self,
        sizes,
        hidden="sigmoid",
        output="sigmoid",
        loss="bce",
        bias=True,
        init="xavier",
        init_scale=1.0,
        seed=0,
        faults=(),
    ):
        self.spec = make_spec(sizes, hidden, output, loss, bias, faults)
        self.init, self.init_scale, self.seed = init, init_scale, seed
        self.params = init_params(self.spec.sizes, init, init_scale, seed, bias)

    def __repr__(self):
        faults = f", faults={tuple(sorted(self.spec.faults))}" if self.spec.faults else ""
        s = self.spec
        return (
            f"MLP({s.sizes}, hidden={s.hidden!r}, output={s.output!r}, loss={s.loss!r}, "
            f"bias={s.bias}, init={self.init!r}, seed={self.seed}{faults})"
        )

    def _check_params(self):
        """Refuse `params` that do not fit the architecture (replaced by hand, say)."""
        s = self.spec
        want = {}
        for layer, (d_in, d_out) in enumerate(zip(s.sizes[:-1], s.sizes[1:]), start=1):
            want[f"W{layer}"] = (d_in, d_out)
            if s.bias:
                want[f"b{layer}"] = (d_out,)
        if not isinstance(self.params, dict) or set(self.params) != set(want):
            got = list(self.params) if isinstance(self.params, dict) else type(self.params)
            raise ValueError(
                f"net.params must be a dict with the keys {list(want)} of sizes {s.sizes}, "
                f"got {got}"
            )
        for k, shape in want.items():
            if np.shape(self.params[k]) != shape:
                raise ValueError(
                    f"net.params[{k!r}] has shape {np.shape(self.params[k])}, but sizes "
                    f"{s.sizes} need {shape}; give it an array of that shape"
                )

    def _data(self, X, y=None):
        X = _validate.as_matrix(X, "X", self.spec.sizes[0])
        if y is None:
            return X, None
        y = _validate.as_matrix(y, "y", self.spec.sizes[-1])
        _validate.same_rows(X, y)
        _validate.targets(y, self.spec.loss)
        return X, y

    def _passes(self, X):
        self._check_params()
        stacked = {k: v[..., None] for k, v in self.params.items()}
        return stacked, *forward(stacked, X, self.spec)

    def forward(self, X):
        """Network outputs p: (n, k) for inputs X: (n, d_in)."""
        X, _ = self._data(X)
        return self._passes(X)[2][-1][..., 0]

    def layers(self, X):
        """Every layer's pre-activations and activations for X: (n, d_in).

        Returns `(zs, acts)`: zs[l-1]: (n, d_l) for l = 1..L; acts[l]: (n, d_l) for l = 0..L,
        with acts[0] = X and acts[L] the output.
        """
        X, _ = self._data(X)
        _, zs, acts = self._passes(X)
        return [z[..., 0] for z in zs], [a[..., 0] for a in acts]

    def loss(self, X, y):
        """The mean loss over the n samples (a float). X: (n, d_in), y: (n, k)."""
        X, y = self._data(X, y)
        _, zs, acts = self._passes(X)
        return float(loss_of(zs, acts, y, self.spec)[0])

    def gradients(self, X, y):
        """Backpropagated gradient of `loss(X, y)`: a dict with the keys and shapes of `params`."""
        X, y = self._data(X, y)
        stacked, zs, acts = self._passes(X)
        return {k: g[..., 0] for k, g in backward(stacked, zs, acts, y, self.spec).items()}

    def predict(self, X):
        """Class predictions (n, k) of 0.0 and 1.0: 1 where the output is above 0.5. Refused
        when a parameter holds NaN (the comparison would say class 0 for every sample)."""
        _validate.finite_params(self.params, "predict")
        return (self.forward(X) > 0.5).astype(np.float64)

    def copy(self):
        """An independent copy (same architecture, faults and current parameters)."""
        twin = MLP.__new__(MLP)
        twin.spec, twin.init, twin.init_scale, twin.seed = (
            self.spec,
            self.init,
            self.init_scale,
            self.seed,
        )
        twin.params = {k: v.copy() for k, v in self.params.items()}
        return twin
