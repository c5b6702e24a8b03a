"""Figures and display equations as readers see them in Debian's Chromium, on a phone (390 px)
and on a desktop (1280 px), on every page of the book.

Each image: drawn at its own proportions (rendered aspect within 1% of the image's), inside
the text column and not in a box that scrolls, sharp (2 image pixels per CSS pixel) and with
its smallest text at 9 CSS px or more (the size xorlab records in each PNG, scaled as shown).
Each display equation: inside the column, or in a box that scrolls sideways and shows it.
Each frame player: on a phone its frames' phone variants, which its slider swaps, with or
without JavaScript, and its desktop frames again once the window is wide.
"""

import base64
import struct
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from book_pages import ROOT, toc_documents

DOCS = toc_documents()
WIDTHS = (390, 1280)
ASPECT_TOLERANCE = 0.01
MIN_TEXT_PX = 9  # CSS pixels
DENSITY = 2  # image pixels per CSS pixel (xorlab.show.style.DENSITY)
MIN_FONT_KEY = b"xorlab:min-font-px"

# The reader's view, measured in the page: the column is the article's content box.
VIEW = r"""() => {
  const article = document.querySelector("article.bd-article") || document.querySelector("main");
  const a = article.getBoundingClientRect(), style = getComputedStyle(article);
  const column = {left: a.left + parseFloat(style.paddingLeft),
                  right: a.right - parseFloat(style.paddingRight)};
  const seen = e => e.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const clipped = e => {  // an ancestor box that cuts the element off or scrolls it sideways
    for (let p = e.parentElement; p && p !== article; p = p.parentElement)
      if (p.scrollWidth > p.clientWidth + 1 && getComputedStyle(p).overflowX !== "visible")
        return p.tagName.toLowerCase() + "." + [...p.classList].join(".");
    return null;
  };
  const name = e => (e.closest("[id]") || {id: "?"}).id;
  const images = [...article.querySelectorAll("img")].filter(seen).map(i => {
    const r = i.getBoundingClientRect();
    return {src: i.currentSrc, id: name(i), naturalWidth: i.naturalWidth,
            naturalHeight: i.naturalHeight, width: r.width, height: r.height,
            left: r.left, right: r.right, clippedBy: clipped(i),
            player: !!i.closest(".xorlab-player")};
  });
  const equations = [...article.querySelectorAll('mjx-container[display="true"]')]
    .filter(seen).map(m => {
      const math = m.querySelector("mjx-math").getBoundingClientRect();
      const box = m.getBoundingClientRect(), s = getComputedStyle(m);
      return {label: m.getAttribute("aria-label") || m.textContent.slice(0, 60),
              id: name(m), left: math.left, right: math.right,
              boxLeft: box.left, boxRight: box.right,
              fontPx: parseFloat(getComputedStyle(m.querySelector("mjx-math")).fontSize),
              scrolls: ["auto", "scroll"].includes(s.overflowX) && m.scrollWidth > m.clientWidth,
              cue: s.backgroundImage.includes("gradient")};
    });
  return {column, images, equations, pageWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth};
}"""
# ... once the page has typeset and settled its equations
MEASURE = r"""async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise)
    await MathJax.startup.promise;
  await new Promise(r => setTimeout(r, 400));  // let the page settle its equations
  return (VIEW)();
}""".replace("VIEW", VIEW)


def png_min_font(data: bytes):
    """The smallest text in CSS px at the figure's own size, as xorlab records it in a PNG."""
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"tEXt" and body.startswith(MIN_FONT_KEY + b"\0"):
            return float(body.split(b"\0", 1)[1])
        at += 12 + length
    return None


def image_problems(view, read_png):
    """What is wrong with each image as shown; `read_png(src)` gives an image's bytes."""
    problems, column = [], view["column"]
    for i in view["images"]:
        name = f"{i['id']}: {i['src'].rsplit('/', 1)[-1][:20]}"
        if not (i["naturalWidth"] and i["width"] and i["height"]):
            problems.append(f"{name}: not shown")
            continue
        natural = i["naturalWidth"] / i["naturalHeight"]
        shown = i["width"] / i["height"]
        if abs(shown / natural - 1) > ASPECT_TOLERANCE:
            problems.append(f"{name}: drawn at {shown / natural:.3f} of its proportions")
        if i["left"] < column["left"] - 1 or i["right"] > column["right"] + 1:
            problems.append(
                f"{name}: {i['left']:.0f}-{i['right']:.0f} px, column "
                f"{column['left']:.0f}-{column['right']:.0f} px"
            )
        if i["clippedBy"]:
            problems.append(f"{name}: cut off or scrolled by {i['clippedBy']}")
        png = read_png(i["src"])  # the file the browser chose (a frame player's: a data: URL)
        density = struct.unpack(">I", png[16:20])[0] / i["width"]
        if density < DENSITY - 0.01:
            problems.append(f"{name}: {density:.2f} image px per CSS px")
        min_font = png_min_font(png)  # CSS px when shown at pixels / DENSITY
        if min_font is None:
            problems.append(f"{name}: not drawn by xorlab.plots.figure_png (no text size)")
        elif min_font * DENSITY / density < MIN_TEXT_PX:
            problems.append(f"{name}: smallest text {min_font * DENSITY / density:.1f} CSS px")
    return problems


def equation_problems(view):
    """Display equations neither inside the column nor in a visibly scrolling box of it."""
    problems, column = [], view["column"]
    for e in view["equations"]:
        inside = e["left"] >= column["left"] - 1 and e["right"] <= column["right"] + 1
        box_inside = e["boxLeft"] >= column["left"] - 1 and e["boxRight"] <= column["right"] + 1
        if not inside and not (e["scrolls"] and e["cue"] and box_inside):
            problems.append(f"{e['id']}: {e['label'][:70]!r} cut at the column's edge")
    return problems


