"""How long each nbgrader assignment takes to run, as autograde runs it (a budget of 60 s each).

    .venv-grade/bin/python -m benchmarks.assignments [COURSE_DIR]

Writes the course (tools/assignments.py) into COURSE_DIR (default: a temporary folder) and runs
every source notebook (all solutions and hidden tests) in a fresh kernel, top to bottom. Prints
the wall-clock and the CPU seconds of the kernel per notebook: on a busy machine the CPU time is
the better estimate of what an idle one takes.
"""

import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

from tools import assignments, steady_kernel, toc

ROOT = Path(__file__).resolve().parents[1]

steady_kernel.patch()


def run(path):
    """(wall seconds, kernel CPU seconds, error cells) of one notebook in a fresh kernel."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True)
    start = time.perf_counter()
    with client.setup_kernel():
        kernel = psutil.Process(client.km.provisioner.process.pid)
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        cpu = sum(kernel.cpu_times()[:2])
    errors = [
        c.metadata.get("nbgrader", {}).get("grade_id", "?")
        for c in nb.cells
        if c.cell_type == "code" and any(o.output_type == "error" for o in c.outputs)
    ]
    return time.perf_counter() - start, cpu, errors


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "course"
    paths = toc.chapters()
    assignments.write_source(folder, paths)
    print(f"{'assignment':24s} {'wall s':>7s} {'CPU s':>6s}  cells that raised")
    for path in paths:
        wall, cpu, errors = run(folder / "source" / path.stem / f"{path.stem}.ipynb")
        print(f"{path.stem:24s} {wall:7.1f} {cpu:6.1f}  {', '.join(errors) or '-'}")


if __name__ == "__main__":
    main()
