"""Calls shared among worker processes (xorlab.core.parallel): the same results to the last bit."""

import io
import os
import pickle
import subprocess
import sys
import textwrap
import threading
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
    kw = dict(loss="mse", lr=0.5, epochs=40, init="normal")
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


@pytest.mark.parametrize(
    ("v2", "v1", "cpus"),
    [
        ("max 100000", None, 3),
        ("150000 100000", None, 1),
        ("50000 100000", None, 1),
        ("200000 100000", "100000", 2),  # v2 wins where both exist
        ("nonsense", None, 3),
        (None, "-1", 3),
        (None, "250000", 2),
        (None, "oops", 3),
        (None, None, 3),
    ],
)
def test_usable_cpus_honours_the_container_quota(tmp_path, monkeypatch, v2, v1, cpus):
    mine = {0, 1, 2}  # this process's CPUs (pid 0 is this process)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: mine if pid == 0 else {0})
    (tmp_path / "cpu").mkdir()
    monkeypatch.setattr(parallel, "CPU_MAX", tmp_path / "cpu.max")
    monkeypatch.setattr(parallel, "CFS_QUOTA", tmp_path / "cpu" / "cpu.cfs_quota_us")
    if v2 is not None:
        parallel.CPU_MAX.write_text(v2 + "\n")
    if v1 is not None:
        parallel.CFS_QUOTA.write_text(v1 + "\n")
        (tmp_path / "cpu" / "cpu.cfs_period_us").write_text("100000\n")
    assert parallel.usable_cpus() == cpus


def test_without_an_affinity_or_a_count_there_is_one_cpu(monkeypatch, tmp_path):
    monkeypatch.delattr(parallel.os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: None)  # "cannot tell"
    monkeypatch.setattr(parallel, "CPU_MAX", tmp_path / "absent")
    monkeypatch.setattr(parallel, "CFS_QUOTA", tmp_path / "absent too")
    assert parallel.usable_cpus() == 1
    (tmp_path / "absent").write_text("200000 100000\n")  # a quota of two CPUs
    assert parallel.usable_cpus() == 1


def test_inside_a_worker_nothing_is_shared_out_again(monkeypatch):
    parallel._stop_all()
    monkeypatch.setattr(parallel, "_in_worker", True)
    assert parallel.parts(1000, 0, 10**9, workers=4) == [(1000, 0)]
    assert parallel.parts(1000, 0, 10**9) == [(1000, 0)]
    xl.train_many(1000, epochs=1000)  # big enough to be cut, elsewhere
    assert parallel._workers == []


def test_the_workers_are_reused_in_a_session_of_their_own():
    parallel._stop_all()
    xl.train_many(8, epochs=3, workers=2)
    first = [w.pid for w in parallel._workers]
    assert len(first) == 2
    assert all(os.getsid(pid) != os.getsid(0) for pid in first)  # not our process group
    xl.train_many(6, epochs=3, workers=2)
    assert [w.pid for w in parallel._workers] == first
    xl.train_many(8, epochs=3, workers=1)  # in this process
    assert [w.pid for w in parallel._workers] == first


def test_parts_come_back_in_order_whichever_finishes_first():
    # uneven parts: the later, smaller ones finish first, yet come back in order
    cuts = [(40, 0), (2, 40), (6, 42), (2, 48)]
    for got, (n, seed) in zip(parallel.run_parts(xl.train_many, cuts, epochs=300), cuts):
        assert_same(got, xl.train_many(n, epochs=300, seed=seed, workers=1))


def test_an_error_in_a_call_reaches_the_caller_unchanged():
    with pytest.raises(ValueError) as serial:
        xl.train_many(5, lr=-1)
    with pytest.raises(ValueError) as shared:  # raised by the parts, in the workers
        parallel.run_parts(xl.train_many, [(5, 0), (5, 5)], lr=-1)
    assert str(shared.value) == str(serial.value)
    assert len(parallel.run_parts(xl.train_many, [(3, 0), (3, 3)])) == 2  # still fine


def test_a_worker_that_dies_is_reported_and_replaced():
    with pytest.raises(RuntimeError, match="stopped before answering"):
        parallel._run(sys.exit, [{}, {}], 2)  # a call that ends its worker's process
    assert all(w.poll() is not None for w in parallel._workers) or not parallel._workers
    got = parallel.run_parts(xl.train_many, [(4, 0), (4, 4)], epochs=3)
    assert_same(got[0], xl.train_many(4, epochs=3))


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


def test_a_script_without_a_main_guard_shares_its_calls(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(
        textwrap.dedent("""
        import xorlab as xl
        from xorlab.core import parallel
        print("start")
        r = xl.train_many(1000, epochs=1000)  # big enough to be cut into parts
        s = xl.train_many(1000, epochs=1000, workers=1)
        print(r.success.sum() == s.success.sum(), len(parallel._workers))
    """)
    )
    run = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    cpus = parallel.usable_cpus()
    assert run.stdout.split() == ["start", "True", str(cpus if cpus > 1 else 0)]


def test_two_threads_sharing_the_workers_each_get_their_own_answers():
    settings = {seed: [dict(n=4, epochs=20, seed=seed + i) for i in range(3)] for seed in (0, 50)}
    got = {}

    def work(seed):
        cuts = [(s["n"], s["seed"]) for s in settings[seed]]
        got[seed] = parallel.run_parts(xl.train_many, cuts, epochs=20)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in settings]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for seed, results in got.items():
        for result, s in zip(results, settings[seed]):
            assert_same(result, xl.train_many(**s))


def test_a_worker_answers_each_call_in_order_and_stops_at_the_end(monkeypatch):
    # serve() as a worker runs it, but in this process: its input and output are buffers
    state = ({**vars(xl.LIMITS), "work": 10**6}, {**np.geterr(), "over": "raise"})
    diverging = dict(
        n=20, loss="mse", hidden="relu", output="identity", lr=1e10, epochs=50, init_scale=100
    )
    calls = [dict(n=3, epochs=4), dict(n=3, lr=-1), dict(n=40, epochs=1000), diverging]
    source = io.BytesIO(b"".join(pickle.dumps((xl.train_many, c, state)) for c in calls))
    sink = io.BytesIO()
    stdin, stdout = io.TextIOWrapper(source), io.TextIOWrapper(sink)  # kept: closing one
    monkeypatch.setattr(sys, "stdin", stdin)  # would close its buffer
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(parallel, "_in_worker", False)
    limits = vars(xl.LIMITS).copy()
    try:
        parallel.serve()  # returns at the end of its input
        assert parallel._in_worker and xl.LIMITS.work == 10**6  # the caller's bound, applied
    finally:
        vars(xl.LIMITS).update(limits)
    sink.seek(0)
    answers = [pickle.load(sink) for _ in calls]
    (ok, (first, caught)), (failed, error), (too_big, bound), (overflow, raised) = answers
    assert ok and caught == [] and isinstance(first, xl.ManyResult)
    assert_same(first, xl.train_many(3, epochs=4))
    assert not failed and isinstance(error, ValueError) and "lr" in str(error)
    assert not too_big and "LIMITS.work" in str(bound)
    assert not overflow and isinstance(raised, FloatingPointError)  # the caller's np.geterr()
    assert sink.read() == b""
