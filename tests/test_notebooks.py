"""Chapter notebooks are stored executed, clean and standalone (checked by nbval in a kernel)."""

import os
import re
import subprocess
import sys
import types
from xml.etree import ElementTree

import nbformat
import pytest
from book_pages import ROOT, chapter_notebooks, toc_documents

import xorlab

NOTEBOOKS = chapter_notebooks()
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


def code_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [cell for cell in nb.cells if cell.cell_type == "code" and cell.source.strip()]


def test_every_toc_entry_exists():
    for doc in toc_documents():
        assert any((ROOT / f"{doc}{ext}").exists() for ext in (".md", ".ipynb")), doc


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_top_to_bottom_with_outputs(path):
    counts = [cell.execution_count for cell in code_cells(path)]
    assert counts == list(range(1, len(counts) + 1)), (
        f"execution counts {counts}: run `make execute` (one fresh kernel, top to bottom)"
    )
    assert any(cell.outputs for cell in code_cells(path)), "stored without outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_are_clean(path):
    for number, cell in enumerate(code_cells(path), 1):
        for out in cell.outputs:
            where = f"code cell {number}"
            assert out.output_type != "error", f"{where}: {out.get('ename')}"
            assert out.get("name") != "stderr", f"{where} writes to stderr: {out.text[:200]}"
            data = out.get("data", {})
            text = out.get("text", "") + data.get("text/plain", "")
            has_image = any(kind in data for kind in IMAGE_TYPES)
            stray = not has_image and ("<Figure size" in text or "<matplotlib." in text)
            assert not stray, f"{where} shows a stray repr: {text[:120]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_printed_lines_fit_the_column(path):
    """At most 90 characters per printed line (the code column at 1280 px), links excepted."""
    wide = []
    for number, cell in enumerate(code_cells(path), 1):
        for out in cell.outputs:
            text = out.get("text", "") + out.get("data", {}).get("text/plain", "")
            lines = [line for line in text.splitlines() if len(line) > 90 and "://" not in line]
            wide += [f"code cell {number}: {line[:60]}..." for line in lines]
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_has_alt_text(path):
    for number, cell in enumerate(code_cells(path), 1):
        cell_alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt")
        for out in cell.outputs:
            for kind in IMAGE_TYPES:
                if kind in out.get("data", {}):
                    alt = out.get("metadata", {}).get(kind, {}).get("alt") or cell_alt
                    assert alt, f"code cell {number}: figure without `mystnb: image: alt:`"


def other_cpu_env():
    """numpy's SIMD dispatch switched off (every dispatch target this CPU has) and OpenBLAS on
    an older kernel (unless the machine already pins one): what another CPU would compute."""
    from numpy._core import _multiarray_umath as umath

    targets = [f for f in umath.__cpu_dispatch__ if umath.__cpu_features__.get(f)]
    env = {"NPY_DISABLE_CPU_FEATURES": " ".join(targets)}
    return env | {"OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "Haswell")}


def run_nbval(cpu, junit):
    """nbval in strict mode on every chapter, in one pytest process (it starts a new kernel
    for each notebook, so each chapter still runs alone): (process, {chapter: results}), the
    results of a chapter a list of (cell, failure text or "") from the JUnit report `junit`."""
    env = os.environ | (other_cpu_env() if cpu == "other" else {})
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "--nbval", "--nbval-current-env",
        "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
        f"--junitxml={junit}",
        *(str(path.relative_to(ROOT)) for path in NOTEBOOKS),
    ]  # fmt: skip
    timeout = 1800 * len(NOTEBOOKS)
    run = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    classes = {path.relative_to(ROOT).as_posix().replace("/", "."): path for path in NOTEBOOKS}
    results = {path: [] for path in NOTEBOOKS}
    if junit.exists():
        for case in ElementTree.parse(junit).iter("testcase"):
            path = classes.get(case.get("classname"))
            if path is not None:
                bad = [e for e in case if e.tag in ("failure", "error")]
                text = "\n".join((e.get("message") or "") + "\n" + (e.text or "") for e in bad)
                results[path].append((case.get("name"), text))
    return run, results


