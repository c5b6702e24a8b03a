"""The doctor on the zoo of learner programs, on the re-created seeds and faults, and on its own
bad inputs; the adapter's implied gradient against gradients computed independently here."""

import json
import pathlib
import re

import numpy as np
import pytest
import tomllib
from doctor_cases import CASES, seed004
from docutils.nodes import make_id

import xorlab as xl
from xorlab.doctor import causes, zoo
from xorlab.doctor.causes import CAUSES, CHAPTER_TITLES, RANK
from xorlab.doctor.report import adapt_mlp, doctor, implied_gradient

ROOT = pathlib.Path(__file__).resolve().parents[1]
X, Y = xl.xor()


@pytest.fixture(scope="module")
def zoo_results():
    return {name: doctor(**prog.build()) for name, prog in zoo.PROGRAMS.items()}


def test_zoo_is_large_and_varied():
    styles = {p.style.split(",")[0] for p in zoo.PROGRAMS.values()}
    assert len(zoo.PROGRAMS) >= 40
    assert {"class", "functional", "xorlab MLP"} <= styles
    assert sum(not p.required for p in zoo.PROGRAMS.values()) >= 15  # correct programs


@pytest.mark.parametrize("name", list(zoo.PROGRAMS))
def test_zoo_program_is_diagnosed(zoo_results, name):
    spec, found = zoo.PROGRAMS[name], zoo_results[name]
    assert spec.ok(found.codes), f"{name}: expected {set(spec.required) or 'nothing'}, got\n{found}"


def test_zoo_score(zoo_results, capsys):
    score = zoo.score([(n, d.codes) for n, d in zoo_results.items()])
    with capsys.disabled():
        print(f"\ndoctor on the zoo of {score.programs} programs: {score}")
    assert score.hits == score.programs and score.fair == score.findings
    assert score.programs == sum(not p.blind for p in zoo.PROGRAMS.values())


def test_saved_verdicts_are_the_doctors(zoo_results):
    saved = zoo.stored_verdicts()
    assert dict(saved["doctor"]) == {n: d.codes for n, d in zoo_results.items()}
    assert {n for n, _ in saved["before"]} == set(zoo.PROGRAMS)


def test_score_counts_by_hand():
    verdicts = [("fn_correct", []), ("fn_correct", ["flat"]), ("fn_update_adds", ["update_climbs"])]
    verdicts += [("fn_or_labels", ["flat"]), ("fn_update_adds", None)]  # a blind spot, a crash
    score = zoo.score(verdicts)
    assert (score.fair, score.findings, score.hits, score.programs) == (1, 2, 2, 4)
    assert score.intervals()[1] == xl.wilson_interval(2, 4)
    with pytest.raises(ValueError, match="empty"):
        zoo.score([])
    with pytest.raises(ValueError, match="unknown zoo program"):
        zoo.evaluate(["no such program"])


# -- the adapter ----------------------------------------------------------------------------


def _true_gradient(p):
    """Mean-BCE gradient of the zoo's 2-3-1 tanh/sigmoid class net, written out here."""
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    d2 = (out - Y) / 4
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {
        "W1": X.T @ d1,
        "b1": d1.sum(0).reshape(p["b1"].shape),
        "W2": h.T @ d2,
        "b2": d2.sum(0).reshape(p["b2"].shape),
    }


@pytest.mark.parametrize("loop", ["Net", "PerSample", "RandomOrder", "MiniBatch", "HardCodedRate"])
def test_implied_gradient_is_right_for_every_loop(loop):
    net = getattr(zoo.classes, loop)(lr=0.5)
    lr = 0.5 if loop == "HardCodedRate" else "lr"
    case = xl.adapt(net, "W1 b1 W2 b2", "train", X, Y, predict="forward", lr=lr)
    got, want = case["grad"](case["params"]), _true_gradient(case["params"])
    for k in want:
        np.testing.assert_allclose(got[k], want[k], rtol=1e-5, atol=1e-9)


