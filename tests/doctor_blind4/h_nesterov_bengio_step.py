"""Healthy: plain functions, direct `xl.doctor` with a step that is a callable object:
Nesterov momentum in the reformulated form (Bengio et al. 2013) that needs the gradient at the
current weights only: v' = mu v - lr g; w' = w - mu v + (1 + mu) v'. Sigmoid hidden layer,
sigmoid output, mean BCE."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, EPOCHS = 0.5, 800


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1.5, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1.5, (3, 1)),
        "b2": np.zeros(1),
    }


def predict(p, X):
    return sigmoid(sigmoid(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h = sigmoid(X @ p["W1"] + p["b1"])
    d2 = (sigmoid(h @ p["W2"] + p["b2"]) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


class Nesterov:
    def __init__(self, lr=LR, mu=0.9):
        self.lr, self.mu, self.v = lr, mu, {}

    def __call__(self, params, grads):
        new = {}
        for k, g in grads.items():
            v_old = self.v.get(k, np.zeros_like(g))
            self.v[k] = self.mu * v_old - self.lr * g
            new[k] = params[k] - self.mu * v_old + (1 + self.mu) * self.v[k]
        return new


def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=grad,
        X=X,
        y=y,
        predict=predict,
        step=Nesterov(),
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: w - mu v + (1 + mu) v' is Nesterov's look-ahead, rewritten",
}

if __name__ == "__main__":
    p, step = init(), Nesterov()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
