"""Bug: a step function that clips each gradient entry with its bounds swapped,
np.clip(g, CLIP, -CLIP): numpy then returns -CLIP in every entry, so every weight grows by
lr * CLIP at every step whatever the gradient. Functions, direct `xl.doctor` with `step=`;
2-4-1, tanh hidden, sigmoid output, mean BCE, full batch on XOR. The gradient is right."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
LR = 0.5
CLIP = 1.0


# --- the learner's code ---
def init(seed=29):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def layers(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return layers(p, X)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = layers(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def clipped_step(p, g):
    return {k: p[k] - LR * np.clip(g[k], CLIP, -CLIP) for k in p}  # BUG


def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=grad,
        X=X,
        y=y,
        predict=predict,
        step=clipped_step,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "np.clip(g, CLIP, -CLIP): bounds swapped, every entry becomes -CLIP",
    "fix": "np.clip(g, -CLIP, CLIP)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = clipped_step(p, grad(p))
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
