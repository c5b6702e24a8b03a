"""Binder: runtime.txt names a Python for which requirements.txt resolves, with JupyterLab.

Binder (repo2docker) installs Python from `runtime.txt` (its default otherwise is 3.10, where
the pinned numpy cannot install), then `pip install -r requirements.txt`, then `pip install .`.
The resolution test asks pip for exactly that Python, with wheels only, so a pin that Binder
cannot install fails here and not at a learner's launch. That the chapters run in the pinned
environment is checked by nbval (tests/test_notebooks.py); that they run in another one, from
a non-editable install, by tests/test_colab.py.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]


def binder_python() -> str:
    """The `x.y` of runtime.txt's `python-x.y`."""
    text = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(3\.\d+)", text)
    assert match, f"runtime.txt must read python-3.y, not {text!r}"
    return match.group(1)


def project_table() -> str:
    return (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def xorlab_requirements() -> list[str]:
    """xorlab's dependencies and its `widgets` extra, as pyproject.toml declares them."""
    text = project_table()
    deps = re.search(r"^dependencies = \[(.*)\]$", text, re.MULTILINE).group(1)
    extra = re.search(r"^widgets = \[(.*)\]$", text, re.MULTILINE).group(1)
    return re.findall(r'"([^"]+)"', deps + extra)


def pins() -> dict[str, str]:
    """{name: version} of every `name==version` line of requirements.txt."""
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    found = (re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip()) for line in lines)
    return {normal(m.group(1)): m.group(2) for m in found if m}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def resolve(python_version: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """pip's dry run of requirements.txt (with `-e .` as xorlab's own requirements) for
    `python_version`, wheels only, ignoring what is installed here."""
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    remote = [line for line in lines if line.strip() and not line.startswith(("#", "-e"))]
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("\n".join(remote + xorlab_requirements()) + "\n")
    command = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
        "--only-binary=:all:", "--python-version", python_version, "--target", tmp_path / "t",
        "--report", tmp_path / "report.json", "-r", requirements,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True)


def test_runtime_is_a_python_xorlab_supports():
    requires = re.search(r'^requires-python = "([^"]+)"$', project_table(), re.MULTILINE)
    assert binder_python() in SpecifierSet(requires.group(1))


def test_requirements_resolve_for_binders_python(tmp_path):
    run = resolve(binder_python(), tmp_path)
    assert run.returncode == 0, f"requirements.txt on Python {binder_python()}:\n{run.stderr}"
    report = json.loads((tmp_path / "report.json").read_text())
    chosen = {normal(p["metadata"]["name"]): p["metadata"]["version"] for p in report["install"]}
    wanted = pins()
    assert {"numpy", "jupyterlab", "jupyterlab-myst"} <= set(wanted)
    assert {name: chosen.get(name) for name in wanted} == wanted


def test_the_resolution_check_sees_an_unsupported_python(tmp_path):
    """The same check for Python 3.8, which no numpy 2 supports, must fail: the test above is
    not passing because pip ignored the requested version."""
    run = resolve("3.8", tmp_path)
    assert run.returncode != 0
    assert "No matching distribution found" in run.stderr


def test_installed_environment_is_consistent_and_lab_loads_myst():
    """`pip check` on the environment made from requirements.txt, and JupyterLab lists
    jupyterlab-myst as compatible (an incompatible one is listed, marked X, and not loaded)."""
    check = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    jupyter = Path(sys.executable).with_name("jupyter")
    listed = subprocess.run(
        [jupyter, "labextension", "list"], capture_output=True, text=True, timeout=120
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", listed.stdout + listed.stderr)
    myst = [line for line in text.splitlines() if "jupyterlab-myst" in line]
    assert myst and "enabled OK" in myst[0], text
    assert "not compatible" not in text, text
