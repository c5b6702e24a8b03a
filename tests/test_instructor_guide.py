"""The instructor guide matches the chapters, and every chapter states what an instructor needs."""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools import instructor_guide as guide
from tools import toc

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = toc.chapters()


def test_guide_is_up_to_date():
    result = subprocess.run(
        [sys.executable, "-m", "tools.instructor_guide", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_states_objectives_prerequisites_time_and_exercises(path):
    nb = nbformat.read(path, as_version=4)
    title, objectives, prereq, time = guide.front_matter(nb.cells[0].source)
    assert 3 <= len(objectives) <= 5, f"{path.name}: {len(objectives)} learning objectives"
    assert prereq != "not stated" and time != "not stated"
    found = guide.exercises(nb)
    assert len(found) >= 3, f"{path.name}: {len(found)} exercises"
    assert all(e["kind"] in guide.USE for e in found), found
    labels = [e["label"] for e in found]
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_stated_time_for_the_exercises_is_the_sum_of_their_times(path):
    """The first cell's "plus N for the exercises" adds up the exercises' own "about M minutes"."""
    nb = nbformat.read(path, as_version=4)
    time = guide.front_matter(nb.cells[0].source)[3]
    stated = re.search(r"plus (\d+)(?: minutes)? for the exercises", time)
    assert stated, f"{path.name}: the time line gives no time for the exercises: {time!r}"
    assert int(stated.group(1)) == sum(e["minutes"] for e in guide.exercises(nb)), time


WORDS = re.compile(r"\b(explain|why|argue|predict|what does|say what|which finding)\b", re.I)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_exercise_has_time_objectives_and_a_rubric_or_a_check(path):
    nb = nbformat.read(path, as_version=4)
    objectives = guide.front_matter(nb.cells[0].source)[1]
    texts = {m.group(2): m.group(0) for c in nb.cells for m in guide.EXERCISE.finditer(c.source)}
    for e in guide.exercises(nb):
        assert e["minutes"] and 1 <= e["minutes"] <= 60, e
        assert e["objectives"] and set(e["objectives"]) <= set(range(1, len(objectives) + 1)), e
        if e["rubric"]:
            assert set(e["rubric"]) == {"full", "partial", "wrong"}
            assert all(len(v) > 20 for v in e["rubric"].values()), e
        assert e["checks"] or e["rubric"], f"{e['label']}: neither a self-check nor a rubric"
        body = nb.cells[[i for i, c in enumerate(nb.cells) if e["label"] in c.source][0]].source
        asks_words = WORDS.search(body.split(e["label"], 1)[1].split("```", 1)[0])
        assert not asks_words or e["rubric"], f"{e['label']} asks for words but has no rubric"
    assert texts


def test_case_chapters_ask_for_real_code():
    for path in CHAPTERS:
        if path.stem.startswith("case-") or path.stem == "xor-done-right":
            kinds = {e["kind"] for e in guide.exercises(nbformat.read(path, as_version=4))}
            assert "build" in kinds, path.stem


def test_syllabi_cover_every_chapter():
    stems = {p.stem for p in CHAPTERS}
    for plan in (guide.ONE_WEEK, guide.THREE_WEEKS):
        assert stems <= {s for _, slugs in plan for s in slugs}
    text = guide.render()
    for stem in stems:
        assert text.count(f"{{doc}}`{stem}`") >= 3, stem  # two syllabi and its own section


def test_front_matter_parser():
    text = (
        "# T\n\n**Learning objectives.** You can\n\n1. one\n   more;\n2. two\n3. three\n\n"
        "**Prerequisites:** A. **Time:** 5 minutes."
    )
    title, objectives, prereq, time = guide.front_matter(text)
    assert (title, objectives, prereq, time) == (
        "T",
        ["one more;", "two", "three"],
        "A.",
        "5 minutes.",
    )


@pytest.mark.parametrize("plan", [guide.ONE_WEEK, guide.THREE_WEEKS], ids=["week", "3 weeks"])
def test_a_plan_fits_class_time_and_places_every_exercise_once(plan):
    chapters = {}
    for path in CHAPTERS:
        nb = nbformat.read(path, as_version=4)
        chapters[path.stem] = (nb, guide.front_matter(nb.cells[0].source)[3])
    placed = []
    for s in guide.plan_sessions(plan, chapters):
        read = sum(guide.reading_minutes(chapters[c][1]) for c in s["in_class"])
        work = sum(e["minutes"] for e in s["exercises"])
        assert read + work == s["in_min"] <= guide.CLASS_MINUTES, s["session"]
        placed += [e["label"] for e in s["exercises"] + s["homework"]]
    every = [e["label"] for nb, _ in chapters.values() for e in guide.exercises(nb)]
    assert sorted(placed) == sorted(every)


def test_rubric_levels_carry_the_points_of_the_hidden_test_spec():
    text = guide.render()
    # ex-xor-done-right-5 is worth 2 written points (tools/nbgrader/tests/xor-done-right.py)
    spec = (ROOT / "tools" / "nbgrader" / "tests" / "xor-done-right.py").read_text()
    assert "# %% ex-xor-done-right-5 auto=2 written=2" in spec
    block = text.split("{ref}`ex-xor-done-right-5`\n\n", 1)[1].split("\n\n", 1)[0]
    assert "*Full (2 points):*" in block and "*Partial (1):*" in block and "*Wrong (0):*" in block
    assert "TA hours per 100 students" in text and "## Running the grader safely" in text


def test_the_variants_section_tells_a_ta_how_to_find_a_students_numbers(monkeypatch):
    """The call the guide gives a TA returns what the student's notebook shows under their
    login, and the section names every chapter whose exercises have per-student numbers."""
    import xorlab as xl

    section = guide.render().split("## Each student's own numbers", 1)[1].split("\n## ", 1)[0]
    call = re.search(r"`(xl\.checks\.numbers_for\(([^`]*)\))`", section)
    chapter, course, student = re.findall(r'"([^"]+)"', call.group(2))
    monkeypatch.setenv("JUPYTERHUB_USER", student)  # the student's login on the hub
    monkeypatch.delenv("XORLAB_STUDENT", raising=False)
    shown = xl.checks.my_numbers(chapter, course=course)
    assert eval(call.group(1), {"xl": xl}) == shown != xl.checks.numbers_for(chapter, course, "")
    for path in CHAPTERS:
        if "xl.checks.my_numbers(" in path.read_text(encoding="utf-8"):
            title = guide.front_matter(nbformat.read(path, as_version=4).cells[0].source)[0]
            assert f"*{title}*" in section, title
    for needed in ("XORLAB_STUDENT", "XORLAB_COURSE", "JUPYTERHUB_USER", "--course-id"):
        assert needed in section, needed
