"""Autograding that the student's kernel cannot reach (nbgrader preprocessor `GradeApart`).

nbgrader runs a submission top to bottom in one kernel and gives a test cell its points when the
cell raises nothing; anything the student's code changes in that kernel (an input transformer,
a patched `numpy`) then decides the grade. `GradeApart` replaces nbgrader's `Execute`:

1. **Scan.** Before anything runs, every code cell that the release does not hold verbatim is
   parsed and checked against `scan`'s rules (no IPython hooks, no imports beyond the
   numerical ones, no assignment to a module's attributes, no dunder or frame attributes, no
   `open`/`exec`/`getattr`...). A submission that breaks one runs no further: every autograded
   cell fails with a report that names the cell, the line and the rule.
2. **Grade apart.** The other cells run in the kernel as usual, but a hidden-test cell never
   reaches the kernel. Its tests run in a fresh Python process (`python grade_apart.py`, the
   tests' process) with its own numpy and xorlab; the names the tests read from the notebook
   (the answer) come from the kernel as data: numbers, strings, arrays, dicts and lists of
   them, and functions as handles. Calling a handle sends the arguments to the kernel as data,
   calls the student's function there and sends the result back as data. While the student's
   function runs, a profiler in the kernel notes every call to xorlab's reference functions
   (by their code's file, so no alias or patched attribute hides one): such an answer is
   refused, unless its hidden tests say `# references: allowed`.
3. The cell gets the verdict as its output (the failing assertion's message, never the test's
   code), which nbgrader's `SaveAutoGrades` turns into points as before.

Each student has numbers of their own (xorlab.exercises.variants): the kernel and the tests'
process both run with XORLAB_STUDENT set to nbgrader's student id and XORLAB_COURSE to the
course id (`student_environment`), so the tests compute that student's expected answers
whatever the notebook does to its own environment, and a missing id fails the tests (never a
grade computed for someone else).

The kernel itself runs in a sandbox (`sandbox_prefix`): a mount namespace in which the course
folder is covered by an empty tmpfs, every capability dropped. And `KnownCellsOnly` ungrades
cells whose grade id the release does not hold (or holds once), before nbgrader sees them.

Run by nbgrader (nbgrader_config.py loads it from the course's folder); run as a
script it is the tests' process, speaking JSON lines on stdin/stdout.
"""

import ast
import builtins
import contextlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(?P<code>.*?)### END HIDDEN TESTS", re.S)
MARK = "\x1egrade-apart\x1e"  # starts the kernel's reply line
# A hidden test holding this comment lets the answer call xorlab's reference functions (an
# exercise about the doctor, say, whose answer wraps the true gradient).
ALLOWED = re.compile(r"^\s*# references: allowed", re.M)
TESTS_TIMEOUT = 600  # seconds for one exercise's tests, calls into the kernel included

# --- 1. the scan --------------------------------------------------------------------------------

ALLOWED_IMPORTS = {
    "numpy",
    "math",
    "xorlab",
    "matplotlib",
    "functools",
    "itertools",
    "collections",
    "dataclasses",
    "statistics",
    "fractions",
    "random",
    "string",
    "time",
    "copy",
    "typing",
}
FORBIDDEN_NAMES = {
    "get_ipython": "reaches IPython, which can rewrite the cells that follow",
    "__builtins__": "reaches Python's builtins",
    "__import__": "imports by name",
    "globals": "reads or writes the kernel's names by string",
    "locals": "reads or writes names by string",
    "vars": "reads or writes an object's names by string",
    "exec": "runs code from a string",
    "eval": "runs code from a string",
    "compile": "makes code from a string",
    "open": "reads or writes files",
    "getattr": "reaches an attribute by a computed name",
    "setattr": "sets an attribute by a computed name",
    "delattr": "deletes an attribute by a computed name",
    "breakpoint": "starts a debugger",
    "input": "waits for input",
    "memoryview": "reads raw memory",
}
BY_NAME = {"getattr", "setattr", "hasattr"}
# An attribute like these reaches code, frames or namespaces behind the objects a cell uses.
FORBIDDEN_ATTRIBUTE = re.compile(
    r"^(__(code|globals|builtins|dict|class|subclasses|bases|base|mro|closure|func|self"
    r"|module|loader|spec|getattribute|setattr|delattr|reduce|reduce_ex|import)__"
    r"|(f|co|gi|cr|ag|tb)_\w+)$"
)


