"""Print the autograded scores of every submission in an nbgrader gradebook, as JSON.

    python -m tools.nbgrader.scores course/gradebook.db

Runs in the grading environment (it imports nbgrader). Output: {"<assignment>/<student>":
{"auto": [score, max], "manual": {grade_id: score or null}}}, where "auto" sums the autograded
test cells and "manual" holds the hand-graded answers (null: waiting for the grader).
"""

import json
import sys

from nbgrader.api import Gradebook


def submission_scores(gb, assignment, student):
    """The autograded total and the manual answers of one submission."""
    auto, most, manual = 0.0, 0.0, {}
    for notebook in gb.find_submission(assignment, student).notebooks:
        for grade in notebook.grades:
            if grade.cell.cell_type == "code":
                auto += grade.score or 0.0
                most += grade.max_score
            else:
                manual[grade.name] = None if grade.needs_manual_grade else grade.score
    return {"auto": [auto, most], "manual": manual}


def main(db):
    out = {}
    with Gradebook(f"sqlite:///{db}") as gb:
        for assignment in gb.assignments:
            for submission in assignment.submissions:
                key = f"{assignment.name}/{submission.student.id}"
                out[key] = submission_scores(gb, assignment.name, submission.student.id)
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
