"""Healthy, unusual: a tied-weight 4-3-4 encoder (the decoder uses W.T, so W gets the sum of
two gradients), dict of arrays and a train function, sigmoid units, BCE summed over the
outputs and averaged over the samples, full batch."""

import numpy as np

import xorlab as xl

X = np.eye(4)
EPOCHS = 1500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def new_model(seed=0):
    rng = np.random.default_rng(seed)
    return {"W": rng.normal(0, 1, (4, 3)), "b_enc": np.zeros(3), "b_dec": np.zeros(4), "lr": 2.0}


def reconstruct(m, X):
    return sigmoid(sigmoid(X @ m["W"] + m["b_enc"]) @ m["W"].T + m["b_dec"])


def train(m, X, T):
    h = sigmoid(X @ m["W"] + m["b_enc"])
    out = sigmoid(h @ m["W"].T + m["b_dec"])
    d_out = (out - T) / len(X)
    d_h = d_out @ m["W"] * h * (1 - h)
    m["W"] -= m["lr"] * (X.T @ d_h + d_out.T @ h)
    m["b_enc"] -= m["lr"] * d_h.sum(axis=0)
    m["b_dec"] -= m["lr"] * d_out.sum(axis=0)


def doctor_case():
    return xl.adapt(
        new_model(), "W b_enc b_dec", train, X, X, predict=reconstruct, lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    m = new_model()
    for _ in range(EPOCHS):
        train(m, X, X)
    out = reconstruct(m, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - X).max():.3f}")
