/* The book's explorers, one per chapter: the controls of the chapter's ipywidgets explorer
 * (same names, ranges and defaults), and what each draws. */
(function (XL) {
  "use strict";
  var V = XL.views, M = XL.matrix, D = XL.draw;

  function range(lo, hi, step) {
    var out = [];
    for (var k = 0; lo + k * step <= hi + 1e-9; k++) out.push(Math.round((lo + k * step) * 1e6) / 1e6);
    return out;
  }
  function powers(base, lo, hi, step) { return range(lo, hi, step).map(function (e) { return Math.pow(base, e); }); }
  function short(v) { return String(Number(v.toPrecision(3))); }
  function seedControl(max, value) { return { name: "seed", label: "seed", values: range(0, max, 1), value: value || 0 }; }
  function lrControl(values, value) { return { name: "lr", label: "learning rate", values: values, value: value, format: short }; }

  var EXPLORERS = {};

  EXPLORERS["xor-training"] = {
    title: "Live explorer: train a 2-h-1 network on XOR",
    controls: [
      { name: "hidden", label: "hidden activation", type: "select", values: ["sigmoid", "tanh", "relu"], value: "sigmoid" },
      { name: "units", label: "hidden units", values: range(1, 6, 1), value: 2 },
      lrControl(powers(2, -6, 3, 0.5), 2),
      { name: "epochs", label: "epochs", values: range(0, 5000, 250), value: 2000 },
      { name: "init", label: "initialisation", type: "select", values: XL.init.INITS, value: "xavier" },
      seedControl(20),
    ],
    build: function (s) {
      var m = V.mlpModel({ sizes: [2, s.units, 1], hidden: s.hidden, init: s.init, seed: s.seed, lr: s.lr, epochs: s.epochs });
      m.views = [V.outputMap(m), V.networkView(m), V.lossView(m), V.gradcheckView(m)];
      return m;
    },
  };

  /* The 1-1-1 chain on the identity task: the point (f(0), f(1)) in the unit square. */
  function logit(p) { return Math.log(p) - Math.log1p(-p); }
  function reachableView(m, bias) {
    var f0 = [], lower = [], upper = [];
    for (var i = 1; i < 200; i++) {
      var f = i / 200, edge = XL.activations.sigmoid(2 * logit(f));
      f0.push(f); lower.push(Math.min(edge, 0.5)); upper.push(Math.max(edge, 0.5));
    }
    var v = {
      caption: "The outputs (f(0), f(1)) of the chain: light blue, every pair a chain without biases can reach; green (biases on), the whole square; the star, the target (0, 1); the line, the path of training.",
      draw: function (canvas) {
        var p = new D.Plot(canvas, { xlim: [0, 1], ylim: [0, 1], xlabel: "f(0)", ylabel: "f(1)", square: true });
        v.plot = p;
        if (bias) p.band([0, 1], [0, 0], [1, 1], "rgba(0, 158, 115, 0.18)");
        p.band(f0, lower, upper, "rgba(86, 180, 233, 0.45)");
        p.axes();
        var path = m.run.seen, xs = path.map(function (q) { return q[0]; }), ys = path.map(function (q) { return q[1]; });
        p.curve(xs, ys, "#333", 1.5);
        p.marker(0, 1, "star", D.PALETTE.vermillion, 11);
        var now = path[path.length - 1];
        p.marker(now[0], now[1], "dot", "#000", 6);
      },
      alt: function () {
        var now = m.run.seen[m.run.seen.length - 1];
        return "The chain's outputs f(0) = " + V.fmt(now[0], 3) + ", f(1) = " + V.fmt(now[1], 3) + (bias ? ", biases on" : ", inside the bias-free region") + ".";
      },
    };
    return v;
  }

  var WEIGHT = range(-10, 10, 0.25);
  EXPLORERS["no-bias-chain"] = {
    title: "Live explorer: the two-neuron chain on the identity task",
    probe: false,
    intro: "The sliders set the chain's weights; Play trains it from there (mean squared error, full batch) and draws the path of its two outputs.",
    controls: [
      { name: "w1", label: "w1", values: WEIGHT, value: 2 },
      { name: "w2", label: "w2", values: WEIGHT, value: -4 },
      { name: "b1", label: "b1", values: WEIGHT, value: 0, enabled: function (s) { return s.bias; } },
      { name: "b2", label: "b2", values: WEIGHT, value: 0, enabled: function (s) { return s.bias; } },
      { name: "bias", label: "biases on", type: "checkbox", value: false },
      Object.assign(lrControl([0.5, 1, 2, 5, 10, 20], 5), { enabled: function (s) { return s.epochs > 0; } }),
      { name: "epochs", label: "epochs", values: [0, 10, 50, 100, 200, 500, 1000, 2000, 5000], value: 200 },
    ],
    build: function (s) {
      var params = { W1: M.fromRows([[s.w1]]), W2: M.fromRows([[s.w2]]) };
      if (s.bias) { params.b1 = M.fromRows([[s.b1]]); params.b2 = M.fromRows([[s.b2]]); }
      var m = V.mlpModel({
        sizes: [1, 1, 1], loss: "mse", bias: s.bias, params: params, lr: s.lr, epochs: s.epochs,
        X: [[0], [1]], y: [0, 1], watch: function (c) { return [c.p.data[0], c.p.data[1]]; },
      });
      m.probe = null;
      m.views = [reachableView(m, s.bias), V.lossView(m, "mean squared error")];
      return m;
    },
  };

  /* S: the function the flipped gradient descends (xorlab.surrogate.flipped_surrogate). */
  function surrogate(c) {
    var z = c.z.data, y = c.Y.data, s = 0;
    for (var n = 0; n < z.length; n++) s += y[n] * XL.losses.softplus(-z[n]) - (1 - y[n]) * XL.losses.softplus(z[n]);
    return s / z.length;
  }
  EXPLORERS["rising-cost"] = {
    title: "Live explorer: the flipped cross-entropy gradient",
    controls: [
      { name: "fault", label: "flipped gradient", type: "checkbox", value: true },
      lrControl(powers(10, -2, 1, 0.25), 1),
      { name: "labels", label: "labels", type: "select", values: ["xor", "or", "and"], value: "xor" },
      { name: "epochs", label: "epochs", values: range(0, 3000, 100), value: 300 },
      seedControl(20, 4),
    ],
    build: function (s) {
      var m = V.mlpModel({
        sizes: [2, 2, 1], seed: s.seed, lr: s.lr, epochs: s.epochs, y: V.TASKS[s.labels],
        faults: s.fault ? ["flipped_bce_grad"] : [], watch: surrogate,
      });
      var S = function (params) { return surrogate(XL.network.forward(m.spec, params, m.X, m.Y)); };
      m.views = [
        V.lossView(m, "BCE"),
        V.curveView(m, { label: "surrogate S", colour: D.PALETTE.vermillion, caption: "S, the function whose exact gradient the flipped backward pass computes: it falls without bound while the BCE rises.", values: function () { return m.run.seen; } }),
        V.outputMap(m),
        V.networkView(m),
        V.gradcheckView(m, [{ label: "the surrogate S", loss: S }]),
      ];
      return m;
    },
  };

  EXPLORERS["stuck-at-half"] = {
    title: "Live explorer: ReLU units that die",
    controls: [
      { name: "units", label: "hidden units", values: range(1, 10, 1), value: 10 },
      { name: "init", label: "initialisation", type: "select", values: ["uniform01", "normal", "he", "xavier"], value: "uniform01" },
      { name: "bias", label: "biases", type: "checkbox", value: false },
      { name: "sigmoid_derivative_of_output", label: "sigmoid' at output", type: "checkbox", value: true },
      { name: "leak_forward_only", label: "forward-only leak", type: "checkbox", value: false },
      lrControl([0.001, 0.004, 0.01, 0.04, 0.1, 0.4, 1.0], 0.4),
      { name: "epochs", label: "epochs", values: [0, 1, 10, 100, 1000, 2000, 5000, 10000], value: 1000 },
      seedControl(20),
    ],
    presets: [
      { label: "question's program", state: {} },
      { label: "the answer's version", state: { leak_forward_only: true, lr: 0.004, epochs: 10000 } },
      { label: "right derivative", state: { sigmoid_derivative_of_output: false } },
      { label: "right derivative, biases", state: { sigmoid_derivative_of_output: false, bias: true } },
      { label: "all three fixed", state: { sigmoid_derivative_of_output: false, bias: true, init: "he" } },
    ],
    build: function (s) {
      var faults = ["sigmoid_derivative_of_output", "leak_forward_only"].filter(function (f) { return s[f]; });
      var m = V.mlpModel({ sizes: [2, s.units, 1], hidden: "relu", init: s.init, bias: s.bias, faults: faults, seed: s.seed, lr: s.lr, epochs: s.epochs });
      m.views = [V.linesView(m), V.outputMap(m), V.networkView(m), V.unitsView(m), V.lossView(m), V.gradcheckView(m)];
      return m;
    },
  };

  EXPLORERS["sigmoid-vs-tanh"] = {
    title: "Live explorer: sigmoid, tanh and two wrong derivatives",
    intro: "The chapter's re-created program: mean squared error, weights drawn normal with the question's scale.",
    note: function (s) {
      return s.sigmoid_derivative && s.hidden === "sigmoid" ? " \u00b7 h (1 - h) is the sigmoid's own derivative: for sigmoid units that switch changes nothing" : "";
    },
    controls: [
      { name: "hidden", label: "hidden activation", type: "select", values: ["sigmoid", "tanh", "relu"], value: "sigmoid" },
      { name: "units", label: "hidden units", values: [2, 3, 4], value: 2 },
      lrControl(powers(10, -1, 1, 0.1), Math.pow(10, -0.4)),
      { name: "epochs", label: "epochs", values: range(100, 5000, 100), value: 500 },
      { name: "missing_output", label: "missing output derivative", type: "checkbox", value: true },
      { name: "sigmoid_derivative", label: "sigmoid derivative for every unit", type: "checkbox", value: true },
      seedControl(50),
    ],
    build: function (s) {
      var gain = { sigmoid: 1, tanh: 2, relu: Math.sqrt(2) }[s.hidden];
      var faults = [];
      if (s.missing_output) faults.push("missing_output_derivative");
      if (s.sigmoid_derivative) faults.push("sigmoid_derivative_for_tanh");
      var m = V.mlpModel({
        sizes: [2, s.units, 1], hidden: s.hidden, loss: "mse", init: "normal", initScale: gain * Math.sqrt(2 / (2 + s.units)),
        faults: faults, seed: s.seed, lr: s.lr, epochs: s.epochs,
      });
      m.views = [V.linesView(m), V.lossView(m, "mean squared error"), V.outputMap(m), V.networkView(m), V.unitsView(m), V.gradcheckView(m)];
      return m;
    },
  };

  /* The translated program: its four outputs over the epochs. */
  function translationModel(s) {
    var T = XL.translation, X = M.fromRows(V.CORNERS), Y = V.TASKS.xor, u = XL.DRAWS.uniform[s.seed];
    var bugs = T.BUGS.filter(function (b) { return s[b]; }), prog = T.program(bugs, s.lr);
    var start = { W1: M.fromRows([[u[0], u[1]], [u[2], u[3]]]), W2: M.fromRows([[u[4]], [u[5]]]) };
    var Ym = M.fromRows(Y.map(function (v) { return [v]; }));
    var m = { target: 500, Y: Ym };
    function look() {
      var p = T.outputs(prog, m.w, X);
      m.trace[m.epoch] = Array.from(p.data);
      m.run = { outputs: p };
    }
    m.restart = function () { m.w = start; m.epoch = 0; m.trace = []; look(); };
    m.step = function () { m.w = T.epoch(prog, m.w, X, Ym); m.epoch++; look(); };
    m.forward = function (Z) { return XL.network.forward(prog.spec, m.w, Z, null); };
    m.probe = function (x, y) {
      var c = m.forward(M.fromRows([[x, y]]));
      return "At (" + V.fmt(x) + ", " + V.fmt(y) + ") hidden: h1 = " + V.fmt(c.acts[1].data[0]) + ", h2 = " + V.fmt(c.acts[1].data[1]) + "; output: p = " + V.fmt(c.p.data[0]);
    };
    m.status = function () {
      return "Epoch " + m.epoch + " of " + m.target + " \u00b7 outputs " + m.trace[m.epoch].map(function (p) { return V.fmt(p); }).join(" ") +
        " \u00b7 bugs on: " + (bugs.length ? bugs.join(", ") : "none");
    };
    var colours = [D.PALETTE.blue, D.PALETTE.orange, D.PALETTE.green, D.PALETTE.vermillion];
    var traces = {
      caption: "Each XOR input's output over the epochs (blue (0,0) \u2192 0, orange (0,1) \u2192 1, green (1,0) \u2192 1, vermillion (1,1) \u2192 0); dotted, its target.",
      draw: function (canvas) {
        var p = new D.Plot(canvas, { xlim: [0, Math.max(m.target, m.epoch)], ylim: [-0.03, 1.03], xlabel: "epoch", ylabel: "output p" });
        p.axes();
        var xs = m.trace.map(function (_, e) { return e; });
        colours.forEach(function (c, i) {
          p.curve([0, Math.max(m.target, m.epoch)], [Y[i], Y[i]], c, 1, [2, 3]);
          p.curve(xs, m.trace.map(function (t) { return t[i]; }), c, 2);
        });
      },
      alt: function () { return "The four outputs over " + m.epoch + " epochs, now " + m.trace[m.epoch].map(function (q) { return V.fmt(q); }).join(", ") + "."; },
    };
    m.views = [traces, V.outputMap(m)];
    m.restart();
    return m;
  }
  EXPLORERS["chain-rule"] = {
    title: "Live explorer: the translated program, one bug at a time",
    controls: [lrControl(powers(10, -2, 1, 0.25), 1), seedControl(20)].concat(XL.translation.BUGS.map(function (b) {
      return { name: b, label: b.replace(/_/g, " "), type: "checkbox", value: false };
    })),
    build: translationModel,
  };

  /* A planted bug: its loss over the doctor's 300-step run and a gradient check. */
  function plantedModel(s) {
    var imp = XL.planted.implementation(s.bug, s.lr, 0);
    var m = { target: 300, Y: imp.Y };
    function look() {
      m.losses[m.epoch] = imp.loss(m.q);
      m.run = { outputs: imp.forward(m.q, imp.X).p, losses: m.losses, params: m.q };
    }
    m.restart = function () { m.q = XL.init.copyParams(imp.params); m.epoch = 0; m.losses = []; look(); };
    m.step = function () { m.q = imp.step(m.q, imp.grad(m.q)); m.epoch++; look(); };
    m.forward = function (Z) { return { p: imp.forward(m.q, Z).p }; };
    m.probe = function (x, y) {
      var f = imp.forward(m.q, M.fromRows([[x, y]]));
      return "At (" + V.fmt(x) + ", " + V.fmt(y) + ") hidden: " + Array.from(f.h.data).map(function (v, j) { return "h" + (j + 1) + " = " + V.fmt(v); }).join(", ") + "; output: p = " + V.fmt(f.p.data[0]);
    };
    m.status = function () {
      return "Step " + m.epoch + " of " + m.target + " \u00b7 loss " + V.sig(m.losses[m.epoch]) + " \u00b7 learning rate " + imp.lr;
    };
    var check = {
      caption: "Gradient check of the planted implementation's gradient against finite differences of its loss, at the initial weights.",
      html: function () {
        var q = XL.init.copyParams(imp.params);
        check.cached = check.cached || XL.gradcheck.table(XL.gradcheck.check(imp.loss, q, imp.grad(q)), "the loss");
        return check.cached;
      },
    };
    m.views = [V.lossView(m, "BCE loss"), check, V.outputMap(m)];
    m.restart();
    return m;
  }
  EXPLORERS["field-guide"] = {
    title: "Live explorer: planted bugs and what a gradient check says",
    intro: "The doctor's full report needs Python (run the chapter in Jupyter); here, the loss over its 300-step run and the gradient check that most of its findings start from.",
    controls: [
      { name: "bug", label: "planted bug", type: "select", values: XL.planted.BUGS, value: "sum in hidden layer" },
      Object.assign(lrControl([0.001, 0.01, 0.1, 0.5, 1.0, 3.0, 10.0, 30.0, 100.0], 0.5), {
        enabled: function (s) { return s.bug !== "lr 50"; },
      }),
    ],
    build: plantedModel,
  };

  XL.EXPLORERS = EXPLORERS;
})(globalThis.XL = globalThis.XL || {});
