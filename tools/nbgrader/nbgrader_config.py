# nbgrader configuration of the course that `make assignments` writes (tools/assignments.py
# copies this file, steady_kernel.py and grade_apart.py to the course's root). Run nbgrader from
# that folder, with the grading environment: `../.venv-grade/bin/nbgrader autograde "*"` etc.
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides get_config)

# Autograde runs the notebooks with nbclient: poll the kernel in slices (steady_kernel.py, copied
# next to this file from tools/) so that a lost wake-up costs a second, not a cell's timeout.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import grade_apart  # noqa: E402
import steady_kernel  # noqa: E402
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    ClearOutput,
    DeduplicateIds,
    GetGrades,  # noqa: E402
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

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
