"""Sharing one big training call among the computer's CPUs, with the very same results.

`train_many` and `train_online` cut a big call into parts by seed (`parts`) and run the parts
side by side in worker processes (`run_parts`). Networks in a stack never interact, so
`train_many(1000, seed=0)` is `train_many(500, seed=0)` followed by `train_many(500, seed=500)`,
bit for bit, as long as every part holds at least two networks (a stack of one takes another path
through `np.einsum`, which rounds differently in the last bit). `tests/test_parallel.py` checks
both equalities.

The workers are fresh Python interpreters that read pickled calls on their standard input and
write the results on their standard output. They never import the caller's script (as
`multiprocessing` would), so a script needs no `if __name__ == "__main__"` guard. They run in
their own session, so a Jupyter kernel neither waits for them nor signals them when it stops;
they stop when the caller exits or is interrupted. A worker applies the caller's
`xorlab.LIMITS` and `np.geterr()`; the warnings a call raised in it are raised again here.
Why this pool and not loky's (joblib's executor): benchmarks/parallel_pool.md.
"""

import atexit
import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import numpy as np

from . import _validate

SPLIT_FROM = 1_000_000
"""Network-steps (networks x epochs x steps per epoch) from which one call is cut into parts:
about a third of a second of work on one core, so that handing out the parts costs little."""

CPU_MAX = Path("/sys/fs/cgroup/cpu.max")
"""Linux's CPU quota of a container under cgroup v2: "<quota> <period>", "max <period>" if none."""

CFS_QUOTA = Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")
"""The same under cgroup v1, in two files: the quota (-1 if none) and, beside it, the period."""

WORKER_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_MMAP_THRESHOLD_": str(2**25),
    "MALLOC_TRIM_THRESHOLD_": str(2**28),
    "MALLOC_TOP_PAD_": str(2**24),
}
"""What the workers run with. One thread each for linear algebra (there is a worker per CPU
already). And glibc's malloc told to keep the memory it frees: every epoch allocates and frees
the same arrays of a few hundred kB, and when malloc hands such memory back to the system, the
next epoch pays a page fault per 4 kB to get it again, up to twice the time of the arithmetic."""

_workers = []
_in_worker = False
_lock = threading.Lock()  # one call at a time talks to the workers