def scan(source, where):
    """The rules `source` (one code cell, IPython syntax allowed) breaks: a list of
    "<where>, line <n>: <what> (<why>)"."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        tree = ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return []  # a cell that does not parse runs nothing: the kernel reports it
    found = []

    def report(node, what, why):
        found.append(f"{where}, line {node.lineno}: {what} ({why})")

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                full = node.module if isinstance(node, ast.ImportFrom) else alias.name
                if node.__class__ is ast.ImportFrom and node.level:
                    full = ""
                if (full or "").split(".")[0] not in ALLOWED_IMPORTS:
                    report(node, f"imports {full or 'a relative module'}", "not a module to use")

    def root(node):
        while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
            node = node.func if isinstance(node, ast.Call) else node.value
        return node.id if isinstance(node, ast.Name) else None

    by_name = set()  # getattr(obj, name) with a name not known to be a dunder: allowed
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in BY_NAME:
            name = node.args[1] if len(node.args) > 1 else None
            dunder = isinstance(name, ast.Constant) and FORBIDDEN_ATTRIBUTE.match(str(name.value))
            if node.args and not dunder:
                by_name.add(id(node.func))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES and id(node) not in by_name:
            report(node, f"uses {node.id}", FORBIDDEN_NAMES[node.id])
        elif isinstance(node, ast.Attribute) and FORBIDDEN_ATTRIBUTE.match(node.attr):
            report(node, f"uses .{node.attr}", "reaches behind an object")
        elif isinstance(node, ast.keyword) and (node.arg or "").startswith("co_"):
            report(node.value, f"passes {node.arg}=", "rebuilds code")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Call):
            if getattr(node.func.func, "id", None) == "type":
                report(node, "calls type(...)(...)", "builds an object of a hidden type")
    return found


def scan_notebook(nb, trusted):
    """Every rule broken by the code cells of `nb` whose source is not in `trusted` (the
    release's cells, which every student gets unchanged)."""
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source not in trusted and not _hidden(cell):
            found += scan(cell.source, f"cell {i + 1}")
    return found


def _hidden(cell):
    """The hidden tests of an autograded cell ('' if it is none)."""
    meta = cell.metadata.get("nbgrader", {})
    match = HIDDEN.search(cell.source) if meta.get("grade") and cell.cell_type == "code" else None
    return match.group("code") if match else ""


def answer_names(tests):
    """The names the tests read from the notebook: used, never bound in the tests."""
    tree = ast.parse(tests)
    bound, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, (ast.Store, ast.Del)) else used).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return sorted(used - bound - set(dir(builtins)))


# --- 2. data between the processes --------------------------------------------------------------
# The same codec runs in the kernel (sent as source each time, see KERNEL) and in the tests'
# process; only plain JSON crosses, never a pickle.

CODEC = r"""
def _encode(v, path=()):
    # Every value is read through the base type's own methods: a subclass that redefines
    # __eq__, __repr__, __float__ or tolist cannot pass for another value.
    import numpy as np
    if v is None or v is True or v is False:
        return v
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, np.generic):
        v = np.ndarray.item(np.asarray(v))
    if isinstance(v, int):
        return int.__index__(v)
    if isinstance(v, float):
        return {"__float__": float.__repr__(v)}
    if isinstance(v, np.ndarray):
        a = np.ndarray.copy(np.ndarray.view(v, np.ndarray))
        if a.dtype.kind not in "biuf":
            return {"__unsupported__": f"an array of {a.dtype}"}
        return {"__nd__": a.astype(float).tobytes().hex(), "shape": list(a.shape),
                "dtype": a.dtype.str}
    if isinstance(v, dict):
        return {"__dict__": [[_encode(k), _encode(x, path + (k,))] for k, x in dict.items(v)]}
    if isinstance(v, (list, tuple)):
        kind = list if isinstance(v, list) else tuple
        items = [_encode(x, path + (i,)) for i, x in enumerate(kind.__iter__(v))]
        return items if isinstance(v, list) else {"__tuple__": items}
    if callable(v):
        return {"__fn__": list(path)}
    if isinstance(getattr(v, "params", None), dict):
        return {"__obj__": _encode(v.params, path + ("params",))}
    return {"__unsupported__": type(v).__name__}


def _decode(v, make_fn=None):
    import numpy as np
    if isinstance(v, list):
        return [_decode(x, make_fn) for x in v]
    if not isinstance(v, dict):
        return v
    if "__float__" in v:
        return float(v["__float__"])
    if "__nd__" in v:
        flat = np.frombuffer(bytes.fromhex(v["__nd__"]), dtype=float)
        return flat.astype(np.dtype(v["dtype"])).reshape(v["shape"])
    if "__dict__" in v:
        return {_decode(k): _decode(x, make_fn) for k, x in v["__dict__"]}
    if "__tuple__" in v:
        return tuple(_decode(x, make_fn) for x in v["__tuple__"])
    if "__fn__" in v:
        return make_fn(v["__fn__"]) if make_fn else None
    if "__obj__" in v:
        import types
        return types.SimpleNamespace(params=_decode(v["__obj__"], make_fn))
    raise TypeError(f"the answer holds {v.get('__unsupported__', 'something')}, not numbers")
"""
_codec = {}
exec(CODEC, _codec)  # noqa: S102 (one source for both sides)
_encode, _decode = _codec["_encode"], _codec["_decode"]

