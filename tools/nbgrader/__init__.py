"""The nbgrader course's own files (copied into the course by `python -m tools.assignments`)."""