def test_whole_epoch_at_the_readers_rate_is_not_the_gradient():
    # what implied_gradient over a per-sample epoch gives: the "2.585x the truth"
    net = zoo.classes.PerSample(lr=0.5)
    names = ("W1", "b1", "W2", "b2")

    def epoch(p):
        twin = zoo.classes.PerSample(lr=0.5)
        for k in names:
            setattr(twin, k, p[k].copy())
        twin.train(X, Y)
        return {k: getattr(twin, k) for k in names}

    start = {k: getattr(net, k) for k in names}
    naive = implied_gradient(epoch, start, 0.5)(start)
    assert not np.allclose(naive["W2"], _true_gradient(start)["W2"], rtol=0.1)


def test_adapter_never_touches_the_readers_object():
    net = zoo.classes.PerSample()
    before = {k: getattr(net, k).copy() for k in ("W1", "b1", "W2", "b2")}
    ids = {k: id(getattr(net, k)) for k in before}
    doctor(**xl.adapt(net, "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr", epochs=50))
    assert all(np.array_equal(getattr(net, k), before[k]) for k in before)
    assert all(id(getattr(net, k)) == ids[k] for k in before) and net.lr == 0.5


def test_adapter_keeps_integer_dtypes_in_training():
    case = zoo.PROGRAMS["int_weights"].build()
    after = case["step"](case["params"])
    assert all(np.array_equal(after[k], np.round(after[k])) for k in after)  # truncated
    grads = case["grad"](case["params"])  # the math itself is checked in float64
    assert any(np.abs(g).max() > 0 and not np.allclose(g, np.round(g)) for g in grads.values())
    assert [f.code for f in case["notes"]] == ["integer_weights"]


def test_adapter_for_a_dict_with_a_train_function():
    p0 = {"W1": np.ones((2, 2)) * 0.3, "b1": np.zeros(2), "W2": np.ones((2, 1)), "b2": np.zeros(1)}
    p0["W1"][0, 1] = -0.4

    def forward(p, Z):
        h = np.tanh(Z @ p["W1"] + p["b1"])
        return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))

    def train(p, Z, T, rate):
        h = np.tanh(Z @ p["W1"] + p["b1"])
        d2 = (forward(p, Z) - T) / len(Z)
        d1 = d2 @ p["W2"].T * (1 - h**2)
        p["W1"] -= rate * Z.T @ d1
        p["b1"] -= rate * d1.sum(0)
        p["W2"] -= rate * h.T @ d2
        p["b2"] -= rate * d2.sum(0)

    case = xl.adapt(p0, list(p0), train, X, Y, predict=forward, lr="rate", train_args={"rate": 0.5})
    want = _row_gradient(p0)
    got = case["grad"](case["params"])
    for k in want:
        np.testing.assert_allclose(got[k], want[k], rtol=1e-5, atol=1e-9)
    assert p0["W1"][0, 1] == -0.4


def _row_gradient(p):
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    d2 = (out - Y) / 4
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


@pytest.mark.parametrize(
    "kw, error, words",
    [
        ({"params": "W1 nope"}, ValueError, "no parameter 'nope'"),
        ({"params": []}, ValueError, "at least one"),
        ({"train": "fit"}, ValueError, "no method"),
        ({"lr": None}, ValueError, "name the learning rate"),
        ({"params": "params.W1"}, ValueError, "'params.W1' for self.params"),
        ({"lr": "rate"}, ValueError, "no attribute 'rate'"),
        ({"y": Y[:3]}, ValueError, "4 samples but y holds 3"),
    ],
)
def test_adapter_errors_name_the_fix(kw, error, words):
    args = {"params": "W1 b1 W2 b2", "train": "train", "lr": "lr", **kw}
    with pytest.raises(error, match=words):
        xl.adapt(
            zoo.classes.Net(), args["params"], args["train"], X, args.get("y", Y), lr=args["lr"]
        )


# -- findings, wording, pointers -------------------------------------------------------------


def test_no_gradient_false_alarm_at_any_init_scale():
    for scale in (0.01, 0.1, 3.0):
        for hidden in ("tanh", "relu"):
            net = xl.MLP((2, 3, 1), hidden=hidden, init_scale=scale, seed=3)
            d = doctor(**adapt_mlp(net, X, Y), epochs=20)
            assert not set(d.codes) & causes.GRADIENT, f"{scale} {hidden}: {d}"


