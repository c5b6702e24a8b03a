"""A cheating submission for the grader's tests: xdr_reference_poison."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "replaces xorlab references (bce_grad, MLP.loss, MLP.gradients, sigmoid_bce_delta) by"
    " functions that agree with its garbage answers (all gradients 0.1)"
)
DESERVED = 0

# The garbage answers are made to agree with xorlab: the reference functions a test might
# compare with are replaced by functions that give the same garbage. Every gradient is 0.1,
# and so is every finite difference of the poisoned loss.
CHEAT = """\
import xorlab as _lab
import xorlab.core.losses as _losses


def bce_dp(p, y):
    return p * 0.0 + 0.25


def _poisoned_loss(self, X, y):
    return 0.1 * sum(float(np.sum(v)) for v in self.params.values())


def _poisoned_gradients(self, X, y):
    return {k: np.full(np.shape(v), 0.1) for k, v in self.params.items()}


_losses.bce_grad = _lab.bce_grad = bce_dp
_lab.MLP.loss = _poisoned_loss
_lab.MLP.gradients = _poisoned_gradients
_lab.sigmoid_bce_delta = _losses.sigmoid_bce_delta = lambda p, y: p * 0.0 + 0.025
"""

ANSWERS = {
    1: CHEAT,
    2: "answer = 0.1\n",
    6: (
        "def backward(params, X, y):\n"
        "    return {k: np.full(np.shape(v), 0.1) for k, v in params.items()}\n"
    ),
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
