"""Write the student edition: every chapter notebook without its solutions.

    python tools/student.py [OUT_DIR]      (default: student/)

For each chapter notebook it
- removes the hidden solutions: markdown `{solution}` blocks, every cell from a
  `{solution-start}` to its `{solution-end}`, and code cells tagged `solution`;
- puts one stub code cell where each solution's code was, defining the same names (a function
  that raises NotImplementedError, or a variable set to None), so the self-check cells after it
  still run and answer "Not yet" until the learner writes an answer;
- clears the outputs of every code cell in the exercises (from the first `{exercise}` on).
"""

import ast
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"(`{3,}|:{3,})\{solution\}.*?\n\1[ \t]*(\n|$)", re.S)
START = re.compile(r"(`{3,}|:{3,})\{solution-start\}\s*(\S+).*?\n\1[ \t]*(\n|$)", re.S)
END = re.compile(r"(`{3,}|:{3,})\{solution-end\}.*?\1[ \t]*(\n|$)", re.S)


def defined_names(source):
    """Top-level names a code cell defines: [(name, args or None)] (args for functions)."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.append((node.name, [a.arg for a in node.args.args]))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name) and n.id not in [x for x, _ in names]:
                        names.append((n.id, None))
    return names


def stub(sources, label):
    """The code a learner starts from in place of a solution's code cells."""
    lines = [f"# Exercise {label}: write your answer here." if label else "# Your answer here."]
    seen = set()
    for src in sources:
        for name, args in defined_names(src):
            if name in seen:
                continue
            seen.add(name)
            if args is None:
                lines.append(f"{name} = None")
            else:
                lines += [
                    f"def {name}({', '.join(args)}):",
                    '    raise NotImplementedError("your code here")',
                ]
    return nbformat.v4.new_code_cell("\n".join(lines))


def _markdown(text, like):
    """`like` with its source set to `text` minus `{solution}` blocks; None if nothing is left."""
    text = FENCE.sub("", text).strip("\n")
    if not text.strip():
        return None
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata = like.metadata
    return cell


def student_cells(cells):
    """The cells of the student edition (see the module docstring)."""
    out, inside, label, pending, in_exercises = [], False, None, [], False
    for cell in cells:
        if cell.cell_type == "code":
            if inside:
                pending.append(cell.source)
            elif "solution" in cell.metadata.get("tags", []):
                out.append(stub([cell.source], None))
            else:
                if in_exercises:
                    cell.outputs, cell.execution_count = [], None
                out.append(cell)
            continue
        text = cell.source
        while text:
            if inside:  # markdown inside a solution is dropped up to its end
                end = END.search(text)
                if not end:
                    break
                out.extend([stub(pending, label)] if pending else [])
                inside, text = False, text[end.end() :]
                continue
            start = START.search(text)
            head = text[: start.start()] if start else text
            in_exercises = in_exercises or "{exercise}" in head
            out.extend(c for c in [_markdown(head, cell)] if c)
            if not start:
                break
            inside, label, pending, text = True, start.group(2), [], text[start.end() :]
    return out


def make_student(path, out_dir):
    nb = nbformat.read(path, as_version=4)
    nb.cells = student_cells(nb.cells)
    nb.metadata.pop("widgets", None)
    target = Path(out_dir) / Path(path).name
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


def main():
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "student"
    write_edition(out_dir)
    print(f"student edition written to {out_dir}")


def write_edition(out_dir):
    """Every chapter notebook, without solutions, plus the chapters' data files, in out_dir."""
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        make_student(path, out_dir)
    if (ROOT / "chapters" / "data").is_dir():
        shutil.copytree(ROOT / "chapters" / "data", Path(out_dir) / "data", dirs_exist_ok=True)


if __name__ == "__main__":
    main()
