"""The doctor's update, later-update and registry modules, for mutants that the other doctor
tests let through (`make mutation`, issue 27): the update phase's findings (a step that climbs,
units that are copies, shapes that change), the later update's replay (labels paired apart, an
update computed from stale values). Each test asserts what a reader sees (a finding's code, title
or evidence) or what a phase function returns; learners and expected values are written here in
plain numpy."""

import warnings
from types import SimpleNamespace

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor import causes, later, report, runs, training, update
from xorlab.doctor import reader as reader_mod
from xorlab.doctor.findings import Finding

# ----------------------------------------------------------------------------- update


def sgd(rate):
    """A step p - rate * g (rate < 0 climbs), for update.climbs."""
    return lambda p, g: {k: p[k] - rate * g[k] for k in p}


P = {"W": np.array([[0.5, -0.2], [0.1, 0.3]]), "b": np.array([0.05, -0.1])}
G = {"W": np.array([[0.02, -0.01], [0.03, 0.01]]), "b": np.array([0.01, 0.02])}


def test_a_step_along_the_gradient_climbs_with_its_cosine():
    """A small gradient (its norm times the step's below 1) is no reason to stay silent."""
    (f,) = update.climbs(sgd(-0.1), P, G)
    assert f.code == "update_climbs"
    assert f.evidence == "cosine between the step and the gradient +1.000 (descent is -1)"


def test_a_step_just_below_a_cosine_of_0_99_is_no_climb():
    """A step along +g plus a sideways part at cosine 0.985 (> 0.98, < 0.99) is not named."""
    g = {"w": np.array([1.0, 0.0])}
    side = np.sqrt(1 / 0.985**2 - 1)  # the step (1, side) has cosine 0.985 with g
    step = lambda p, _g: {"w": p["w"] + np.array([1.0, side])}  # noqa: E731
    assert update.climbs(step, {"w": np.zeros(2)}, g) == []
    side = np.sqrt(1 / 0.995**2 - 1)
    step = lambda p, _g: {"w": p["w"] + np.array([1.0, side])}  # noqa: E731
    (f,) = update.climbs(step, {"w": np.zeros(2)}, g)
    assert "+0.995" in f.evidence


def test_a_descending_step_or_a_step_that_does_not_move_is_no_climb():
    assert update.climbs(sgd(0.1), P, G) == []
    assert update.climbs(sgd(0.0), P, G) == []


def test_an_in_place_trainer_is_not_read_for_a_climb():
    """A step flagged `ignores_grads` has its direction in the implied gradient already."""
    step = sgd(-0.1)
    step.ignores_grads = True
    assert update.climbs(step, P, G) == []


def test_a_climb_is_measured_against_the_weights_before_the_step():
    """A step that climbs from weights far from 0: measured as after - before, not after."""
    far = {k: v + 100 for k, v in P.items()}
    assert update.climbs(sgd(-0.1), far, G)[0].code == "update_climbs"
    assert update.climbs(sgd(0.1), far, G) == []


def test_a_climb_is_measured_over_every_array():
    """Climbing in b only, with W's move against its gradient and larger: no climb."""

    def step(p, g):
        return {"W": p["W"] - 10 * g["W"], "b": p["b"] + g["b"]}

    assert update.climbs(step, P, G) == []


def twin(M, G=None):
    """update._twins on M: (d, m) and gradients G (M's own copy if None)."""
    return update._twins(np.array(M, float), np.array(M if G is None else G, float))


def test_two_equal_columns_with_equal_gradients_are_twins():
    assert twin([[1, 1], [2, 2]]) == (0, 1)
    assert twin([[1, 5, 1], [2, 6, 2]]) == (0, 2)
    assert twin([[5, 1, 1], [6, 2, 2]]) == (1, 2)
    assert twin([[5, 1, 1, 7], [6, 2, 2, 8]]) == (1, 2)


def test_columns_are_twins_only_when_their_gradients_are_equal_too():
    assert twin([[1, 1], [2, 2]], [[0.1, 0.2], [0.3, 0.3]]) is None
    assert twin([[1, 1], [2, 3]], [[0.1, 0.1], [0.3, 0.3]]) is None
    assert twin([[1, 2], [3, 4]]) is None


def test_units_of_one_weight_are_no_evidence_of_symmetry():
    assert twin([[1, 1, 2]]) is None


def test_a_matrix_with_a_weight_per_row_is_read_for_twins_in_each_layout():
    """A 2-2 matrix whose columns are copies (rows are not): found as columns, not as rows."""
    p = {"b": np.zeros(2), "W": np.array([[1.0, 1.0], [2.0, 2.0]])}
    g = {"b": np.zeros(2), "W": np.array([[0.1, 0.1], [0.2, 0.2]])}
    (f,) = update.symmetric(p, g)
    assert f.code == "symmetric"
    assert f.evidence == (
        "columns 0 and 1 of W are equal, and so are their gradients: those units will stay "
        "copies at every step"
    )
    assert update.symmetric(p, g, "columns")[0].evidence == f.evidence
    assert update.symmetric(p, g, "rows") == []


def test_rows_that_are_copies_are_found_as_rows():
    p = {"W": np.array([[1.0, 2.0], [1.0, 2.0]])}
    g = {"W": np.array([[0.1, 0.2], [0.1, 0.2]])}
    (f,) = update.symmetric(p, g, "rows")
    assert f.evidence.startswith("rows 0 and 1 of W are equal")
    assert update.symmetric(p, g, "columns") == []
    assert update.symmetric(p, g)[0].evidence == f.evidence


def test_every_matrix_is_read_for_twins():
    """The copies in the second matrix, after one without: found."""
    p = {"W1": np.array([[1.0, 2.0], [3.0, 4.0]]), "W2": np.array([[1.0, 1.0], [2.0, 2.0]])}
    g = {"W1": np.ones((2, 2)), "W2": np.ones((2, 2))}
    assert update.symmetric(p, g)[0].evidence.startswith("columns 0 and 1 of W2")


@pytest.mark.parametrize(
    "shapes, d_in, d_out, columns, axis",
    [
        ([(2, 4), (4,), (4, 1)], 2, 1, None, "columns"),  # X @ W
        ([(4, 2), (1, 4)], 2, 1, None, "rows"),  # W @ x
        ([(3, 4), (4,), (4, 1)], 2, 1, None, "columns"),  # X @ W, the bias folded in
        ([(2, 4), (4, 4)], 2, 4, None, "columns"),  # the last square: read from the first
        ([(4, 2), (4, 4)], 2, 4, None, "rows"),
        ([(3, 4), (4, 4)], 2, 4, None, "columns"),
        ([(2, 4), (1, 4)], 2, 1, None, "columns"),  # the first decides
        ([(4, 4), (4, 5), (5, 1)], 3, 1, None, "columns"),  # square first: read from the last
        ([(4, 4), (5, 4), (1, 5)], 3, 1, None, "rows"),
        ([(2, 2), (2, 2)], 2, 2, None, None),  # square everywhere: both
        ([(2, 2), (2, 2)], 2, 2, True, "rows"),  # the declared layout
        ([(2, 2), (2, 2)], 2, 2, False, "columns"),
        ([(2,)], 2, 1, None, None),  # no matrix
        ([(2,)], 2, 1, False, "columns"),
    ],
)
def test_the_unit_axis_is_read_from_the_shapes_else_from_the_layout(
    shapes, d_in, d_out, columns, axis
):
    params = {f"p{i}": np.zeros(s) for i, s in enumerate(shapes)}
    assert update.unit_axis(params, d_in, d_out, columns) == axis


def test_a_step_that_changes_shapes_names_each_changed_array():
    params = {"W": np.zeros((2, 1)), "b": np.zeros(1), "c": np.zeros(3)}
    after = {"W": np.zeros((2, 4)), "b": np.zeros(1), "c": [0.0, 0.0]}
    (f,) = update.reshaped(params, after)
    assert f.code == "shape_changed"
    assert f.evidence == "W: (2, 1) -> (2, 4)\nc: (3,) -> (2,)"
    assert update.reshaped(params, params) == []


# ----------------------------------------------------------------------------- later

X4 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
AND = np.array([[0], [0], [0], [1]], dtype=float)
XOR = np.array([[0], [1], [1], [0]], dtype=float)
START = {"W": np.array([[0.3], [-0.2]]), "b": np.array([0.1])}


def sig(z):
    return 1 / (1 + np.exp(-z))


def unit_out(p, Z):
    return sig(Z @ p["W"] + p["b"])


def bce_grad(p, y, scale=1.0):
    """`scale` times the mean BCE's gradient of a logistic unit at p, labels y: (4, 1)."""
    d = scale * (unit_out(p, X4) - y) / len(X4)
    return {"W": X4.T @ d, "b": d.sum(0)}


def flat(g):
    return np.concatenate([g["W"].ravel(), g["b"]])


def cos(a, b):
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


class Later:
    """The adapter's `later` as a fake: later(epochs) -> answers(epochs), each call recorded."""

    def __init__(self, answers):
        self.answers, self.asked = answers, []

    def later(self, epochs):
        self.asked.append(epochs)
        return self.answers(epochs)


def reader(y=AND, grads=None, later=None, predict=unit_out, X=X4):
    """A reader of the logistic unit at START (labels y), its first update's gradient `grads`
    (the mean BCE's if None), the run's later update `later(epochs)`."""
    step = Later(later) if later else SimpleNamespace(later=None)
    grads = bce_grad(START, y) if grads is None else grads
    return SimpleNamespace(params=START, grads=grads, predict=predict, X=X, y=y, step=step)


def test_finite_differences_of_a_cubic_are_its_slope_to_a_millionth():
    p = {"a": np.array([1.0, -2.0]), "c": np.array([[0.5]])}

    def loss(q):
        return float(np.sum(q["a"] ** 3) + 2 * q["c"][0, 0] ** 3)

    expected = [3 * 1.0, 3 * 4.0, 6 * 0.25]
    assert later.finite_differences(loss, p) == pytest.approx(expected, abs=1e-6)
    assert p["a"].tolist() == [1.0, -2.0]  # the weights are not moved


