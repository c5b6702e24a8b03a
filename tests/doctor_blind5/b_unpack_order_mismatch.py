"""Bug: every parameter in one flat vector `theta`. `unpack` reads W1 as
theta[:6].reshape(3, 2).T (hidden units first), but the gradient packs dW1.ravel() in
numpy's row order (inputs first), so W1's gradient lands on the wrong entries. 2-3-1,
sigmoid hidden and output, mean BCE. Direct `xl.doctor` call on {"theta": ...}."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 2.0
EPOCHS = 1500


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


def unpack(theta):
    W1 = theta[:6].reshape(3, 2).T  # (2, 3)
    b1 = theta[6:9]
    W2 = theta[9:12].reshape(3, 1)
    b2 = theta[12:13]
    return W1, b1, W2, b2


def start(seed=3):
    return {"theta": np.random.default_rng(seed).normal(0, 1, 13)}


def predict(p, Z):
    W1, b1, W2, b2 = unpack(p["theta"])
    return sig(sig(Z @ W1 + b1) @ W2 + b2)


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    W1, b1, W2, b2 = unpack(p["theta"])
    h = sig(X @ W1 + b1)
    d2 = (sig(h @ W2 + b2) - y) / len(X)
    d1 = (d2 @ W2.T) * h * (1 - h)
    dW1 = X.T @ d1
    flat = [dW1.ravel(), d1.sum(axis=0), (h.T @ d2).ravel(), d2.sum(axis=0)]  # BUG
    return {"theta": np.concatenate(flat)}


def doctor_case():
    return dict(
        params=start(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "dW1 packed in row order, W1 unpacked as reshape(3, 2).T: W1's gradient permuted",
    "fix": "pack dW1.T.ravel() to match unpack",
}

if __name__ == "__main__":
    p = start()
    for _ in range(EPOCHS):
        p = {"theta": p["theta"] - LR * grad(p)["theta"]}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
