"""Cheating submissions for the grader's tests (tests/test_grading_cheats.py), one per module;
`_cheatkit` is their shared helper, `_autograde` grades them one by one
(`python -m tests.grading_cheats._autograde`)."""