def test_the_cosine_of_two_vectors_and_of_a_zero_vector():
    assert later._cosine(np.array([1.0, 0.0]), np.array([1.0, 1.0])) == pytest.approx(2**-0.5)
    assert later._cosine(np.zeros(2), np.array([1.0, 1.0])) == 0.0


def test_the_standard_loss_of_the_first_update_and_its_scale():
    r = reader(grads=bce_grad(START, AND, 3.0))
    name, scale = later._standard(r)
    assert name == "mean BCE" and scale == pytest.approx(3.0, rel=1e-6)
    r = reader(grads={"W": np.array([[1.0], [0.0]]), "b": np.array([0.0])})
    assert later._standard(r) == (None, None)


def test_a_gradient_of_labels_given_to_other_inputs_is_named_paired_apart_at_the_start():
    """AND's labels re-paired as (1, 0, 0, 0): sample 3's label given to sample 0; the first
    order (in lexicographic order) to do so is (3, 0, 1, 2)."""
    r = reader(grads=bce_grad(START, np.array([[1.0], [0], [0], [0]])))
    f = later.at_start(r)
    assert f.code == "paired_apart"
    assert f.evidence == (
        "your gradient is the gradient of the mean BCE with the labels of samples [3, 0, 1, 2] "
        "given to samples [0, 1, 2, 3]: cosine above 0.9999"
    )


def test_the_right_pairing_or_the_flipped_labels_are_not_paired_apart():
    assert later.at_start(reader()) is None
    assert later.at_start(reader(y=XOR, grads=bce_grad(START, 1 - XOR))) is None


def test_paired_apart_needs_outputs_and_at_most_4_samples():
    apart = bce_grad(START, np.array([[1.0], [0], [0], [0]]))
    assert later.at_start(reader(grads=apart, predict=None)) is None
    X5, y5 = np.vstack([X4, [[0.5, 0.5]]]), np.vstack([AND, [[0.0]]])
    d = (unit_out(START, X5) - np.array([[1.0], [0], [0], [0], [0]])) / 5
    five = {"W": X5.T @ d, "b": d.sum(0)}
    assert later.at_start(reader(y=y5, grads=five, X=X5)) is None


END = {"W": np.array([[2.0], [1.5]]), "b": np.array([-1.0])}  # where the later update is read
RUN = [0.7] * 301  # a run's losses: 300 epochs, finite


def first_update(epochs):
    """A later update that is still the first one, read at END."""
    return END, bce_grad(START, AND)


def stale_evidence(epochs, arrays="W, b"):
    c = cos(flat(bce_grad(START, AND)), flat(bce_grad(END, AND)))
    return (
        f"after {epochs} epochs, your update against the mean BCE's gradient: cosine "
        f"{c:+.3f}\n{arrays}: your update is still the first one, while the loss's gradient "
        "has changed: it is computed from values of the first weights"
    )


def test_an_update_still_the_first_one_after_50_epochs_is_named_stale():
    assert cos(flat(bce_grad(START, AND)), flat(bce_grad(END, AND))) < 0.95  # moved away
    r = reader(later=first_update)
    f = later.examine(r, RUN)
    assert f.code == "stale_update" and f.evidence == stale_evidence(50)
    assert r.step.asked == [50]


@pytest.mark.parametrize("n, first", [(2, 1), (11, 5), (101, 50), (102, 50)])
def test_the_later_update_is_read_halfway_through_a_short_run(n, first):
    r = reader(later=first_update)
    assert later.examine(r, [0.7] * n).evidence == stale_evidence(first)


def test_the_later_update_of_a_run_that_blew_up_is_read_halfway_to_its_first_nan():
    r = reader(later=first_update)
    losses = [0.7] * 7 + [np.inf, np.nan]  # finite for 7 epochs: read after 3
    assert later.examine(r, losses).evidence == stale_evidence(3)
    r = reader(later=first_update)
    losses = [0.7] * 7 + [np.nan, 0.7]  # a run whose last loss is finite: 9 losses, after 4
    assert later.examine(r, losses).evidence == stale_evidence(4)


def test_an_update_that_follows_the_gradient_is_read_again_one_and_two_epochs_later():
    def answers(epochs):
        return (END, bce_grad(END, AND)) if epochs < 52 else first_update(epochs)

    r = reader(later=answers)
    assert later.examine(r, RUN).evidence == stale_evidence(52)
    assert r.step.asked == [50, 51, 52]
    r = reader(later=lambda e: (END, bce_grad(END, AND)))
    assert later.examine(r, RUN) is None and r.step.asked == [50, 51, 52]


def test_a_later_update_scaled_like_the_first_follows_the_gradient():
    """A first update 3 times the mean BCE's gradient, a later one too: no finding."""
    r = reader(grads=bce_grad(START, AND, 3.0), later=lambda e: (END, bce_grad(END, AND, 3.0)))
    assert later.examine(r, RUN) is None


def test_no_later_update_or_no_outputs_or_no_standard_loss_says_nothing():
    assert later.examine(reader(), RUN) is None
    r = reader(later=lambda e: None)
    assert later.examine(r, RUN) is None and r.step.asked == [50, 51, 52]
    assert later.examine(reader(later=first_update, predict=None), RUN) is None
    odd = {"W": np.array([[1.0], [0.0]]), "b": np.array([0.0])}  # along no standard loss
    r = reader(grads=odd, later=lambda e: (END, odd))
    assert later.examine(r, RUN) is None and r.step.asked == []


def test_a_later_update_that_is_not_finite_or_where_the_loss_is_not_says_nothing():
    nan = {"W": np.array([[np.nan], [0.0]]), "b": np.array([0.0])}
    assert later.examine(reader(later=lambda e: (END, nan)), RUN) is None
    far = {"W": np.array([[800.0], [800.0]]), "b": np.array([800.0])}  # outputs of exactly 1
    assert later.examine(reader(later=lambda e: (far, bce_grad(START, AND))), RUN) is None


ONE_LABEL_MOVED = np.array([[1.0], [0], [0], [0]])  # AND's labels, sample 3's given to sample 0


def test_a_later_update_that_barely_moves_is_a_schedules_business():
    """An update at a hundredth of the gradient's length, in another direction: not read."""
    true, apart = flat(bce_grad(END, AND)), bce_grad(END, ONE_LABEL_MOVED)
    for size, read in [(0.9e-2, False), (1.1e-2, True)]:
        g = {
            k: v * size * np.linalg.norm(true) / np.linalg.norm(flat(apart))
            for k, v in apart.items()
        }
        r = reader(later=lambda e, g=g: (END, g))
        found = later._astray(r, "mean BCE", 1.0, 50)
        assert (found is not None) == read
    end, g_read, flat_read, true_read = found
    assert end is END and g_read is g
    assert flat_read.tolist() == flat(g).tolist() and true_read == pytest.approx(true, abs=1e-6)


def test_a_later_update_scaled_like_the_first_is_compared_with_the_scaled_gradient():
    """The first update 1000 times the gradient: a later one of the gradient's length is
    below a hundredth of it, a schedule's business."""
    r = reader(grads=bce_grad(START, AND, 1e3), later=lambda e: (END, bce_grad(END, XOR)))
    assert later._astray(r, "mean BCE", 1e3, 50) is None
    assert later._astray(r, "mean BCE", 1.0, 50) is not None


def test_a_later_update_of_labels_given_to_other_inputs_is_named_with_the_pairing():
    r = reader(later=lambda e: (END, bce_grad(END, ONE_LABEL_MOVED)))
    f = later.examine(r, RUN)
    c = cos(flat(bce_grad(END, ONE_LABEL_MOVED)), flat(bce_grad(END, AND)))
    assert f.code == "paired_apart"
    assert f.evidence == (
        f"after 50 epochs, your update against the mean BCE's gradient: cosine {c:+.3f}\n"
        "it is the gradient of the mean BCE with the labels of samples [3, 0, 1, 2] given to "
        "samples [0, 1, 2, 3]: cosine above 0.9999"
    )


def test_a_later_update_of_5_samples_is_not_read_for_a_pairing():
    X5, y5 = np.vstack([X4, [[0.5, 0.5]]]), np.vstack([AND, [[0.0]]])

    def grad5(p, y):
        d = (unit_out(p, X5) - y) / 5
        return {"W": X5.T @ d, "b": d.sum(0)}

    moved = np.vstack([ONE_LABEL_MOVED, [[0.0]]])
    r = reader(y=y5, X=X5, grads=grad5(START, y5), later=lambda e: (END, grad5(END, moved)))
    assert later.examine(r, RUN) is None


def test_a_flat_vector_is_split_back_into_arrays_of_each_shape():
    like = {"W": np.zeros((2, 2)), "b": np.zeros(2), "c": np.zeros((1, 1))}
    parts = later._split(np.arange(7.0), like)
    assert list(parts) == ["W", "b", "c"]
    assert parts["W"].tolist() == [[0, 1], [2, 3]]
    assert parts["b"].tolist() == [4, 5] and parts["c"].tolist() == [[6]]


def rotated(a, cosine):
    """a: (2,) turned to the given cosine with it, its length kept."""
    t = np.arccos(cosine)
    return np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]]) @ a


@pytest.mark.parametrize(
    "b, same",
    [
        (np.array([3.0, 4.0]) * (1 + 0.5e-4), True),
        (np.array([3.0, 4.0]) * (1 - 0.5e-4), True),
        (np.array([3.0, 4.0]) * (1 + 2e-4), False),
        (np.array([3.0, 4.0]) * (1 - 2e-4), False),
        (rotated(np.array([3.0, 4.0]), 1 - 0.5e-4), True),
        (rotated(np.array([3.0, 4.0]), 1 - 2e-4), False),
        (-np.array([3.0, 4.0]), False),
        (np.zeros(2), False),
    ],
)
def test_two_updates_are_the_same_to_a_tolerance_in_direction_and_length(b, same):
    assert bool(later._same(np.array([[3.0], [4.0]]), b, 1e-4)) is same


