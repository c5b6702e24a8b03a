/* The named mistakes, each a replacement of one or more named steps of network.js, as in
 * xorlab.faults: the same names, the same replacements, the same refusals. Two faults that
 * replace the same step cannot be on together. */
(function (XL) {
  "use strict";
  var M = XL.matrix, A = XL.activations, L = XL.losses;
  var LEAK_FORWARD = 1e-5;

  /* f_l'(x): the derivative of layer l's activation at the inputs, (n, d_in). */
  function atInputs(c, layer) {
    var name = layer === c.spec.layers ? c.spec.output : c.spec.hidden;
    if (!c.memo[name]) c.memo[name] = M.map(A.ACTIVATIONS[name].df, c.acts[0]);
    return c.memo[name];
  }

  function flippedLossGrad(c) {
    var n = c.Y.rows;
    return M.map(function (p, y) {
      var q = L.clip(p);
      return (-y / q - (1 - y) / (1 - q)) / n;
    }, c.p, c.Y);
  }
  /* -(y (1 - p) + (1 - y) p) / n: the flipped dL/dp through a sigmoid, in closed form. */
  flippedLossGrad.throughSigmoid = function (c) {
    var n = c.Y.rows;
    return M.map(function (p, y) { return -(y * (1 - p) + (1 - y) * p) / n; }, c.p, c.Y);
  };

  var FAULTS = {
    flipped_bce_grad: {
      needs: { loss: "bce" },
      replaces: { loss_grad: flippedLossGrad },
    },
    sigmoid_derivative_of_output: {
      needs: { output: "sigmoid" },
      replaces: {
        output_delta: function (c) {
          return M.mul(c.run("loss_grad"), M.map(A.ACTIVATIONS.sigmoid.df, c.p));
        },
      },
    },
    leak_forward_only: {
      needs: { hidden: "relu" },
      replaces: {
        hidden_activation: function (s, z) {
          return M.map(function (v) { return Math.max(v, LEAK_FORWARD * v); }, z);
        },
      },
    },
    missing_output_derivative: {
      needs: { hiddenLayer: true },
      replaces: {
        sent_back: function (c, layer, delta) {
          var sent = layer === c.spec.layers ? c.run("loss_grad") : delta;
          return M.matmult(sent, c.params["W" + layer]);
        },
      },
    },
    sigmoid_derivative_for_tanh: {
      needs: { hiddenLayer: true },
      replaces: {
        hidden_derivative: function (c, layer) {
          return M.map(function (a) { return a * (1 - a); }, c.acts[layer]);
        },
      },
    },
    cost_as_gradient: {
      needs: {},
      replaces: {
        loss_grad: function (c) {
          var term = L.LOSSES[c.spec.loss].term, n = c.Y.rows;
          return M.map(function (p, y) { return term(p, y) / n; }, c.p, c.Y);
        },
      },
    },
    flipped_update_sign: {
      needs: {},
      replaces: {
        gradient_sign: function (c, grads) {
          var out = {};
          Object.keys(grads).forEach(function (k) { out[k] = M.scale(grads[k], -1); });
          return out;
        },
      },
    },
    input_activation_derivative: {
      needs: { hiddenLayer: true, hiddenAsWideAsInput: true },
      replaces: {
        output_delta: function (c) { return c.run("loss_grad"); },
        weight_input: function (c, layer) { return M.mul(c.acts[layer - 1], atInputs(c, layer)); },
        /* the factor f_l'(x[i]) at each weight's input end travels with the error */
        sent_back: function (c, layer, delta) {
          return M.mul(M.matmult(delta, c.params["W" + layer]), atInputs(c, layer));
        },
        /* 1: no f'(z) for hidden layers, their derivative came with the error */
        hidden_derivative: function () { return 1; },
      },
    },
  };

  /* Throw an Error naming the problem unless each fault of spec s exists and fits it. */
  function fits(s, name) {
    var f = FAULTS[name];
    if (!f) throw new Error("unknown fault " + JSON.stringify(name) + "; choose from " + Object.keys(FAULTS).join(", "));
    ["loss", "output", "hidden"].forEach(function (what) {
      if (f.needs[what] && f.needs[what] !== s[what]) {
        throw new Error("fault " + name + " needs " + what + "=" + f.needs[what] + ", but the network has " + s[what]);
      }
    });
    if (f.needs.hiddenLayer && s.sizes.length < 3) throw new Error("fault " + name + " needs a hidden layer");
    if (f.needs.hiddenAsWideAsInput && s.sizes.slice(1, -1).some(function (d) { return d !== s.sizes[0]; })) {
      throw new Error("fault " + name + " needs every hidden layer as wide as the input");
    }
  }

  /* The steps of spec s: `correct` with its faults' replacements swapped in. */
  function steps(correct, s) {
    var table = Object.assign({}, correct), owner = {};
    s.faults.forEach(function (name) {
      fits(s, name);
      Object.keys(FAULTS[name].replaces).forEach(function (step) {
        if (owner[step]) throw new Error("faults " + owner[step] + " and " + name + " both replace the step " + step + "; switch on one of them at a time");
        owner[step] = name;
        table[step] = FAULTS[name].replaces[step];
      });
    });
    return table;
  }

  XL.faults = { FAULTS: FAULTS, steps: steps, fits: fits, LEAK_FORWARD: LEAK_FORWARD };
})(globalThis.XL = globalThis.XL || {});
