"""A cheating submission for the grader's tests: xdr_metadata_points."""

from tests.grading_cheats._cheatkit import is_answer, is_test, submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "edits nbgrader metadata: every test cell worth 100 points, every answer cell made an"
    " autograded answer worth 50 under a new grade_id, checksums zeroed"
)
DESERVED = 0


def make(release_nb):
    nb = submission(release_nb, CHAPTER)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if is_test(cell):
            meta["points"] = 100
        elif is_answer(cell):
            # an answer cell turned into an "autograded answer": points for running
            meta.update(grade=True, points=50, grade_id=meta["grade_id"] + "-bonus")
        if "checksum" in meta:
            meta["checksum"] = "0" * 32
    return nb
