"""The shape of the code a newcomer reads: xorlab's folders are its layers (import-linter holds
the imports, `make test` runs it), modules and functions stay small, and nothing in the
repository edits `sys.path` to find its own code."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "code" / "xorlab"
LAYERS = ("core", "show", "doctor", "exercises", "cases")
MODULE_LINES, FUNCTION_LINES = 420, 55  # "about 400" and "about 50"


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_lives_in_a_layer():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert not loose, f"modules outside the layer folders: {loose}"
    assert sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()) == sorted(
        LAYERS
    )


def test_modules_are_short():
    long = {str(p.relative_to(PACKAGE)): n for p in _modules() if (n := _lines(p)) > MODULE_LINES}
    assert not long, f"modules over {MODULE_LINES} lines: {long}"


def test_functions_are_short():
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > FUNCTION_LINES:
                    long[f"{path.relative_to(PACKAGE)}:{node.name}"] = n
    assert not long, f"functions over {FUNCTION_LINES} lines: {long}"


def test_nothing_edits_sys_path():
    files = [
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("tools/**/*.py"),
        *ROOT.glob("benchmarks/*.py"),
    ]
    files += list(PACKAGE.rglob("*.py"))
    found = [
        str(p.relative_to(ROOT))
        for p in files
        if p != Path(__file__) and re.search(r"sys\.path\.(insert|append)\(", p.read_text())
    ]
    assert not found, f"files that edit sys.path: {found}"


def test_the_layers_contract_holds_and_can_fail(tmp_path):
    """lint-imports passes on the package, and fails on a copy with one upward import."""
    lint = Path(sys.executable).with_name("lint-imports")
    ok = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    copy = tmp_path / "code"
    subprocess.run(["cp", "-r", str(PACKAGE.parent), str(copy)], check=True)
    stats = copy / "xorlab" / "core" / "stats.py"
    stats.write_text(stats.read_text() + "\nfrom ..cases import no_bias  # noqa\n")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    env = {"PYTHONPATH": str(copy), "PATH": str(lint.parent)}
    bad = subprocess.run([str(lint)], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert bad.returncode != 0 and "xorlab.core is not allowed to import xorlab.cases" in bad.stdout


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_says_what_it_holds(layer):
    doc = ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text()))
    assert doc and len(doc) > 40, layer


def _lines(path):
    return len(path.read_text().splitlines())


def test_mutation_testing_runs_tests_that_exist():
    """mutmut's test selection ([tool.mutmut] in pyproject.toml) names only test files that exist
    (a renamed file would silently leave its module's mutants unkilled) and every unit test of
    the doctor, the self-checks and the variants (the layers issue 27 asks it to cover)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    listed = set(config["pytest_add_cli_args_test_selection"])
    assert [f for f in sorted(listed) if not (ROOT / f).is_file()] == []
    wanted = {
        f"tests/{p.name}"
        for pattern in (
            "test_doctor*.py",
            "test_checks.py",
            "test_checks_hyp*.py",
            "test_variants*.py",
        )
        for p in (ROOT / "tests").glob(pattern)
    }
    assert sorted(wanted - listed) == []