def test_a_correct_gradient_is_never_called_a_sign_flip(zoo_results):
    for name in ("printed_bce_sign_slip", "printed_log_likelihood", "printed_mean_error"):
        assert "sign_flip" not in zoo_results[name].codes
        assert "the gradient is fine" in str(zoo_results[name])
    assert "impossible_loss" in zoo_results["printed_log_likelihood"].codes  # a negative BCE


def test_loss_mismatch_names_the_loss(zoo_results):
    assert "gradient of the mean squared error" in str(zoo_results["printed_bce_for_mse_gradient"])
    assert "gradient of the mean BCE" in str(zoo_results["printed_summed_bce"])
    assert "gradient of the summed BCE" in str(zoo_results["fn_summed_gradient"])


def test_training_findings_carry_their_numbers(zoo_results):
    assert "of their size" in zoo_results["lr_one_in_a_million"].findings[0].evidence
    assert "steps in all" in zoo_results["too_few_epochs"].findings[0].evidence
    assert "every weight below" in zoo_results["tiny_init_saddle"].findings[0].evidence


def test_healthy_means_it_trains(zoo_results):
    healthy = [d for d in zoo_results.values() if d.healthy]
    assert healthy and all("it trains" in " ".join(str(d).split()) for d in healthy)
    assert all(d.losses[-1] < d.losses[0] for d in healthy)
    assert not zoo_results["lr_one_in_a_million"].healthy


def test_findings_are_one_per_cause_most_likely_first(zoo_results):
    for d in zoo_results.values():
        assert len(set(d.codes)) == len(d.codes)
        assert [RANK[c] for c in d.codes] == sorted(RANK[c] for c in d.codes)


