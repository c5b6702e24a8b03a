/* Activations f(z), their derivatives df(z), and df from the known a = f(z) (dfCached),
 * computed exactly as xorlab.activations does (sigmoid as (1 + tanh(z / 2)) / 2). */
(function (XL) {
  "use strict";

  function sigmoid(z) { return Math.tanh(0.5 * z) * 0.5 + 0.5; }
  function relu(z) { return Math.max(z, 0); }
  function reluDf(z) { return z > 0 ? 1 : 0; }
  var LEAK = 0.01;

  var ACTIVATIONS = {
    sigmoid: {
      f: sigmoid,
      df: function (z) { var s = sigmoid(z); return s * (1 - s); },
      dfCached: function (z, a) { return a * (1 - a); },
    },
    tanh: {
      f: Math.tanh,
      df: function (z) { var t = Math.tanh(z); return 1 - t * t; },
      dfCached: function (z, a) { return 1 - a * a; },
    },
    relu: { f: relu, df: reluDf, dfCached: function (z) { return reluDf(z); } },
    leaky_relu: {
      f: function (z) { return z > 0 ? z : LEAK * z; },
      df: function (z) { return z > 0 ? 1 : LEAK; },
      dfCached: function (z) { return z > 0 ? 1 : LEAK; },
    },
    identity: {
      f: function (z) { return z; },
      df: function () { return 1; },
      dfCached: function () { return 1; },
    },
  };

  XL.activations = { ACTIVATIONS: ACTIVATIONS, sigmoid: sigmoid, reluDf: reluDf, LEAK: LEAK };
})(globalThis.XL = globalThis.XL || {});
