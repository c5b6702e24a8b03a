// Loaded on pages with embedded widgets, after require.js and before the widget manager.
(function () {
  // The manager's AMD modules compute their public path (where their icon fonts live) from
  // their own URL. Point every module at npm/html-manager/, next to the fonts, instead of the
  // page's folder.
  const vendor = new URL("npm/html-manager/", document.currentScript.src).href;
  const paths = { "@jupyter-widgets/html-manager/dist/libembed-amd": vendor + "libembed-amd" };
  for (const name of ["base", "controls", "base7", "controls7", "html-manager"]) {
    paths["@jupyter-widgets/" + name] = vendor + name;
  }
  require.config({ paths: paths });

  // ipywidgets 8 still typesets through MathJax 2's MathJax.Hub.Queue; the book loads
  // MathJax 3. Forward those calls once MathJax 3 has started.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.MathJax && !window.MathJax.Hub) {
      window.MathJax.Hub = {
        Queue: function (command) {
          MathJax.startup.promise.then(function () {
            return MathJax.typesetPromise([command[2]]);
          });
        },
      };
    }
  });

  // Accessible names the widget manager leaves out: controls are named by their widget's
  // description; a figure inside a widget is the explorer's snapshot at its stored settings.
  const SNAPSHOT_ALT =
    "Figure drawn by the explorer at the settings shown; run the notebook to change them.";
  function nameWidgets() {
    const controls = ".jupyter-widgets :is(input, select, textarea, [role=slider])";
    for (const control of document.querySelectorAll(controls)) {
      if (control.getAttribute("aria-label") || (control.id && document.querySelector(`label[for="${control.id}"]`))) {
        continue;
      }
      const widget = control.closest(".widget-inline-hbox, .widget-inline-vbox, .jupyter-widgets");
      const label = widget && widget.querySelector(".widget-label");
      control.setAttribute("aria-label", (label && label.textContent.trim()) || "control");
    }
    for (const image of document.querySelectorAll(".jupyter-widgets img:not([alt])")) {
      image.alt = SNAPSHOT_ALT;
    }
  }
  new MutationObserver(nameWidgets).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
