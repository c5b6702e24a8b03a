"""Worker pools side by side: xorlab's hand-written pool against loky's executor.

    python benchmarks/parallel_pool.py run big|chapter      # the work, once, in this process
    python benchmarks/parallel_pool.py compare CODE CODE    # two trees in turn: min and median

`run` does the work with whichever `xorlab` comes first on PYTHONPATH; `compare` runs it as a
whole process (Python, `import xorlab`, the workers' start, the training) with the xorlab of
each `code/` folder named (this tree's, and one holding the other pool: see
benchmarks/parallel_pool.md), alternating, RUNS times each, and prints the wall-clock seconds.
Pin the CPUs with `taskset -c 0` (one CPU) or `taskset -c 0,1` (two).
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import xorlab as xl

RUNS = 5
WORKLOADS = {
    # one call big enough to be cut into parts, of some seconds' work on one core
    "big": [dict(n=2000, epochs=20_000)],
    # a chapter's sequence of calls: a grid of scales and rates, a recorded loss curve,
    # per-sample training, and a call too small to be cut (it stays in the caller)
    "chapter": [
        *(
            dict(n=500, epochs=3000, init="normal", init_scale=s, lr=lr, seed=1000)
            for s in (0.1, 1.0)
            for lr in (0.4, 4.0)
        ),
        dict(n=1000, lr=0.1, epochs=1000, faults=("flipped_bce_grad",), loss_every=1),
        dict(n=200, loss="mse", lr=0.1, epochs=2500, bias=False, mode="sample"),
        dict(n=100, lr=5.0, epochs=2000, init="normal", init_scale=0.2),
    ],
}


def run(workload):
    """Do the work once; print how many networks learned XOR (the same for both pools)."""
    print(sum(int(xl.train_many(**s).success.sum()) for s in WORKLOADS[workload]))


def compare(first, second):
    """Time `run` as a whole process with each tree's xorlab, alternating; print min and median."""
    trees = {first: Path(first), second: Path(second)}
    for workload in WORKLOADS:
        times = {name: [] for name in trees}
        for _ in range(RUNS + 1):  # the first round warms the disk cache and is not counted
            for name, code in trees.items():
                env = {**os.environ, "PYTHONPATH": str(code.resolve())}
                start = time.perf_counter()
                subprocess.run([sys.executable, __file__, "run", workload], env=env, check=True)
                times[name].append(time.perf_counter() - start)
        for name, seconds in times.items():
            counted = seconds[1:]
            print(
                f"{workload:8s} {name:30s} wall s: min {min(counted):.2f} "
                f"median {statistics.median(counted):.2f}"
            )


if __name__ == "__main__":
    {"run": run, "compare": compare}[sys.argv[1]](*sys.argv[2:])
