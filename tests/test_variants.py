"""Per-student numbers: the seed a student's variant is drawn from, and the refusals."""

import hashlib
import math

import pytest

import xorlab as xl
from xorlab.exercises import variants


def test_no_student_gives_the_chapters_own_numbers(monkeypatch):
    monkeypatch.delenv(variants.STUDENT, raising=False)
    monkeypatch.delenv(variants.HUB_USER, raising=False)
    assert variants.student_id() == ""
    assert variants.variant_seed("xor-done-right", "ml101", "") == 0


def test_the_id_comes_from_the_grader_first_then_the_hub(monkeypatch):
    monkeypatch.setenv(variants.HUB_USER, "hub-login")
    monkeypatch.delenv(variants.STUDENT, raising=False)
    assert variants.student_id() == "hub-login"
    monkeypatch.setenv(variants.STUDENT, "graded-id")
    assert variants.student_id() == "graded-id"


def test_seed_is_a_hash_of_course_chapter_and_student():
    key = b"ml101\x1fxor-done-right\x1falice"
    want = 1 + int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % (2**63 - 1)
    assert variants.variant_seed("xor-done-right", "ml101", "alice") == want


def test_seeds_differ_between_students_chapters_and_years():
    seeds = {
        variants.variant_seed(chapter, course, student)
        for chapter in ("xor-done-right", "case-stuck-at-half")
        for course in ("ml101-2026", "ml101-2027")
        for student in ("alice", "bob", "carol")
    }
    assert len(seeds) == 12 and 0 not in seeds


def test_graded_numbers_refuses_without_the_graders_ids(monkeypatch):
    monkeypatch.delenv(variants.COURSE, raising=False)
    monkeypatch.setenv(variants.STUDENT, "alice")
    with pytest.raises(xl.checks.VariantError, match="XORLAB_COURSE not set"):
        xl.checks.graded_numbers("xor-done-right")


def test_an_unknown_chapter_is_named(monkeypatch):
    with pytest.raises(xl.checks.VariantError, match="no chapter 'no-such-chapter'"):
        variants.numbers_for("no-such-chapter", "ml101", "alice")


def test_a_check_takes_the_students_numbers_or_the_chapters_and_refuses_others():
    mine = variants.numbers_for("case-stuck-at-half", "ml101", "alice")
    c = mine["counts"]  # (0, 0) costs ln 2 each time it appears; the rest can cost ~0
    assert xl.checks.check_no_bias_floor(c[0] * math.log(2) / sum(c), numbers=mine)
    assert not xl.checks.check_no_bias_floor(math.log(2) / 4, numbers=mine)
    assert xl.checks.check_no_bias_floor(math.log(2) / 4, numbers=None)  # the chapter's own
    for bad in ({"counts": 1}, [1, 2], "alice"):
        verdict = xl.checks.check_no_bias_floor(0.1733, numbers=bad)
        assert not verdict and "my_numbers gave you" in verdict.message