@pytest.fixture(scope="module")
def view(browser, base_url):
    @cache
    def visit(doc, width):
        page = browser.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        try:
            page.goto(f"{base_url}{doc}.html", wait_until="load")
            return page.evaluate(MEASURE)
        finally:
            page.close()

    return visit


PAGES = [pytest.param(doc, width, id=f"{doc}@{width}") for doc in DOCS for width in WIDTHS]


def _reader(html_dir):
    def read_png(src):
        if src.startswith("data:image/png;base64,"):
            return base64.b64decode(src.split(",", 1)[1])
        return (Path(html_dir) / unquote(urlsplit(src).path).lstrip("/")).read_bytes()

    return read_png


@pytest.mark.parametrize("doc, width", PAGES)
def test_images_keep_their_proportions_fit_the_column_and_read(view, html_dir, doc, width):
    v = view(doc, width)
    problems = image_problems(v, _reader(html_dir))
    assert not problems, f"at {width} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("doc, width", PAGES)
def test_display_equations_fit_or_scroll_visibly(view, doc, width):
    v = view(doc, width)
    assert v["pageWidth"] <= v["viewport"], "the page scrolls sideways"
    problems = equation_problems(v)
    assert not problems, f"at {width} px:\n" + "\n".join(problems)


def _source(doc) -> str:
    return next(
        p.read_text(encoding="utf-8")
        for p in ROOT.glob(f"{doc}.*")
        if p.suffix in {".ipynb", ".md"}
    )


PLAYER_DOCS = [doc for doc in DOCS if "frame_player(" in _source(doc)]

# Each frame player's frames as its HTML holds them now: the desktop frame (the image's src)
# and the phone variant (its <picture> source's srcset).
FRAMES = """() => [...document.querySelectorAll(".xorlab-player")].map(f => ({
  id: f.id, wide: f.querySelector("img").getAttribute("src"),
  narrow: f.querySelector("source")?.getAttribute("srcset").split(" ")[0]}))"""


def _players(page, width, read_png, scripts=True):
    """At `width`: each frame player's frames, the URL of the image it shows, and what is
    wrong with that image as shown (see `image_problems`). A page without `scripts` runs
    no timers: it is given the time to settle from here."""
    page.set_viewport_size({"width": width, "height": 900})
    if not scripts:
        page.wait_for_timeout(400)
    view = page.evaluate(MEASURE if scripts else VIEW)
    view["images"] = [i for i in view["images"] if i["player"]]
    frames = page.evaluate(FRAMES)
    assert len(view["images"]) == len(frames), "a frame player shows no image"
    shown = [i["src"] for i in view["images"]]
    return frames, shown, image_problems(view, read_png)


def _showing(shown, frames, kind) -> bool:
    """Whether each player shows its current frame's `kind` ("wide" or "narrow") form."""
    return len(shown) == len(frames) and all(s == f[kind] for s, f in zip(shown, frames))


def test_there_is_a_frame_player_to_check():
    assert PLAYER_DOCS, "no page has a frame player: the tests below check nothing"


@pytest.mark.parametrize("doc", PLAYER_DOCS)
def test_frame_players_show_phone_variants_that_the_slider_swaps(browser, base_url, html_dir, doc):
    read_png, page = _reader(html_dir), browser.new_page()
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{base_url}{doc}.html", wait_until="load")
        frames, shown, problems = _players(page, 1280, read_png)
        assert _showing(shown, frames, "wide"), "at 1280 px a frame player shows no desktop frame"
        assert not problems, "at 1280 px:\n" + "\n".join(problems)
        frames, shown, problems = _players(page, 390, read_png)  # narrowed: re-chosen
        first = [f["narrow"] for f in frames]
        assert _showing(shown, frames, "narrow"), "at 390 px a frame player shows no phone variant"
        assert not problems, "at 390 px:\n" + "\n".join(problems)
        for slider in page.locator('.xorlab-player input[type="range"]').all():
            slider.fill(slider.get_attribute("max"))
        frames, shown, problems = _players(page, 390, read_png)
        assert _showing(shown, frames, "narrow"), "the slider left the phone variant"
        assert all(now != then for now, then in zip(shown, first)), "the slider changed nothing"
        assert not problems, "at 390 px, slider moved:\n" + "\n".join(problems)
        frames, shown, problems = _players(page, 1280, read_png)  # widened: the same frame
        assert _showing(shown, frames, "wide"), "widened again, the desktop frame is not back"
        assert not problems, "at 1280 px, slider moved:\n" + "\n".join(problems)
    finally:
        page.close()


@pytest.fixture(scope="module")
def no_script_page(playwright, base_url):
    """A page of Chromium with JavaScript off, that may reach the served book only."""
    from conftest import CHROMIUM, CHROMIUM_ARGS

    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    context = chromium.new_context(java_script_enabled=False)

    def offline(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            route.abort("internetdisconnected")

    context.route("**/*", offline)
    yield context.new_page()
    chromium.close()


@pytest.mark.parametrize("doc", PLAYER_DOCS)
def test_frame_players_show_their_first_frame_without_javascript(
    no_script_page, base_url, html_dir, doc
):
    page, read_png = no_script_page, _reader(html_dir)
    page.goto(f"{base_url}{doc}.html", wait_until="load")
    for width, kind in ((390, "narrow"), (1280, "wide")):
        frames, shown, problems = _players(page, width, read_png, scripts=False)
        assert _showing(shown, frames, kind), f"at {width} px, without JavaScript: not {kind}"
        assert not problems, f"at {width} px, without JavaScript:\n" + "\n".join(problems)
