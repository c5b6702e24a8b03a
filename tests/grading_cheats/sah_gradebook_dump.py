"""A cheating submission for the grader's tests: sah_gradebook_dump."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "walks up from the working directory to gradebook.db and prints every row of every "
    "table (the stored hidden tests among them)"
)
DESERVED = 0

# The gradebook holds the source of the locked cells, hidden tests included. This finds
# it from inside the kernel and prints every table.
CHEAT = """\
import os as _os
import sqlite3 as _sqlite3

_here = _os.path.abspath(_os.getcwd())
for _ in range(6):
    _db = _os.path.join(_here, "gradebook.db")
    if _os.path.exists(_db):
        _con = _sqlite3.connect(_db)
        for (_table,) in _con.execute("select name from sqlite_master where type='table'"):
            for _row in _con.execute(f"select * from {_table}"):
                print(_table, _row)
        break
    _here = _os.path.dirname(_here)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