def usable_cpus():
    """CPUs this process may use: its CPU affinity, capped by a container's CPU quota."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1  # os.cpu_count() is None when it cannot tell
    quota = _quota()
    return cpus if quota is None else min(cpus, quota)


def _quota():
    """Whole CPUs the container's quota allows (cgroup v2, else v1; at least 1), None if none."""
    try:
        if CPU_MAX.exists():
            quota, period = CPU_MAX.read_text().split()
        else:
            quota = CFS_QUOTA.read_text().strip()
            period = CFS_QUOTA.with_name("cpu.cfs_period_us").read_text().strip()
        return None if quota in ("max", "-1") else max(1, int(quota) // int(period))
    except (OSError, ValueError):
        return None


def parts(n, seed, steps, workers=None):
    """Cut a call of n networks (seeds seed, seed + 1, ...) taking `steps` steps each into parts:
    a list of (networks, first seed), consecutive and in order.

    `workers=None` gives one part per usable CPU when n x steps >= SPLIT_FROM, else one part; a
    number asks for that many. Never more than n // 2 parts: each holds at least two networks.
    """
    if workers is None and n * steps < SPLIT_FROM:
        return [(n, seed)]
    k = max(1, min(_wanted(workers), n // 2))
    sizes = [n // k + (i < n % k) for i in range(k)]
    firsts = [seed + sum(sizes[:i]) for i in range(k)]
    return list(zip(sizes, firsts))


def _wanted(workers):
    """The workers a call asks for: `workers` (checked), or every usable CPU for None; always
    one inside a worker, which never starts workers of its own."""
    if workers is not None:
        _validate.positive(workers, "workers", integer=True)
    if _in_worker:
        return 1
    return usable_cpus() if workers is None else workers


def run_parts(trainer, cuts, **kwargs):
    """`trainer(n=size, seed=first, **kwargs)` for each (size, first) of `cuts`, all at once in
    worker processes (where `workers` asks for nothing: a worker never shares out again);
    returns the results in the order of `cuts`."""
    calls = [dict(kwargs, n=size, seed=first) for size, first in cuts]
    return _run(trainer, calls, len(cuts))


def _run(function, calls, k):
    """function(**c) for each c of `calls` on k workers, k threads feeding them; in order."""
    with _lock:
        return _run_unlocked(function, calls, k)


def _run_unlocked(function, calls, k):
    state = (vars(_validate.LIMITS).copy(), np.geterr())
    todo = queue.SimpleQueue()
    for i, call in enumerate(calls):
        todo.put((i, call))
    answers = [None] * len(calls)
    broken = []

    def feed(worker):
        while True:
            try:
                i, call = todo.get_nowait()
            except queue.Empty:
                return
            try:
                pickle.dump((function, call, state), worker.stdin)
                worker.stdin.flush()
                answers[i] = _answer(worker)
            except Exception as error:  # the worker died: nothing more goes to it
                broken.append(error)
                return

    threads = [threading.Thread(target=feed, args=(w,)) for w in _ready(k)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    except BaseException:  # interrupted: the workers may still answer, so none is kept
        _stop_all()
        raise
    if broken:
        _stop_all()
        raise broken[0]  # pragma: no mutate
    for ok, value in answers:
        if not ok:
            raise value
    for _, (_, caught) in answers:
        for warning in caught:
            _warn_again(*warning)
    return [result for _, (result, _) in answers]


def _answer(worker):
    """(True, (result, warnings)) or (False, the error the call raised) from a worker."""
    try:
        return pickle.load(worker.stdout)
    except EOFError:
        raise RuntimeError(
            "a worker process of xorlab.core.parallel stopped before answering (out of memory?); "
            "run the call again, or pass workers=1 to run it in this process"
        ) from None


def _warn_again(message, category, filename, lineno):
    """Raise a worker's warning here, once per place as Python does, with that module's
    registry when the place is in a module loaded here."""
    module = next(
        (m for m in list(sys.modules.values()) if getattr(m, "__file__", None) == filename),
        None,
    )
    registry = None if module is None else vars(module).setdefault("__warningregistry__", {})
    name = None if module is None else module.__name__
    warnings.warn_explicit(message, category, filename, lineno, name, registry)


def serve():
    """A worker's loop: read a call, run it, write its answer; stop at the end of the input."""
    global _in_worker
    _in_worker = True
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must not mix with the answers
    while True:
        try:
            function, kwargs, (limits, errors) = pickle.load(source)
        except EOFError:
            return
        vars(_validate.LIMITS).update(limits)
        try:
            with np.errstate(**errors), warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("default")
                result = function(**kwargs)
            found = [(str(w.message), w.category, w.filename, w.lineno) for w in caught]
            answer = (True, (result, found))
        except Exception as error:
            answer = (False, error)
        pickle.dump(answer, sink)
        sink.flush()


def _ready(k):
    """k running workers, starting any missing: the parent folder of xorlab goes first on their
    PYTHONPATH, so that they import this very copy."""
    _workers[:] = [w for w in _workers if w.poll() is None]
    home = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (home, os.environ.get("PYTHONPATH")) if p)
    command = [sys.executable, "-c", "from xorlab.core.parallel import serve; serve()"]
    while len(_workers) < k:
        _workers.append(
            subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env={**os.environ, **WORKER_ENV, "PYTHONPATH": path},
                start_new_session=True,
            )
        )
    return _workers[:k]


def _stop_all():
    """Stop every worker and collect it (the next call starts new ones)."""
    for worker in _workers:
        worker.kill()
        worker.wait()
        for pipe in (worker.stdin, worker.stdout):
            with contextlib.suppress(OSError):  # a killed worker's pipe may be broken
                pipe.close()
    _workers.clear()


atexit.register(_stop_all)
