"""Adapt a reader's own network object (or dict) for the doctor, without touching it::

    case = xl.adapt(net, ["W1", "b1", "W2", "b2"], "train", X, y, predict="forward", lr="lr")
    print(xl.doctor(**case))

The reader names the parameter attributes, the training method (one epoch per call, updating
the weights in place or by rebinding them) and, optionally, the forward and loss methods. The
adapter never touches the reader's object: it works on deep copies. The training run is the
reader's run: consecutive epochs continue one copy, with the reader's dtypes, so momentum,
Adam moments, accumulators and schedules carry over (and integer weights truncate). The
gradient is that of one of the reader's real updates:

- when the learning rate is an attribute or keyword it can set, it counts the updates per
  epoch (the most samples one call takes in one update is where the step stops being exactly
  proportional to the rate) and divides a whole epoch at a tiny rate (first-order exact) by
  that count, so a sum where a mean belongs stays in the gradient and the doctor reports it;
- otherwise (a rate written in the code, or an update that is not proportional to its rate,
  such as one that reuses a value it has already changed) it takes the mean over one-sample
  epochs at the reader's rate: one sample makes one update whatever the loop.
"""

import numpy as np

from .calls import seeded
from .own import OwnNetwork
from .probe import first_epochs


def adapt(
    obj,
    params,
    train,
    X,
    y,
    *,
    predict=None,
    loss=None,
    lr=None,
    columns=False,
    epochs=None,
    train_args=None,
):
    """Keyword arguments of `xorlab.doctor.report` for a reader's network `obj`.

    - obj: the reader's object (attributes hold the parameters) or a dict of arrays; deep-copied,
      never touched. Its state (momentum, Adam moments, counters, a random generator) is
      carried from epoch to epoch of the doctor's run; each probe starts from a fresh copy.
      A parameter given new values is rebound wherever the copy held that array (a list of
      params aliasing it, one level deep). The API page's adapter notes say more.
    - params: the parameter names, ["W1", "b1", "W2", "b2"] or "W1 b1 W2 b2"; a dotted path
      reaches into a dict or list: "params.W1", "weights.0". One flat vector ("theta") works:
      findings name it, and it has no units to compare (units are read from 2-D weights). A
      float parameter (`self.b2 = 0.0`) is read as shape () and handed back as a float.
    - train: the method that trains one epoch, `obj.train(X, y)` (for a dict: a function
      `train(params, X, y)` that changes the dict's arrays). What it returns is ignored: the
      weights are read from the object after the call, and a returned loss is not the loss.
    - X, y: the data in the reader's layout, X (n, d) and y (n, k) or (n,) (`columns=True`:
      X (d, n), y (k, n) or (n,)); X as training takes it (with its ones when biases are
      folded in; raw when train transforms it itself: that is examined, what was done
      before X is not), y the true labels (also when the code smooths them). The reader's
      code gets them as given (a uint8 y stays uint8); the doctor gets float64 copies, X (n, d).
    - predict: the forward method, `obj.forward(X)` (a dict: `predict(params, X)`), computed
      from the weights in `params` (an averaged copy is refused); enables the loss cross-check
      and capacity checks. With columns=True it gets (d, m) and its (k, m) output is transposed.
    - loss: the method returning the printed loss, `obj.loss(X, y)` (a dict: `loss(params, X,
      y)`), called with X and y as given; omitted, the doctor finds the standard loss the
      gradient belongs to.
    - lr: the rate your code starts from (Adam's, the one a per-layer rate is a factor of):
      an attribute (a key; a path such as "opt.lr") or a keyword of `train` (from train_args,
      else its default), set only on probe copies, as a Python float; or the number in the
      code (the gradient is then the mean over one-sample epochs).
    - columns: True when samples are columns; passed on as the doctor's `columns`, the
      weights' layout when no matrix's shape tells it: (units, inputs) for True.
    - epochs: the reader's number of epochs (the doctor's run is that long); train_args:
      extra keyword arguments of `train`, e.g. {"epochs": 1}.

    The call already runs the reader's code on copies (`train` twice for "notes", `predict`
    once when y is (n,); warnings print then), with numpy's global random state seeded with 0
    and restored afterwards, as `doctor` does.
    """
    with seeded(0):  # the reader's code runs here too
        reader = OwnNetwork(obj, params, train, X, y, predict, loss, lr, columns, train_args)
        return _case(reader, loss is not None, predict is not None, epochs, columns)


def _case(reader, has_loss, has_predict, epochs, columns):
    """The doctor's keyword arguments for the adapted `reader` (predict and epochs only when
    the reader gave them)."""
    case = {
        "params": reader.start(),
        "loss": reader.loss if has_loss else None,
        "grad": reader.grad,
        "X": reader.X,
        "y": reader.y,
        "step": _stepper(reader),
        "lr": reader.lr_value,
        "notes": reader.notes(),
        "columns": columns,
        "implied": True,
    }
    if has_predict:
        case["predict"] = reader.predict
    if epochs is not None:
        case["epochs"] = epochs
    return case


def _stepper(reader):
    """The reader's epoch as the doctor's step (it ignores grads), `afresh`, `later`,
    `reshaped` (flat targets shaped like 2-D outputs), `mapped` (targets outside [0, 1] mapped
    onto it), `on_inputs(X)` (other inputs), `floats` (integer inputs as float64) and `exact`
    (float64 weights, when the reader's are coarser)."""
    step = _epochs(reader.step)
    step.afresh, step.later = reader.afresh, reader.later
    step.probe = lambda: first_epochs(reader)  # the first epochs measured, for `steps`
    step.per_sample = reader.per_sample  # one-sample epochs' gradients, for `samples`
    step.on_inputs = lambda X: _on_inputs(reader, X)
    if reader.Xr.dtype.kind in "biu":  # integer inputs: the run with them as float64
        step.floats = _on_inputs(reader, reader.X)
        step.floats.dtype = reader.Xr.dtype.name
        step.floats.predict = lambda p, Z: reader.predict(p, Z, as_given=False)
    if reader.coarse():  # weights coarser than float64: the run with float64 weights
        step.exact = _epochs(lambda p: reader.step(p, exact=True))
        step.exact.dtypes = reader.coarse()
    lo, hi = float(np.min(reader.yr)), float(np.max(reader.yr))
    if hi > lo and (lo < 0 or hi > 1):  # targets outside [0, 1]: the run with them mapped onto it
        mapped = (np.asarray(reader.yr, dtype=np.float64) - lo) / (hi - lo)
        step.mapped = _epochs(lambda p: reader.step(p, y=mapped))
        step.mapped.bounds = (lo, hi)
    column = reader.outputs_shaped()
    if column is not None:  # flat targets against 2-D outputs: the run with y reshaped
        step.reshaped = _epochs(lambda p: reader.step(p, y=column))
        step.reshaped.shapes = (reader.yr.shape, column.shape)
    return step


def _on_inputs(reader, X):
    """The reader's epoch on other inputs X: (n, d_in) (the doctor's layout), handed over in
    the reader's layout and float dtype: a step that ignores grads."""
    dtype = reader.Xr.dtype if np.issubdtype(reader.Xr.dtype, np.floating) else np.float64
    mine = np.asarray(X.T if reader.columns else X, dtype=dtype)
    return _epochs(lambda p: reader.step(p, X=mine))


def _epochs(epoch):
    """`epoch(params) -> params`, one run of the reader's epoch, as a step of the doctor's
    that ignores the gradient (it reads its own)."""
    step = lambda p, grads=None: epoch(p)  # noqa: E731  (an attribute follows)
    step.ignores_grads = True
    return step