def test_an_array_is_stale_when_its_update_is_the_first_and_the_gradient_moved_on():
    first = {"a": np.array([1.0, 0.0]), "b": np.array([0.0, 1.0]), "c": np.array([1.0, 1.0])}
    g = {"a": np.array([1.0, 0.0]), "b": np.array([0.0, 1.0]), "c": np.array([2.0, 2.0])}
    true = {"a": np.array([0.0, 1.0]), "b": np.array([0.0, 1.005]), "c": np.array([5.0, -5.0])}
    assert later._frozen(SimpleNamespace(grads=first), g, true) == ["a"]
    true["b"] = np.array([0.0, 1.02])  # beyond a hundredth: moved on
    assert later._frozen(SimpleNamespace(grads=first), g, true) == ["a", "b"]


def test_a_later_update_astray_but_neither_first_nor_paired_says_nothing():
    r = reader(later=lambda e: (END, bce_grad(END, XOR)))
    assert later.examine(r, RUN) is None and r.step.asked == [50]


def test_only_the_arrays_whose_update_is_the_first_are_named_stale():
    g = {"W": bce_grad(START, AND)["W"], "b": bce_grad(END, AND)["b"]}
    assert cos(flat(g), flat(bce_grad(END, AND))) < 0.99  # astray
    f = later.examine(reader(later=lambda e: (END, g)), RUN)
    c = cos(flat(g), flat(bce_grad(END, AND)))
    assert f.evidence.startswith(
        f"after 50 epochs, your update against the mean BCE's gradient: cosine {c:+.3f}\n"
        "W: your update is still"
    )


# ----------------------------------------------------------------------------- causes


class Meta:
    """Package metadata whose only entries are project URLs (None: no such entry)."""

    def __init__(self, urls):
        self.urls = urls

    def get_all(self, key):
        return self.urls if key == "Project-URL" else None


def not_installed(name):
    raise causes.metadata.PackageNotFoundError(name)


def test_the_book_url_is_xorlab_book_url_when_set(monkeypatch):
    monkeypatch.setenv("XORLAB_BOOK_URL", "https://example.org/fork")
    monkeypatch.setattr(causes.metadata, "metadata", not_installed)
    assert causes._book_url() == "https://example.org/fork"
    monkeypatch.setenv("XORLAB_BOOK_URL", "")  # set but empty: the metadata's
    assert causes._book_url() == causes.PUBLISHED


@pytest.mark.parametrize(
    "urls, book",
    [
        (["Source, https://e.org/src", "Book, https://e.org/book"], "https://e.org/book"),
        (["Book, https://e.org/1", "Book, https://e.org/2"], "https://e.org/1"),
        (["Source, https://e.org/src"], causes.PUBLISHED),
        (["Book,https://e.org/book"], causes.PUBLISHED),  # not "label, url"
        (["Book, https://e.org/b?q=1, 2"], "https://e.org/b?q=1, 2"),  # split at the first
        ([], causes.PUBLISHED),
        (None, causes.PUBLISHED),  # no project URLs at all
    ],
)
def test_the_book_url_is_the_metadatas_book_entry(monkeypatch, urls, book):
    monkeypatch.delenv("XORLAB_BOOK_URL", raising=False)
    seen = []
    monkeypatch.setattr(causes.metadata, "metadata", lambda name: seen.append(name) or Meta(urls))
    assert causes._book_url() == book and seen == ["xorlab"]


def test_the_book_url_without_the_package_installed_is_the_published_book(monkeypatch):
    monkeypatch.delenv("XORLAB_BOOK_URL", raising=False)
    monkeypatch.setattr(causes.metadata, "metadata", not_installed)
    assert causes._book_url() == causes.PUBLISHED


def test_a_causes_link_is_its_chapters_page_and_its_sections_anchor(monkeypatch):
    monkeypatch.setattr(causes, "BOOK_URL", "https://e.org/b")
    cause = causes.Cause("t", "w", "field-guide", "S", "the-label")
    assert cause.url == "https://e.org/b/chapters/field-guide.html#the-label"


def test_the_same_means_strictly_within_the_tolerance():
    """Exact cases: a length ratio of 2 is off by 1, orthogonal vectors have cosine 0."""
    assert not later._same(np.array([2.0]), np.array([1.0]), 1.0)
    assert later._same(np.array([2.0]), np.array([1.0]), 1.0 + 1e-9)
    assert not later._same(np.array([1.0, 0.0]), np.array([0.0, 1.0]), 1.0)
    assert later._same(np.array([1.0, 0.0]), np.array([0.0, 1.0]), 1.0 + 1e-9)


def test_flipped_plus_minus_1_labels_are_not_paired_apart():
    """XOR as -1/+1 with a tanh unit and the mean squared error: the flip (-y) is skipped, a
    re-pairing that is no flip is named."""
    y = 2 * XOR - 1

    def tanh_out(p, Z):
        return np.tanh(Z @ p["W"] + p["b"])

    def mse_grad(labels):
        out = tanh_out(START, X4)
        d = 2 * (out - labels) * (1 - out**2) / len(X4)
        return {"W": X4.T @ d, "b": d.sum(0)}

    assert later.at_start(reader(y=y, grads=mse_grad(-y), predict=tanh_out)) is None
    moved = np.array([[1.0], [1], [-1], [-1]])  # sample 2's label given to sample 1: no flip
    f = later.at_start(reader(y=y, grads=mse_grad(moved), predict=tanh_out))
    assert f.evidence.startswith("your gradient is the gradient of the mean squared error")


# ----------------------------------------------------------------------------- training


def halve(p, g):
    """A step that halves every weight (the gradient of sum(w ** 2) / 4 at rate 1)."""
    return {k: v - g[k] for k, v in p.items()}


def quarter_grad(p):
    return {k: v / 2 for k, v in p.items()}


def sq(p):
    return float(sum(np.sum(v**2) for v in p.values()))


def test_a_run_takes_its_steps_and_says_each_loss():
    start = {"w": np.array([4.0, 8.0], dtype=np.float32)}
    losses, end = runs.run(
        SimpleNamespace(params=start, gradient=quarter_grad, epochs=3), sq, halve
    )
    assert losses.tolist() == [80.0, 20.0, 5.0, 1.25]
    assert end["w"].tolist() == [0.5, 1.0] and end["w"].dtype == np.float64
    assert start["w"].tolist() == [4.0, 8.0]  # the start is not moved


def test_a_run_stops_at_the_first_loss_that_is_not_finite():
    def blow(p, g):
        return {k: v * 1e100 for k, v in p.items()}

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow says nothing to the reader
        one = SimpleNamespace(params={"w": np.array([1.0])}, gradient=quarter_grad, epochs=5)
        losses, end = runs.run(one, sq, blow)
    assert losses.tolist() == [1.0, 1e200, np.inf]
    assert end["w"].tolist() == [1e200]


def test_a_step_that_ignores_the_gradient_is_given_none():
    seen = []

    def step(p, g):
        seen.append(g)
        return {"w": p["w"] + 1}

    step.ignores_grads = True
    assert runs.advance(step, quarter_grad)({"w": np.ones(1)})["w"].tolist() == [2.0]
    assert seen == [None]
    del step.ignores_grads
    runs.advance(step, quarter_grad)({"w": np.ones(1)})
    assert seen[1]["w"].tolist() == [0.5]


def count(p, g):
    """A step that adds 1 to the counter w."""
    return {"w": p["w"] + 1}


def test_steps_to_solve_are_checked_every_25_steps_within_the_budget():
    start, solved = {"w": np.zeros(1)}, lambda p: p["w"][0] >= 30
    assert training._steps_to_solve(count, quarter_grad, start, solved, 50) == 50
    assert training._steps_to_solve(count, quarter_grad, start, solved, 49) is None
    assert training._steps_to_solve(count, quarter_grad, start, solved, 60, every=10) == 30
    assert start["w"].tolist() == [0.0]


def test_steps_that_overflow_say_nothing_to_the_reader():
    def blow(p, g):
        return {k: v * 1e300 for k, v in p.items()}

    huge = lambda p: {k: v * 1e300 for k, v in p.items()}  # noqa: E731  its square overflows
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        start = {"w": np.ones(1)}
        assert training._steps_to_solve(blow, quarter_grad, start, lambda p: False, 30) is None
        assert training._fits(huge, start, lambda p: False, rng(0), restarts=0) is None


def test_steps_to_solve_pass_the_gradient_unless_the_step_ignores_it():
    start = {"w": np.array([8.0])}
    solved = lambda p: p["w"][0] < 1  # noqa: E731  8 halved 4 times is 0.5
    assert training._steps_to_solve(halve, quarter_grad, start, solved, 100, every=1) == 4


def adam(grad, p, steps):
    """Adam (0.05, 0.9, 0.999, 1e-8) for `steps` steps from p: the params."""
    p = {k: v.copy() for k, v in p.items()}
    m = {k: 0 * v for k, v in p.items()}
    s = {k: 0 * v for k, v in p.items()}
    for t in range(1, steps + 1):
        g = grad(p)
        for k in p:
            m[k] = 0.9 * m[k] + (1 - 0.9) * g[k]
            s[k] = 0.999 * s[k] + (1 - 0.999) * g[k] ** 2
            mh, sh = m[k] / (1 - 0.9**t), s[k] / (1 - 0.999**t)
            p[k] = p[k] - 0.05 * mh / (np.sqrt(sh) + 1e-8)
    return p


def cubic_grad(p):
    """The gradient of sum((w - 1) ** 4) + sum(w ** 2): Adam's path depends on every constant."""
    return {k: 4 * (v - 1) ** 3 + 2 * v for k, v in p.items()}


def test_the_strong_optimiser_is_adam_checked_every_100_steps_from_4_starts():
    start = {"w": np.array([3.0, -2.0]), "v": np.array([[0.1]])}
    seen = []
    record = lambda p: seen.append({k: v.copy() for k, v in p.items()})  # noqa: E731  None
    assert training._fits(cubic_grad, start, record, rng(5)) is None
    assert len(seen) == 4 * 30
    expected = adam(cubic_grad, start, 100)
    assert all(np.allclose(seen[0][k], expected[k], rtol=1e-12, atol=0) for k in start)
    expected = adam(cubic_grad, start, 3000)
    assert all(np.allclose(seen[29][k], expected[k], rtol=1e-12, atol=0) for k in start)
    draw = rng(5)
    second = {k: v + draw.normal(0, 1, v.shape) for k, v in start.items()}
    expected = adam(cubic_grad, second, 100)
    assert all(np.allclose(seen[30][k], expected[k], rtol=1e-12, atol=0) for k in start)
    assert start["w"].tolist() == [3.0, -2.0]


