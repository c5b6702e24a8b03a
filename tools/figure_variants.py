"""Sphinx extension: figures and display equations that fit a phone's column.

Figures: `xorlab.plots.figure_png` stores, for a figure wider than a phone's column, a variant
drawn for it (panels stacked in one column) in the output's metadata under NARROW_KEY. Here
each such image becomes, in the HTML,
`<picture><source media="(max-width: 575.98px)" srcset="..._images/<sha256>.png 2x"><img ...>
</picture>`, with the variant written next to the other images: phones load the variant,
larger screens the figure as the notebook shows it. assets/figures.css sizes both.

Equations: MathJax 3 breaks no lines. After typesetting, and again when the window is
resized, a display equation wider than its column is scaled down to fit, to no less than
MIN_MATH_SCALE of its size; one that still does not fit gets the class `xorlab-wide`, which
figures.css draws as a box that scrolls sideways with a visible shadow at the hidden side.
"""

import base64
import hashlib
import json
from pathlib import Path

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

NARROW_KEY = "xorlab:narrow"  # as in xorlab.show.png (the build does not import xorlab)
PHONE_MEDIA = "(max-width: 575.98px)"  # the theme's narrowest breakpoint, as in figures.css
MIN_MATH_SCALE = 0.7
VARIANT = "xorlab_narrow"  # the image node's attribute holding the variant's PNG (base64)

FIT_MATH_JS = (
    """(function () {
  var MIN = MIN_MATH_SCALE;
  function fit() {
    document.querySelectorAll('mjx-container[display="true"]').forEach(function (box) {
      var math = box.querySelector("mjx-math");
      if (!math) return;
      math.style.fontSize = "";
      box.classList.remove("xorlab-wide");
      var room = box.clientWidth, need = math.getBoundingClientRect().width;
      if (!room || need <= room) return;
      var scale = Math.max(MIN, Math.floor((room / need) * 1000) / 1000);
      math.style.fontSize = scale * 100 + "%";
      if (math.getBoundingClientRect().width > room + 1) box.classList.add("xorlab-wide");
    });
  }
  var timer;
  function start() {
    if (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) return;
    MathJax.startup.promise.then(function () {
      fit();
      document.documentElement.dataset.xorlabMathFitted = "true";
    });
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(fit, 150);
    });
  }
  window.addEventListener("load", start);
})();"""
).replace("MIN_MATH_SCALE", str(MIN_MATH_SCALE))


def _variants(path: Path) -> dict[str, str]:
    """{sha256 of a figure's PNG: its narrow variant's PNG, base64} for the notebook at `path`."""
    found = {}
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            narrow = output.get("metadata", {}).get("image/png", {}).get(NARROW_KEY)
            if png and narrow:
                png = "".join(png) if isinstance(png, list) else png
                found[hashlib.sha256(base64.b64decode(png)).hexdigest()] = narrow["png"]
    return found


def mark_variants(app, doctree):
    """Attach its narrow variant to each notebook image that has one (myst-nb names an
    output's image file by the sha256 of its bytes)."""
    path = Path(app.env.doc2path(app.env.docname))
    if path.suffix != ".ipynb":
        return
    variants = _variants(path)
    for image in doctree.findall(nodes.image):
        narrow = variants.get(Path(image["uri"]).stem)
        if narrow:
            image[VARIANT] = narrow


def visit_image(self, node):
    narrow = node.get(VARIANT)
    if narrow and self.builder.format == "html":
        data = base64.b64decode(narrow)
        name = hashlib.sha256(data).hexdigest() + ".png"
        target = Path(self.builder.outdir) / self.builder.imagedir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_bytes(data)
        src = f"{self.builder.imgpath}/{name}"
        self.body.append(
            f'<picture class="xorlab-figure"><source media="{PHONE_MEDIA}" srcset="{src} 2x">'
        )
    HTML5Translator.visit_image(self, node)


def depart_image(self, node):
    HTML5Translator.depart_image(self, node)
    if node.get(VARIANT) and self.builder.format == "html":
        self.body.append("</picture>")


def setup(app):
    app.connect("doctree-read", mark_variants)
    app.add_node(nodes.image, override=True, html=(visit_image, depart_image))
    # after book.css (html_css_files come at priority 800), so that these rules win
    app.add_css_file("figures.css", priority=900)
    app.add_js_file(None, body=FIT_MATH_JS, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
