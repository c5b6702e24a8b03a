"""Honest answers to the exercises of xor-done-right that use the student's numbers, written
from whatever `mine` holds in the kernel (a helper of the variant cheats, not a cheat)."""

FROM_MINE = {
    1: """\
def bce_dp(p, y):
    s = 1 / len(p) if mine["reduction"] == "mean" else 1.0
    return s * (-mine["pos_weight"] * y / p + (1 - y) / (1 - p))
""",
    2: """\
p = xl.MLP((2, mine["width"], 1), seed=mine["net_seed"]).forward(X)
answer = float(np.mean(p - y))
""",
    6: """\
def backward(params, X, y):
    z1 = X @ params["W1"] + params["b1"]
    if mine["hidden"] == "tanh":
        a1 = np.tanh(z1)
        slope = 1 - a1**2
    else:
        a1 = 1 / (1 + np.exp(-z1))
        slope = a1 * (1 - a1)
    p = 1 / (1 + np.exp(-(a1 @ params["W2"] + params["b2"])))
    if mine["loss"] == "bce":
        delta2 = (p - y) / len(X)
    else:
        delta2 = 2 * (p - y) / len(X) * p * (1 - p)
    delta1 = (delta2 @ params["W2"].T) * slope
    return {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
            "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}
""",
}

# Exercise 4 (XOR by hand) on the student's input levels and gate.
HONEST_4 = """\
low, high = mine["levels"]
k = 20 / (high - low)
sign = 1.0 if mine["gate"] == "xor" else -1.0
hand = {
    "W1": np.array([[k, -k], [k, -k]]),
    "b1": np.array([-10.0 - 2 * k * low, 30.0 + 2 * k * low]),
    "W2": sign * np.array([[20.0], [20.0]]),
    "b2": sign * np.array([-30.0]),
}
"""