def test_the_strong_optimiser_says_when_it_solves():
    start = {"w": np.array([3.0])}
    near = lambda p: abs(p["w"][0] - 0.41) < 0.01  # noqa: E731  the minimum is at 0.41
    t = next(t for t in range(100, 3001, 100) if near(adam(cubic_grad, start, t)))
    assert t > 100 and training._fits(cubic_grad, start, near, rng(0)) == t
    far = lambda p: p["w"][0] > 100  # noqa: E731
    assert training._fits(cubic_grad, start, far, rng(0), restarts=0) is None


def rng(seed):
    return np.random.default_rng(seed)


@pytest.mark.parametrize(
    "losses, shares",
    [
        (
            [1.0, 1.1, 1.2, 1.3],
            (100, 0),
        ),
        ([1.0, 1.0002, 1.0004, 1.0005], None),  # up by less than a thousandth
        (
            [1.0, 1.0002, 1.0004, 1.002],
            (100, 0),
        ),
        ([1.0, 2.0, 1.5], None),  # up, but half the steps down; too short to swing
        (
            [1.0, 0.9, 0.95, 0.85],
            (33, 100),
        ),
        ([1.0, 1.0005, 1.001], None),  # exactly a thousandth up
        ([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1], None),  # 1 of 6 steps up, 5 flat
        (
            [1.0, 1.0, 1.1, 1.2, 1.3],
            (75, 33),
        ),
        ([1000.0, 1001.0, 1000.0, 1001.0, 1000.0], None),  # swings of exactly a thousandth
        ([1000.0, 1000.1, 1000.0, 1000.1, 1000.0], None),
        ([4.0, 1.5, 2.0, 1.8], None),  # below half of 4
        (
            [1.0, 2.0, 2.5],
            (100, 0),
        ),
        (
            [1.0, 0.9, 0.95, 0.85, 0.9, 0.8],
            (40, 100),
        ),
        ([1.0, 0.6, 0.7, 0.45], None),  # swings, but below half its start
        ([1.0, 0.4, 0.6, 0.5], None),  # swings, at half its start
        ([1.0, 1.0001, 1.0, 1.0001, 1.0], None),  # round-off on a plateau
        (
            [1.0, 1.01, 1.0, 1.01, 1.0],
            (50, 100),
        ),
        # 11 steps, 3 of 10 pairs reversed: not above 0.3; 4 of 10 are
        ([1.0, 0.99, 0.98, 0.97, 0.975, 0.98, 0.985, 0.975, 0.965, 0.955, 0.945, 0.95], None),
        (
            [1.0, 0.99, 0.98, 0.985, 0.99, 0.995, 0.985, 0.975, 0.965, 0.955, 0.96, 0.95],
            (36, 40),
        ),
    ],
)
def test_a_run_that_rises_or_swings_is_named(losses, shares):
    """`shares`: the percentages of steps up and of pairs of steps reversed, or None."""
    found = training._health(np.array(losses), 0.5, True)
    said = f"loss {losses[0]:.4f} -> {losses[-1]:.4f} at learning rate 0.5; "
    said += f"{shares[0]}% of steps went up, {shares[1]}% reversed direction" if shares else ""
    assert [f.evidence for f in found] == ([said] if shares else [])
    assert all(f.code == "lr_too_large" for f in found)


def test_a_run_that_blew_up_says_at_which_step():
    (f,) = training._health(np.array([1.0, 2.0, np.nan, np.inf]), 1e-5, True)
    assert f.code == "diverged"
    assert f.evidence == "the loss became NaN or inf at step 2 (learning rate 1e-05)"
    (f,) = training._health(np.array([1.0, np.inf]), 0.5, True)
    assert f.evidence == "the loss became NaN or inf at step 1 (learning rate 0.5)"


def test_a_steps_size_is_its_move_against_the_weights_size():
    def step(p, g):
        return {k: v - g[k] for k, v in p.items()}

    params = {"a": np.array([3.0]), "b": np.array([[4.0]])}
    grad = lambda p: {k: 0.1 * v for k, v in p.items()}  # noqa: E731
    assert training._step_ratio(step, grad, params) == pytest.approx(0.5 / 5)
    zero = {"a": np.zeros(1)}
    assert training._step_ratio(step, lambda p: {"a": np.array([1e-12])}, zero) == pytest.approx(1)


def test_arrays_stuck_below_a_millionth_of_the_largest_entry():
    grads = {
        "a": np.array([1.0, -0.5]),
        "b": np.array([-1e-6, 0.0]),
        "c": np.array([2e-6, 0.0]),
        "d": np.array([0.0]),  # one entry: no unit
        "e": np.zeros((2, 2)),
    }
    assert training._stuck_arrays(grads) == ["b", "e"]
    tiny = {"a": np.zeros(2), "b": np.array([1e-12, 0]), "c": np.array([0, -2e-12])}
    assert training._stuck_arrays(tiny) == ["a", "b"]


def probes(params=None, losses=(0.7, 0.69), epochs=300, ratio=1e-2, budget=2000, **kw):
    """Probes of a fake reader's run; `more` and `fit` given (not run) when in kw."""
    r = SimpleNamespace(params=params or {"W": np.ones((2, 2))}, epochs=epochs, **kw)
    p = training.Probes(r, np.array(losses), {}, lambda q: False, ratio, budget)
    for k in ("more", "fit"):
        if k in kw:
            p.__dict__[k] = kw[k]
    return p


def test_a_runs_probes_tell_it_in_words():
    assert probes(losses=(0.69314, 0.5, 0.25)).fell == "loss 0.6931 -> 0.2500 in 300 steps"


def test_stuck_units_are_named_with_their_largest_weight():
    params = {"W1": np.array([[9.5, -12.25]]), "b1": np.array([0.5, 3.0]), "W2": np.ones((2, 1))}
    grads = {"W1": np.zeros((1, 2)), "b1": np.zeros(2), "W2": np.array([[0.1], [0.2]])}
    f = training._stuck(probes(params, grads=grads))
    assert f.code == "stuck_units"
    assert f.evidence == (
        "W1, b1: gradient below 1e-6 of the largest entry (dead or saturated units pass none "
        "back), weights up to 12.2 in size; loss 0.7000 -> 0.6900 in 300 steps"
    )
    grads["W1"] = np.ones((1, 2))
    grads["b1"] = np.ones(2)
    assert training._stuck(probes(params, grads=grads)) is None


@pytest.mark.parametrize(
    "trained, solved, more, summary",
    [
        (
            True,
            True,
            None,
            "the gradient agrees with finite differences, and it trains: in 3 steps the loss "
            "went from 0.7000 to 0.1000, every output on the right side",
        ),
        (
            True,
            None,
            None,
            "the gradient agrees with finite differences, and it trains: in 3 steps the loss "
            "went from 0.7000 to 0.1000",
        ),
        (
            False,
            True,
            1200,
            "the gradient agrees with finite differences, and it trains, slowly: in 3 steps the "
            "loss went from 0.7000 to 0.1000; the same steps fit the data after 1,203 in all "
            "(pass your epochs= to check your own run)",
        ),
        (
            False,
            True,
            None,
            "the gradient agrees with finite differences; in 3 steps the loss went from 0.7000 "
            "to 0.1000",
        ),
    ],
)
def test_a_runs_summary(trained, solved, more, summary):
    losses = np.array([0.7, 0.5, 0.3, 0.1])
    assert training._summary(losses, trained, solved, True, more) == summary
    wrong = training._summary(losses, trained, solved, False, more)
    assert wrong == summary.replace("agrees", "disagrees")


def test_solved_is_every_output_on_its_side_and_needs_outputs():
    assert training._solved(SimpleNamespace(predict=None)) is None
    r = SimpleNamespace(predict=lambda p, Z: p["out"] + 0 * Z[:, :1], X=X4, y=AND)
    solved = training._solved(r)
    assert solved({"out": np.array([[0.1], [0.2], [0.3], [0.9]])})
    assert not solved({"out": np.array([[0.1], [0.2], [0.6], [0.9]])})


SMALL = {"W": np.full((2, 2), 0.04), "b": np.zeros(2)}  # every weight below 0.05


def test_a_start_on_the_plateau_is_named_with_what_more_steps_did():
    f = training._plateau(probes(SMALL, losses=(0.7, 0.6935), more=None))
    assert f.code == "plateau_start"
    assert f.evidence == (
        "every weight below 0.04 in size, all hidden units nearly alike; the loss stays at "
        "0.7000 (loss 0.7000 -> 0.6935 in 300 steps); 2,000 more of your steps had not left it"
    )
    f = training._plateau(probes(SMALL, losses=(0.7, 0.6935), more=1700))
    assert f.evidence.endswith("; continuing, your steps solve it after 2,000 steps in all")


@pytest.mark.parametrize(
    "params, losses",
    [
        ({"W": np.full((2, 2), 0.05)}, (0.7, 0.7)),  # a weight of 0.05
        (SMALL, (0.7, 0.693)),  # the loss fell by 0.01 of its start
        (SMALL, (0.7, 0.707)),  # rose by 0.01
        ({"w": np.full(2, 0.01)}, (0.7, 0.7)),  # no weight matrix
        (SMALL, (100.0, 99.5, 99.0)),  # fell by exactly 0.01 of its start
        (SMALL, (0.7, 0.6935, 0.2)),  # measured at the end
    ],
)
def test_no_plateau_with_a_weight_of_0_05_or_a_loss_that_moves_by_a_hundredth(params, losses):
    assert training._plateau(probes(params, losses=losses, more=None)) is None


def test_a_plateau_is_measured_from_the_first_loss_to_the_last():
    assert training._plateau(probes(SMALL, losses=(0.7, 0.2, 0.6935), more=None)) is not None


