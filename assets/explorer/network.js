/* The network: a spec, the forward pass, the loss, and the backward pass as named steps.
 *
 * Parameters are {W1: (d0, d1), b1: (1, d1), W2: ...} (no b's without biases); X: (n, d0),
 * Y: (n, k). The backward pass runs the named steps of STEPS, the names of xorlab.faults.STEPS;
 * a fault (faults.js) replaces one or more of them and nothing else. */
(function (XL) {
  "use strict";
  var M = XL.matrix, A = XL.activations.ACTIVATIONS, L = XL.losses;

  /* The correct steps. `c` is the pass (see Pass): c.run(name, ...) runs another step. */
  var CORRECT = {
    /* Forward, hidden layers: a = f(z), (n, d). */
    hidden_activation: function (s, z) { return M.map(A[s.hidden].f, z); },
    /* dL/dp at the output p, (n, k). */
    loss_grad: function (c) {
      var grad = L.LOSSES[c.spec.loss].grad, n = c.Y.rows;
      return M.map(function (p, y) { return grad(p, y, n); }, c.p, c.Y);
    },
    /* dL/dz at the output: dL/dp f'(z), or the closed form through a sigmoid when the loss
     * gradient has one (exact where the sigmoid saturates). */
    output_delta: function (c) {
      if (c.spec.output === "sigmoid") {
        var closed = c.steps.loss_grad.throughSigmoid;
        var delta = closed ? closed(c) : null;
        if (delta) return delta;
      }
      return M.mul(c.run("loss_grad"), M.map(A[c.spec.output].dfCached, c.z, c.p));
    },
    /* The error at the outputs of layer - 1: delta (n, d_l) through W_l, (n, d_{l-1}). */
    sent_back: function (c, layer, delta) { return M.matmult(delta, c.params["W" + layer]); },
    /* f'(z_l) of hidden layer l, from z_l and a_l: (n, d_l). */
    hidden_derivative: function (c, layer) {
      return M.map(A[c.spec.hidden].dfCached, c.zs[layer - 1], c.acts[layer]);
    },
    /* The activation a_{l-1} at the input end of W_l: (n, d_{l-1}). */
    weight_input: function (c, layer) { return c.acts[layer - 1]; },
    /* The gradient as computed: descent goes against it. */
    gradient_sign: function (c, grads) { return grads; },
  };
  /* (p - y) / n: BCE's dL/dz through a sigmoid, p (1 - p) cancelled; null for other losses. */
  CORRECT.loss_grad.throughSigmoid = function (c) {
    return c.spec.loss === "bce" ? L.sigmoidBceDelta(c.p, c.Y) : null;
  };
  var STEPS = Object.keys(CORRECT);

  /* A checked spec {sizes, hidden, output, loss, bias, faults, layers, steps}. */
  function makeSpec(o) {
    var s = {
      sizes: o.sizes, hidden: o.hidden || "sigmoid", output: o.output || "sigmoid",
      loss: o.loss || "bce", bias: o.bias !== false, faults: (o.faults || []).slice().sort(),
    };
    if (!Array.isArray(s.sizes) || s.sizes.length < 2 || !s.sizes.every(function (d) {
      return Number.isInteger(d) && d > 0;
    })) throw new Error("sizes must list at least two positive integers, got " + JSON.stringify(o.sizes));
    [["hidden activation", s.hidden, A], ["output activation", s.output, A], ["loss", s.loss, L.LOSSES]]
      .forEach(function (t) {
        if (!(t[1] in t[2])) throw new Error("unknown " + t[0] + " " + JSON.stringify(t[1]));
      });
    if (s.loss === "bce" && s.output !== "sigmoid") {
      throw new Error("loss bce needs output sigmoid: binary cross-entropy takes log p and log(1 - p), so p must lie in (0, 1)");
    }
    s.layers = s.sizes.length - 1;
    s.steps = XL.faults.steps(CORRECT, s);
    return s;
  }

  /* One pass: what every step may read (spec, params, zs, acts, Y, p, z) and its steps
   * (those of the spec unless a full table `steps` is given). */
  function Pass(s, params, zs, acts, Y, steps) {
    this.spec = s; this.params = params; this.zs = zs; this.acts = acts; this.Y = Y;
    this.steps = steps || s.steps; this.p = acts[acts.length - 1]; this.z = zs[zs.length - 1];
    this.memo = {};
  }
  Pass.prototype.run = function (step, a, b) { return this.steps[step](this, a, b); };

  /* The forward pass of X (n, d0) with targets Y (n, k): a Pass (with `steps`, if given). */
  function forward(s, params, X, Y, steps) {
    var a = X, zs = [], acts = [X];
    for (var l = 1; l <= s.layers; l++) {
      var z = M.matmul(a, params["W" + l]);
      if (s.bias) M.addRow(z, params["b" + l]);
      a = l < s.layers ? (steps || s.steps).hidden_activation(s, z) : M.map(A[s.output].f, z);
      zs.push(z);
      acts.push(a);
    }
    return new Pass(s, params, zs, acts, Y, steps);
  }

  /* The mean loss of a pass; BCE on a sigmoid output is computed from the logits. */
  function lossOf(c) {
    if (c.spec.loss === "bce" && c.spec.output === "sigmoid") return L.bceWithLogits(c.z, c.Y);
    return L.value(c.spec.loss, c.p, c.Y);
  }

  /* A matrix times a matrix (entry by entry) or a number, as numpy's `*`. */
  function times(m, f) { return typeof f === "number" ? M.scale(m, f) : M.mul(m, f); }

  /* Backpropagation through the named steps: a gradient for each parameter. */
  function backward(c) {
    var s = c.spec, grads = {}, delta = c.run("output_delta");
    for (var l = s.layers; l >= 1; l--) {
      grads["W" + l] = M.tmatmul(c.run("weight_input", l), delta);
      if (s.bias) grads["b" + l] = M.colSums(delta);
      if (l > 1) delta = times(c.run("sent_back", l, delta), c.run("hidden_derivative", l - 1));
    }
    return c.run("gradient_sign", grads);
  }

  XL.network = {
    CORRECT: CORRECT, STEPS: STEPS, makeSpec: makeSpec, Pass: Pass, forward: forward,
    lossOf: lossOf, backward: backward,
  };
})(globalThis.XL = globalThis.XL || {});
