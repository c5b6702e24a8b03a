"""The doctor diagnoses every case correctly and raises no false alarm on correct code."""

import numpy as np
import pytest
from doctor_cases import CASES, seed004

import xorlab as xl
from xorlab.doctor import adapt_mlp, doctor, implied_gradient


@pytest.fixture(scope="module")
def results():
    return {name: doctor(**build()) for name, build, _, _ in CASES}


@pytest.mark.parametrize("name, required, allowed", [(c[0], c[2], c[3]) for c in CASES])
def test_case_is_diagnosed(results, name, required, allowed):
    found = set(results[name].codes)
    if not required:
        assert not found, f"{name}: false alarm {results[name]}"
    else:
        assert found & required, f"{name}: expected one of {required}, got {results[name]}"
        assert found <= required | allowed, f"{name}: unexpected findings {results[name]}"


def test_precision_and_recall(results, capsys):
    true_pos = false_pos = hits = 0
    for name, _, required, allowed in CASES:
        found = set(results[name].codes)
        true_pos += len(found & (required | allowed))
        false_pos += len(found - (required | allowed))
        hits += bool(found & required) if required else not found
    precision = true_pos / max(true_pos + false_pos, 1)
    recall = hits / len(CASES)
    with capsys.disabled():
        print(f"\ndoctor over {len(CASES)} cases: precision {precision:.2f}, recall {recall:.2f}")
    assert precision == 1.0 and recall == 1.0


def test_sum_instead_of_mean_is_named(results):
    text = str(results["seed 004 sigmoid"])
    assert "= n = 4: a sum where the mean belongs" in text


def test_sign_flip_names_every_array(results):
    report = results["fault flipped_update_sign"]
    assert report.codes == ["sign_flip"]
    assert all(name in report.findings[0].title for name in ("W1", "b1", "W2", "b2"))


def test_findings_link_to_existing_chapters(results):
    for diagnosis in results.values():
        for f in diagnosis.findings:
            assert f.chapter and f.title and f.evidence
    html = results["seed 002"]._repr_html_()
    assert '<a href="case-rising-cost.html">' in html


def test_healthy_report_prints_plainly(results):
    diagnosis = results["correct 2-2-1 sigmoid"]
    assert diagnosis.healthy and "No problem found" in str(diagnosis)
    assert diagnosis.losses[-1] < diagnosis.losses[0]


def test_kink_artefacts_are_not_reported():
    X, y = xl.xor()  # zero biases: every hidden z is exactly 0 at input (0, 0)
    net = xl.MLP((2, 3, 1), hidden="relu", init="he", seed=0)
    assert doctor(**adapt_mlp(net, X, y)).healthy


def test_implied_gradient_recovers_the_gradient():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), seed=5)

    def update(p):
        g = adapt_mlp(net, X, y)["grad"](p)
        return {k: p[k] - 0.3 * g[k] for k in p}

    g = implied_gradient(update, net.params, 0.3)(net.params)
    assert all(np.allclose(g[k], net.gradients(X, y)[k]) for k in g)


def test_doctor_leaves_params_untouched():
    case = seed004()
    before = {k: v.copy() for k, v in case["params"].items()}
    doctor(**case)
    assert all(np.array_equal(before[k], case["params"][k]) for k in before)


@pytest.mark.parametrize(
    "change, error, words",
    [
        ({"params": {}}, TypeError, "params"),
        ({"params": {"W1": "abc"}}, TypeError, "params\\['W1'\\]"),
        ({"loss": 3}, TypeError, "loss must be a function"),
        ({"grad": lambda p: {}}, ValueError, "no gradient for"),
        ({"X": np.ones((3, 2))}, ValueError, "rows"),
        ({"lr": -1.0}, ValueError, "lr"),
    ],
)
def test_bad_input(change, error, words):
    case = {**seed004(), **change}
    with pytest.raises(error, match=words):
        doctor(**case)
