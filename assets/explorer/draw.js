/* Drawing on a canvas: axes, curves, the output map with its 0.5 boundary, sample points,
 * lines through the input square. Colours are xorlab.plots' palette (colour-blind safe). */
(function (XL) {
  "use strict";
  var PALETTE = {
    blue: "#0072B2", orange: "#E69F00", green: "#009E73", vermillion: "#D55E00",
    purple: "#CC79A7", sky: "#56B4E9", yellow: "#F0E442", grey: "#777777",
  };
  var UNIT_COLOURS = ["green", "orange", "purple", "sky", "yellow", "blue"].map(function (c) { return PALETTE[c]; });
  var LOW = [0, 114, 178], MID = [247, 247, 247], HIGH = [213, 94, 0];

  /* A plot area on a canvas: data (x, y) within xlim, ylim maps to pixels inside margins. */
  function Plot(canvas, o) {
    var ratio = window.devicePixelRatio || 1, w = canvas.clientWidth || 300, h = canvas.clientHeight || 240;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, w, h);
    ctx.font = "11px system-ui, sans-serif";
    this.ctx = ctx; this.w = w; this.h = h; this.o = o;
    this.left = 44; this.right = w - 16; this.top = o.title ? 20 : 8; this.bottom = h - 30;
    if (o.square) {
      var side = Math.min(this.right - this.left, this.bottom - this.top);
      this.right = this.left + side; this.bottom = this.top + side;
    }
  }
  Plot.prototype.ty = function (y) { return this.o.logy ? Math.log10(Math.max(y, 1e-300)) : y; };
  Plot.prototype.px = function (x) {
    var l = this.o.xlim;
    return this.left + (x - l[0]) / (l[1] - l[0]) * (this.right - this.left);
  };
  Plot.prototype.py = function (y) {
    var l = this.o.ylim.map(this.ty, this);
    return this.bottom - (this.ty(y) - l[0]) / (l[1] - l[0]) * (this.bottom - this.top);
  };
  /* Data coordinates of pixel (u, v). */
  Plot.prototype.data = function (u, v) {
    var xl = this.o.xlim, yl = this.o.ylim;
    return [xl[0] + (u - this.left) / (this.right - this.left) * (xl[1] - xl[0]),
      yl[0] + (this.bottom - v) / (this.bottom - this.top) * (yl[1] - yl[0])];
  };

  function tickValues(lo, hi, log) {
    if (log) {
      var out = [];
      for (var e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) out.push(Math.pow(10, e));
      return out.length > 1 ? out : [lo, hi];
    }
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / 3 || 1)));
    if ((hi - lo) / step > 8) step *= 5; else if ((hi - lo) / step > 4) step *= 2;
    var ticks = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    return ticks;
  }

  function label(v) {
    if (v === 0) return "0";
    var a = Math.abs(v);
    if (a >= 1e4 || a < 1e-2) return v.toExponential(0).replace("e+", "e");
    return String(Math.round(v * 100) / 100);
  }

  /* Frame, ticks, axis labels and title. */
  Plot.prototype.axes = function () {
    var c = this.ctx, o = this.o, self = this;
    c.strokeStyle = "#444"; c.fillStyle = "#222"; c.lineWidth = 1;
    c.strokeRect(this.left, this.top, this.right - this.left, this.bottom - this.top);
    c.textAlign = "center"; c.textBaseline = "top";
    tickValues(o.xlim[0], o.xlim[1], false).forEach(function (t) {
      c.fillText(label(t), self.px(t), self.bottom + 3);
    });
    c.textAlign = "right"; c.textBaseline = "middle";
    tickValues(o.ylim[0], o.ylim[1], o.logy).forEach(function (t) {
      c.fillText(label(t), self.left - 4, self.py(t));
    });
    c.textAlign = "center"; c.textBaseline = "bottom";
    if (o.xlabel) c.fillText(o.xlabel, (this.left + this.right) / 2, this.h - 1);
    if (o.title) { c.textBaseline = "top"; c.fillText(o.title, (this.left + this.right) / 2, 3); }
    if (o.ylabel) {
      c.save(); c.translate(10, (this.top + this.bottom) / 2); c.rotate(-Math.PI / 2);
      c.textBaseline = "middle"; c.fillText(o.ylabel, 0, 0); c.restore();
    }
  };

  /* Clip further drawing to the plot area. */
  Plot.prototype.clip = function () {
    var c = this.ctx;
    c.save(); c.beginPath();
    c.rect(this.left, this.top, this.right - this.left, this.bottom - this.top); c.clip();
  };

  /* A polyline through (xs[i], ys[i]); non-finite points break it. */
  Plot.prototype.curve = function (xs, ys, colour, width, dash) {
    var c = this.ctx, open = false;
    c.strokeStyle = colour; c.lineWidth = width || 2; c.setLineDash(dash || []);
    c.beginPath();
    for (var i = 0; i < ys.length; i++) {
      if (!isFinite(ys[i]) || (this.o.logy && ys[i] <= 0)) { open = false; continue; }
      var u = this.px(xs[i]), v = this.py(ys[i]);
      if (open) c.lineTo(u, v); else c.moveTo(u, v);
      open = true;
    }
    c.stroke(); c.setLineDash([]);
  };

  function shade(p) {
    var t = Math.min(Math.max(p, 0), 1), a = t < 0.5 ? LOW : HIGH, f = t < 0.5 ? 1 - 2 * t : 2 * t - 1;
    return MID.map(function (m, i) { return Math.round(m + (a[i] - m) * f); });
  }

  /* The map of outputs P (res x res values, row j at y = ys[j]) with the 0.5 boundary in black. */
  Plot.prototype.outputMap = function (P, res) {
    var off = document.createElement("canvas"), octx, img;
    off.width = res; off.height = res;
    octx = off.getContext("2d");
    img = octx.createImageData(res, res);
    for (var j = 0; j < res; j++) {
      for (var i = 0; i < res; i++) {
        var rgb = shade(P[j * res + i]), k = 4 * ((res - 1 - j) * res + i);
        img.data[k] = rgb[0]; img.data[k + 1] = rgb[1]; img.data[k + 2] = rgb[2]; img.data[k + 3] = 255;
      }
    }
    octx.putImageData(img, 0, 0);
    this.ctx.imageSmoothingEnabled = false;
    this.ctx.drawImage(off, this.left, this.top, this.right - this.left, this.bottom - this.top);
    this.contour(P, res, 0.5);
  };

  /* The level line P = level by marching squares over the res x res cell centres. */
  Plot.prototype.contour = function (P, res, level) {
    var c = this.ctx, self = this, xl = this.o.xlim, yl = this.o.ylim;
    var at = function (i, j) { return [xl[0] + (i + 0.5) * (xl[1] - xl[0]) / res, yl[0] + (j + 0.5) * (yl[1] - yl[0]) / res]; };
    c.strokeStyle = "#000"; c.lineWidth = 2; c.beginPath();
    for (var j = 0; j + 1 < res; j++) {
      for (var i = 0; i + 1 < res; i++) {
        var corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]], cuts = [];
        for (var k = 0; k < 4; k++) {
          var a = corners[k], b = corners[(k + 1) % 4], pa = P[a[1] * res + a[0]] - level, pb = P[b[1] * res + b[0]] - level;
          if ((pa > 0) !== (pb > 0)) {
            var t = pa / (pa - pb), qa = at(a[0], a[1]), qb = at(b[0], b[1]);
            cuts.push([qa[0] + t * (qb[0] - qa[0]), qa[1] + t * (qb[1] - qa[1])]);
          }
        }
        for (k = 0; k + 1 < cuts.length; k += 2) {
          c.moveTo(self.px(cuts[k][0]), self.py(cuts[k][1]));
          c.lineTo(self.px(cuts[k + 1][0]), self.py(cuts[k + 1][1]));
        }
      }
    }
    c.stroke();
  };

  /* Samples: class 0 blue circles, class 1 vermillion squares, black edges. */
  Plot.prototype.points = function (X, Y) {
    var c = this.ctx;
    for (var n = 0; n < X.length; n++) {
      var u = this.px(X[n][0]), v = this.py(X[n][1]), one = Y[n] > 0.5;
      c.fillStyle = one ? PALETTE.vermillion : PALETTE.blue; c.strokeStyle = "#000"; c.lineWidth = 1.5;
      c.beginPath();
      if (one) c.rect(u - 6, v - 6, 12, 12); else c.arc(u, v, 6.5, 0, 2 * Math.PI);
      c.fill(); c.stroke();
    }
  };

  /* The line w[0] x + w[1] y + b = 0 across the plot. */
  Plot.prototype.line = function (w, b, colour, dash) {
    var xl = this.o.xlim, yl = this.o.ylim, xs, ys;
    if (Math.abs(w[1]) > Math.abs(w[0])) { xs = xl; ys = xl.map(function (x) { return -(w[0] * x + b) / w[1]; }); }
    else if (w[0] !== 0) { ys = yl; xs = yl.map(function (y) { return -(w[1] * y + b) / w[0]; }); }
    else return;
    this.clip();
    var c = this.ctx;
    c.strokeStyle = colour; c.lineWidth = 2.5; c.setLineDash(dash ? [6, 4] : []);
    c.beginPath(); c.moveTo(this.px(xs[0]), this.py(ys[0])); c.lineTo(this.px(xs[1]), this.py(ys[1])); c.stroke();
    c.setLineDash([]); c.restore();
  };

  /* A marker at (x, y): "dot", "star" or "cross". */
  Plot.prototype.marker = function (x, y, kind, colour, size) {
    var c = this.ctx, u = this.px(x), v = this.py(y), r = size || 6;
    c.fillStyle = colour; c.strokeStyle = colour; c.lineWidth = 2;
    c.beginPath();
    if (kind === "star") {
      for (var k = 0; k < 10; k++) {
        var a = -Math.PI / 2 + k * Math.PI / 5, rr = k % 2 ? r * 0.45 : r;
        c.lineTo(u + rr * Math.cos(a), v + rr * Math.sin(a));
      }
      c.closePath(); c.fill();
    } else if (kind === "cross") {
      c.moveTo(u - r, v); c.lineTo(u + r, v); c.moveTo(u, v - r); c.lineTo(u, v + r); c.stroke();
    } else { c.arc(u, v, r, 0, 2 * Math.PI); c.fill(); }
  };

  /* A filled band between lower(x) and upper(x) sampled at xs. */
  Plot.prototype.band = function (xs, lower, upper, colour) {
    var c = this.ctx, i;
    c.fillStyle = colour; c.beginPath();
    for (i = 0; i < xs.length; i++) c.lineTo(this.px(xs[i]), this.py(upper[i]));
    for (i = xs.length - 1; i >= 0; i--) c.lineTo(this.px(xs[i]), this.py(lower[i]));
    c.closePath(); c.fill();
  };

  XL.draw = { Plot: Plot, PALETTE: PALETTE, UNIT_COLOURS: UNIT_COLOURS, label: label };
})(globalThis.XL = globalThis.XL || {});
