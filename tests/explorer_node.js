// Runs the page's explorer engine (assets/explorer/) in Node for tests/test_explorer_engine.py.
// stdin: {files: [paths], draws: {...}, runs: [...], inits: [...]}; stdout: the results as JSON.
"use strict";
const fs = require("fs");
const vm = require("vm");

const job = JSON.parse(fs.readFileSync(0, "utf8"));
for (const file of job.files) vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
const XL = globalThis.XL;
XL.DRAWS = job.draws;
const M = XL.matrix;

function params(dict) {
  const out = {};
  for (const [k, rows] of Object.entries(dict)) out[k] = M.fromRows(Array.isArray(rows[0]) ? rows : [rows]);
  return out;
}

function plain(dict) {
  const out = {};
  for (const [k, m] of Object.entries(dict)) out[k] = M.toRows(m);
  return out;
}

const runs = job.runs.map((r) => {
  try {
    const spec = XL.network.makeSpec(r);
    const run = new XL.train.Run(spec, params(r.params), M.fromRows(r.X), M.fromRows(r.y), r.lr, r.mode);
    run.runTo(r.epochs);
    return { losses: run.losses.map((v) => (Number.isFinite(v) ? v : String(v))), solvedAt: run.solvedAt };
  } catch (e) {
    return { error: e.message };
  }
});
// The translated program (chain-rule chapter): outputs on the four XOR inputs after each epoch.
const translations = (job.translations || []).map((t) => {
  const X = M.fromRows([[0, 0], [0, 1], [1, 0], [1, 1]]), Y = M.fromRows([[0], [1], [1], [0]]);
  const prog = XL.translation.program(t.bugs, t.lr), out = [];
  let w = params(t.start);
  for (let e = 0; e <= t.epochs; e++) {
    out.push(Array.from(XL.translation.outputs(prog, w, X).data));
    if (e < t.epochs) w = XL.translation.epoch(prog, w, X, Y);
  }
  return out;
});
// The field guide's planted bugs: the loss before each of `steps` updates and after the last.
const planted = (job.planted || []).map((p) => {
  const imp = XL.planted.implementation(p.bug, p.lr, p.seed), losses = [];
  let q = imp.params;
  for (let k = 0; k <= p.steps; k++) {
    losses.push(imp.loss(q));
    if (k < p.steps) q = imp.step(q, imp.grad(q));
  }
  return losses;
});
const inits = job.inits.map((i) => plain(XL.init.initParams(i.sizes, i.init, i.init_scale, i.seed, i.bias)));
const explorers = Object.keys(XL.EXPLORERS || {});
process.stdout.write(JSON.stringify({ runs, inits, translations, planted, explorers }));
