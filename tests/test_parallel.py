"""Calls shared among worker processes (xorlab.core.parallel): the same results to the last bit."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import warnings

import numpy as np
import pytest

import xorlab as xl
from xorlab.core import parallel

FIELDS = ("success", "final_loss", "epochs_to_solve", "outputs", "loss_curve")


def assert_same(a, b):
    """Two ManyResults equal bit for bit, with the same memory layout (so that any later
    computation on them rounds the same way)."""
    for name in FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        if x is None:
            assert y is None, name
            continue
        assert np.array_equal(x, y, equal_nan=x.dtype.kind == "f"), name
        assert x.strides == y.strides, name
    for source in ("params", "initial_params"):
        for k, x in getattr(a, source).items():
            y = getattr(b, source)[k]
            assert np.array_equal(x, y) and x.strides == y.strides, (source, k)
    assert (a.seed, a.init, a.init_scale, a.spec) == (b.seed, b.init, b.init_scale, b.spec)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {
            "hidden": "relu",
            "sizes": (2, 10, 1),
            "init": "uniform01",
            "bias": False,
            "faults": ("sigmoid_derivative_of_output", "leak_forward_only"),
            "lr": 0.4,
        },
        {"hidden": "tanh", "sizes": (2, 3, 1), "loss": "mse", "mode": "sample"},
        {"hidden": "tanh", "sizes": (2, 4, 3, 1), "init_scale": 3.0, "seed": 17},
        {"faults": ("input_activation_derivative", "flipped_update_sign")},
        {"X": xl.and_()[0], "y": xl.and_()[1], "init": "normal"},
    ],
)
def test_train_many_in_parts_equals_one_process(kw):
    kw = {"lr": 0.5, "epochs": 60, "loss_every": 7, **kw}
    alone = xl.train_many(101, workers=1, **kw)
    assert_same(xl.train_many(101, workers=2, **kw), alone)
    assert_same(xl.train_many(101, workers=3, **kw), alone)


def test_train_online_in_parts_equals_one_process():
    kw = dict(loss="mse", lr=0.5, epochs=40, init="normal", order="output_first")
    assert_same(
        xl.cases.chain_rule.train_online(64, workers=2, **kw),
        xl.cases.chain_rule.train_online(64, workers=1, **kw),
    )


def test_a_big_call_is_cut_by_itself_and_a_small_one_is_not(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 4)
    steps = parallel.SPLIT_FROM // 1000
    assert parallel.parts(1000, 5, steps) == [(250, 5), (250, 255), (250, 505), (250, 755)]
    assert parallel.parts(1000, 5, steps - 1) == [(1000, 5)]
    assert parallel.parts(7, 0, 10**9) == [(3, 0), (2, 3), (2, 5)]  # no part of one
    assert parallel.parts(3, 0, 10**9) == [(3, 0)]
    assert parallel.parts(10, 0, 1, workers=3) == [(4, 0), (3, 4), (3, 7)]
    for bad in (0, -1, 1.5, "2"):
        with pytest.raises((TypeError, ValueError), match="workers"):
            parallel.parts(10, 0, 1, workers=bad)


def test_usable_cpus_are_those_the_process_may_run_on():
    first = min(os.sched_getaffinity(0))
    program = (
        "import os; from xorlab.core import parallel\n"
        f"os.sched_setaffinity(0, {{{first}}}); print(parallel.usable_cpus())"
    )
    pinned = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert pinned.stdout.split() == ["1"], pinned.stderr[-2000:]
    assert 1 <= parallel.usable_cpus() <= len(os.sched_getaffinity(0))


def test_inside_a_worker_nothing_is_shared_out_again(monkeypatch):
    monkeypatch.setattr(parallel, "_in_worker", True)
    assert parallel.parts(1000, 0, 10**9, workers=4) == [(1000, 0)]
    assert parallel.parts(1000, 0, 10**9) == [(1000, 0)]


def worker_pid(n, seed):
    """What a part answers in the tests below: the process that ran it, and its part."""
    return os.getpid(), n, seed


def nested_cuts(n, seed):
    """The parts a call made inside a worker would be cut into."""
    return parallel.parts(n, seed, 10**9, workers=2)


def test_the_workers_are_reused_in_sessions_of_their_own_and_never_share_out_again():
    first = parallel.run_parts(worker_pid, [(2, 0), (2, 2)])
    assert [(n, seed) for _, n, seed in first] == [(2, 0), (2, 2)]
    pids = {pid for pid, _, _ in first}
    assert os.getpid() not in pids
    assert all(os.getsid(pid) == pid for pid in pids)  # each leads a session of its own
    again = parallel.run_parts(worker_pid, [(3, 0), (3, 3)])
    assert {pid for pid, _, _ in again} <= pids  # the same processes, started once
    assert parallel.run_parts(nested_cuts, [(8, 0), (8, 8)]) == [[(8, 0)], [(8, 8)]]


def test_parts_come_back_in_order_whichever_finishes_first():
    # uneven parts: the later, smaller ones finish first, yet come back in order
    cuts = [(40, 0), (2, 40), (6, 42), (2, 48)]
    for got, (n, seed) in zip(parallel.run_parts(xl.train_many, cuts, epochs=300), cuts):
        assert_same(got, xl.train_many(n, epochs=300, seed=seed, workers=1))


def test_a_function_defined_in_a_notebook_or_a_test_can_be_shared_out():
    def defined_here(n, seed, scale):  # not importable by a fresh Python: cloudpickle sends it
        return np.arange(n) * scale + seed

    got = parallel.run_parts(defined_here, [(2, 0), (3, 10)], scale=0.5)
    assert [list(g) for g in got] == [[0.0, 0.5], [10.0, 10.5, 11.0]]


def test_an_error_in_a_part_reaches_the_caller_unchanged():
    with pytest.raises(ValueError) as serial:
        xl.train_many(5, lr=-1)
    with pytest.raises(ValueError) as shared:
        parallel.run_parts(xl.train_many, [(5, 0), (5, 5)], lr=-1)
    assert str(shared.value) == str(serial.value)
    assert len(parallel.run_parts(xl.train_many, [(3, 0), (3, 3)])) == 2  # still fine


def die(n, seed):
    """A part whose worker process is killed before it answers."""
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_is_reported_and_replaced():
    with pytest.raises(RuntimeError, match="stopped before answering"):
        parallel.run_parts(die, [(2, 0), (2, 2)])
    got = parallel.run_parts(xl.train_many, [(4, 0), (4, 4)], epochs=3)
    assert_same(got[0], xl.train_many(4, epochs=3))


def fail_while_the_other_part_runs(n, seed, folder):
    """Part 0 raises once part 1 has started (and written its process id); part 1 sleeps."""
    if seed == 0:
        while not (folder / "pid").exists():
            time.sleep(0.01)
        raise ValueError("part 0 failed")
    (folder / "pid.tmp").write_text(str(os.getpid()))
    (folder / "pid.tmp").rename(folder / "pid")
    time.sleep(600)


def test_a_failed_call_leaves_no_part_running(tmp_path):
    with pytest.raises(ValueError, match="part 0 failed"):
        parallel.run_parts(fail_while_the_other_part_runs, [(2, 0), (2, 2)], folder=tmp_path)
    with pytest.raises(ProcessLookupError):  # the sleeping part's worker was stopped
        os.kill(int((tmp_path / "pid").read_text()), 0)


def test_warnings_limits_and_floating_point_settings_travel_to_the_workers(monkeypatch):
    diverging = dict(
        n=20, loss="mse", hidden="relu", output="identity", lr=1e10, epochs=50, init_scale=100
    )
    with np.errstate(all="warn"), pytest.warns(RuntimeWarning, match="overflow"):
        xl.train_many(workers=2, **diverging)
    with np.errstate(all="raise"), pytest.raises(FloatingPointError):
        xl.train_many(workers=2, **diverging)
    with np.errstate(all="warn"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")  # once per place, as Python shows warnings
        for _ in range(2):
            xl.train_many(workers=2, **diverging)
    places = [(str(w.message), w.filename, w.lineno) for w in caught]
    assert places and len(places) == len(set(places))
    with np.errstate(all="warn"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", module="xorlab")  # a filter on the module's name
        xl.train_many(workers=2, **diverging)
    assert caught == []
    monkeypatch.setattr(xl.LIMITS, "work", 1000)
    with pytest.raises(ValueError, match="LIMITS.work"):  # raised by the parts, in the workers
        parallel.run_parts(xl.core.batched.train_many, [(40, 0), (40, 40)], epochs=30)


def test_a_script_without_a_main_guard_shares_its_calls_and_leaves_no_worker(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(
        textwrap.dedent("""
        import os
        import xorlab as xl
        print("start")
        r = xl.train_many(1000, epochs=1000)  # big enough to be cut into parts
        s = xl.train_many(1000, epochs=1000, workers=1)
        children = [p for p in os.listdir("/proc") if p.isdigit()
                    and open(f"/proc/{p}/stat").read().split()[3] == str(os.getpid())]
        workers = [p for p in children if b"LokyProcess" in open(f"/proc/{p}/cmdline", "rb").read()]
        print(r.success.sum() == s.success.sum(), len(workers), *workers)
    """)
    )
    run = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    start, same, count, *pids = run.stdout.split()  # the workers while the script ran
    cpus = parallel.usable_cpus()
    assert [start, same, count] == ["start", "True", str(cpus if cpus > 1 else 0)]
    for pid in map(int, pids):  # every worker stopped with the script
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_two_threads_sharing_the_workers_each_get_their_own_answers():
    settings = {seed: dict(n=8, epochs=20, seed=seed) for seed in (0, 50)}
    got = {}

    def work(seed):
        got[seed] = xl.train_many(workers=2, **settings[seed])

    threads = [threading.Thread(target=work, args=(seed,)) for seed in settings]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for seed, result in got.items():
        assert_same(result, xl.train_many(workers=1, **settings[seed]))


def test_a_worker_runs_a_call_under_the_callers_settings(monkeypatch):
    # what a worker runs, run here: the caller's LIMITS and np.geterr() applied, warnings kept
    state = ({**vars(xl.LIMITS), "work": 10**6}, {**np.geterr(), "over": "raise"})
    diverging = dict(
        n=20, loss="mse", hidden="relu", output="identity", lr=1e10, epochs=50, init_scale=100
    )
    monkeypatch.setattr(parallel, "_in_worker", False)
    limits = vars(xl.LIMITS).copy()
    try:
        first, caught = parallel._run_in_worker(xl.train_many, dict(n=3, epochs=4), state)
        assert parallel._in_worker and xl.LIMITS.work == 10**6  # the caller's bound, applied
        with pytest.raises(ValueError, match="LIMITS.work"):
            parallel._run_in_worker(xl.train_many, dict(n=40, epochs=1000), state)
        with pytest.raises(FloatingPointError):  # the caller's np.geterr()
            parallel._run_in_worker(xl.train_many, diverging, state)
        warned = (limits, {**np.geterr(), "over": "warn"})
        _, overflow = parallel._run_in_worker(xl.train_many, diverging, warned)
    finally:
        vars(xl.LIMITS).update(limits)
    assert caught == [] and isinstance(first, xl.ManyResult)
    assert_same(first, xl.train_many(3, epochs=4))
    assert overflow and all(w[1] is RuntimeWarning for w in overflow)
    assert any("overflow" in w[0] for w in overflow)
