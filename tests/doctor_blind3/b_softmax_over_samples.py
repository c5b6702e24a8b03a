"""Bug: functional code with a two-output softmax for XOR whose softmax normalises over the
samples (axis=0) instead of over the classes (axis=1). The doctor is called directly."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[1, 0], [0, 1], [0, 1], [1, 0]], dtype=float)
LR, EPOCHS = 1.0, 1000


# --- the learner's code ---
def init(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 2)),
        "b2": np.zeros(2),
    }


def softmax(z):
    e = np.exp(z - z.max(axis=0))  # BUG: axis=0 mixes the samples; classes are axis=1
    return e / e.sum(axis=0)


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, softmax(h @ p["W2"] + p["b2"])


def predict(p, Z):
    return forward(p, Z)[1]


def loss(p):
    return float(-np.mean(np.sum(Y * np.log(predict(p, X)), axis=1)))


def grad(p):
    h, P = forward(p, X)
    dz = (P - Y) / len(X)
    dh = dz @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ dh, "b1": dh.sum(0), "W2": h.T @ dz, "b2": dz.sum(0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=Y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "softmax normalised over the samples (axis 0), not the classes",
    "fix": "softmax over axis=1 (z.max(axis=1, keepdims=True), e.sum(axis=1, keepdims=True))",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = {k: p[k] - LR * g for k, g in grad(p).items()}
    P = predict(p, X)
    print(np.round(P, 3).tolist(), f"max error {np.abs(P - Y).max():.3f}")
