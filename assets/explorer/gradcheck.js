/* A gradient check: central finite differences of a loss against a computed gradient, array
 * by array, summarised as xorlab.gradcheck does (relative error, cosine, ratio of norms). */
(function (XL) {
  "use strict";
  var EPS = 1e-6, TOL = 1e-5, FLOOR = 1e-8;

  /* loss(params) -> number; grads: {name: matrix} at params; pattern(params) -> a string
   * that changes when a step crosses a kink (optional). Returns [{name, relError, cosine,
   * normRatio, ok, kinks}] in the order of grads' keys; entries whose +eps or -eps step
   * crosses a kink are left out, as xorlab does. params are restored afterwards. */
  function check(loss, params, grads, pattern) {
    var base = pattern ? pattern(params) : "";
    return Object.keys(grads).map(function (k) {
      var w = params[k].data, g = grads[k].data, num = new Float64Array(w.length), skip = [], kinks = 0;
      for (var i = 0; i < w.length; i++) {
        var keep = w[i];
        w[i] = keep + EPS; var up = loss(params), upPattern = pattern ? pattern(params) : "";
        w[i] = keep - EPS; var down = loss(params), downPattern = pattern ? pattern(params) : "";
        w[i] = keep;
        num[i] = (up - down) / (2 * EPS);
        skip[i] = upPattern !== base || downPattern !== base;
        kinks += skip[i] ? 1 : 0;
      }
      var dot = 0, na = 0, nn = 0, diff = 0, scale = FLOOR;
      for (i = 0; i < w.length; i++) {
        if (skip[i]) continue;
        dot += g[i] * num[i]; na += g[i] * g[i]; nn += num[i] * num[i];
        diff = Math.max(diff, Math.abs(g[i] - num[i]));
        scale = Math.max(scale, Math.abs(g[i]), Math.abs(num[i]));
      }
      var rel = diff / scale;
      return {
        name: k, relError: rel, ok: rel < TOL, kinks: kinks,
        cosine: na > 0 && nn > 0 ? dot / Math.sqrt(na * nn) : NaN,
        normRatio: nn > 0 ? Math.sqrt(na / nn) : NaN,
      };
    });
  }

  /* An HTML table of a check's rows, with a verdict line. */
  function table(rows, against) {
    var fmt = function (v) { return isFinite(v) ? v.toPrecision(3) : "n/a"; };
    var bad = rows.filter(function (r) { return !r.ok; }).map(function (r) { return r.name; });
    var head = "<p class=\"xl-verdict\">" + (bad.length ? "\u2718 " : "\u2714 ") + "Gradient check against " + against + ": " +
      (bad.length ? "fails for " + bad.join(", ") : "passes for every array") + "</p>";
    return head + "<table><thead><tr><th scope=\"col\">array</th><th scope=\"col\">relative error</th>" +
      "<th scope=\"col\">cosine</th><th scope=\"col\">norm ratio</th></tr></thead><tbody>" +
      rows.map(function (r) {
        return "<tr><th scope=\"row\">" + r.name + "</th><td>" + fmt(r.relError) + "</td><td>" + fmt(r.cosine) +
          "</td><td>" + fmt(r.normRatio) + (r.kinks ? " (" + r.kinks + " on a kink, skipped)" : "") + "</td></tr>";
      }).join("") + "</tbody></table>";
  }

  XL.gradcheck = { check: check, table: table, EPS: EPS, TOL: TOL };
})(globalThis.XL = globalThis.XL || {});
