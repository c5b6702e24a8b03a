/* Training by gradient descent, full-batch or per sample, as xorlab.train_many does it:
 * each epoch first evaluates the whole data set (loss, outputs, solved?), then steps. */
(function (XL) {
  "use strict";
  var M = XL.matrix, N = XL.network;

  /* params -= lr * grads, in place. */
  function update(params, grads, lr) {
    Object.keys(grads).forEach(function (k) {
      var p = params[k].data, g = grads[k].data;
      for (var i = 0; i < p.length; i++) p[i] -= lr * g[i];
    });
  }

  /* Every output strictly on the right side of 0.5. */
  function solved(P, Y) {
    for (var i = 0; i < P.data.length; i++) {
      var p = P.data[i];
      if (p === 0.5 || (p > 0.5) !== (Y.data[i] > 0.5)) return false;
    }
    return true;
  }

  /* A run: spec, params (changed in place), data, lr and mode ("batch" or "sample").
   * run.losses[e] is the loss before epoch e; run.solvedAt the first such epoch solved;
   * run.seen[e] what the optional watch(pass) returned then. */
  function Run(spec, params, X, Y, lr, mode, watch) {
    this.spec = spec; this.params = params; this.X = X; this.Y = Y;
    this.lr = lr; this.mode = mode || "batch"; this.watch = watch;
    this.epoch = 0; this.losses = []; this.seen = []; this.solvedAt = null;
    this.look();
  }

  /* Evaluate the whole data set now: record the loss and whether it is solved. */
  Run.prototype.look = function () {
    var c = N.forward(this.spec, this.params, this.X, this.Y);
    this.losses[this.epoch] = N.lossOf(c);
    this.outputs = c.p;
    if (this.solvedAt === null && solved(this.outputs, this.Y)) this.solvedAt = this.epoch;
    if (this.watch) this.seen[this.epoch] = this.watch(c);
    this.pass = c;
  };

  /* One epoch: one full-batch step, or one step per sample in order. */
  Run.prototype.step = function () {
    var s = this.spec;
    if (this.mode === "batch") {
      update(this.params, N.backward(this.pass), this.lr);
    } else {
      for (var i = 0; i < this.X.rows; i++) {
        var c = N.forward(s, this.params, M.rowsOf(this.X, i, i + 1), M.rowsOf(this.Y, i, i + 1));
        update(this.params, N.backward(c), this.lr);
      }
    }
    this.epoch += 1;
    this.look();
  };

  /* Run until epoch `until`. */
  Run.prototype.runTo = function (until) {
    while (this.epoch < until) this.step();
    return this;
  };

  Run.prototype.success = function () { return solved(this.outputs, this.Y); };

  XL.train = { Run: Run, update: update, solved: solved };
})(globalThis.XL = globalThis.XL || {});
