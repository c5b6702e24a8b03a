"""Shared by the cheating submissions: find a released notebook's cells, fill its answers.

Not a cheat itself (modules whose name starts with "_" are helpers). A cheat module calls
`submission(release_nb, CHAPTER, answers)`: a deep copy of the release in which every
answer cell (an nbgrader `solution` code cell) holds `answers[grade_id]` when given and a
garbage answer (`GARBAGE`) otherwise, so that every later self-check and hidden test can
run and find a wrong answer.
"""

import copy

# Wrong answers that define the names each exercise asks for (the hidden tests then run
# and should find them wrong).
GARBAGE = {
    "xor-done-right": {
        1: "def bce_dp(p, y):\n    return p * 0.0 + 0.25\n",
        2: "answer = 0.5\n",
        "3-1": "print('the bug is in the output layer')\n",
        "3-2": (
            "def fixed_grads(params, X, y):\n"
            "    return {k: np.ones_like(v) for k, v in params.items()}\n"
        ),
        4: (
            "hand = {'W1': np.ones((2, 2)), 'b1': np.zeros(2), 'W2': np.ones((2, 1)),\n"
            "        'b2': np.zeros(1)}\n"
        ),
        5: "print(xl.gradcheck(relu_net, X, y))\n",
        6: (
            "def backward(params, X, y):\n"
            "    return {k: np.full_like(v, 0.1) for k, v in params.items()}\n"
        ),
    },
    "case-stuck-at-half": {
        1: "floor = 0.0\n",
        2: "dead_share = 0.5\n",
        3: "def output_delta(z, y):\n    return z - y\n",
        4: "design = dict(init='uniform01', lr=0.1, epochs=10, bias=False)\n",
        5: (
            "def fixed_step(params, X, y, lr):\n"
            "    return {k: v.copy() for k, v in params.items()}\n"
        ),
    },
    "case-no-bias": {
        1: "f0_answer = 0.25\n",
        2: "answer = 0.0\n",
        3: "letters = 'ABCDEF'\n",
        4: "mine = {'W1': 1.0, 'b1': 0.0, 'W2': 1.0, 'b2': 0.0}\n",
        5: "minimal = {'W1': 1.0, 'W2': 1.0, 'b2': 0.0}\n",
        6: "def climb_step(w, x, target, rate):\n    return w\n",
    },
    "case-rising-cost": {
        1: "def my_dL_dp(p, y):\n    return p - y\n",
        2: "bce_sign, surrogate_sign = 'up', 'up'\n",
        3: "answer = 0.0\n",
        4: "answer = 0.0\n",
        5: "recipe = dict(lr=0.4, epochs=1000, init_scale=0.001)\n",
        6: (
            "def fixed_step(params, X, y, lr):\n"
            "    return {k: v.copy() for k, v in params.items()}\n"
        ),
    },
    "case-sigmoid-vs-tanh": {
        1: "bound = 1.0\n",
        2: "factor = 1.0\n",
        3: "def tanh_derivative(a):\n    return a * (1 - a)\n",
        4: "pass\n",
        "5-1": (
            "def fixed_step(params, X, y, lr, hidden):\n"
            "    return {k: v.copy() for k, v in params.items()}\n"
        ),
        "5-2": "pass\n",
    },
    "case-chain-rule": {
        2: (
            "def sample_gradients(W1, W2, x, y):\n    return np.zeros_like(W1), np.zeros_like(W2)\n"
        ),
        3: (
            "def sample_step(W1, W2, x, y, lr):\n"
            "    return W1.copy(), W2.copy()\n\n\n"
            "def answer_step(W1, W2, x, y, lr):\n"
            "    return W1.copy(), W2.copy()\n"
        ),
        5: (
            "def fixed_epoch(params, X, y, lr):\n"
            "    return {k: v.copy() for k, v in params.items()}\n"
        ),
    },
    "field-guide": {
        1: "answer = 1.0\n",
        2: "case = {}\n\n\ndef flipped(p):\n    return p\n",
        3: (
            "adapter = {}\n\n\ndef holding(p):\n    return p\n\n\n"
            "def stepped(p):\n    return p\n\n\ndef column_bce(p):\n    return 0.0\n"
        ),
    },
}


def grade_id(cell):
    """The nbgrader grade_id of a cell, or None."""
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_answer(cell):
    """An answer cell: a code cell the student must fill in (an nbgrader solution cell)."""
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("solution", False)


def is_test(cell):
    """A hidden-test cell: graded, locked, not a solution."""
    meta = cell.metadata.get("nbgrader", {})
    return meta.get("grade", False) and not meta.get("solution", False)


def exercise_key(gid):
    """'ex-xor-done-right-3-solution-2' -> '3-2'; '...-4-solution-1' -> 4 (sole part)."""
    number, _, part = gid.split("-")[-3:]
    return number, part


def garbage_for(chapter, gid):
    number, part = exercise_key(gid)
    table = GARBAGE[chapter]
    key = f"{number}-{part}"
    if key in table:
        return table[key]
    return table.get(int(number), "pass\n")


def submission(release_nb, chapter, answers=None, first=None, last=None):
    """A deep copy of `release_nb` with every answer cell filled.

    answers: {grade_id or exercise number: source} replaces the garbage answer of that cell;
    first / last: code put before the answer of the first / after that of the last answer
    cell (where a cheat installs itself, or acts at the end).
    """
    nb = copy.deepcopy(release_nb)
    answers = answers or {}
    cells = [c for c in nb.cells if is_answer(c)]
    for cell in cells:
        gid = grade_id(cell)
        number, part = exercise_key(gid)
        source = answers.get(gid)
        if source is None and part == "1":
            source = answers.get(int(number))
        cell.source = source if source is not None else garbage_for(chapter, gid)
    if first:
        cells[0].source = first.rstrip("\n") + "\n\n" + cells[0].source
    if last:
        cells[-1].source = cells[-1].source.rstrip("\n") + "\n\n" + last
    return nb


def answer_cell(nb, number, part=1):
    """The answer cell of exercise `number` (part `part`)."""
    for cell in nb.cells:
        gid = grade_id(cell)
        if is_answer(cell) and gid.endswith(f"-{number}-solution-{part}"):
            return cell
    raise KeyError(f"no answer cell for exercise {number} part {part}")