# What the kernel runs for a request: the codec, then `_reply(request)`, all inside a function
# so that it leaves no name behind. The request is a JSON literal in the source.
KERNEL = r"""
def _grade_apart(names, request, mark, package, references, chapter_references):
    import contextlib, io, json, sys
    CODEC
    if request["op"] == "get":
        values = {n: _encode(names[n], (n,)) for n in request["names"] if n in names}
        return mark + json.dumps({"values": values})
    fn = names[request["path"][0]]
    for key in request["path"][1:]:
        fn = getattr(fn, key) if key == "params" else fn[key]
    args = _decode(request["args"])
    kwargs = _decode(request["kwargs"])
    hits, root = [], request["path"][0]

    def watch(frame, event, arg):
        code = frame.f_code
        if event != "call":
            return
        if code.co_name in references and code.co_filename.startswith(package):
            hits.append("xorlab's " + code.co_name)
        elif code.co_name in chapter_references and code.co_name != root:
            if not code.co_filename.startswith(package):
                hits.append("the chapter's " + code.co_name)

    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            sys.setprofile(watch)
            try:
                result = fn(*args, **kwargs)
            finally:
                intact = sys.getprofile() is watch
                sys.setprofile(None)
        if not intact:
            hits.append("a change of the profiler")
        reply = {"result": _encode(result)}
        if hits:
            reply["refused"] = sorted(set(hits))
    except Exception as e:
        reply = {"raised": f"{type(e).__name__}: {e}"}
    return mark + json.dumps(reply)
""".replace("    CODEC", "\n".join("    " + ln for ln in CODEC.splitlines()))


def kernel_source(request):
    """The code the kernel runs to answer `request` (a dict): it prints one reply line. The
    function runs with Python's own builtins, whatever the notebook rebound."""
    import xorlab

    package = str(Path(xorlab.__file__).resolve().parent)
    refs = sorted(xorlab.exercises.guard.XORLAB_REFERENCES)
    chapter = sorted(xorlab.exercises.guard.CHAPTER_REFERENCES)
    args = ", ".join(repr(a) for a in (request, MARK, package, refs, chapter))
    return "\n".join(
        [
            '_grade_apart = {"__builtins__": __import__("builtins")}',
            f'__import__("builtins").exec({KERNEL!r}, _grade_apart)',
            f'__import__("builtins").print(_grade_apart["_grade_apart"](globals(), {args}))',
            "del _grade_apart",
        ]
    )


def _reply(line):
    """The kernel's reply (a dict) in the outputs' text `line`, or None."""
    at = line.rfind(MARK)
    return json.loads(line[at + len(MARK) :].strip()) if at >= 0 else None


# --- 3. the tests' process ----------------------------------------------------------------------


class Handle:
    """A student's function, called in the kernel through the grader (GradeApart.ask_kernel)."""

    def __init__(self, path, ask, references=False):
        self.path, self._ask, self.references = path, ask, references

    def __call__(self, *args, **kwargs):
        reply = self._ask({"op": "call", "path": self.path, "args": _encode(list(args)),
                           "kwargs": _encode(kwargs)})  # fmt: skip
        if "refused" in reply and not self.references:
            what = ", ".join(reply["refused"]) or "a reference"
            raise AssertionError(f"your function calls {what}; write that part yourself")
        if "raised" in reply:
            raise RuntimeError(f"your function raised {reply['raised']}")
        return _decode(reply["result"], self._make)

    def _make(self, path):
        return Handle(path, self._ask, self.references)

    def __repr__(self):
        return f"<your function {self.path[0]}>"


