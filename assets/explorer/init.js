/* Initial parameters exactly as xorlab.init_params draws them, from draws exported by Python.
 *
 * numpy's generator cannot be re-created here, so the book exports, for each seed, the first
 * standard-normal and uniform draws of np.random.default_rng(seed) (XL.DRAWS, written by the
 * Sphinx extension). xorlab fills W1, then W2, ... row by row from one stream, so weight w of
 * the whole network is draw number w. */
(function (XL) {
  "use strict";
  var M = XL.matrix;
  var INITS = ["uniform01", "normal", "xavier", "he", "zeros"];

  function stream(init, seed, count) {
    if (init === "zeros") return null;
    var kind = init === "uniform01" ? "uniform" : "normal";
    var all = XL.DRAWS && XL.DRAWS[kind] && XL.DRAWS[kind][seed];
    if (!all) throw new Error("no exported " + kind + " draws for seed " + seed);
    if (all.length < count) throw new Error("seed " + seed + " has " + all.length + " draws, the network needs " + count);
    return all;
  }

  /* The std of each init for a (dIn, dOut) layer (uniform01 and normal: 1). */
  function gain(init, dIn, dOut) {
    if (init === "xavier") return Math.sqrt(2.0 / (dIn + dOut));
    if (init === "he") return Math.sqrt(2.0 / dIn);
    return 1;
  }

  /* {W1: (d0, d1), b1: (1, d1), ...} for `sizes`, like xorlab.init_params(sizes, init,
   * initScale, seed, bias). */
  function initParams(sizes, init, initScale, seed, bias) {
    if (INITS.indexOf(init) < 0) throw new Error("unknown init " + JSON.stringify(init) + "; choose from " + INITS.join(", "));
    var count = 0;
    for (var l = 1; l < sizes.length; l++) count += sizes[l - 1] * sizes[l];
    var draws = stream(init, seed, count), params = {}, k = 0;
    for (l = 1; l < sizes.length; l++) {
      var W = M.zeros(sizes[l - 1], sizes[l]), g = gain(init, sizes[l - 1], sizes[l]);
      for (var i = 0; i < W.data.length; i++) {
        var w = draws ? draws[k++] : 0;
        W.data[i] = initScale * (g * w); // g = 1 is exact: the draw itself
      }
      params["W" + l] = W;
      if (bias) params["b" + l] = M.zeros(1, sizes[l]);
    }
    return params;
  }

  function copyParams(params) {
    var out = {};
    Object.keys(params).forEach(function (k) { out[k] = M.copy(params[k]); });
    return out;
  }

  XL.init = { INITS: INITS, initParams: initParams, copyParams: copyParams };
})(globalThis.XL = globalThis.XL || {});
