"""Healthy: an 8-3-8 encoder (one-hot in, the same one-hot out) as dict + train function,
softmax cross-entropy; the softmax is stabilised by subtracting the GLOBAL maximum z.max()
of the whole batch rather than each row's maximum: unusual, but the same probabilities. tanh
bottleneck of 3 units, full batch, its own printed loss."""

import numpy as np

import xorlab as xl

X = np.eye(8)
Y = np.eye(8)
EPOCHS = 1500


# --- the learner's code ---
def init(seed=4):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (8, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 8)),
        "b2": np.zeros(8),
        "lr": 2.0,
    }


def softmax(z):
    e = np.exp(z - z.max())  # one shift for the whole batch
    return e / e.sum(axis=1, keepdims=True)


def forward(p, X):
    return softmax(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def cross_entropy(p, X, Y):
    return float(-np.mean(np.sum(Y * np.log(forward(p, X)), axis=1)))


def train(p, X, Y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    dz = (softmax(h @ p["W2"] + p["b2"]) - Y) / len(X)
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
    "healthy": True,
    "bug": None,
    "fix": "nothing: any shift common to a row leaves its softmax unchanged, a global one too",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - Y).max():.3f}")