def tests_process():
    """The tests' process: read {"tests", "names"} from stdin, ask the grader for the answers,
    run the tests, write {"done": true, "error": message or null}. Every other line it writes
    is a request the grader answers with one line on stdin."""
    channel = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # whatever the tests print goes to stderr, not into the protocol
    job = json.loads(sys.stdin.readline())

    def ask(request):
        channel.write(json.dumps(request) + "\n")
        channel.flush()
        return json.loads(sys.stdin.readline())

    handle = Handle([], ask, references=bool(ALLOWED.search(job["tests"])))
    values = ask({"op": "get", "names": job["names"]})["values"]
    space = {"__name__": "__hidden_tests__"}
    error = None
    try:
        for name, value in values.items():
            space[name] = _decode(value, handle._make)
        exec(compile(job["tests"], "<hidden tests>", "exec"), space)  # noqa: S102
    except AssertionError as e:
        error = f"AssertionError: {e}"
    except Exception as e:
        error = f"{type(e).__name__}: {e}"
    channel.write(json.dumps({"done": True, "error": error}) + "\n")
    channel.flush()


# --- the student's numbers --------------------------------------------------------------------

STUDENT, COURSE = "XORLAB_STUDENT", "XORLAB_COURSE"  # read by xorlab.exercises.variants


def student_environment(resources, course):
    """{XORLAB_STUDENT: nbgrader's student id, XORLAB_COURSE: `course`}, leaving out either
    one that is unknown."""
    student = str(resources.get("nbgrader", {}).get("student") or "")
    return {name: value for name, value in ((STUDENT, student), (COURSE, course)) if value}


@contextlib.contextmanager
def environment(values):
    """os.environ with XORLAB_STUDENT and XORLAB_COURSE set to `values` (and each one `values`
    lacks removed, so that none is inherited from the grader's shell), restored afterwards.
    The kernel and the tests' process start inside it and inherit it."""
    saved = {name: os.environ.get(name) for name in (STUDENT, COURSE)}
    for name in saved:
        os.environ.pop(name, None)
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None)
            if value is not None:
                os.environ[name] = value


# --- the preprocessor ----------------------------------------------------------------------------


def _error(message):
    """An error output whose text is `message` alone (no code of the hidden tests)."""
    import nbformat

    ename, _, evalue = message.partition(": ")
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[message])


def release_ids(assignment, notebook, root="."):
    """The grade ids of the cells of the release of `notebook`."""
    import nbformat

    path = Path(root) / "release" / assignment / f"{notebook}.ipynb"
    if not path.exists():
        return set()
    cells = nbformat.read(path, as_version=4).cells
    return {c.metadata.get("nbgrader", {}).get("grade_id") for c in cells} - {None}


