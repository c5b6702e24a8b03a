"""The instructor guide matches the chapters, and every chapter states what an instructor needs."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import instructor_guide as guide  # noqa: E402

CHAPTERS = guide.toc_chapters()


def test_guide_is_up_to_date():
    result = subprocess.run(
        [sys.executable, "tools/instructor_guide.py", "--check"],
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
    assert all(kind in guide.USE for _, _, kind in found), found
    labels = [label for label, _, _ in found]
    assert len(set(labels)) == len(labels)


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
