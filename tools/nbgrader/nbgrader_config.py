# nbgrader configuration of the course that `make assignments` writes (tools/assignments.py
# copies this file to the course's root). Run nbgrader from that folder, with the grading
# environment: `../.venv-grade/bin/nbgrader autograde "*"` and so on.
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides get_config)

# Autograde runs the notebooks with nbclient: poll the kernel in slices (steady_kernel.py, copied
# next to this file from tools/) so that a lost wake-up costs a second, not a cell's timeout.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import steady_kernel  # noqa: E402

steady_kernel.patch()

c.CourseDirectory.course_id = "why-wont-it-learn"
c.CourseDirectory.root = "."

# What a student finds in place of a solution.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Every assignment runs top to bottom in well under a minute; a cell that takes longer than this
# is a student's endless loop, and the rest of the notebook is still graded.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