def trusted_sources(assignment, notebook, root="."):
    """The code cells of the release of `notebook`: every student gets them unchanged."""
    import nbformat

    path = Path(root) / "release" / assignment / f"{notebook}.ipynb"
    if not path.exists():
        return set()
    return {c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"}


def sandbox_prefix(hidden):
    """The command that starts a kernel in a sandbox: a mount namespace of its own (`unshare`,
    as root or in a user namespace) where an empty, unreadable tmpfs covers each folder of
    `hidden`, then every capability dropped (`setpriv`) so that the kernel cannot unmount it.
    None if this machine cannot do that."""
    cover = " && ".join(
        f"mount -t tmpfs -o size=1k,mode=000 grade-sandbox {shlex.quote(str(d))}" for d in hidden
    )
    drop = 'exec setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"'
    user = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    prefix = ["unshare", *user, "--mount", "--propagation", "private", "--"]
    prefix += ["sh", "-c", f"{cover} && {drop}", "sandbox"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def sandboxed_manager(prefix):
    """A jupyter kernel manager class whose kernels start behind `prefix`."""
    from jupyter_client.manager import AsyncKernelManager

    class Sandboxed(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            return [*prefix, *super().format_kernel_cmd(extra_arguments)]

    return Sandboxed


def sanitizer():
    """The nbgrader preprocessor class `KnownCellsOnly`: before nbgrader's own sanitizing, a
    cell keeps nbgrader metadata only if its grade id is one of the release's and the first
    of its kind; a twin, a made-up grade cell or an old-format one becomes a plain cell (nbgrader
    would stop at it, and its database session then fails every later submission too)."""
    from nbgrader.preprocessors import NbGraderPreprocessor

    class KnownCellsOnly(NbGraderPreprocessor):
        def preprocess(self, nb, resources):
            info = resources.get("nbgrader", {})
            known = release_ids(info.get("assignment", ""), info.get("notebook", ""))
            seen = set()
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader")
                if meta is None:
                    continue
                grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
                if grade_id not in known or grade_id in seen:
                    self.log.warning("a cell with grade id %r is not graded", grade_id)
                    del cell.metadata["nbgrader"]
                else:
                    seen.add(grade_id)
            return nb, resources

    return KnownCellsOnly


def preprocessor():
    """The nbgrader preprocessor class `GradeApart` (nbgrader is imported only here)."""
    import nbformat
    from nbgrader.preprocessors import Execute
    from traitlets import List, Unicode

    class GradeApart(Execute):
        """nbgrader's Execute, with the scan first and every hidden test run apart."""

        sandbox = Unicode(
            "required",
            help="'required': run the student's kernel in a sandbox (see sandbox_prefix) "
            "that hides the course folder and `hide`, in an empty folder of its own, and "
            "refuse to grade where that is impossible; 'optional': the sandbox if possible, "
            "else a warning; 'off': no sandbox.",
        ).tag(config=True)
        hide = List(
            Unicode(),
            help="More folders the student's kernel must not see (the course folder always).",
        ).tag(config=True)

        def preprocess(self, nb, resources):
            info = resources.get("nbgrader", {})
            trusted = trusted_sources(info.get("assignment", ""), info.get("notebook", ""))
            found = scan_notebook(nb, trusted)
            if not found:
                with environment(student_environment(resources, self.course_id())):
                    return self.run_sandboxed(nb, resources)
            head = "AssertionError: grading refused, this notebook changes the grading:"
            report = "\n".join([head, *(f"  {line}" for line in found)])
            self.log.warning("%s", report)
            for cell in nb.cells:
                if _hidden(cell):
                    cell.outputs = [_error(report)]
            return nb, resources

        def course_id(self):
            """The course id of nbgrader's configuration ("" if none is set)."""
            from nbgrader.coursedir import CourseDirectory

            return CourseDirectory(config=self.config).course_id

        def run_sandboxed(self, nb, resources):
            """Execute `nb` (nbgrader's way, hidden tests apart) in the sandbox."""
            hidden = [Path.cwd(), *self.hide]  # nbgrader runs in the course folder
            prefix = sandbox_prefix(hidden) if self.sandbox != "off" else None
            if prefix is None and self.sandbox == "required":
                raise RuntimeError(
                    "no sandbox on this machine (unshare and setpriv, as root or with user "
                    "namespaces): set c.GradeApart.sandbox = 'optional' to grade without one"
                )
            if prefix is None:
                self.log.warning("grading without a sandbox: the kernel can read the course")
                return super().preprocess(nb, resources)
            with tempfile.TemporaryDirectory(prefix="grade-sandbox-") as box:
                resources.setdefault("metadata", {})["path"] = box
                self.kernel_manager_class = sandboxed_manager(prefix)
                return super().preprocess(nb, resources)

        def preprocess_cell(self, cell, resources, index):
            tests = _hidden(cell)
            if not tests:
                return super().preprocess_cell(cell, resources, index)
            error = self.run_apart(tests, index)
            self.nb.cells[index] = cell  # nbclient put each call's cell in its place
            cell.outputs = [
                _error(error)
                if error
                else nbformat.v4.new_output("stream", name="stdout", text="hidden tests passed\n")
            ]
            return cell, self.resources

        def ask_kernel(self, request, index):
            """The kernel's reply to `request`: it runs kernel_source(request)."""
            cell = nbformat.v4.new_code_cell(kernel_source(request))
            self.execute_cell(cell, index, store_history=False)
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            reply = _reply(text)
            if reply is None:
                errors = [
                    f"{o.ename}: {o.evalue}" for o in cell.outputs if o.output_type == "error"
                ]
                reply = {"raised": errors[0] if errors else "no reply from the kernel"}
            return reply

        def run_apart(self, tests, index):
            """Run `tests` in the tests' process, answering its requests from the kernel; the
            error message, or None when they pass."""
            with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "stderr", "w+") as err:
                proc = subprocess.Popen(
                    [sys.executable, __file__],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=err,
                    text=True,
                    cwd=tmp,
                )
                timer = threading.Timer(TESTS_TIMEOUT, proc.kill)
                timer.start()
                try:
                    job = {"tests": tests, "names": answer_names(tests)}
                    proc.stdin.write(json.dumps(job) + "\n")
                    proc.stdin.flush()
                    for line in proc.stdout:
                        message = json.loads(line)
                        if message.get("done"):
                            return message["error"]
                        proc.stdin.write(json.dumps(self.ask_kernel(message, index)) + "\n")
                        proc.stdin.flush()
                finally:
                    timer.cancel()
                    proc.kill()
                    proc.wait()
                err.seek(0)
                self.log.error("the hidden tests' process ended early:\n%s", err.read()[-2000:])
                return "RuntimeError: the hidden tests did not finish (time limit or a crash)"

    return GradeApart


if __name__ == "__main__":
    tests_process()