def test_a_plateau_of_a_negative_loss_is_measured_by_its_size():
    assert training._plateau(probes(SMALL, losses=(-0.7, -0.6935), more=None)) is not None


@pytest.mark.parametrize(
    "ratio, losses, named",
    [
        (0.99e-4, (0.7, 0.1), True),  # below 1e-4: whatever the loss did
        (1e-4, (0.7, 0.1), False),
        (0.99e-3, (0.7, 0.6651), True),  # below 1e-3, and the loss fell by less than 5%
        (0.99e-3, (0.7, 0.66), False),  # by more than 5%
        (1e-3, (0.7, 0.7), False),
        (0.99e-3, (-0.7, -0.7349), True),  # a negative loss: 5% of its size
        (0.99e-3, (20.0, 19.0), False),  # by exactly 5%
        (0.99e-3, (0.7, 0.1, 0.69), True),  # measured at the end
        (0.99e-3, (0.7, 0.69, 0.1), False),
    ],
)
def test_a_learning_rate_too_small_moves_the_weights_by_less_than_a_thousandth(
    ratio, losses, named
):
    f = training._lr_too_small(probes(ratio=ratio, losses=losses, fit=None))
    assert (f is not None) == named


def test_a_learning_rate_too_small_says_what_adam_did():
    f = training._lr_too_small(probes(ratio=2.5e-5, fit=None))
    assert f.code == "lr_too_small"
    assert f.evidence == (
        "one step changes the weights by 2.5e-05 of their size (1e-3 to 1e-1 is usual); "
        "loss 0.7000 -> 0.6900 in 300 steps"
    )
    f = training._lr_too_small(probes(ratio=2.5e-5, fit=1200))
    assert f.evidence.endswith(
        "300 steps; Adam with your gradient from the same start solves it in 1,200 steps"
    )


def test_more_steps_that_solve_are_too_few_steps_only_when_the_reader_gave_the_epochs():
    f = training._slow_or_unfit(probes(more=1200, epochs_given=True))
    assert f.code == "too_few_steps"
    assert f.evidence == (
        "loss 0.7000 -> 0.6900 in 300 steps; the same steps solve it after 1,500 steps in all"
    )
    assert training._slow_or_unfit(probes(more=1200, epochs_given=False)) is None


def test_a_model_adam_cannot_fit_or_a_fit_that_stalls():
    f = training._slow_or_unfit(probes(more=None, fit=None, epochs_given=True))
    assert f.code == "cannot_fit"
    assert f.evidence == (
        "Adam, 3,000 steps with your (correct) gradient, from your start and 3 random "
        "restarts, never put every output on the right side; your run: loss 0.7000 -> 0.6900 "
        "in 300 steps"
    )
    f = training._slow_or_unfit(probes(more=None, fit=2400, epochs_given=True))
    assert f.code == "flat"
    assert f.evidence == (
        "loss 0.7000 -> 0.6900 in 300 steps; 2,000 more of your steps do not fit the data; "
        "Adam with your gradient from the same start solves it in 2,400 steps"
    )


def shrink_to_solve(p, g):
    """A step that moves nothing: 'solved' when every weight is below 1 (a start times 0.1)."""
    return p


def large(big, epochs=300):
    """Probes of a reader whose run is 'solved' exactly when every weight is below 1 in size."""
    p = probes(
        {"W": np.array([[big, 1.0]]), "b": np.array([-2.0])},
        epochs=epochs,
        step=shrink_to_solve,
        gradient=quarter_grad,
        more=None,
        fit=None,
        epochs_given=True,
    )
    p.solved = lambda q: all(np.abs(v).max() < 1 for v in q.values())
    return p


def test_a_large_start_is_named_when_the_start_times_0_1_solves_it():
    f = training._large_start(large(-9.0))
    assert f.code == "large_start"
    assert f.evidence == (
        "parameters up to 9 at the start; loss 0.7000 -> 0.6900 in 300 steps; checked: your "
        "steps from your start times 0.1 solve it in 25 steps"
    )
    assert training._slow_or_unfit(large(-9.0)).code == "large_start"
    assert training._large_start(large(3.99)) is None  # below 4
    assert training._large_start(large(4.0)) is not None
    assert training._large_start(large(12.0)) is None  # times 0.1 still above 1
    assert training._large_start(large(9.0, epochs=24)) is None  # not within the reader's epochs
    assert training._slow_or_unfit(large(12.0)).code == "cannot_fit"


SPREAD = np.array([[0, 0, 0, 0], [0, 20, 0.5, 0], [30, 0, 0, 0], [30, 20, 0, 0]], dtype=float)


def scaled_reader(X=SPREAD, epochs=300, on_inputs=True):
    """A fake reader on inputs X whose training 'fits' after 30 steps exactly when it is run
    on X divided by each column's largest size (1 for a column of zeros)."""
    size = np.abs(X).max(axis=0)
    ok = X / np.where(size > 0, size, 1.0)
    given = []

    def predict(p, Z):
        good = np.allclose(Z, ok) and p["t"][0] >= 30
        return np.where(AND > 0.5, 0.9, 0.1) if good else np.full((4, 1), 0.5)

    def on(Z):
        given.append(Z)
        return count_t

    step = SimpleNamespace(on_inputs=on if on_inputs else None, floats=None)
    r = SimpleNamespace(
        params={"t": np.zeros(1)},
        X=X,
        y=AND,
        predict=predict,
        gradient=quarter_grad,
        epochs=epochs,
        step=step,
        grads={"t": np.ones(1)},
    )
    return probes(**vars(r) | {"more": None, "fit": None}), given


def count_t(p, g):
    return {"t": p["t"] + 1}


def test_large_inputs_are_named_when_the_same_training_on_scaled_inputs_fits():
    p, given = scaled_reader()
    f = training._large_inputs(p)
    assert f.code == "large_inputs" and "30" in f.title
    assert f.evidence == (
        "inputs up to 30 in size; loss 0.7000 -> 0.6900 in 300 steps; checked: your training "
        "on a copy of the inputs divided by [30, 20, 0.5, 1] (each input's largest size) fits the "
        "data within 50 epochs"
    )
    assert len(given) == 1 and np.allclose(given[0], SPREAD / [30, 20, 0.5, 1])
    assert training._not_training(p).code == "large_inputs"


def test_large_inputs_need_a_size_of_10_the_adapter_outputs_and_a_fit_in_the_epochs():
    assert training._large_inputs(scaled_reader(SPREAD / 3)[0]) is not None  # 10
    assert training._large_inputs(scaled_reader(SPREAD / 3.01)[0]) is None
    assert training._large_inputs(scaled_reader(on_inputs=False)[0]) is None
    assert training._large_inputs(scaled_reader(epochs=49)[0]) is None
    p, _ = scaled_reader()
    p.reader.predict = None
    assert training._large_inputs(p) is None


def test_why_a_run_does_not_train_is_the_first_cause_whose_evidence_holds():
    stuck = {"W": np.zeros((2, 2)), "b": np.ones(2)}
    no_probes = SimpleNamespace(on_inputs=None, floats=None)
    p = probes(grads=stuck, step=no_probes, predict=None, X=SPREAD)
    assert training._not_training(p).code == "stuck_units"
    p = probes(grads={"W": np.ones((2, 2))}, step=no_probes, predict=None)
    p.reader.X, p.reader.gradient, p.reader.rng = SPREAD, quarter_grad, rng(0)
    p.__dict__.update(more=None, fit=None)
    p.reader.epochs_given = True
    p.ratio = 0.5e-4
    assert training._not_training(p).code == "lr_too_small"
    p.ratio = 1e-2
    assert training._not_training(p).code == "cannot_fit"
    p.reader.params = {"W": np.full((2, 2), 0.01)}
    p.losses = np.array([0.7, 0.7])
    assert training._not_training(p).code == "plateau_start"


def test_more_steps_and_adams_fit_are_run_once_when_read():
    r = SimpleNamespace(step=count, gradient=cubic_grad, params={"w": np.array([3.0])}, rng=rng(0))
    p = training.Probes(r, np.array([1.0]), {"w": np.zeros(1)}, lambda q: q["w"][0] >= 30, 0, 60)
    assert p.more == 50
    p.solved = lambda q: abs(q["w"][0] - 0.41) < 0.01
    assert p.fit == 200


def counter(solved_at, epochs=None, predict=True, lr=0.5):
    """A reader whose weight t counts its steps: the loss 1 / (1 + t) falls at every step, the
    outputs fit AND's targets from step `solved_at` on (checked every 25 steps)."""

    def out(p, Z):
        x = p["t"][0] - solved_at + 0.5  # past the middle by 0.13 from step solved_at on
        return 0.5 + (2 * AND - 1) * 0.4 * x / (abs(x) + 1)

    def loss(p):
        return 1 / (1 + p["t"][0])

    grad = lambda p: {"t": np.array([-1.0])}  # noqa: E731  (no gradient is judged here)
    step = lambda p, g: {"t": p["t"] + 1}  # noqa: E731
    return reader_mod.read(
        {"t": np.zeros(1)}, loss, grad, X4, AND, out if predict else None, step, lr, epochs, 0
    ), loss


def rule_of(calls):
    """An update rule check that records the runs it is asked about and names a stale cache."""

    def rule(losses):
        calls.append(len(losses))
        return Finding.of("stale_update", "evidence")

    return rule


def test_a_run_that_fits_is_told_with_no_finding_and_the_rule_is_not_asked():
    r, loss = counter(100)
    calls = []
    losses, found, summary = training.examine(r, loss, [], True, rule_of(calls))
    assert len(losses) == 301 and losses[0] == 1.0 and losses[-1] == 1 / 301
    assert found == [] and calls == []
    assert summary == (
        "the gradient agrees with finite differences, and it trains: in 300 steps the loss "
        "went from 1.0000 to 0.0033, every output on the right side"
    )


def test_without_outputs_a_run_trains_when_its_loss_falls_below_half_its_start():
    r, loss = counter(10**6, predict=False)
    losses, found, summary = training.examine(r, loss, [], True)
    assert found == [] and summary.endswith(
        "it trains: in 300 steps the loss went from 1.0000 to 0.0033"
    )


