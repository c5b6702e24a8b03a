"""A cheating submission for the grader's tests: xdr_read_source."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "lists ../, ../../, ../../../ (source, release, autograded, submitted), prints the "
    "hidden tests of every reachable source notebook, dumps gradebook.db and the course "
    "config"
)
DESERVED = 0

# Looks around the grader's file system from inside the kernel and prints what it finds:
# the course's source folder, the gradebook, every notebook it can reach. If the grader
# shows the output (feedback, autograded notebook), the hidden tests leak.
CHEAT = """\
import glob as _glob
import json as _json
import os as _os
import sqlite3 as _sqlite3

print("cwd:", _os.getcwd())
for _up in ["..", "../..", "../../..", "../../../.."]:
    for _sub in ["", "source", "source/xor-done-right", "release", "autograded", "submitted"]:
        _d = _os.path.join(_up, _sub)
        if _os.path.isdir(_d):
            print(_d, "->", sorted(_os.listdir(_d))[:40])
for _nb in sorted(set(_glob.glob("../../../**/*.ipynb", recursive=True)))[:50]:
    print("notebook:", _nb)
    if "source" in _nb and "xor-done-right" in _nb:
        with open(_nb) as _f:
            for _cell in _json.load(_f)["cells"]:
                _meta = _cell.get("metadata", {}).get("nbgrader", {})
                if _meta.get("grade") and not _meta.get("solution"):
                    print("HIDDEN TEST", _meta.get("grade_id"), "".join(_cell["source"]))
for _db in _glob.glob("../../../**/gradebook.db", recursive=True)[:3]:
    _con = _sqlite3.connect(_db)
    for (_table,) in _con.execute("select name from sqlite_master where type='table'"):
        print("table", _table, _con.execute(f"select * from {_table} limit 20").fetchall())
for _cfg in _glob.glob("../../../*.py"):
    print(_cfg, open(_cfg).read()[:2000])
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
