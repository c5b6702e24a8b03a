"""Bug: cs231n-style functions, direct `xl.doctor`; three classes of 2-D points, 2-10-3
ReLU, softmax cross-entropy. The score gradient subtracts 1 with `dscores[:, labels] -= 1`
(every row, at every column that is some sample's label) for
`dscores[np.arange(N), labels] -= 1`: all three columns appear, so every entry gets -1."""

import numpy as np

rng = np.random.default_rng(7)
CENTRES = np.array([[1.0, 0.0], [-0.5, 0.87], [-0.5, -0.87]])
X = np.repeat(CENTRES, 3, axis=0) + rng.normal(0, 0.15, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
N = len(X)
STEP = 1.0
EPOCHS = 500


# --- the learner's code ---
def init(seed=0):
    r = np.random.default_rng(seed)
    return {
        "W": 0.5 * r.normal(size=(2, 10)),
        "b": np.zeros((1, 10)),
        "W2": 0.5 * r.normal(size=(10, 3)),
        "b2": np.zeros((1, 3)),
    }


def scores_and_hidden(p, X):
    hidden = np.maximum(0, X @ p["W"] + p["b"])
    return hidden, hidden @ p["W2"] + p["b2"]


def probabilities(p, X):
    s = scores_and_hidden(p, X)[1]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def loss(p):
    return -np.log(probabilities(p, X)[np.arange(N), labels]).mean()


def gradients(p):
    hidden, _ = scores_and_hidden(p, X)
    dscores = probabilities(p, X)
    dscores[:, labels] -= 1  # BUG
    dscores /= N
    dhidden = dscores @ p["W2"].T
    dhidden[hidden <= 0] = 0
    return {
        "W2": hidden.T @ dscores,
        "b2": dscores.sum(0, keepdims=True),
        "W": X.T @ dhidden,
        "b": dhidden.sum(0, keepdims=True),
    }


def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=gradients,
        X=X,
        y=Y,
        predict=probabilities,
        lr=STEP,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "dscores[:, labels] -= 1 subtracts 1 in every row at every label's column, for "
    "dscores[np.arange(N), labels] -= 1",
    "fix": "dscores[np.arange(N), labels] -= 1",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = gradients(p)
        p = {k: p[k] - STEP * g[k] for k in p}
    out = probabilities(p, X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
