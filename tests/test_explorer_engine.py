"""The page's explorer engine (assets/explorer/, run in Node) against xorlab itself.

From the same initial weights, every epoch's loss of the first 200 must agree to 1e-9 relative,
for every hidden x output activation x loss x bias and every fault set xorlab accepts (each fault
alone and every accepted pair), full-batch and per sample. The references are computed here by
xorlab, so the test follows xorlab when it changes.
"""

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import xorlab as xl
from tools import live_explorers
from xorlab.core import faults as xl_faults

ROOT = Path(__file__).resolve().parent.parent

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node.js to run the page's engine")
EPOCHS = 200
ACTS = ("sigmoid", "tanh", "relu")
WIDGET = "application/vnd.jupyter.widget-view+json"
STABLE = 1e-12
"""Some runs amplify rounding: a ReLU net whose outputs saturate under a wrong gradient divides
by 1 - p clipped at 1e-15, or multiplies by h (1 - h) < 0. There numpy's and V8's tanh / exp /
log1p, which may differ in the last bit, must part company, and so does xorlab from itself when
its initial weights move by 1e-15. The engine is held to 1e-9 on every epoch before xorlab's own
runs part by STABLE; that such a run really is unstable is asserted, not assumed."""


def fault_sets():
    """No fault, each fault alone, and every pair of two."""
    names = sorted(xl.FAULTS)
    return [()] + [(f,) for f in names] + list(itertools.combinations(names, 2))


def accepted(sizes, hidden, output, loss, faults):
    """Whether xorlab builds this network (architecture and faults)."""
    try:
        xl.core.mlp.make_spec(sizes, hidden, output, loss, True, faults)
    except ValueError:
        return False
    return True


def reference(sizes, hidden, output, loss, bias, faults, mode, lr, seed):
    """xorlab's losses over EPOCHS epochs (EPOCHS + 1 values) and a job for the engine with
    the same initial weights."""
    X, y = xl.xor()
    options = dict(hidden=hidden, output=output, loss=loss, bias=bias, faults=faults)
    net = xl.MLP(sizes, seed=seed, **options)
    with np.errstate(all="ignore"):
        run = xl.train_many(
            1, sizes, lr=lr, epochs=EPOCHS, seed=seed, mode=mode, loss_every=1, **options
        )
    job = dict(options, sizes=list(sizes), faults=list(faults), mode=mode, lr=lr, epochs=EPOCHS)
    job.update(X=X.tolist(), y=y.tolist(), params={k: v.tolist() for k, v in net.params.items()})
    return job, run.loss_curve[:, 0]


def stable_epochs(case, losses):
    """How many leading epochs xorlab's own run keeps to STABLE when W1 moves by 1e-15."""
    sizes, hidden, output, loss, bias, faults, mode, lr, seed = case
    net = xl.MLP(sizes, hidden, output, loss, bias, seed=seed, faults=faults)
    net.params["W1"] *= 1.0 + 1e-15
    X, y = xl.xor()
    with np.errstate(all="ignore"):
        nudged = xl.train(net, X, y, lr, EPOCHS, mode=mode).loss
    apart = ~np.isclose(nudged, losses, rtol=STABLE, atol=0, equal_nan=True)
    return int(np.argmax(apart)) if apart.any() else len(losses)


