/* The explorer on the page: labelled native controls, reset / step / play, the state in the
 * URL, live redrawing, and a probe that reads every unit's value at a point.
 *
 * An explorer definition (explorers.js) gives `controls` and `build(state)`, which returns a
 * model: {epoch, target, step(), views: [...], status()}; each view draws itself on a canvas
 * (`draw(canvas)`, `alt()`) or fills an element (`html()`), and may `probe(x, y)`. */
(function (XL) {
  "use strict";
  var BUDGET_MS = 25, REDRAW_MS = 250;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function shown(c, v) { return c.format ? c.format(v) : String(v); }

  /* Parse a URL value for control c; undefined when it is not one of c's values. */
  function parse(c, text) {
    if (c.type === "checkbox") return text === "1" ? true : text === "0" ? false : undefined;
    var found = c.values.filter(function (v) { return String(v) === text; });
    return found.length ? found[0] : undefined;
  }

  function Explorer(root, def, name) {
    this.root = root; this.def = def; this.name = name; this.state = {}; this.inputs = {};
    this.job = null; this.playing = false;
    var self = this;
    def.controls.forEach(function (c) {
      if (c.type !== "checkbox" && !c.values) throw new Error("control " + c.name + " has no values");
      self.state[c.name] = c.value;
    });
    var wanted = this.readUrl();
    this.render();
    this.rebuild(wanted);
  }

  /* State from the page URL: ?<explorer>.<control>=<value>&<explorer>.epoch=<n>. */
  Explorer.prototype.readUrl = function () {
    var q = new URLSearchParams(window.location.search), self = this, epoch = null;
    this.def.controls.forEach(function (c) {
      var v = q.get(self.name + "." + c.name);
      if (v !== null && parse(c, v) !== undefined) self.state[c.name] = parse(c, v);
    });
    var e = q.get(this.name + ".epoch");
    if (e !== null && /^\d+$/.test(e)) epoch = Math.min(parseInt(e, 10), 100000);
    return epoch;
  };

  Explorer.prototype.writeUrl = function () {
    var url = new URL(window.location.href), self = this;
    this.def.controls.forEach(function (c) {
      var v = self.state[c.name];
      url.searchParams.set(self.name + "." + c.name, c.type === "checkbox" ? (v ? "1" : "0") : String(v));
    });
    if (this.model && this.model.epoch !== this.model.target) url.searchParams.set(this.name + ".epoch", String(this.model.epoch));
    else url.searchParams.delete(this.name + ".epoch");
    try { window.history.replaceState(window.history.state, "", url.toString()); } catch (e) { /* file:// */ }
    this.link.href = url.toString();
  };

  Explorer.prototype.control = function (c) {
    var id = this.name + "-" + c.name, self = this, wrap = el("div", { class: "xl-control" }), input, out;
    if (c.type === "checkbox") {
      input = el("input", { type: "checkbox", id: id });
      input.checked = this.state[c.name];
      wrap.appendChild(input);
      wrap.appendChild(el("label", { for: id }, c.label));
      input.addEventListener("change", function () { self.set(c.name, input.checked); });
    } else if (c.type === "select") {
      wrap.appendChild(el("label", { for: id }, c.label));
      input = el("select", { id: id });
      c.values.forEach(function (v) { input.appendChild(el("option", { value: String(v) }, shown(c, v))); });
      input.value = String(this.state[c.name]);
      wrap.appendChild(input);
      input.addEventListener("change", function () { self.set(c.name, parse(c, input.value)); });
    } else {
      wrap.appendChild(el("label", { for: id }, c.label));
      input = el("input", { type: "range", id: id, min: "0", max: String(c.values.length - 1), step: "1" });
      input.value = String(c.values.indexOf(this.state[c.name]));
      out = el("output", { for: id, id: id + "-value" }, shown(c, this.state[c.name]));
      input.setAttribute("aria-valuetext", shown(c, this.state[c.name]));
      wrap.appendChild(input);
      wrap.appendChild(out);
      input.addEventListener("input", function () {
        var v = c.values[parseInt(input.value, 10)];
        out.textContent = shown(c, v);
        input.setAttribute("aria-valuetext", shown(c, v));
        self.set(c.name, v);
      });
    }
    if (c.help) input.setAttribute("title", c.help);
    this.inputs[c.name] = input;
    return wrap;
  };

  Explorer.prototype.render = function () {
    var r = this.root, self = this, def = this.def;
    r.innerHTML = "";
    r.classList.add("xl-explorer");
    r.setAttribute("role", "group");
    r.setAttribute("aria-labelledby", this.name + "-title");
    r.appendChild(el("p", { class: "xl-title", id: this.name + "-title" }, def.title));
    r.appendChild(el("p", { class: "xl-intro" }, "It runs in your browser, no kernel needed: the book's JavaScript engine computes what xorlab computes (the same losses to 1e-9), from the same initial weights."));
    if (def.intro) r.appendChild(el("p", { class: "xl-intro" }, def.intro));
    var controls = el("div", { class: "xl-controls" });
    def.controls.forEach(function (c) { controls.appendChild(self.control(c)); });
    r.appendChild(controls);
    var bar = el("div", { class: "xl-buttons" });
    this.resetButton = el("button", { type: "button", title: "Back to epoch 0 with the same initial weights" }, "Reset");
    this.stepButton = el("button", { type: "button", title: "Train one more epoch" }, "Step");
    this.playButton = el("button", { type: "button", "aria-pressed": "false", title: "Replay the training from epoch 0" }, "Play");
    this.link = el("a", { class: "xl-link", href: "#" }, "Link to this state");
    [this.resetButton, this.stepButton, this.playButton, this.link].forEach(function (b) { bar.appendChild(b); });
    r.appendChild(bar);
    if (def.presets) {
      var presets = el("div", { class: "xl-buttons", role: "group", "aria-labelledby": this.name + "-presets" });
      presets.appendChild(el("span", { id: this.name + "-presets" }, "Settings from the chapter:"));
      def.presets.forEach(function (p) {
        var b = el("button", { type: "button", class: "xl-preset" }, p.label);
        b.addEventListener("click", function () { self.apply(p.state); });
        presets.appendChild(b);
      });
      r.appendChild(presets);
    }
    this.resetButton.addEventListener("click", function () { self.stop(); self.goTo(0); });
    this.stepButton.addEventListener("click", function () {
      self.stop();
      if (self.model && self.model.epoch < self.model.target) self.goTo(self.model.epoch + 1);
    });
    this.playButton.addEventListener("click", function () { if (self.playing) self.stop(); else self.play(); });
    // the stage (status and drawings) stays in view on a phone while the controls are used
    var stage = el("div", { class: "xl-stage" });
    this.statusLine = el("p", { class: "xl-status", role: "status", "aria-live": "polite" });
    stage.appendChild(this.statusLine);
    this.viewBox = el("div", { class: "xl-views" });
    stage.appendChild(this.viewBox);
    r.appendChild(stage);
    this.probeLine = el("p", { class: "xl-probe", id: this.name + "-probe", "aria-live": "polite" },
      "Point at the output map (or focus it and use the arrow keys) to read every unit's value there.");
    if (def.probe !== false) r.appendChild(this.probeLine);
  };

  /* New model for the current state; train it to `epoch` (default: the target). */
  Explorer.prototype.rebuild = function (epoch) {
    this.stop();
    this.gate();
    try {
      this.model = this.def.build(this.state);
      this.error = null;
    } catch (e) {
      this.model = null; this.error = e.message;
    }
    this.layoutViews();
    if (!this.model) { this.statusLine.textContent = "This setting cannot run: " + this.error; return; }
    this.goTo(epoch === null || epoch === undefined ? this.model.target : epoch);
  };

  Explorer.prototype.layoutViews = function () {
    var box = this.viewBox, self = this;
    box.innerHTML = "";
    this.viewEls = [];
    if (!this.model) return;
    this.model.views.forEach(function (v, i) {
      var fig = el("figure", { class: "xl-view" + (v.wide ? " xl-wide" : "") }), node;
      if (v.draw) {
        node = el("canvas", { role: "img", width: "300", height: v.height || "260", class: "xl-canvas" });
        node.style.height = (v.height || 260) + "px";
        if (v.probe) {
          node.setAttribute("tabindex", "0");
          node.setAttribute("aria-describedby", self.name + "-probe");
          self.probeOn(node, v);
        }
      } else {
        // a table taller than the stage scrolls in its box: reachable from the keyboard too
        node = el("div", { class: "xl-table", tabindex: "0", role: "region", "aria-label": v.caption });
      }
      fig.appendChild(node);
      fig.appendChild(el("figcaption", {}, v.caption));
      box.appendChild(fig);
      self.viewEls[i] = node;
    });
  };

  Explorer.prototype.probeOn = function (canvas, view) {
    var self = this, at = [0.5, 0.5];
    function show() {
      var text = view.probe(at[0], at[1]);
      if (text) self.probeLine.textContent = text;
      self.model.at = at;
      self.model.views.forEach(function (v, i) {
        if (v === view || v.usesProbe) { v.draw(self.viewEls[i]); self.viewEls[i].setAttribute("aria-label", v.alt()); }
      });
    }
    canvas.addEventListener("mousemove", function (e) {
      var box = canvas.getBoundingClientRect(), d = view.plot && view.plot.data(e.clientX - box.left, e.clientY - box.top);
      if (d) { at = d; show(); }
    });
    canvas.addEventListener("keydown", function (e) {
      var moves = { ArrowLeft: [-0.05, 0], ArrowRight: [0.05, 0], ArrowUp: [0, 0.05], ArrowDown: [0, -0.05] }, m = moves[e.key];
      if (!m) return;
      e.preventDefault();
      at = [Math.min(1.25, Math.max(-0.25, at[0] + m[0])), Math.min(1.25, Math.max(-0.25, at[1] + m[1]))];
      show();
    });
    canvas.addEventListener("focus", show);
  };

  Explorer.prototype.redraw = function () {
    var self = this, m = this.model;
    m.views.forEach(function (v, i) {
      var node = self.viewEls[i];
      if (v.draw) { v.draw(node); node.setAttribute("aria-label", v.alt()); }
      else node.innerHTML = v.html();
    });
    this.statusLine.textContent = m.status() + (this.def.note ? this.def.note(this.state) : "");
    this.playButton.disabled = m.target === 0;
    this.stepButton.disabled = m.epoch >= m.target;
    this.root.dataset.epoch = String(m.epoch);
    this.writeUrl();
  };

  /* Train (or restart and train) to epoch `e`, a time slice per frame, redrawing as it goes. */
  Explorer.prototype.goTo = function (e, perFrame) {
    var self = this, m = this.model, token = {};
    if (!m) return;
    if (e < m.epoch) { m.restart(); }
    this.job = token;
    this.root.dataset.state = "running";
    var drawn = 0;
    function slice() {
      if (self.job !== token) return;
      var t0 = performance.now(), n = 0;
      while (m.epoch < e && (perFrame ? n < perFrame : performance.now() - t0 < BUDGET_MS)) { m.step(); n++; }
      // an animation draws every frame; a jump draws now and then, and at its end
      if (perFrame || m.epoch >= e || t0 - drawn > REDRAW_MS) { self.redraw(); drawn = performance.now(); }
      if (m.epoch < e) { window.requestAnimationFrame(slice); return; }
      self.job = null;
      self.setPlaying(false);
      self.root.dataset.state = "idle";
    }
    slice();
  };

  Explorer.prototype.play = function () {
    var m = this.model;
    if (!m) return;
    if (m.epoch >= m.target) m.restart();
    this.setPlaying(true);
    this.goTo(m.target, Math.max(1, Math.ceil(m.target / 90)));
  };

  Explorer.prototype.setPlaying = function (on) {
    this.playing = on;
    this.playButton.textContent = on ? "Pause" : "Play";
    this.playButton.setAttribute("aria-pressed", on ? "true" : "false");
  };

  Explorer.prototype.stop = function () {
    if (this.job) { this.job = null; this.root.dataset.state = "idle"; }
    if (this.playing) this.setPlaying(false);
  };

  /* Set several controls at once (a preset) and retrain. */
  Explorer.prototype.apply = function (values) {
    var self = this;
    this.def.controls.forEach(function (c) {
      var v = c.name in values ? values[c.name] : c.value, input = self.inputs[c.name];
      self.state[c.name] = v;
      if (c.type === "checkbox") input.checked = v;
      else if (c.type === "select") input.value = String(v);
      else {
        input.value = String(c.values.indexOf(v));
        input.setAttribute("aria-valuetext", shown(c, v));
        input.nextSibling.textContent = shown(c, v);
      }
    });
    this.rebuild();
  };

  Explorer.prototype.set = function (name, value) {
    this.state[name] = value;
    this.rebuild();
  };

  /* Disable the controls that do nothing in the current state (their `enabled(state)` says). */
  Explorer.prototype.gate = function () {
    var self = this;
    this.def.controls.forEach(function (c) {
      if (c.enabled) self.inputs[c.name].disabled = !c.enabled(self.state);
    });
  };

  /* Mount every <div class="xorlab-live" data-explorer="name"> of the page; redraw them at
   * their new size when the window changes size. */
  function mountAll() {
    var all = [];
    document.querySelectorAll(".xorlab-live[data-explorer]").forEach(function (root) {
      var name = root.getAttribute("data-explorer"), def = XL.EXPLORERS[name];
      if (!def) { root.textContent = "Unknown explorer " + name; return; }
      root.explorer = new Explorer(root, def, name);
      all.push(root.explorer);
    });
    function stickBelowHeader() {
      var header = document.querySelector(".bd-header-article"), top = 0;
      if (header && /sticky|fixed/.test(getComputedStyle(header).position)) top = header.getBoundingClientRect().height;
      document.documentElement.style.setProperty("--xl-sticky-top", top + "px");
    }
    stickBelowHeader();
    window.addEventListener("resize", function () {
      stickBelowHeader();
      all.forEach(function (x) { if (x.model) x.redraw(); });
    });
  }

  XL.ui = { Explorer: Explorer, mountAll: mountAll };
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
    else mountAll();
  }
})(globalThis.XL = globalThis.XL || {});