def test_a_run_that_does_not_fit_asks_the_update_rule_first():
    r, loss = counter(400, epochs=300)
    calls = []
    losses, found, summary = training.examine(r, loss, [], True, rule_of(calls))
    assert [f.code for f in found] == ["stale_update"] and calls == [301]
    assert summary == (
        "the gradient agrees with finite differences; in 300 steps the loss went from 1.0000 "
        "to 0.0033"
    )
    calls = []
    losses, found, summary = training.examine(r, loss, [], False, rule_of(calls))
    assert found == [] and calls == []  # a wrong gradient: no rule asked, and no cause


def test_without_the_readers_epochs_a_rule_is_dropped_when_more_steps_solve_it():
    r, loss = counter(400)
    losses, found, summary = training.examine(r, loss, [], True, rule_of([]))
    assert found == []
    assert summary == (
        "the gradient agrees with finite differences, and it trains, slowly: in 300 steps the "
        "loss went from 1.0000 to 0.0033; the same steps fit the data after 400 in all (pass "
        "your epochs= to check your own run)"
    )
    r, loss = counter(2301)  # not within 2,000 more steps: the rule stands
    assert [f.code for f in training.examine(r, loss, [], True, rule_of([]))[1]] == ["stale_update"]


@pytest.mark.parametrize(
    "epochs, solved_at, more",
    [
        (300, 2300, 2000),
        (300, 2301, None),
        (600, 3600, 3000),
        (2500, 12500, 10000),
        (2500, 12501, None),
    ],
)
def test_more_steps_are_tried_up_to_5_times_the_epochs_from_2000_to_10000(epochs, solved_at, more):
    r, loss = counter(solved_at, epochs=epochs)
    _, found, _ = training.examine(r, loss, [], True)
    if more:
        assert [f.code for f in found] == ["too_few_steps"]
        assert found[0].evidence.endswith(f"solve it after {epochs + more:,} steps in all")
    else:
        assert "too_few_steps" not in [f.code for f in found]


def test_after_a_wrong_way_finding_the_run_says_nothing_more():
    r, loss = counter(10**6, epochs=300)
    rising = lambda p: p["t"][0]  # noqa: E731  a loss that rises at every step
    assert [f.code for f in training.examine(r, rising, [], True)[1]] == ["lr_too_large"]
    for code in sorted(training.WRONG_WAY):
        losses, found, summary = training.examine(r, rising, ["x", code], True, rule_of([]))
        assert found == [] and summary.startswith("the gradient agrees with finite differences;")
    assert [f.code for f in training.examine(r, rising, [], False, rule_of([]))[1]] == [
        "lr_too_large"
    ]


def test_a_run_that_blows_up_is_named_and_not_trained():
    r, loss = counter(10, epochs=300)
    blows = lambda p: 1.0 if p["t"][0] < 5 else np.nan  # noqa: E731
    losses, found, summary = training.examine(r, blows, [], True)
    assert len(losses) == 6 and [f.code for f in found] == ["diverged"]
    assert summary.startswith("the gradient agrees with finite differences; in 5 steps")
    r, loss = counter(10)  # without the epochs: a run that blew up is not continued
    found = training.examine(r, blows, [], True, rule_of([]))[1]
    assert [f.code for f in found] == ["stale_update"]


def test_a_cause_that_cannot_fit_or_none_has_the_models_linearity_checked(monkeypatch):
    seen = []
    monkeypatch.setattr(
        training.capacity, "linear", lambda *a: seen.append(a) or [Finding.of("linear", "e")]
    )
    r, loss = counter(10**6, epochs=300)  # never fits: Adam cannot either
    _, found, summary = training.examine(r, loss, [], True)
    assert [f.code for f in found] == ["cannot_fit", "linear"] and len(seen) == 1
    assert seen[0][1:] == (r.predict, r.X, r.y, r.rng) and seen[0][0]["t"].tolist() == [300.0]
    r, loss = counter(400)  # fits later: no cause, the model is checked
    _, found, summary = training.examine(r, loss, [], True)
    assert [f.code for f in found] == ["linear"] and len(seen) == 2
    r, loss = counter(400, epochs=300)  # too few steps: a cause, the model is not checked
    assert [f.code for f in training.examine(r, loss, [], True)[1]] == ["too_few_steps"]


# ----------------------------------------------------------------------------- reader


def unit_loss(p):
    o = unit_out(p, X4)
    return float(-np.mean(AND * np.log(o) + (1 - AND) * np.log(1 - o)))


def unit_grad(p):
    return bce_grad(p, AND)


def read(**changes):
    """reader.read on the logistic unit at START (AND), with `changes` to its arguments."""
    args = dict(
        params=START,
        loss=unit_loss,
        grad=unit_grad,
        X=X4,
        y=AND,
        predict=unit_out,
        step=None,
        lr=0.5,
        epochs=None,
        seed=0,
    )
    return reader_mod.read(**(args | changes))


def refused(error, message, **changes):
    """read(**changes) raises `error` with exactly `message`."""
    with pytest.raises(error) as caught:
        read(**changes)
    assert str(caught.value) == message


def test_the_gradient_an_update_implies_is_its_move_over_the_rate():
    seen = []

    def update(p):
        seen.append(p)
        return {"w": p["w"] - 0.5 * np.array([2.0, -4.0]), "v": p["v"] * 0.0}

    p = {"w": np.array([1.0, 1.0]), "v": np.array([3.0])}
    g = reader_mod.implied_gradient(update, p, 0.25)(p)
    assert g["w"].tolist() == [4.0, -8.0] and g["v"].tolist() == [12.0]
    assert seen[0] is not p and seen[0]["w"] is not p["w"]
    with pytest.raises(ValueError, match="lr must be finite and > 0"):
        reader_mod.implied_gradient(update, p, 0)


def test_a_loss_that_is_no_number_is_refused_with_the_fix():
    refused(
        TypeError,
        "loss(params) returned an array of shape (4,); return one number: float(value.item()) "
        "or float(np.mean(...))",
        loss=lambda p: np.ones(4),
    )
    refused(TypeError, "loss(params) must return a number, got str", loss=lambda p: "a")
    refused(TypeError, "loss(params) must return a number, got list", loss=lambda p: [1, 2])
    r = read(loss=lambda p: np.array(0.25))
    assert r.start_value == 0.25 and r.printed(START) == 0.25


def test_a_gradient_of_the_wrong_kind_or_shape_is_refused_with_the_fix():
    refused(
        TypeError,
        "grad(params) returned a tuple of 2 items; return a dict keyed like params, e.g. "
        "dict(zip(['W', 'b'], grads))",
        grad=lambda p: (p["W"], p["b"]),
    )
    refused(
        TypeError, "grad(params) must return a dict of arrays, got ndarray", grad=lambda p: p["W"]
    )
    refused(
        ValueError,
        "grad(params) returned no gradient for ['b']",
        grad=lambda p: {"W": p["W"]},
    )
    refused(
        TypeError,
        "grad(params)['b'] is None: return an array shaped like params['b'] (1,)",
        grad=lambda p: {"W": p["W"], "b": None},
    )
    refused(
        ValueError,
        "grad(params)['W'] has shape (2,) but params['W'] has (2, 1); return one gradient "
        "entry per parameter entry",
        grad=lambda p: {"W": p["W"].ravel(), "b": p["b"]},
    )
    g = read(grad=lambda p: {"W": [[1], [2]], "b": [3], "c": 0}).grads
    assert list(g) == ["W", "b"] and g["W"].dtype == np.float64 and g["b"].tolist() == [3.0]


def test_the_readers_functions_get_copies_of_the_weights():
    seen = []

    def grad(p):
        seen.append(p)
        p["W"][0, 0] = 99.0
        return unit_grad(p)

    r = read(grad=grad)
    assert r.params["W"][0, 0] == START["W"][0, 0] and seen[0] is not r.params


def test_outputs_of_the_wrong_shape_are_refused_with_the_fix():
    refused(
        ValueError,
        "predict returned shape (4,), y has shape (n, 1): return a column, out.reshape(-1, 1)",
        predict=lambda p, Z: unit_out(p, Z).ravel(),
    )
    y2 = np.hstack([AND, 1 - AND])
    two = lambda p, Z: np.hstack([unit_out(p, Z), 1 - unit_out(p, Z)])  # noqa: E731
    refused(
        ValueError,
        "predict returned shape (2, 4): samples as columns? return out.T, shape (4, 2) like y",
        predict=lambda p, Z: two(p, Z).T,
        y=y2,
        loss=None,
    )
    refused(
        ValueError,
        "predict returned shape (4,) for 4 inputs; expected (4, 2), the shape of y",
        predict=lambda p, Z: unit_out(p, Z).ravel(),
        y=y2,
        loss=None,
    )
    refused(
        ValueError,
        "predict returned shape (1, 1) for 4 inputs; expected (4, 1), the shape of y",
        predict=lambda p, Z: unit_out(p, Z)[:1],
    )
    r = read(predict=lambda p, Z: (Z @ p["W"] > 0).astype(np.int32))
    assert r.predict(START, X4).dtype == np.float64 and r.predict(START, X4[:2]).shape == (2, 1)


def test_outputs_that_do_not_move_with_the_weights_are_refused():
    message = (
        "predict's outputs do not change when the parameters do: it must compute them from "
        "the params it is given (with xorlab.adapt: the forward method of the weights your "
        "training changes, e.g. predict='forward', not one that predicts with other weights "
        "such as an averaged copy)"
    )
    refused(ValueError, message, predict=lambda p, Z: unit_out(START, Z))
    # outputs that move only when the weights move down (a ReLU at its kink): accepted
    r = read(predict=lambda p, Z: unit_out(p, Z) * (p["b"][0] < START["b"][0]) + 0.5)
    assert r.predict is not None
    r = read(predict=lambda p, Z: unit_out(p, Z) * (p["b"][0] > START["b"][0]) + 0.5)
    assert r.predict is not None