def _markdown_lines(doc):
    cells = json.loads((ROOT / "chapters" / f"{doc}.ipynb").read_text())["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return text.splitlines()


def _anchors(doc):
    """{heading: its anchors}: the id Sphinx derives from the heading (docutils' make_id of
    its text) and the MyST labels `(label)=` right above it."""
    anchors, labels = {}, []
    for line in _markdown_lines(doc):
        if re.fullmatch(r"\(([^)]+)\)=", line.strip()):
            labels.append(line.strip()[1:-2])
        elif line.startswith("#"):
            heading = line.lstrip("#").strip()
            anchors[heading] = {make_id(heading), *labels}
            labels = []
        elif line.strip():
            labels = []
    return anchors


@pytest.mark.parametrize("code", list(CAUSES))
def test_every_pointer_names_a_section_that_exists(code):
    cause = CAUSES[code]
    anchors = _anchors(cause.chapter)
    title = CHAPTER_TITLES[cause.chapter]
    assert cause.section in anchors, f"{code}: no section {cause.section!r} in {cause.chapter}"
    assert cause.label in anchors[cause.section], f"{code}: {cause.label!r} is not its anchor"
    assert title in anchors, f"{cause.chapter} is not titled {title!r}"
    f = xl.Finding(code, "t", "e")
    assert f.url == f"{causes.BOOK_URL}/chapters/{cause.chapter}.html#{cause.label}"
    assert f.url.startswith("https://") and title in f.section


def test_the_book_url_is_the_package_metadata(monkeypatch):
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    assert urls["Book"] == causes.PUBLISHED  # the fallback without metadata is the same place
    monkeypatch.setenv("XORLAB_BOOK_URL", "https://example.org/fork")
    assert causes._book_url() == "https://example.org/fork"
    monkeypatch.delenv("XORLAB_BOOK_URL")
    monkeypatch.setattr(causes.metadata, "metadata", _not_installed)
    assert causes._book_url() == causes.PUBLISHED
    monkeypatch.setattr(causes.metadata, "metadata", lambda name: _Meta([]))
    assert causes._book_url() == causes.PUBLISHED
    meta = {"xorlab": ["Source, https://example.org/src", "Book, https://example.org/book"]}
    monkeypatch.setattr(causes.metadata, "metadata", lambda name: _Meta(meta[name]))
    assert causes._book_url() == "https://example.org/book"


def _not_installed(name):
    raise causes.metadata.PackageNotFoundError(name)


class _Meta:
    """Package metadata holding only project URLs."""

    def __init__(self, urls):
        self.urls = urls

    def get_all(self, key):
        return self.urls if key == "Project-URL" else None


def test_symmetric_points_to_a_section_about_symmetry():
    doc, heading = CAUSES["symmetric"].chapter, CAUSES["symmetric"].section
    cells = json.loads((ROOT / "chapters" / f"{doc}.ipynb").read_text())["cells"]
    text = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    assert "symmetr" in section.lower()


# -- the seeds, the faults and the earlier cases ------------------------------------------


@pytest.fixture(scope="module")
def case_results():
    return {name: doctor(**build()) for name, build, _, _ in CASES}


@pytest.mark.parametrize("name, required, allowed", [(c[0], c[2], c[3]) for c in CASES])
def test_case_is_diagnosed(case_results, name, required, allowed):
    found = set(case_results[name].codes)
    if not required:
        assert not found, f"{name}: false alarm {case_results[name]}"
    else:
        assert found & required, f"{name}: expected one of {required}, got {case_results[name]}"
        assert found <= required | allowed, f"{name}: unexpected findings {case_results[name]}"


def test_sum_instead_of_mean_is_named(case_results):
    text = str(case_results["mean in one layer, sum in the other"])
    assert "= n = 4: a sum where the mean belongs" in text


def test_a_negated_gradient_is_named_by_its_loss(case_results):
    report = case_results["fault flipped_update_sign"]
    assert report.codes == ["sign_flip"]
    assert "minus the gradient of the mean BCE" in report.findings[0].title


def test_a_sign_flip_in_one_array_names_that_array():
    case = adapt_mlp(xl.MLP((2, 3, 1), seed=1), X, Y)
    true_grad = case["grad"]
    case["grad"] = lambda p: {k: -g if k == "W2" else g for k, g in true_grad(p).items()}
    report = doctor(**case)
    assert report.codes == ["sign_flip"] and report.findings[0].title.endswith(" in W2")


def test_kink_artefacts_are_not_reported():
    net = xl.MLP((2, 3, 1), hidden="relu", init="he", seed=0)  # zero biases: z = 0 at (0, 0)
    assert doctor(**adapt_mlp(net, X, Y)).healthy


def test_implied_gradient_recovers_the_gradient():
    net = xl.MLP((2, 2, 1), seed=5)

    def update(p):
        g = adapt_mlp(net, X, Y)["grad"](p)
        return {k: p[k] - 0.3 * g[k] for k in p}

    g = implied_gradient(update, net.params, 0.3)(net.params)
    assert all(np.allclose(g[k], net.gradients(X, Y)[k]) for k in g)


def test_doctor_leaves_params_untouched():
    case = seed004()
    before = {k: v.copy() for k, v in case["params"].items()}
    doctor(**case)
    assert all(np.array_equal(before[k], case["params"][k]) for k in before)


def _grad_as_tuple(p):
    return tuple(seed004()["grad"](p).values())


@pytest.mark.parametrize(
    "change, error, words",
    [
        ({"params": {}}, TypeError, "params"),
        ({"params": {"W1": "abc"}}, TypeError, "params\\['W1'\\]"),
        ({"loss": 3}, TypeError, "loss must be a function"),
        ({"grad": lambda p: {}}, ValueError, "no gradient for"),
        ({"grad": _grad_as_tuple}, TypeError, "returned a tuple of 4 items; return a dict"),
        (
            {"grad": lambda p: {**seed004()["grad"](p), "bh": None}},
            TypeError,
            "grad\\(params\\)\\['bh'\\] is None",
        ),
        ({"loss": lambda p: np.array([[0.5]])}, TypeError, "shape \\(1, 1\\); return one number"),
        ({"predict": lambda p, Z: np.zeros(len(Z))}, ValueError, "out.reshape\\(-1, 1\\)"),
        ({"y": Y.ravel()}, ValueError, "y.reshape\\(-1, 1\\)"),
        ({"X": np.ones((3, 2))}, ValueError, "rows"),
        ({"lr": -1.0}, ValueError, "lr"),
        ({"seed": -1}, ValueError, "seed must be a non-negative integer"),
        ({"epochs": 10**6}, ValueError, "epochs must be at most 100,000"),
        ({"loss": None, "predict": None}, TypeError, "give loss"),
    ],
)
def test_bad_input(change, error, words):
    case = {**seed004(), **change}
    with pytest.raises(error, match=words):
        doctor(**case)
