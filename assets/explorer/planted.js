/* The field guide's planted bugs, as xorlab.planted.implementation: a 2-3-1 XOR net (tanh
 * hidden units, sigmoid output, mean BCE) whose gradient is the network's backward pass with
 * the bug's steps swapped in (STEP_BUGS); the other bugs change the arrays, the update, the
 * start or the learning rate. */
(function (XL) {
  "use strict";
  var M = XL.matrix, N = XL.network;
  var BUGS = ["none", "sum in hidden layer", "error y - p", "update with +", "sigmoid' for tanh",
    "no hidden derivative", "MSE gradient, BCE loss", "bias gradient zero", "no biases", "zero init", "lr 50"];
  var UNITS = 3;

  var STEP_BUGS = {
    "error y - p": { output_delta: function (c) { return M.scale(N.CORRECT.output_delta(c), -1); } },
    "sum in hidden layer": {
      sent_back: function (c, layer, delta) { return M.scale(N.CORRECT.sent_back(c, layer, delta), c.Y.rows); },
    },
    "sigmoid' for tanh": XL.faults.FAULTS.sigmoid_derivative_for_tanh.replaces,
    "no hidden derivative": { hidden_derivative: function () { return 1; } },
    "MSE gradient, BCE loss": {
      loss_grad: function (c) {
        var n = c.Y.rows;
        return M.map(function (p, y) { return XL.losses.LOSSES.mse.grad(p, y, n); }, c.p, c.Y);
      },
    },
  };

  function sigmoid(z) { return 0.5 + 0.5 * Math.tanh(0.5 * z); }

  /* {params, loss, grad, forward, step, lr, X, Y} for `bug`, weights ~ N(0, 1) from `seed`. */
  function implementation(bug, lr, seed) {
    if (BUGS.indexOf(bug) < 0) throw new Error("unknown planted bug " + JSON.stringify(bug));
    var X = M.fromRows([[0, 0], [0, 1], [1, 0], [1, 1]]), Y = M.fromRows([[0], [1], [1], [0]]), n = 4;
    lr = bug === "lr 50" ? 50 : lr;
    var draws = XL.DRAWS.normal[seed], scale = bug === "zero init" ? 0 : 1;
    var W1 = M.zeros(2, UNITS), W2 = M.zeros(UNITS, 1);
    for (var i = 0; i < 2 * UNITS; i++) W1.data[i] = scale * draws[i];
    for (i = 0; i < UNITS; i++) W2.data[i] = scale * draws[2 * UNITS + i];
    var params = { W1: W1, W2: W2 };
    if (bug !== "no biases") { params.b1 = M.zeros(1, UNITS); params.b2 = M.zeros(1, 1); }
    var spec = N.makeSpec({ sizes: [2, UNITS, 1], hidden: "tanh", bias: bug !== "no biases" });
    var steps = Object.assign({}, spec.steps, STEP_BUGS[bug] || {});

    function forward(q, Z) {
      var z1 = M.matmul(Z, q.W1);
      if (q.b1) M.addRow(z1, q.b1);
      var h = M.map(Math.tanh, z1), z2 = M.matmul(h, q.W2);
      if (q.b2) M.addRow(z2, q.b2);
      return { h: h, p: M.map(sigmoid, z2) };
    }
    function loss(q) {
      var p = forward(q, X).p, s = 0;
      for (var k = 0; k < n; k++) {
        var pp = Math.min(Math.max(p.data[k], 1e-12), 1 - 1e-12), y = Y.data[k];
        s += y * Math.log(pp) + (1 - y) * Math.log(1 - pp);
      }
      return -(s / n);
    }
    function grad(q) {
      var g = N.backward(N.forward(spec, q, X, Y, steps));
      if (bug === "bias gradient zero") g.b1 = M.zeros(1, UNITS);
      return g;
    }
    var sign = bug === "update with +" ? 1 : -1;
    function step(q, g) {
      var out = {};
      Object.keys(q).forEach(function (k) { out[k] = M.map(function (w, gg) { return w + sign * lr * gg; }, q[k], g[k]); });
      return out;
    }
    return { params: params, loss: loss, grad: grad, forward: forward, step: step, lr: lr, X: X, Y: Y };
  }

  XL.planted = { BUGS: BUGS, STEP_BUGS: STEP_BUGS, implementation: implementation };
})(globalThis.XL = globalThis.XL || {});
