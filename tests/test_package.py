"""The package as a whole: layers (computations never import figures), import cost, public API."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import xorlab as xl

CODE = Path(xl.__file__).parent
FIGURES = {"plots", "widgets", "flowchart"}
DRAWING = {"matplotlib", "ipywidgets", "IPython"}


def _top_level_imports(path):
    """Modules imported at the top level of a file (not inside functions)."""
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names |= {
                f"{base}.{a.name}" if node.level and not node.module else base for a in node.names
            }
    return names


def test_computation_modules_never_import_figures_or_widgets_at_load():
    for path in sorted(CODE.glob("*.py")):
        if path.stem in FIGURES or path.stem == "__init__":
            continue
        imported = _top_level_imports(path)
        drawing = {n for n in imported if n.split(".")[0] in DRAWING}
        figures = {n for n in imported if n.lstrip(".") in FIGURES}
        assert not drawing and not figures, (path.name, drawing | figures)


def test_import_xorlab_loads_no_plotting_library():
    code = f"import sys, xorlab; print(sorted(m for m in {sorted(DRAWING)!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_figure_modules_load_on_first_use():
    assert xl.plots.PALETTE["blue"] == "#0072B2"
    assert callable(xl.widgets.explorer) and callable(xl.flowchart.draw_flowchart)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'xorlab' has no attribute 'no_such_thing'"):
        _ = xl.no_such_thing
