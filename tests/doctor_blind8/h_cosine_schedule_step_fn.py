"""Healthy: plain functions and a direct `xl.doctor` call with a step function that keeps a
counter in a closure: a cosine-annealed rate from LR down to a twentieth of it. Three classes
of 2-D points (9 points), 2-6-3 tanh, softmax cross-entropy, one-hot targets, full batch."""

import numpy as np

centres = np.array([[0.0, 1.0], [-1.0, -0.5], [1.0, -0.5]])
X = np.repeat(centres, 3, axis=0) + np.random.default_rng(11).normal(0, 0.2, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
LR, EPOCHS = 0.5, 600


# --- the learner's code ---
def init(seed=12):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.zeros(6),
        "W2": rng.normal(0, 1, (6, 3)),
        "b2": np.zeros(3),
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    s = h @ p["W2"] + p["b2"]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return h, e / e.sum(axis=1, keepdims=True)


def predict(p, X):
    return forward(p, X)[1]


def loss(p):
    return float(-np.mean(np.sum(Y * np.log(predict(p, X)), axis=1)))


def grad(p):
    h, probs = forward(p, X)
    ds = (probs - Y) / len(X)
    dh = ds @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ ds, "b2": ds.sum(axis=0)}


def make_step(lr0=LR, total=EPOCHS):
    t = 0

    def step(p, g):
        nonlocal t
        lr = lr0 * (0.05 + 0.475 * (1 + np.cos(np.pi * t / total)))
        t += 1
        return {k: p[k] - lr * g[k] for k in p}

    return step


def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=grad,
        X=X,
        y=Y,
        predict=predict,
        step=make_step(),
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p, step = init(), make_step()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    out = predict(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - Y).max():.3f}")
