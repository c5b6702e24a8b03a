"""Bug: functional code whose update clips the gradient's global norm at 1e-6 (meant 1.0),
so every step is at most lr * 1e-6 long. The doctor is called directly with the step."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, MAX_NORM, EPOCHS = 1.0, 1e-6, 1500  # BUG: MAX_NORM = 1.0 was meant


# --- the learner's code ---
def init(seed=2):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, Z):
    return forward(p, Z)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def step(p, g):
    norm = np.sqrt(sum(np.sum(v**2) for v in g.values()))
    scale = min(1.0, MAX_NORM / norm)
    return {k: p[k] - LR * scale * g[k] for k in p}


def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=grad,
        X=X,
        y=y,
        predict=predict,
        step=step,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "gradient norm clipped at 1e-6: every step is about a millionth of a normal one",
    "fix": "MAX_NORM = 1.0",
}

if __name__ == "__main__":
    p = init()
    start = loss(p)
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    out = predict(p, X)
    print(f"loss {start:.4f} -> {loss(p):.4f}", np.round(out.ravel(), 3))
    print(f"max error {np.abs(out - y).max():.3f}")