def test_weights_that_are_no_dict_of_finite_numbers_are_refused_with_the_fix():
    message = "params must be a non-empty dict of name -> numeric array"
    refused(TypeError, message, params={})
    refused(TypeError, message, params=[START["W"]])
    refused(
        TypeError,
        "params['W'] is None: give every parameter an array",
        params={"W": None, "b": START["b"]},
    )
    refused(
        TypeError,
        "params['W'] must be a numeric array, got dtype <U1",
        params={"W": np.array(["a"]), "b": START["b"]},
    )
    refused(
        TypeError,
        "params['W'] must be a numeric array, got dtype object",
        params={"W": np.array([None, 1]), "b": START["b"]},
    )
    refused(
        ValueError,
        "params['b'] contains NaN or infinite values, so no gradient or loss can be checked; "
        "give the weights the program starts from (before training diverged)",
        params={"W": START["W"], "b": np.array([np.inf])},
    )
    r = read(params={"W": [[0], [1]], "b": np.array([1], dtype=np.float32)})
    assert all(v.dtype == np.float64 for v in r.params.values())


def test_flat_targets_are_refused_with_the_fix():
    refused(
        ValueError,
        "y has shape (4,): give the targets as a column, y.reshape(-1, 1), shaped like the "
        "outputs (n, k)",
        y=AND.ravel(),
    )
    refused(ValueError, "X has 4 rows but y has 3; they must match", y=AND[:3])


@pytest.mark.parametrize("name", ["grad", "predict", "step", "loss"])
def test_a_function_that_is_not_callable_is_refused_by_name(name):
    refused(TypeError, f"{name} must be a function of the params dict, got int", **{name: 3})


def test_missing_functions_and_bad_settings_are_refused_with_the_fix():
    refused(TypeError, "grad must be a function of the params dict, got None", grad=None)
    refused(
        TypeError,
        "give loss(params), or predict(params, X) so the doctor can use a standard loss of the "
        "outputs",
        loss=None,
        predict=None,
    )
    refused(ValueError, "lr must be finite and > 0, got 0", lr=0)
    refused(ValueError, "epochs must be finite and > 0, got 0", epochs=0)
    refused(TypeError, "epochs must be an integer, got 2.5", epochs=2.5)
    refused(
        ValueError,
        "epochs must be at most 100,000 (the doctor's run is a probe), got 100,001",
        epochs=100_001,
    )
    assert read(epochs=100_000).epochs == 100_000
    for seed in (True, -1, 1.0, "1"):
        refused(ValueError, f"seed must be a non-negative integer, got {seed!r}", seed=seed)
    assert read(seed=np.int64(3)).rng.integers(10**9) == np.random.default_rng(3).integers(10**9)
    assert read(seed=0).rng.integers(10**9) == np.random.default_rng(0).integers(10**9)


def test_a_reader_holds_the_data_settings_and_the_loss_at_the_start():
    r = read(X=X4.astype(int), lr=0.25)
    assert r.X.dtype == np.float64 and r.y.tolist() == AND.tolist()
    assert r.lr == 0.25 and r.epochs == 300 and not r.epochs_given and not r.implied
    assert r.start_value == pytest.approx(unit_loss(START))
    assert r.floor == pytest.approx(1e-8)  # a loss below 1: 1e-8
    assert r.grads["W"].tolist() == unit_grad(START)["W"].tolist()
    assert r.gradient(END)["b"].tolist() == unit_grad(END)["b"].tolist()
    r = read(epochs=20, loss=lambda p: 250.0)
    assert r.epochs == 20 and r.epochs_given and r.floor == pytest.approx(2.5e-6)
    r = read(loss=lambda p: -250.0)
    assert r.floor == pytest.approx(2.5e-6)
    r = read(loss=None)
    assert r.printed is None and r.start_value is None and r.floor == pytest.approx(1e-8)
    r = read(predict=None)
    assert r.predict is None


def test_a_step_that_returns_no_dict_of_numbers_for_every_weight_is_refused():
    def stepped(step):
        return read(step=step).step(START, unit_grad(START))

    with pytest.raises(TypeError) as caught:
        stepped(lambda p, g: [p["W"], p["b"]])
    assert str(caught.value) == (
        "step(params, grads) must return the new params as a dict keyed like params, got list; "
        "e.g. return {k: p[k] - lr * g[k] for k in p}"
    )
    with pytest.raises(ValueError) as caught:
        stepped(lambda p, g: {"W": p["W"]})
    assert str(caught.value) == (
        "step(params, grads) returned no new value for ['b']; return every parameter, changed "
        "or not"
    )
    with pytest.raises(TypeError) as caught:
        stepped(lambda p, g: {"W": p["W"], "b": "x"})
    assert (
        str(caught.value)
        == "step(params, grads)['b'] must be a numeric array, got str of dtype <U1"
    )
    with pytest.raises(TypeError) as caught:
        stepped(lambda p, g: {"W": np.array([None]), "b": p["b"]})
    assert str(caught.value) == (
        "step(params, grads)['W'] must be a numeric array, got ndarray of dtype object"
    )
    new = stepped(lambda p, g: {"W": p["W"][:1], "b": [1], "extra": None})
    assert new["W"].shape == (1, 1)  # a changed shape is the doctor's to report


def test_the_default_step_is_gradient_descent_at_the_readers_rate():
    r = read(lr=0.25)
    new = r.step(START, {"W": np.full((2, 1), 2.0), "b": np.ones(1)})
    assert new["W"].tolist() == (START["W"] - 0.5).tolist() and not r.step.ignores_grads


def test_a_checked_step_keeps_the_adapters_probes():
    def step(p, g):
        return p

    for name in ("later", "reshaped", "mapped", "exact", "on_inputs", "floats", "probe"):
        setattr(step, name, name)
    step.ignores_grads = True
    step.afresh = lambda p, g: {"afresh": p}
    r = read(step=step)
    assert [getattr(r.step, n) for n in ("later", "reshaped", "mapped", "exact")] == [
        "later",
        "reshaped",
        "mapped",
        "exact",
    ]
    assert r.step.on_inputs == "on_inputs" and r.step.probe == "probe"
    assert r.step.floats == "floats"
    assert r.step.ignores_grads is True and r.step.afresh.ignores_grads is True
    assert r.step.afresh(START, None) == {"afresh": START}
    plain = read(step=lambda p, g: p).step
    assert plain.later is None and plain.on_inputs is None and plain.probe is None
    assert plain.floats is None
    assert plain.reshaped is None and plain.mapped is None and plain.exact is None
    assert plain.ignores_grads is False


class Momentum:
    """A step with state: a velocity, kept on the object."""

    def __init__(self):
        self.v = {"W": np.zeros((2, 1)), "b": np.zeros(1)}

    def step(self, p, g):
        self.v = {k: 0.5 * self.v[k] + g[k] for k in p}
        return {k: p[k] - self.v[k] for k in p}


class MomentumCall(Momentum):
    """The same step as a callable object."""

    def __call__(self, p, g):
        return self.step(p, g)


def momentum_closure():
    v = {"W": np.zeros((2, 1)), "b": np.zeros(1)}

    def step(p, g, keep=[0]):  # noqa: B006  (a mutable default: the step's counter)
        keep[0] += 1
        for k in p:
            v[k] = 0.5 * v[k] + g[k]
        return {k: p[k] - v[k] for k in p}

    return step


def two_steps_by_hand(g1, g2):
    """Momentum 0.5 from START: the weights after steps with gradients g1 then g2."""
    after1 = {k: START[k] - g1[k] for k in START}
    return {k: after1[k] - (0.5 * g1[k] + g2[k]) for k in START}


@pytest.mark.parametrize("make", [lambda: Momentum().step, momentum_closure, MomentumCall])
def test_a_run_continues_one_copy_of_a_step_with_state_and_a_new_start_starts_afresh(make):
    stateful = make()
    r = read(step=stateful)
    g1 = {"W": np.array([[1.0], [2.0]]), "b": np.array([0.5])}
    g2 = {"W": np.array([[-1.0], [0.0]]), "b": np.array([1.0])}
    a = r.step(START, g1)
    b = r.step(a, g2)  # continues the run
    expected = two_steps_by_hand(g1, g2)
    assert all(np.allclose(b[k], expected[k]) for k in START)
    again = r.step(START, g1)  # a new run: the state as at the start
    assert all(np.allclose(again[k], a[k]) for k in START)
    fresh = r.step.afresh(a, g2)  # one step from the state at the start
    assert all(np.allclose(fresh[k], a[k] - g2[k]) for k in START)
    moved = {k: v + 1 for k, v in a.items()}
    other = r.step(moved, g2)  # not the last step's weights: a new run
    assert all(np.allclose(other[k], moved[k] - g2[k]) for k in START)
    if isinstance(stateful, Momentum):
        assert all(np.all(v == 0) for v in stateful.v.values())  # the reader's object untouched


def test_what_cannot_be_copied_is_shared():
    lock = __import__("threading").Lock()
    assert reader_mod._twin(lock) is lock
    data = {"a": [1, 2]}
    twin = reader_mod._twin(data)
    assert twin == data and twin["a"] is not data["a"]


@pytest.mark.parametrize(
    "losses, trained",
    [
        ([4.0] + [3.0] * 299 + [1.9], True),  # below half its first loss
        ([4.0] * 300 + [2.0], False),  # at half
        ([4.0] * 300 + [3.0], False),
    ],
)
def test_without_outputs_a_run_trains_when_its_last_loss_is_below_half_its_first(losses, trained):
    r, _ = counter(10**6, epochs=300, predict=False)
    of_t = lambda p: losses[int(p["t"][0])]  # noqa: E731
    _, found, summary = training.examine(r, of_t, [], False)  # a wrong gradient: no probes
    run = f"in 300 steps the loss went from 4.0000 to {losses[-1]:.4f}"
    said = ", and it trains: " if trained else "; "
    assert found == [] and summary == f"the gradient disagrees with finite differences{said}{run}"


def test_a_run_that_trains_after_a_wrong_way_finding_says_so():
    r, loss = counter(100)
    _, found, summary = training.examine(r, loss, ["sign_flip"], True)
    assert found == [] and summary.endswith("to 0.0033, every output on the right side")


