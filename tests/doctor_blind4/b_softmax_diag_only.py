"""Buggy: a 4-2-4 encoder (one-hot in, the same one-hot out) as dict + train function with a
softmax output and cross-entropy; the learner differentiated -log p_c for the true class c
only, dz_c = p_c - 1, and forgot that the softmax couples the logits: every other logit
gets 0 where its gradient is p_j. tanh bottleneck of 2 units, full batch."""

import numpy as np

import xorlab as xl

X = np.eye(4)
Y = np.eye(4)
EPOCHS = 3000


# --- the learner's code ---
def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (4, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 4)),
        "b2": np.zeros(4),
        "lr": 1.0,
    }


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def forward(p, X):
    return softmax(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def cross_entropy(p, X, Y):
    return float(-np.mean(np.sum(Y * np.log(forward(p, X)), axis=1)))


def train(p, X, Y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    P = softmax(h @ p["W2"] + p["b2"])
    dz = (P - 1) * Y / len(X)  # BUG
    dh = (dz @ p["W2"].T) * (1 - h**2)
    p["W2"] -= p["lr"] * h.T @ dz
    p["b2"] -= p["lr"] * dz.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ dh
    p["b1"] -= p["lr"] * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(
        init(),
        "W1 b1 W2 b2",
        train,
        X,
        Y,
        predict=forward,
        loss=cross_entropy,
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "softmax cross-entropy delta only on the true class, (P - 1) * Y: other logits get 0",
    "fix": "dz = (P - Y) / len(X)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - Y).max():.3f}")
