"""The doctor as it was before the zoo (commit 2c2c77b), measured on the zoo.

Run from the repository root: `.venv/bin/python benchmarks/doctor_zoo_before.py` (about a
minute). In-place programs are adapted the way the book taught then: `implied_gradient` over
one call of the training method at the reader's learning rate, the printed loss (or the mean
BCE of the outputs when none is printed), `predict`, and the reader's epochs. A crash is saved
as None (a miss). Writes the verdicts into xorlab/doctor/zoo/verdicts.json under "before".
"""

import json
import subprocess
import sys
import types

import numpy as np

import xorlab as xl
from xorlab.doctor import zoo
from xorlab.doctor.adapter import _Reader

COMMIT = "2c2c77b"


def old_doctor_module():
    source = subprocess.run(
        ["git", "show", f"{COMMIT}:code/xorlab/doctor.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("xorlab._doctor_before")
    module.__package__ = "xorlab.core"  # its `from . import _validate`, `.gradcheck`
    sys.modules[module.__name__] = module
    exec(compile(source, "doctor_before.py", "exec"), module.__dict__)
    return module


OLD = old_doctor_module()


def taught_adapt(
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
    reader = _Reader(obj, params, train, X, y, predict, loss, lr, columns, train_args)

    def one_call(p):
        twin = reader._load(p, keep_dtypes=False)
        return reader._read(reader._train(twin, reader.Xr, reader.yr, reader.lr_value))

    start = reader.start()
    case = {
        "params": start,
        "loss": reader.loss if loss is not None else None,
        "grad": OLD.implied_gradient(one_call, start, reader.lr_value),
        "X": reader.X,
        "y": reader.y,
        "lr": reader.lr_value,
    }
    if predict is not None:
        case["predict"] = reader.predict
    if epochs is not None:
        case["epochs"] = epochs
    return case


def old_verdict(case):
    case = {k: v for k, v in case.items() if k != "notes" and v is not None}
    if "loss" not in case:
        case["loss"] = lambda p: float(xl.bce(case["predict"](p, case["X"]), case["y"]))
    try:
        return OLD.doctor(**case).codes
    except Exception as exc:  # the old doctor's crashes are part of the measurement
        print(f"  crash: {type(exc).__name__}: {exc}")
        return None


for module in (zoo.classes, zoo.layouts, zoo.training):
    module.adapt = taught_adapt

verdicts = []
for name, prog in zoo.PROGRAMS.items():
    with np.errstate(all="ignore"):
        verdicts.append((name, old_verdict(prog.build())))
    print(name, verdicts[-1][1])
data = json.loads(zoo.VERDICTS.read_text()) if zoo.VERDICTS.exists() else {}
data["before"], data["before_commit"] = verdicts, COMMIT
zoo.VERDICTS.write_text(json.dumps(data, indent=1) + "\n")
print(f"before: {zoo.score(verdicts)}")
