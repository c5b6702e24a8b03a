/* The translated program of the chapter "Translating the chain rule", as xorlab.online's
 * translation_step: a bias-free 2-2-1 sigmoid net trained per sample on 1/2 (p - y)^2 (half
 * the mean squared error of one sample, so a step is lr / 2 times the MSE gradient), run by the
 * network's own backward pass. Bugs that are faults (faults.js) replace their steps; the
 * program's own three wrap the step sent_back. */
(function (XL) {
  "use strict";
  var M = XL.matrix, N = XL.network;
  var BUGS = ["cost_as_gradient", "input_activation_derivative", "flipped_update_sign",
    "update_as_error", "summed_hidden_error", "updated_output_weights"];

  /* sent_back through the output weights as the program computes it, around `inner`. */
  function translatedSentBack(inner, own, lr) {
    return function (c, layer, delta) {
      if (layer !== c.spec.layers) return inner(c, layer, delta);
      var W = c.params["W" + layer];
      if (own.indexOf("updated_output_weights") >= 0) {
        var g = M.tmatmul(c.run("weight_input", layer), delta);
        g = c.run("gradient_sign", { W: g }).W;
        W = M.map(function (w, gg) { return w - 0.5 * lr * gg; }, W, g);
      }
      var params = Object.assign({}, c.params);
      params["W" + layer] = W;
      var moved = new N.Pass(c.spec, params, c.zs, c.acts, c.Y, c.steps);
      moved.memo = c.memo;
      var back = inner(moved, layer, delta);
      if (own.indexOf("update_as_error") >= 0) back = M.mul(M.scale(c.acts[layer - 1], lr), back);
      if (own.indexOf("summed_hidden_error") >= 0) {
        for (var n = 0; n < back.rows; n++) {
          var t = 0, k;
          for (k = 0; k < back.cols; k++) t += back.data[n * back.cols + k];
          for (k = 0; k < back.cols; k++) back.data[n * back.cols + k] = t;
        }
      }
      return back;
    };
  }

  /* {spec, steps} of the translated program with `bugs` at learning rate lr. */
  function program(bugs, lr) {
    var shared = bugs.filter(function (b) { return b in XL.faults.FAULTS; });
    var own = bugs.filter(function (b) { return !(b in XL.faults.FAULTS); });
    var spec = N.makeSpec({ sizes: [2, 2, 1], loss: "mse", bias: false, faults: shared });
    var steps = Object.assign({}, spec.steps);
    if (own.length) steps.sent_back = translatedSentBack(steps.sent_back, own, lr);
    return { spec: spec, steps: steps, lr: lr };
  }

  /* One epoch of per-sample steps, in order, on params {W1: (2, 2), W2: (2, 1)} (replaced). */
  function epoch(prog, params, X, Y) {
    for (var n = 0; n < X.rows; n++) {
      var c = N.forward(prog.spec, params, M.rowsOf(X, n, n + 1), M.rowsOf(Y, n, n + 1), prog.steps);
      var grads = N.backward(c), next = {};
      Object.keys(params).forEach(function (k) {
        next[k] = M.map(function (w, g) { return w - 0.5 * prog.lr * g; }, params[k], grads[k]);
      });
      params = next;
    }
    return params;
  }

  /* The outputs p (n, 1) of the net for inputs X (n, 2). */
  function outputs(prog, params, X) { return N.forward(prog.spec, params, X, null).p; }

  XL.translation = { BUGS: BUGS, program: program, epoch: epoch, outputs: outputs };
})(globalThis.XL = globalThis.XL || {});
