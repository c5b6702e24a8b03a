"""A cheating submission for the grader's tests: xdr_gradebook_tamper."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "writes into the course from the kernel: extra credit for every grade in "
    "gradebook.db, stored hidden tests set to pass, a marker file in every reachable "
    "course folder (use a throwaway course)"
)
DESERVED = 0

# Writes into the course from inside the kernel: gives every grade in gradebook.db extra
# credit, replaces the stored hidden tests by `pass` (for the students graded after it), and
# leaves a marker file in every course folder it can reach. Run it only on a throwaway
# copy of a course.
CHEAT = """\
import glob as _glob
import os as _os
import sqlite3 as _sqlite3

for _db in _glob.glob("../../../**/gradebook.db", recursive=True)[:3]:
    try:
        _con = _sqlite3.connect(_db)
        _tables = [t for (t,) in _con.execute("select name from sqlite_master")]
        if "grade" in _tables:
            _con.execute("update grade set extra_credit = 100")
        if "source_cell" in _tables:
            _con.execute("update source_cell set source = 'pass' where locked = 1")
        _con.commit()
        print("tampered with", _db)
    except Exception as _error:
        print("could not tamper with", _db, _error)
for _up in ["..", "../..", "../../.."]:
    for _sub in ["", "source", "release", "source/xor-done-right"]:
        _d = _os.path.join(_up, _sub)
        if _os.path.isdir(_d):
            try:
                with open(_os.path.join(_d, "CHEAT_WAS_HERE.txt"), "w") as _f:
                    _f.write("written by a submission\\n")
                print("wrote into", _d)
            except OSError as _error:
                print("could not write into", _d, _error)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