@pytest.fixture(scope="module")
def nbval_runs(tmp_path_factory):
    """run_nbval's answer for a CPU setting, run when a test first asks for it: pytest starts
    twice for all the chapters, not twice per chapter."""
    runs = {}

    def get(cpu):
        if cpu not in runs:
            runs[cpu] = run_nbval(cpu, tmp_path_factory.mktemp(f"nbval-{cpu}") / "junit.xml")
        return runs[cpu]

    return get


@pytest.mark.parametrize("cpu", ["native", "other"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_nbval_strict_in_a_fresh_kernel(nbval_runs, path, cpu):
    """Re-run the chapter alone in a new kernel; every stored output must come out the same,
    also with SIMD dispatch off and another BLAS kernel (stored digits are never round-off)."""
    if cpu == "other":
        env = os.environ | other_cpu_env()
        probe = "from numpy._core import _multiarray_umath as m; print(m.__cpu_features__)"
        probe_command = [sys.executable, "-c", probe]
        seen = subprocess.run(probe_command, env=env, capture_output=True, text=True)
        off = env["NPY_DISABLE_CPU_FEATURES"].split()
        assert all(f"'{f}': False" in seen.stdout for f in off), seen.stdout + seen.stderr
    run, results = nbval_runs(cpu)
    cells = results[path]
    failed = [f"{name}: {text}" for name, text in cells if text]
    assert cells, f"nbval ran no cell of {path.name}:\n{run.stdout[-6000:]}{run.stderr[-2000:]}"
    assert not failed, "\n".join(failed)[-8000:]
    blamed = any(text for chapter in results.values() for _, text in chapter)
    assert run.returncode == 0 or blamed, run.stdout[-6000:] + run.stderr[-2000:]


@pytest.mark.parametrize("cwd", [ROOT, ROOT / "chapters"], ids=["root", "chapters"])
def test_import_code_is_the_standard_library(cwd):
    """The package lives in code/ without code/__init__.py, so `code` stays the stdlib module."""
    probe = "import code, sysconfig; print(code.__file__.startswith(sysconfig.get_path('stdlib')))"
    run = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True)
    assert run.stdout.strip() == "True", run.stdout + run.stderr


@pytest.mark.parametrize(
    "path", [p for p in NOTEBOOKS if p.stem.startswith("case-")], ids=lambda p: p.stem
)
def test_case_chapter_credits_its_question(path):
    """A case chapter links its Stack Overflow question, or says it searched and found none."""
    nb = nbformat.read(path, as_version=4)
    text = " ".join(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown")
    assert "stackoverflow.com/questions/" in text or "not find its page again" in text


def test_the_api_page_lists_every_module_the_chapters_use():
    """Every xorlab module a chapter reaches (`xl.plots.`, `from xorlab.cases import no_bias`)
    is named in the API page's table of layers."""
    rows = [line for line in (ROOT / "chapters" / "api.md").read_text().splitlines()]
    listed = {
        n for line in rows if line.startswith("|") for n in re.findall(r"`(?:xl\.)?(\w+)", line)
    }
    used = set()
    for path in NOTEBOOKS:
        for cell in code_cells(path):
            used |= {
                name
                for name in re.findall(r"\bxl\.(\w+)\.", cell.source)
                if isinstance(getattr(xorlab, name, None), types.ModuleType)
            }
            for names in re.findall(r"^from xorlab\.cases import (.+)$", cell.source, re.M):
                used |= {n.split(" as ")[0].strip() for n in names.split(",")}
    assert {"plots", "checks", "no_bias"} <= used  # the patterns find what they look for
    assert used <= listed, f"chapters use xorlab modules the API page omits: {used - listed}"