def test_too_few_steps_is_a_cause_not_a_slow_run():
    r, loss = counter(400, epochs=300)
    _, found, summary = training.examine(r, loss, [], True)
    assert [f.code for f in found] == ["too_few_steps"]
    assert summary == (
        "the gradient agrees with finite differences; in 300 steps the loss went from 1.0000 "
        "to 0.0033"
    )


def test_without_outputs_a_run_that_does_not_train_is_never_solved():
    r, _ = counter(10**6, epochs=300, predict=False)
    _, found, _ = training.examine(r, lambda p: 1.0, [], True)
    assert [f.code for f in found] == ["cannot_fit"]  # Adam cannot tell it solved either


@pytest.mark.parametrize("epochs, budget", [(300, "2,000"), (600, "3,000"), (2500, "10,000")])
def test_a_plateau_is_tried_for_5_times_the_epochs_from_2000_to_10000_more_steps(epochs, budget):
    p = {"W": np.full((2, 1), 0.01), "b": np.zeros(1)}
    r = read(params=p, step=lambda q, g: q, epochs=epochs)
    _, found, _ = training.examine(r, lambda q: 0.7, [], True)
    assert [f.code for f in found] == ["plateau_start"]
    assert found[0].evidence.endswith(f"; {budget} more of your steps had not left it")


# ----------------------------------------------------------------------------- report


def checks(**arrays):
    """A gradient check's report: {name: (cosine, norm_ratio, analytic, numeric)}."""
    return SimpleNamespace(
        checks={
            k: SimpleNamespace(cosine=c, norm_ratio=r, analytic=np.array(a), numeric=np.array(n))
            for k, (c, r, a, n) in arrays.items()
        }
    )


@pytest.mark.parametrize(
    "cosine, ratio, tiny",
    [(0.99995, 1e-3, True), (0.99995, 1.1e-3, False), (0.9999, 1e-4, False), (0.99995, 0.0, True)],
)
def test_a_tiny_step_is_along_the_slope_in_every_array_at_a_thousandth_of_it(cosine, ratio, tiny):
    report_ = checks(W=(0.999999, 1e-5, 0, 0), b=(cosine, ratio, 0, 0))
    assert report._tiny(report_) is tiny


def test_a_tiny_step_is_blamed_on_the_rate_with_each_arrays_share():
    f = report._tiny_steps(checks(W=(1.0, 2e-5, 0, 0), b=(1.0, 4e-4, 0, 0)))
    assert f.code == "lr_too_small"
    assert f.title.endswith(" (about 4e-04 of a gradient step at your rate, in every array)")
    assert f.evidence == (
        "W: your update moves it 2e-05 of a gradient step at your rate\n"
        "b: your update moves it 4e-04 of a gradient step at your rate"
    )
    assert f.where == report.TINY_WHERE


@pytest.mark.parametrize(
    "analytic, numeric, same",
    [
        ([0.5, -2.0, 0.0], [1.0, -1.0, 0.0], True),
        ([0.5, 2.0, 0.0], [1.0, -1.0, 0.0], False),
        ([0.5, -2.0, 7.0], [1.0, -1.0, 0.9e-3], True),  # below 1e-3 of the largest: not read
        ([0.5, -2.0, -7.0], [1.0, -1.0, 1.1e-3], False),
        ([0.5, -2.0, 7.0], [1.0, -1.0, -1e-3], True),  # at 1e-3: not read
        ([1.0, 1.0], [0.0, 0.0], False),  # no slope: no evidence
        ([0.5, -2.0, 7.0], [10.0, -10.0, -0.009], True),  # below 1e-3 of 10: not read
    ],
)
def test_same_signs_are_read_where_the_slope_is_above_a_thousandth(analytic, numeric, same):
    report_ = checks(W=(0, 0, analytic[:1], numeric[:1]), b=(0, 0, analytic[1:], numeric[1:]))
    assert report._same_signs(report_) is same


def test_an_mlps_arguments_swap_the_params_into_a_copy():
    net = xl.MLP([2, 3, 1], seed=0)
    kw = report.adapt_mlp(net, X4, AND)
    assert kw["params"] is net.params and kw["X"] is X4 and kw["y"] is AND
    p = {k: v * 0.5 for k, v in net.params.items()}
    twin = net.copy()
    twin.params = p
    assert kw["loss"](p) == twin.loss(X4, AND)
    assert all(np.array_equal(kw["grad"](p)[k], twin.gradients(X4, AND)[k]) for k in p)
    assert np.array_equal(kw["predict"](p, X4[:2]), twin.forward(X4[:2]))
    assert net.params is kw["params"] and net.loss(X4, AND) != twin.loss(X4, AND)


def test_outputs_that_move_only_when_the_weights_move_far_are_refused():
    """A predict blind to moves below 0.3 (in b, and in W's second entry): the doctor's moves
    (0.5 cos(1) = 0.27 in b, 0.5 cos(2) = -0.21 in W[1]) do not show it, so it is refused."""

    def blind(p, Z):
        far = abs(p["b"][0] - START["b"][0]) > 0.3 or abs(p["W"][1, 0] - START["W"][1, 0]) > 0.3
        return unit_out(START, Z) + 0.1 * far

    with pytest.raises(ValueError, match="predict's outputs do not change"):
        read(predict=blind)


def test_data_that_are_no_matrices_are_refused_by_name():
    refused(TypeError, "X must be a numeric array, not NoneType", X=None)
    refused(TypeError, "y must be a numeric array, not str", y="AND")


def test_a_step_with_keyword_only_state_runs_on_copies():
    def step(p, g, *, seen={"n": 0}):  # noqa: B006  (the step's state)
        seen["n"] += 1
        return {k: p[k] - seen["n"] * g[k] for k in p}

    r = read(step=step)
    g = unit_grad(START)
    a = r.step(START, g)
    b = r.step(a, g)  # the run's second step: n = 2
    assert np.allclose(b["W"], START["W"] - 3 * g["W"])
    assert step.__kwdefaults__["seen"] == {"n": 0}  # the reader's state untouched


def test_an_in_place_trainers_step_is_checked_against_the_params():
    def step(p, g):
        return {"W": p["W"]}

    step.ignores_grads = True
    with pytest.raises(ValueError, match=r"returned no new value for \['b'\]"):
        read(step=step).step(START, None)


def twice(p):
    return {k: 2 * v for k, v in unit_grad(p).items()}


def test_a_wrong_gradient_without_outputs_says_predict_would_tell_more():
    (f,) = xl.doctor(START, unit_loss, twice, X4, AND).findings
    assert f.code == "constant_scale" and f.evidence.endswith(f"\n{report.NO_PREDICT}")
    (f,) = xl.doctor(START, unit_loss, twice, X4, AND, predict=unit_out).findings
    assert f.code == "constant_scale" and report.NO_PREDICT not in f.evidence


def test_a_diagnosis_states_its_seed():
    assert xl.doctor(START, unit_loss, unit_grad, X4, AND, seed=7).seed == 7


def descended(steps, rate=0.5):
    """The logistic unit after `steps` of plain gradient descent on AND from START."""
    p = {k: v.copy() for k, v in START.items()}
    for _ in range(steps):
        p = {k: p[k] - rate * g for k, g in unit_grad(p).items()}
    return p


def negated(p):
    return {k: -v for k, v in unit_grad(p).items()}


def adds(p, g):
    return {k: p[k] + 0.5 * g[k] for k in p}


@pytest.mark.parametrize("outputs", [True, False])
def test_a_flipped_gradient_that_the_update_adds_is_healthy_when_the_run_trains(outputs):
    predict = unit_out if outputs else None
    d = xl.doctor(START, unit_loss, negated, X4, AND, predict=predict, step=adds, epochs=600)
    run = f"loss {unit_loss(START):.4f} -> {unit_loss(descended(600)):.4f} in 600 steps"
    end = "every output on the right side" if outputs else "below half its start"
    assert d.findings == [] and d.summary == (
        "your gradient has the opposite sign and your update adds it: together they descend, "
        f"and it trains: {run}, {end}"
    )


def test_an_update_that_climbs_a_loss_to_maximise_is_healthy_when_the_run_fits():
    likelihood = lambda p: -unit_loss(p)  # noqa: E731
    d = xl.doctor(START, likelihood, negated, X4, AND, predict=unit_out, step=adds, epochs=600)
    run = f"loss {-unit_loss(START):.4f} -> {-unit_loss(descended(600)):.4f} in 600 steps"
    assert d.findings == [] and d.summary == (
        f"{report.MAXIMISED}, and it trains: {run}, every output on the right side"
    )
    d = xl.doctor(START, likelihood, negated, X4, AND, step=adds, epochs=600)
    assert "update_climbs" in d.codes  # without outputs, a falling loss may be the bug


def test_a_model_that_cannot_fit_without_outputs_is_a_cannot_tell_that_says_why():
    def xor_loss(p):
        o = unit_out(p, X4)
        return float(-np.mean(XOR * np.log(o) + (1 - XOR) * np.log(1 - o)))

    d = xl.doctor(START, xor_loss, lambda p: bce_grad(p, XOR), X4, XOR, epochs=300)
    assert d.codes == ["cannot_tell"]
    assert d.findings[0].evidence.startswith(
        "without predict I cannot check whether the outputs fit the data\nyour run: Adam, 3,000 "
        "steps with your (correct) gradient"
    )


def test_a_flipped_gradient_is_named_once_and_not_read_for_a_pairing():
    assert xl.doctor(START, unit_loss, negated, X4, AND, predict=unit_out).codes == ["sign_flip"]


def test_a_gradient_of_labels_paired_apart_is_named_instead_of_a_wrong_gradient():
    d = xl.doctor(
        START, unit_loss, lambda p: bce_grad(p, ONE_LABEL_MOVED), X4, AND, predict=unit_out
    )
    assert d.codes[0] == "paired_apart" and "wrong_gradient" not in d.codes
    assert d.findings[0].evidence == (
        "your gradient is the gradient of the mean BCE with the labels of samples [3, 0, 1, 2] "
        "given to samples [0, 1, 2, 3]: cosine above 0.9999"
    )
