"""The doctor's update, later-update and registry modules, for mutants that the other doctor
tests let through (`make mutation`, issue 27): the update phase's findings (a step that climbs,
units that are copies, shapes that change), the later update's replay (labels paired apart, an
update computed from stale values). Each test asserts what a reader sees (a finding's code, title
or evidence) or what a phase function returns; learners and expected values are written here in
plain numpy."""

from types import SimpleNamespace

import numpy as np
import pytest

from xorlab.doctor import causes, later, update

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
    assert later._numeric(loss, p) == pytest.approx(expected, abs=1e-6)
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
        f"after 50 epochs, your update against the mean BCE's gradient: cosine {c:+.3f}\nW: your update is still"
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
