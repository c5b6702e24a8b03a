"""Healthy (unusual): functions and a direct `xl.doctor` call with `step=`, an Adam step
object (a callable class holding m, v and t). SiLU/swish hidden units z * sigmoid(z) with
derivative s + z s (1 - s); sigmoid output, mean BCE, full batch on XOR."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 400
LR = 0.05


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(seed=11):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def layers(p, X):
    z1 = X @ p["W1"] + p["b1"]
    h = z1 * sigmoid(z1)
    return z1, h, sigmoid(h @ p["W2"] + p["b2"])


def predict(p, X):
    return layers(p, X)[2]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    z1, h, out = layers(p, X)
    d2 = (out - y) / len(X)
    s = sigmoid(z1)
    d1 = (d2 @ p["W2"].T) * (s + z1 * s * (1 - s))
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


class Adam:
    def __init__(self, lr=LR, b1=0.9, b2=0.999):
        self.lr, self.b1, self.b2, self.t = lr, b1, b2, 0
        self.m, self.v = {}, {}

    def __call__(self, params, grads):
        self.t += 1
        new = {}
        for k, g in grads.items():
            self.m[k] = self.b1 * self.m.get(k, 0) + (1 - self.b1) * g
            self.v[k] = self.b2 * self.v.get(k, 0) + (1 - self.b2) * g**2
            m_hat = self.m[k] / (1 - self.b1**self.t)
            v_hat = self.v[k] / (1 - self.b2**self.t)
            new[k] = params[k] - self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)
        return new


def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=grad,
        X=X,
        y=y,
        predict=predict,
        step=Adam(),
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p, step = init(), Adam()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
