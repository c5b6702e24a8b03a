# nbgrader configuration of the course that `make assignments` writes (tools/assignments.py
# copies this file, steady_kernel.py and grade_apart.py to the course's root). Run nbgrader from
# that folder, with the grading environment: `../.venv-grade/bin/nbgrader autograde "*"` etc.
import importlib.util
import sys
from pathlib import Path

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    ClearOutput,
    DeduplicateIds,
    GetGrades,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)


def course_module(name):
    """The course's copy of tools/<...>/`name`.py, next to this file. nbgrader executes this file
    by its path, from whatever folder and with whichever `nbgrader` command the instructor runs,
    so the course's folder is not on sys.path: its modules are loaded by their path."""
    spec = importlib.util.spec_from_file_location(
        name, Path(__file__).resolve().with_name(f"{name}.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # before running it: its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


c = get_config()  # noqa: F821 (nbgrader provides get_config)

# Autograde runs the notebooks with nbclient: poll the kernel in slices (steady_kernel.py, copied
# next to this file from tools/) so that a lost wake-up costs a second, not a cell's timeout.
grade_apart = course_module("grade_apart")
steady_kernel = course_module("steady_kernel")

steady_kernel.patch()

c.CourseDirectory.course_id = "why-wont-it-learn"
c.CourseDirectory.root = "."

# What a student finds in place of a solution.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Grading the student's kernel cannot reach (grade_apart.py): a scan for tampering first, then
# every hidden test runs in a fresh process that reads the answers from the kernel as data.
c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    grade_apart.sanitizer(),
    DeduplicateIds,
    OverwriteKernelspec,
    OverwriteCells,
    CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    grade_apart.preprocessor(),
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
# Feedback shows the student their outputs and the verdicts, never the hidden tests.
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]

# Every assignment runs top to bottom in well under a minute; a cell that takes longer than this
# is a student's endless loop, and the rest of the notebook is still graded. A kernel too busy
# to send its output in time costs that cell, never the whole notebook.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
c.Execute.raise_on_iopub_timeout = False