def cases():
    """Every hidden activation x loss x bias x fault (none or one) on a sigmoid output; every
    accepted pair of faults on two of those nets; each fault on tanh and relu outputs (with MSE:
    xorlab refuses BCE on an output outside (0, 1)); per-sample steps; and deeper nets. (Each
    case costs xorlab about 200 epochs, so not every pair on every net: a pair only composes
    steps that the single faults already test.)"""
    out = []
    singles = fault_sets()[: len(xl.FAULTS) + 1]
    for hidden, loss, bias in itertools.product(ACTS, ("bce", "mse"), (True, False)):
        paired = (hidden, loss, bias) in {("relu", "bce", True), ("tanh", "mse", False)}
        for faults in fault_sets() if paired else singles:
            if accepted((2, 2, 1), hidden, "sigmoid", loss, faults):
                out.append(((2, 2, 1), hidden, "sigmoid", loss, bias, faults, "batch", 0.5, 3))
    for output, loss in itertools.product(("tanh", "relu"), ("mse",)):
        for faults in singles:
            if accepted((2, 2, 1), "tanh", output, loss, faults):
                out.append(((2, 2, 1), "tanh", output, loss, True, faults, "batch", 0.1, 4))
    for faults in singles:
        if accepted((2, 2, 1), "tanh", "sigmoid", "bce", faults):
            out.append(((2, 2, 1), "tanh", "sigmoid", "bce", True, faults, "sample", 0.5, 1))
        if accepted((2, 2, 2, 1), "sigmoid", "sigmoid", "mse", faults):
            out.append(((2, 2, 2, 1), "sigmoid", "sigmoid", "mse", True, faults, "batch", 1.0, 2))
    out.append(((2, 5, 4, 1), "relu", "sigmoid", "bce", True, (), "batch", 0.2, 0))
    return out


def run_node(runs, inits=(), **more):
    files = [str(p) for p in live_explorers.engine_paths()]
    job = dict(files=files, draws=live_explorers.export_draws(8, 40), runs=runs, inits=list(inits))
    job.update(more)
    done = subprocess.run(
        [NODE, str(ROOT / "tests" / "explorer_node.js")],
        input=json.dumps(job), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def as_floats(values):
    return np.array([float(v) for v in values])


def test_engine_losses_match_xorlab_for_every_accepted_combination():
    all_cases = cases()
    jobs, expected = zip(*(reference(*case) for case in all_cases))
    result = run_node(list(jobs))["runs"]
    unstable = 0
    for case, want, got in zip(all_cases, expected, result):
        assert "error" not in got, (case, got)
        got = as_floats(got["losses"])
        if not np.allclose(got, want, rtol=1e-9, atol=0, equal_nan=True):
            upto = stable_epochs(case, want)
            assert upto < len(want), f"{case}: the engine parts from a stable xorlab run"
            got, want, unstable = got[:upto], want[:upto], unstable + 1
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=0, equal_nan=True, err_msg=str(case))
    assert unstable <= len(all_cases) // 20, f"{unstable} unstable runs: more than expected"


def test_engine_draws_the_same_initial_weights_as_xorlab():
    combos = [
        dict(sizes=sizes, init=init, init_scale=scale, seed=seed, bias=bias)
        for sizes, init, scale, seed, bias in [
            ((2, 4, 1), "xavier", 1.0, 0, True),
            ((2, 10, 1), "uniform01", 1.0, 7, False),
            ((2, 3, 1), "normal", 0.7, 5, True),
            ((2, 3, 2, 1), "he", 1.0, 2, True),
            ((1, 1, 1), "zeros", 1.0, 1, False),
        ]
    ]
    got = run_node([], combos)["inits"]
    for combo, params in zip(combos, got):
        want = xl.init_params(**combo)
        assert set(params) == set(want)
        for k, v in want.items():
            assert np.array_equal(np.array(params[k]).reshape(v.shape), v), (combo, k)


def test_engine_refuses_a_fault_the_network_cannot_have():
    job, _ = reference((2, 2, 1), "sigmoid", "sigmoid", "mse", True, (), "batch", 0.5, 0)
    job["faults"] = ["flipped_bce_grad"]
    with pytest.raises(ValueError, match="needs loss"):
        xl_faults.check(job["faults"], (2, 2, 1), "sigmoid", "sigmoid", "mse")
    assert "needs loss=bce" in run_node([job])["runs"][0]["error"]


