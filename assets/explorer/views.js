/* Models and views shared by the explorers: a network trained on a task (mlpModel), and what
 * can be drawn of it: the output map, the loss, hidden units as lines, unit statistics, a
 * gradient check, and any per-epoch series. */
(function (XL) {
  "use strict";
  var M = XL.matrix, N = XL.network, D = XL.draw, A = XL.activations.ACTIVATIONS;
  var SQUARE = [-0.25, 1.25], RES = 48;
  var CORNERS = [[0, 0], [0, 1], [1, 0], [1, 1]];
  var TASKS = { xor: [0, 1, 1, 0], and: [0, 0, 0, 1], or: [0, 1, 1, 1] };

  var GRID = (function () {
    var G = M.zeros(RES * RES, 2);
    for (var j = 0; j < RES; j++) {
      for (var i = 0; i < RES; i++) {
        G.data[2 * (j * RES + i)] = SQUARE[0] + (i + 0.5) * (SQUARE[1] - SQUARE[0]) / RES;
        G.data[2 * (j * RES + i) + 1] = SQUARE[0] + (j + 0.5) * (SQUARE[1] - SQUARE[0]) / RES;
      }
    }
    return G;
  })();

  function fmt(v, d) { return isFinite(v) ? v.toFixed(d === undefined ? 2 : d) : String(v); }
  function sig(v) { return isFinite(v) ? (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toPrecision(3) : v.toExponential(2)) : String(v); }

  /* A network on a task, trained by a Run: o = {sizes, hidden, output, loss, bias, faults,
   * init, initScale, seed, params (instead of init), lr, epochs, mode, X, y, watch}. */
  function mlpModel(o) {
    var spec = N.makeSpec(o), X = M.fromRows(o.X || CORNERS);
    var Y = M.fromRows((o.y || TASKS.xor).map(function (v) { return [v]; }));
    var start = o.params || XL.init.initParams(o.sizes, o.init || "xavier", o.initScale || 1, o.seed || 0, spec.bias);
    var m = { spec: spec, X: X, Y: Y, target: o.epochs, views: [], start: start };
    m.restart = function () {
      m.run = new XL.train.Run(spec, XL.init.copyParams(start), X, Y, o.lr, o.mode, o.watch);
      m.epoch = 0;
    };
    m.step = function () { m.run.step(); m.epoch = m.run.epoch; };
    m.loss = function (params) { return N.lossOf(N.forward(spec, params, X, Y)); };
    m.forward = function (Z) { return N.forward(spec, m.run.params, Z, null); };
    m.status = function () {
      var r = m.run;
      return "Epoch " + r.epoch + " of " + m.target + " \u00b7 loss " + sig(r.losses[r.epoch]) + " \u00b7 outputs " +
        Array.from(r.outputs.data).map(function (p) { return fmt(p); }).join(" ") + " \u00b7 " +
        (r.success() ? "solved" + (r.solvedAt !== null ? " (first at epoch " + r.solvedAt + ")" : "") : "not solved");
    };
    m.probe = function (x, y) {
      var c = m.forward(M.fromRows([[x, y]])), parts = [];
      for (var l = 1; l < c.acts.length; l++) {
        var name = l < c.acts.length - 1 ? "hidden layer " + (c.acts.length > 3 ? l : "") : "output";
        parts.push(name.trim() + ": " + Array.from(c.acts[l].data).map(function (v, j) {
          return (l < c.acts.length - 1 ? "h" + (j + 1) + " = " : "p = ") + fmt(v);
        }).join(", "));
      }
      return "At (" + fmt(x) + ", " + fmt(y) + ") " + parts.join("; ");
    };
    m.restart();
    return m;
  }

  function crossAt(view) {
    return function (canvas, at) { if (view.plot) view.plot.marker(at[0], at[1], "cross", "#000", 7); };
  }

  /* The output over the input square, the 0.5 boundary, the samples; optional unit lines. */
  function outputMap(m, o) {
    o = o || {};
    var v = {
      caption: o.caption || "Output of the network over the input square (blue 0, vermillion 1), its 0.5 boundary in black, and the four samples.",
      draw: function (canvas) {
        var c = m.forward(GRID), P = D.Plot;
        v.plot = new P(canvas, { xlim: SQUARE, ylim: SQUARE, xlabel: "x1", ylabel: "x2", square: true });
        v.plot.outputMap(c.p.data, RES);
        if (o.lines) unitLines(m, v.plot);
        v.plot.axes();
        v.plot.points(CORNERS, Array.from(m.Y.data));
        if (v.at) v.plot.marker(v.at[0], v.at[1], "cross", "#000", 7);
      },
      alt: function () {
        return "Output map after epoch " + m.epoch + ": outputs at the four samples " +
          Array.from(m.run.outputs.data).map(function (p) { return fmt(p); }).join(", ") + ".";
      },
      probe: function (x, y) { v.at = [x, y]; return m.probe(x, y); },
    };
    v.cross = crossAt(v);
    return v;
  }

  function isDead(m, j) {
    var z = m.run.pass.zs[0], d = m.spec.sizes[1];
    for (var n = 0; n < z.rows; n++) if (z.data[n * d + j] > 0) return false;
    return true;
  }

  function reluLike(m) { return m.spec.hidden === "relu" || m.spec.hidden === "leaky_relu"; }

  /* Each first-layer unit as its line w1 x1 + w2 x2 + b = 0; dead ReLU units dashed grey. */
  function unitLines(m, plot) {
    var W = m.run.params.W1, b = m.run.params.b1, d = W.cols;
    for (var j = 0; j < d; j++) {
      var dead = reluLike(m) && isDead(m, j);
      plot.line([W.data[j], W.data[d + j]], b ? b.data[j] : 0, dead ? D.PALETTE.grey : D.UNIT_COLOURS[j % D.UNIT_COLOURS.length], dead);
    }
  }

  function deadCount(m) {
    var k = 0;
    for (var j = 0; j < m.spec.sizes[1]; j++) k += isDead(m, j) ? 1 : 0;
    return k;
  }

  /* Hidden units as lines over the samples (no shading). */
  function linesView(m) {
    var v = {
      caption: "Hidden units as lines w1 x1 + w2 x2 + b = 0 (where each unit's input is 0); dead ReLU units dashed grey.",
      draw: function (canvas) {
        v.plot = new D.Plot(canvas, { xlim: SQUARE, ylim: SQUARE, xlabel: "x1", ylabel: "x2", square: true });
        unitLines(m, v.plot);
        v.plot.axes();
        v.plot.points(CORNERS, Array.from(m.Y.data));
      },
      alt: function () {
        var d = m.spec.sizes[1];
        return d + " hidden units drawn as lines" + (reluLike(m) ? ", " + deadCount(m) + " of them dead" : "") + ", at epoch " + m.epoch + ".";
      },
    };
    return v;
  }

  /* A curve per epoch: values(e) for e = 0..epoch, x axis up to the target. */
  function curveView(m, o) {
    var v = {
      caption: o.caption,
      draw: function (canvas) {
        var ys = o.values(), xs = ys.map(function (_, i) { return i; }), finite = ys.filter(isFinite);
        var lo = finite.length ? Math.min.apply(null, finite) : 0, hi = finite.length ? Math.max.apply(null, finite) : 1;
        var log = o.log && lo > 0;
        if (log) { lo = Math.pow(10, Math.floor(Math.log10(lo))); hi = Math.pow(10, Math.ceil(Math.log10(hi))); }
        else { var pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1; lo -= pad; hi += pad; }
        v.plot = new D.Plot(canvas, { xlim: [0, Math.max(m.target, m.epoch, 1)], ylim: [lo, hi], logy: log, xlabel: "epoch", ylabel: o.label });
        v.plot.axes();
        v.plot.clip();
        v.plot.curve(xs, ys, o.colour || D.PALETTE.blue, 2);
        v.plot.ctx.restore();
      },
      alt: function () {
        var ys = o.values();
        return o.label + " against epoch, from " + sig(ys[0]) + " at epoch 0 to " + sig(ys[ys.length - 1]) + " at epoch " + (ys.length - 1) + ".";
      },
    };
    return v;
  }

  function lossView(m, label) {
    return curveView(m, {
      label: label || m.spec.loss.toUpperCase() + " loss", log: true,
      caption: "The loss before each epoch (log scale when it stays positive).",
      values: function () { return m.run.losses; },
    });
  }

  /* For each hidden unit: on how many samples it is active (ReLU) or saturated (f'(z) below
   * 0.1 of its largest value, as xorlab.saturation counts it). */
  function unitsView(m) {
    return {
      caption: "Unit statistics on the four samples, at the current epoch.",
      html: function () {
        var c = m.run.pass, z = c.zs[0], a = c.acts[1], d = z.cols, relu = reluLike(m), bound = { sigmoid: 0.25, tanh: 1, relu: 1, leaky_relu: 1, identity: 1 }[m.spec.hidden];
        var rows = [];
        for (var j = 0; j < d; j++) {
          var active = 0, sat = 0;
          for (var n = 0; n < z.rows; n++) {
            var zz = z.data[n * d + j];
            if (zz > 0) active++;
            if (A[m.spec.hidden].df(zz) < 0.1 * bound) sat++;
          }
          var verdict = relu ? (active === 0 ? "dead" : active === z.rows ? "always active (linear)" : "active on " + active + " of " + z.rows)
            : (sat === z.rows ? "saturated on every sample" : sat ? "saturated on " + sat + " of " + z.rows : "not saturated");
          rows.push("<tr><th scope=\"row\">h" + (j + 1) + "</th><td>" + Array.from({ length: z.rows }, function (_, n) { return fmt(a.data[n * d + j]); }).join(" ") + "</td><td>" + verdict + "</td></tr>");
        }
        var head = relu ? deadCount(m) + " of " + d + " hidden units dead" : "";
        return (head ? "<p class=\"xl-verdict\">" + head + "</p>" : "") + "<table><thead><tr><th scope=\"col\">unit</th><th scope=\"col\">value on the samples</th><th scope=\"col\">state</th></tr></thead><tbody>" + rows.join("") + "</tbody></table>";
      },
    };
  }

  /* Signs of the pre-activations of ReLU-like layers: a step that changes them crosses a kink. */
  function kinkPattern(m) {
    var kinked = function (name) { return name === "relu" || name === "leaky_relu"; };
    return function (params) {
      var c = N.forward(m.spec, params, m.X, m.Y), out = "";
      c.zs.forEach(function (z, i) {
        if (kinked(i < c.zs.length - 1 ? m.spec.hidden : m.spec.output)) out += Array.from(z.data, Math.sign).join(",") + ";";
      });
      return out;
    };
  }

  /* The gradient check at the initial weights: backpropagation with the network's faults
   * against finite differences of its loss and of further functions [{label, loss(params)}]. */
  function gradcheckView(m, others) {
    var cached = null;
    return {
      caption: "Gradient check at the initial weights (epoch 0): backpropagation, with the faults switched on, against central finite differences.",
      html: function () {
        if (cached) return cached;
        var params = XL.init.copyParams(m.start), grads = N.backward(N.forward(m.spec, params, m.X, m.Y)), pattern = kinkPattern(m);
        cached = XL.gradcheck.table(XL.gradcheck.check(m.loss, params, grads, pattern), "the loss");
        (others || []).forEach(function (o) { cached += XL.gradcheck.table(XL.gradcheck.check(o.loss, params, grads, pattern), o.label); });
        return cached;
      },
    };
  }

  /* The network drawn as units and weights, with every unit's value at the probed point. */
  function networkView(m) {
    var v = {
      usesProbe: true,
      caption: "The network at the point marked on the output map (the centre until you point): each unit's value, each weight's sign (vermillion positive, blue negative) and size (line width); dead ReLU units dashed.",
      draw: function (canvas) {
        var at = m.at || [0.5, 0.5], c = m.forward(M.fromRows([at])), sizes = m.spec.sizes;
        var p = new D.Plot(canvas, { xlim: [0, 1], ylim: [0, 1] }), ctx = p.ctx;
        var r = Math.min(13, (p.bottom - p.top) / (2.4 * Math.max.apply(null, sizes)));
        var pos = sizes.map(function (d, l) {
          return Array.from({ length: d }, function (_, j) {
            return [p.left + (p.right - p.left) * (0.08 + 0.84 * l / (sizes.length - 1)), p.top + (p.bottom - p.top) * (j + 0.5) / d];
          });
        });
        var big = 1e-12;
        for (var l = 1; l < sizes.length; l++) m.run.params["W" + l].data.forEach(function (w) { big = Math.max(big, Math.abs(w)); });
        for (l = 1; l < sizes.length; l++) {
          var W = m.run.params["W" + l];
          for (var i = 0; i < W.rows; i++) {
            for (var j = 0; j < W.cols; j++) {
              var w = W.data[i * W.cols + j];
              ctx.strokeStyle = w >= 0 ? D.PALETTE.vermillion : D.PALETTE.blue;
              ctx.lineWidth = 0.5 + 4 * Math.abs(w) / big;
              ctx.beginPath(); ctx.moveTo(pos[l - 1][i][0], pos[l - 1][i][1]); ctx.lineTo(pos[l][j][0], pos[l][j][1]); ctx.stroke();
            }
          }
        }
        ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.font = Math.max(8, Math.round(r * 0.8)) + "px system-ui, sans-serif";
        pos.forEach(function (layer, l) {
          layer.forEach(function (q, j) {
            var value = c.acts[l].data[j], dead = l > 0 && l < sizes.length - 1 && reluLike(m) && isDead(m, j) && l === 1;
            ctx.fillStyle = "#fff"; ctx.strokeStyle = dead ? D.PALETTE.grey : "#222"; ctx.lineWidth = 1.5;
            ctx.setLineDash(dead ? [3, 2] : []);
            ctx.beginPath(); ctx.arc(q[0], q[1], r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke(); ctx.setLineDash([]);
            ctx.fillStyle = "#111";
            ctx.fillText(fmt(value, Math.abs(value) < 10 ? 2 : 0), q[0], q[1]);
          });
        });
      },
      alt: function () {
        var at = m.at || [0.5, 0.5], c = m.forward(M.fromRows([at]));
        return "The network's units at (" + fmt(at[0]) + ", " + fmt(at[1]) + "): " + c.acts.slice(1).map(function (a) {
          return Array.from(a.data).map(function (x) { return fmt(x); }).join(", ");
        }).join("; then ") + ".";
      },
    };
    return v;
  }

  XL.views = {
    networkView: networkView,
    mlpModel: mlpModel, outputMap: outputMap, linesView: linesView, curveView: curveView,
    lossView: lossView, unitsView: unitsView, gradcheckView: gradcheckView, crossAt: crossAt,
    TASKS: TASKS, CORNERS: CORNERS, SQUARE: SQUARE, GRID: GRID, RES: RES, fmt: fmt, sig: sig,
  };
})(globalThis.XL = globalThis.XL || {});
