"""Sharing one big training call among the computer's CPUs, with the very same results.

`train_many` and `train_online` cut a big call into parts by seed (`parts`) and run the parts
side by side (`run_parts`). Networks in a stack never interact, so `train_many(1000, seed=0)` is
`train_many(500, seed=0)` followed by `train_many(500, seed=500)`, bit for bit, as long as every
part holds at least two networks (a stack of one takes another path through `np.einsum`, which
rounds differently in the last bit). `tests/test_parallel.py` checks both equalities.

The worker processes are loky's (the executor under joblib): started once and reused, sent the
calls by cloudpickle (so a function defined in a notebook travels too), with no need for an
`if __name__ == "__main__"` guard in a script; they stop when the caller exits, or after `IDLE`
seconds without work (should the caller have been killed before it could stop them). Each runs
in a session of its own (`os.setsid`): a Jupyter kernel's signals do not reach it, and Linux,
which shares the CPUs out among sessions, gives it a share of its own on a busy machine
(benchmarks/parallel_pool.md). A worker applies the caller's `xorlab.LIMITS` and `np.geterr()`;
the warnings a call raised in it are raised again here.
"""

import os
import sys
import threading
import warnings

import loky
import numpy as np
from loky.process_executor import TerminatedWorkerError

from . import _validate

SPLIT_FROM = 1_000_000
"""Network-steps (networks x epochs x steps per epoch) from which one call is cut into parts:
about a third of a second of work on one core, so that handing out the parts costs little."""

IDLE = 60
"""Seconds a worker waits for work before it stops: long enough for the calls of a chapter to
share the same workers, short enough that the workers of a killed caller do not linger."""

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

_in_worker = False
_lock = threading.Lock()  # one call at a time uses the workers


def usable_cpus():
    """CPUs this process may use: its CPU affinity, capped by a container's CPU quota (loky's
    count, which rounds a quota of 1.5 CPUs up to 2)."""
    return loky.cpu_count()


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
    worker processes, one per part; returns the results in the order of `cuts`.

    An error a part raised is raised here; a worker that died raises a RuntimeError. Either way,
    or when the caller is interrupted, the workers are stopped, so that no part still running
    holds up the next call.
    """
    state = (vars(_validate.LIMITS).copy(), np.geterr())
    with _lock:
        pool = loky.get_reusable_executor(
            len(cuts), timeout=IDLE, env=WORKER_ENV, initializer=os.setsid
        )
        futures = [
            pool.submit(_run_in_worker, trainer, dict(kwargs, n=size, seed=first), state)
            for size, first in cuts
        ]
        try:
            answers = [f.result() for f in futures]
        except TerminatedWorkerError:
            raise RuntimeError(
                "a worker process of xorlab.core.parallel stopped before answering (out of "
                "memory?); run the call again, or pass workers=1 to run it in this process"
            ) from None
        except BaseException:
            pool.shutdown(wait=True, kill_workers=True)
            raise
    for _, caught in answers:
        for warning in caught:
            _warn_again(*warning)
    return [result for result, _ in answers]


def _run_in_worker(function, kwargs, state):
    """`function(**kwargs)` as a worker runs it: under the caller's (LIMITS, np.geterr()) `state`
    and never sharing out again. Returns (result, warnings), each warning as (message, category,
    filename, lineno)."""
    global _in_worker
    _in_worker = True
    limits, errors = state
    vars(_validate.LIMITS).update(limits)
    with np.errstate(**errors), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        result = function(**kwargs)
    return result, [(str(w.message), w.category, w.filename, w.lineno) for w in caught]


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