def test_engine_refuses_cross_entropy_on_an_output_outside_0_1_as_xorlab_does():
    with pytest.raises(ValueError, match="loss='bce' needs output='sigmoid'"):
        xl.core.mlp.make_spec((2, 2, 1), "sigmoid", "tanh", "bce")
    job, _ = reference((2, 2, 1), "sigmoid", "tanh", "mse", True, (), "batch", 0.5, 0)
    job["loss"] = "bce"
    assert "loss bce needs output sigmoid" in run_node([job])["runs"][0]["error"]


def test_engine_refuses_two_faults_on_one_step_as_xorlab_does():
    pair = ["cost_as_gradient", "flipped_bce_grad"]
    with pytest.raises(ValueError, match="both replace the step 'loss_grad'"):
        xl_faults.check(pair, (2, 2, 1), "sigmoid", "sigmoid", "bce")
    job, _ = reference((2, 2, 1), "sigmoid", "sigmoid", "bce", True, (), "batch", 0.5, 0)
    job["faults"] = pair
    assert "both replace the step loss_grad" in run_node([job])["runs"][0]["error"]


def test_translated_program_matches_xorlab_online():
    """The chain-rule chapter's program, each bug alone and all six, 200 epochs per sample."""
    bug_sets = (
        [[]]
        + [[b] for b in xl.cases.chain_rule.TRANSLATION_BUGS]
        + [list(xl.cases.chain_rule.TRANSLATION_BUGS)]
    )
    jobs, expected = [], []
    for i, bugs in enumerate(bug_sets):
        start = xl.init_params((2, 2, 1), "uniform01", 1.0, i, bias=False)
        _, outs, _ = xl.cases.chain_rule.translation_train(
            bugs, lr=0.5, epochs=EPOCHS, seed=i, record_every=1
        )
        jobs.append(
            dict(start={k: v.tolist() for k, v in start.items()}, bugs=bugs, lr=0.5, epochs=EPOCHS)
        )
        expected.append(outs[:, :, 0])
    got = run_node([], translations=jobs)["translations"]
    for bugs, want, out in zip(bug_sets, expected, got):
        np.testing.assert_allclose(np.array(out), want, rtol=1e-9, atol=0, err_msg=str(bugs))


def test_planted_bugs_match_xorlab_planted():
    """The field guide's planted implementations: the loss over 300 steps, bug by bug.

    To 1e-6 relative rather than 1e-9: "error y - p" drives every output toward the wrong end
    and the loss toward its clip at -log(1e-12), where -log(1 - p) with p near 1 turns last-bit
    differences of tanh and exp into differences of order 1e-8 (three epochs of 301 there).
    """
    jobs = [dict(bug=bug, lr=0.5, seed=0, steps=300) for bug in xl.cases.field_guide.BUGS]
    got = run_node([], planted=jobs)["planted"]
    for job, out in zip(jobs, got):
        imp = xl.cases.field_guide.implementation(job["bug"], lr=0.5, seed=0)
        q, want = imp["params"], []
        with np.errstate(all="ignore"):
            for step in range(job["steps"] + 1):
                want.append(imp["loss"](q))
                if step < job["steps"]:
                    q = imp["step"](q, imp["grad"](q))
        np.testing.assert_allclose(np.array(out), want, rtol=1e-6, atol=0, err_msg=job["bug"])


def test_every_widget_output_of_the_chapters_has_a_live_explorer():
    """No ipywidget reaches the HTML: each cell that outputs one names a live explorer that
    exists."""
    import nbformat

    known = set(run_node([])["explorers"])
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        live = {
            c.metadata["xorlab"]["live"] for c in cells if "live" in c.metadata.get("xorlab", {})
        }
        assert live <= known, f"{path.name}: unknown explorer {live - known}"
        for cell in cells:
            views = [o for o in cell.get("outputs", []) if WIDGET in o.get("data", {})]
            if views:
                assert "live" in cell.metadata.get("xorlab", {}), f"{path.name}: {cell.source[:60]}"
