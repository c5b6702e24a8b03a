"""Re-run chapter notebooks in place, each in a fresh kernel, so the stored outputs are current.

    python -m tools.execute [NOTEBOOK ...]      # default: every chapters/*.ipynb

Outputs and widget state are stored; cell timings are not. Widget model ids (random on every
run) are renamed to ids derived from the notebook's name and the model's position, and
consecutive stdout (or stderr) chunks are merged (the kernel splits them by timing), so
re-executing an unchanged notebook gives no diff.
"""

import json
import sys
import time
import uuid
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tools import steady_kernel

ROOT = Path(__file__).resolve().parent.parent
steady_kernel.patch()
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def stable_widget_ids(nb, name: str):
    """Return `nb` with each widget model id replaced by a deterministic one."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    text = json.dumps(nb)
    for index, old in enumerate(list(state)):
        new = uuid.uuid5(uuid.NAMESPACE_URL, f"{name}#{index}").hex
        text = text.replace(old, new)
    return nbformat.from_dict(json.loads(text))


def coalesce_streams(nb):
    """Merge consecutive stream outputs of the same name within each code cell."""
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        merged = []
        for out in cell.outputs:
            last = merged[-1] if merged else None
            if last and out.output_type == last.output_type == "stream" and out.name == last.name:
                last.text += out.text
            else:
                merged.append(out)
        cell.outputs = merged


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=True,
    ).execute()
    seconds = time.perf_counter() - start
    coalesce_streams(nb)
    nbformat.write(stable_widget_ids(nb, path.stem), path)
    return seconds


def main(paths: list[str]) -> None:
    notebooks = [Path(p) for p in paths] or sorted((ROOT / "chapters").glob("*.ipynb"))
    for path in notebooks:
        print(f"{path}: {execute(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
