/* Losses: the mean over n samples of the sum over outputs, with dL/dp, as xorlab.losses.
 * Each function takes p and y as (n, k) matrices. */
(function (XL) {
  "use strict";
  var M = XL.matrix;
  var CLIP = 1e-15;
  var LOG2 = 0.6931471805599453;

  function clip(p) { return Math.min(Math.max(p, CLIP), 1 - CLIP); }

  /* log(1 + e^z), branch for branch as numpy's logaddexp(0, z). */
  function softplus(z) {
    if (z === 0) return LOG2;
    return z < 0 ? Math.log1p(Math.exp(z)) : z + Math.log1p(Math.exp(-z));
  }

  function bceTerm(p, y) {
    var q = clip(p);
    return -(y * Math.log(q) + (1 - y) * Math.log1p(-q));
  }

  function mseTerm(p, y) { return (p - y) * (p - y); }

  var LOSSES = {
    bce: {
      term: bceTerm,
      grad: function (p, y, n) { var q = clip(p); return (q - y) / (q * (1 - q)) / n; },
    },
    mse: {
      term: mseTerm,
      grad: function (p, y, n) { return 2 * (p - y) / n; },
    },
  };

  /* The mean loss `name` of outputs P against targets Y. */
  function value(name, P, Y) { return M.total(M.map(LOSSES[name].term, P, Y)) / Y.rows; }

  /* BCE of sigmoid(Z) computed from the logits Z, exact for any finite z. */
  function bceWithLogits(Z, Y) {
    return M.total(M.map(function (z, y) { return softplus(z) - y * z; }, Z, Y)) / Y.rows;
  }

  /* dL/dz of a sigmoid output with BCE: (p - y) / n. */
  function sigmoidBceDelta(P, Y) {
    var n = Y.rows;
    return M.map(function (p, y) { return (p - y) / n; }, P, Y);
  }

  XL.losses = {
    LOSSES: LOSSES, CLIP: CLIP, clip: clip, softplus: softplus, value: value,
    bceWithLogits: bceWithLogits, sigmoidBceDelta: sigmoidBceDelta,
  };
})(globalThis.XL = globalThis.XL || {});
