/* The translated program of the chapter "Translating the chain rule", as xorlab.online's
 * translation_step: a bias-free 2-2-1 sigmoid net, loss 1/2 |p - y|^2, one step per sample,
 * each of the program's bugs a switch (BUGS). W1: (2, 2), W2: (2, 1) as plain arrays. */
(function (XL) {
  "use strict";
  var sigmoid = XL.activations.sigmoid;
  var BUGS = ["cost_as_gradient", "input_activation_derivative", "flipped_update_sign",
    "update_as_error", "summed_hidden_error", "updated_output_weights"];

  function dsig(z) { var s = sigmoid(z); return s * (1 - s); }

  /* Outputs p (one per row of X) of the net {W1: [[a, b], [c, d]], W2: [[e], [f]]}. */
  function outputs(w, X) {
    return X.map(function (x) {
      var h = [0, 1].map(function (u) { return sigmoid(x[0] * w.W1[0][u] + x[1] * w.W1[1][u]); });
      return sigmoid(h[0] * w.W2[0][0] + h[1] * w.W2[1][0]);
    });
  }

  /* One step on sample x (2,), target y (a number); returns the new weights. */
  function step(w, x, y, lr, bugs) {
    var on = function (b) { return bugs.indexOf(b) >= 0; };
    var z1 = [0, 1].map(function (u) { return x[0] * w.W1[0][u] + x[1] * w.W1[1][u]; });
    var h = z1.map(sigmoid), z2 = h[0] * w.W2[0][0] + h[1] * w.W2[1][0], p = sigmoid(z2);
    var e = on("cost_as_gradient") ? 0.5 * ((p - y) * (p - y)) : p - y;
    var s = x.map(dsig), atInputs = on("input_activation_derivative");
    var E2 = [0, 1].map(function (u) { return atInputs ? s[u] * e : e * dsig(z2); });
    var G2 = [0, 1].map(function (u) { return h[u] * E2[u]; });
    var sign = on("flipped_update_sign") ? -1 : 1;
    var W2new = [0, 1].map(function (u) { return [w.W2[u][0] - sign * lr * G2[u]]; });
    var used = on("updated_output_weights") ? W2new : w.W2;
    var r = [0, 1].map(function (u) { return used[u][0] * (on("update_as_error") ? lr * G2[u] : E2[u]); });
    if (on("summed_hidden_error")) { var t = r[0] + r[1]; r = [t, t]; }
    var W1new = [0, 1].map(function (i) {
      return [0, 1].map(function (u) {
        var g = atInputs ? x[i] * s[i] * r[u] : x[i] * (r[u] * dsig(z1[u]));
        return w.W1[i][u] - sign * lr * g;
      });
    });
    return { W1: W1new, W2: W2new };
  }

  /* One epoch: a step per sample, in order. */
  function epoch(w, X, Y, lr, bugs) {
    for (var n = 0; n < X.length; n++) w = step(w, X[n], Y[n], lr, bugs);
    return w;
  }

  XL.translation = { BUGS: BUGS, step: step, epoch: epoch, outputs: outputs };
})(globalThis.XL = globalThis.XL || {});
