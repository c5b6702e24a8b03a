"""Every page of the book in Debian's Chromium, offline, as readers see it on a phone (390 px)
and on a desktop (1280 px): it renders, navigates, typesets, shows sharp legible figures, keeps
answers hidden, stays light and is accessible.

Each page is loaded once per width (`survey`); the facts are gathered in the browser, and each
test below asserts one promise over all of them.
"""

import re
from functools import cache

import pytest
from book_pages import ROOT, chapter_notebooks, toc_documents

AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"
DOCS = toc_documents()
NOTEBOOK_DOCS = sorted(str(p.relative_to(ROOT).with_suffix("")) for p in chapter_notebooks())
WIDTHS = (390, 1280)
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
PAGE_BUDGET = 4_000_000  # bytes, uncompressed, all requests of one page

# What "visible" means in every check below (the themes hide drawers with `visibility`).
SEEN_JS = "window.SEEN = {visibilityProperty: true, opacityProperty: true};"

# Visible text outside code and typeset maths: no TeX delimiter may be left. Inside typeset
# maths (MathJax's assistive MathML), text holding a backslash is a command MathJax printed.
RAW_MATH = r"""() => {
  const main = document.querySelector("main").cloneNode(true);
  main.querySelectorAll("pre, code, script, style, mjx-container, .MathJax")
    .forEach(e => e.replaceWith(" "));
  const text = main.textContent, found = [];
  for (const d of ["$", "\\(", "\\[", "\\)", "\\]"]) {
    let i = -1;
    while ((i = text.indexOf(d, i + 1)) >= 0)
      found.push(text.slice(Math.max(0, i - 50), i + 50).replace(/\s+/g, " "));
  }
  document.querySelectorAll("mjx-assistive-mml mtext, mjx-assistive-mml mi")
    .forEach(e => e.textContent.includes("\\") && found.push("typeset: " + e.textContent));
  return found;
}"""

# Sizes and overflow of what the reader sees.
LAYOUT = r"""() => {
  const visible = e => e.checkVisibility(SEEN);
  const overflows = e => e.scrollWidth > e.clientWidth + 1;
  const scrollable = e => {
    for (let a = e; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a).overflowX;
      if ((s === "auto" || s === "scroll") && a.clientWidth > 0) return a;
    }
    return null;
  };
  const main = document.querySelector("main").getBoundingClientRect();
  const label = e => (e.closest("[id]") || {id: "?"}).id + ": " + e.textContent.trim().slice(0, 60);
  return {
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    wideCode: [...document.querySelectorAll("div.cell_input pre, div.highlight pre")]
      .filter(visible).filter(overflows).map(label),
    // A display equation wider than the text must scroll in a box of its own.
    cutMath: [...document.querySelectorAll('mjx-container[display="true"]')].filter(visible)
      .filter(m => m.getBoundingClientRect().right > main.right + 1 && !scrollable(m))
      .map(m => m.getAttribute("aria-label") || label(m)),
    figures: [...document.querySelectorAll("div.cell_output img")]
      .filter(i => !i.closest(".xorlab-player, .widget-subarea")).map(i => ({
        src: i.getAttribute("src"),
        alt: i.getAttribute("alt") || "",
        caption: (i.closest("figure")?.querySelector("figcaption")?.textContent || "").trim(),
      })),
  };
}"""

# Output blocks of each code cell: one block of printed text, no empty boxes.
OUTPUTS = r"""() => { const MEDIA = "img, svg, canvas, iframe, script, .widget-subarea";
return [...document.querySelectorAll("div.cell_output")].flatMap(out => {
  const id = (out.closest(".cell")?.id || out.closest("section")?.id || "?");
  const problems = [];
  const streams = [...out.children].filter(c => c.matches(".output.stream, .output.text_plain"));
  if (streams.length > 1) problems.push(`${id}: ${streams.length} text blocks`);
  const empty = [...out.children].filter(c => !c.textContent.trim() &&
    !c.matches(MEDIA) && !c.querySelector(MEDIA));
  if (empty.length) problems.push(`${id}: ${empty.length} empty output boxes`);
  return problems;
}); }"""

# Feedback lines of the self-checks that a reader sees before opening any solution, each with
# the text of the nearest solution before it and of that solution's exercise.
FEEDBACK = r"""() => {
  const before = (a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING;
  const solutions = [...document.querySelectorAll("main .solution")];
  const lines = [];
  document.querySelectorAll("div.cell_output pre").forEach(pre => {
    if (!pre.checkVisibility(SEEN)) return;
    for (const line of pre.textContent.split("\n")) {
      if (!/^\s*(Correct\.|Not yet\.)/.test(line)) continue;
      const sol = solutions.filter(s => before(pre, s)).pop();
      const exercise = sol && [...document.querySelectorAll("main .exercise")]
        .filter(e => before(sol, e)).pop();
      lines.push({line: line.trim(), solution: sol ? sol.textContent : "",
                  exercise: exercise ? exercise.textContent : ""});
    }
  });
  return {
    lines,
    shownSolutions: solutions
      .filter(s => [...s.children].slice(1).some(c => c.checkVisibility(SEEN))).map(s => s.id),
    solutions: solutions.map(s => s.id),
    exercises: document.querySelectorAll("main .exercise").length,
  };
}"""

# Where a reader taps a solution's title: the middle of its text (not of the box), scrolled
# into view; null when the title shows no text.
TITLE_TEXT = r"""id => {
  const title = document.getElementById(id).firstElementChild;
  title.scrollIntoView({block: "center"});
  const range = document.createRange();
  range.selectNodeContents(title);
  const rects = [...range.getClientRects()].filter(r => r.width > 2 && r.height > 2);
  if (!rects.length) return null;
  const r = rects[Math.floor(rects.length / 2)];
  return {x: r.left + r.width / 2, y: r.top + r.height / 2};
}"""

# Whether a solution's body shows, and where the page is.
SOLUTION_SHOWN = r"""id => ({
  shown: [...document.getElementById(id).children].slice(1).some(c => c.checkVisibility(SEEN)),
  url: location.href,
})"""

# The exercises' self-check verdicts a reader can see (all solutions closed, as at load): the
# outputs from the first exercise on (a chapter's body may show a check's verdict on the bug it
# discusses; that answers no exercise).
VERDICTS = r"""() => [...document.querySelectorAll("main .cell_output")]
  .filter(e => [...document.querySelectorAll("main .exercise")].some(x =>
    x.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING))
  .filter(e => e.checkVisibility(SEEN) && e.getBoundingClientRect().height > 0)
  .flatMap(e => e.innerText.split("\n"))
  .filter(line => /^\s*(Correct\.|Not yet\.)/.test(line)).map(line => line.trim())"""

# Controls in the page's content and their touch targets, in CSS px (WCAG 2.2: 24 x 24).
MIN_TARGET_PX = 24
TARGETS = r"""() => [...document.querySelectorAll(
    "main input:not([type=hidden]), main select, main button, main summary, main .xl-link")]
  .filter(e => e.checkVisibility(SEEN) && e.getBoundingClientRect().width > 0)
  .filter(e => !e.matches("button.copybtn"))  // shown on hover only, where a pointer is
  .map(e => {
    const r = e.getBoundingClientRect();
    return {what: e.id || e.getAttribute("aria-label") || e.textContent.trim().slice(0, 40)
                  || e.tagName, width: r.width, height: r.height};
  })"""

# While a reader moves a control of an explorer or a frame player (scrolled to the middle of
# the screen, as when it is used), the drawings it changes must be on screen, not under the
# page's sticky header: for each control, the drawings that are not.
REACH = r"""async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const header = document.querySelector(".bd-header-article");
  const top = header && /sticky|fixed/.test(getComputedStyle(header).position)
    ? header.getBoundingClientRect().bottom : 0;
  const problems = [];
  const groups = [
    ...[...document.querySelectorAll(".xl-explorer")].map(x => ({
      name: x.dataset.explorer,
      controls: x.querySelectorAll(".xl-controls input, .xl-controls select"),
      plots: x.querySelectorAll(".xl-view canvas, .xl-view .xl-table")})),
    ...[...document.querySelectorAll(".xorlab-player")].map(f => ({
      name: f.id, controls: f.querySelectorAll("input"), plots: f.querySelectorAll("img")})),
  ];
  for (const g of groups) {
    for (const control of g.controls) {
      control.scrollIntoView({block: "center"});
      await frame();
      const c = control.getBoundingClientRect();
      for (const plot of g.plots) {
        const r = plot.getBoundingClientRect();
        // on a phone the drawings sit side by side in a strip that scrolls sideways: a drawing
        // out of the strip's view is one swipe away, but must be at the same height on screen
        const strip = plot.closest(".xl-views");
        const s = strip ? strip.getBoundingClientRect() : {left: 0, right: innerWidth};
        const left = Math.max(r.left, s.left), right = Math.min(r.right, s.right);
        const seen = right > left  // what is drawn on top there: the drawing, or a cover
          ? document.elementFromPoint((left + right) / 2, (r.top + r.bottom) / 2) : plot;
        const onScreen = r.top >= top - 1 && r.bottom <= innerHeight + 1
          && (seen === plot || plot.contains(seen));
        if (!onScreen)
          problems.push(`${g.name}: ${control.id || control.type} at y=${Math.round(c.top)}, ` +
                        `drawing at y=${Math.round(r.top)}..${Math.round(r.bottom)}`);
      }
    }
  }
  return problems;
}"""

# Links to the whole book's PDF, resolved.
PDF_LINKS = """() => [...document.querySelectorAll("a[href$='.pdf']")].map(a => a.href)"""

BROKEN_IMAGES = """() => [...document.images]
  .filter(img => !img.complete || img.naturalWidth === 0)
  .map(img => img.currentSrc.slice(0, 120))"""

SHOWN = "e => !!e && e.checkVisibility(SEEN) && e.getBoundingClientRect().right > 0"


# Until every CSS transition and finite animation of the page has ended (the theme fades
# colours and slides drawers): a check then reads what the reader ends up seeing.
QUIET = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
  Promise.all(document.getAnimations()
    .filter(a => a.effect?.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null))).then(() => done(true)))))"""


def quiet(page):
    """Wait until the page has finished moving and fading."""
    page.evaluate(QUIET)


def _navigation(page, width):
    """What the menu and contents buttons do at this width, and how many search boxes show."""
    facts = {"search boxes": page.evaluate(
        """() => [...document.querySelectorAll(".search-button__button, form.bd-search")]
             .filter(e => e.checkVisibility(SEEN) && e.getBoundingClientRect().width > 0).length"""
    )}  # fmt: skip
    menu = [b for b in page.locator(".primary-toggle").all() if b.is_visible()]
    facts["menu buttons"] = len(menu)
    if len(menu) != 1:
        return facts
    sidebar = page.locator("#pst-primary-sidebar")
    if width >= 992:
        before = sidebar.evaluate(SHOWN)
        menu[0].click()
        quiet(page)
        facts["menu hides the sidebar"] = before and not sidebar.evaluate(SHOWN)
        menu[0].click()
        quiet(page)
        facts["menu shows it again"] = sidebar.evaluate(SHOWN)
        return facts
    menu[0].click()
    quiet(page)
    drawer = page.locator("#pst-primary-sidebar-modal")
    facts["menu opens the drawer"] = drawer.evaluate("d => d.open") and page.evaluate(
        """() => [...document.querySelectorAll("#pst-primary-sidebar-modal a.reference")]
             .filter(a => a.checkVisibility(SEEN)).length"""
    )
    page.keyboard.press("Escape")
    quiet(page)
    contents = [b for b in page.locator(".secondary-toggle").all() if b.is_visible()]
    if page.locator("#pst-secondary-sidebar .page-toc a").count():
        facts["contents buttons"] = len(contents)
        if contents:
            contents[0].click()
            quiet(page)
            facts["contents opens the drawer"] = page.evaluate(
                """() => document.querySelector("#pst-secondary-sidebar-modal").open &&
                   [...document.querySelectorAll("#pst-secondary-sidebar-modal a")]
                   .some(a => a.checkVisibility(SEEN))"""
            )
            page.keyboard.press("Escape")
    return facts


def _tap_title(page, solution_id):
    """Tap the middle of a solution's title text, then again: what the reader sees each time
    (opened, then closed, on the same page)."""
    before = page.url
    facts = {}
    for step in ("first tap opens", "second tap closes"):
        at = page.evaluate(TITLE_TEXT, solution_id)
        if at is None:
            return {"title has no text": False}
        page.mouse.click(at["x"], at["y"])
        quiet(page)
        seen = page.evaluate(SOLUTION_SHOWN, solution_id)
        facts[step] = seen["shown"] == (step == "first tap opens")
        facts[f"{step}, same page"] = seen["url"].split("#")[0] == before.split("#")[0]
    return facts


class Survey:
    """One page at one width: everything the tests check, gathered in a single visit."""

    def __init__(self, browser, url, width):
        self.problems, self.bytes = [], {}
        page = browser.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.add_init_script(SEEN_JS)
        page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url[:150]}"))
        page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"),
        )
        page.on("requestfinished", self._count)
        try:
            page.goto(url, wait_until="load")
            page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
            if page.locator(WIDGET_VIEW).count():
                page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=30_000)
            self.widget_views = page.locator(WIDGET_VIEW).count()
            self.widget_areas = page.locator(".widget-subarea").count()
            self.broken_images = page.evaluate(BROKEN_IMAGES)
            self.raw_math = page.evaluate(RAW_MATH)
            self.math_errors = page.locator("mjx-merror").count()
            self.layout = page.evaluate(LAYOUT)
            self.outputs = page.evaluate(OUTPUTS)
            self.feedback = page.evaluate(FEEDBACK)
            self.verdicts = page.evaluate(VERDICTS)
            self.pdf_links = {url: page.request.get(url).status for url in page.evaluate(PDF_LINKS)}
            self.targets = page.evaluate(TARGETS)
            self.reach = page.evaluate(REACH)
            self.solution_clicks = {s: _tap_title(page, s) for s in self.feedback["solutions"]}
            page.evaluate("() => window.scrollTo(0, 0)")
            self.navigation = _navigation(page, width)
        finally:
            page.close()

    def _count(self, request):
        self.bytes[request.url] = request.sizes()["responseBodySize"]


@pytest.fixture(scope="module")
def survey(browser, base_url):
    @cache
    def visit(doc, width):
        return Survey(browser, f"{base_url}{doc}.html", width)

    return visit


PAGES = [pytest.param(doc, width, id=f"{doc}@{width}") for doc in DOCS for width in WIDTHS]


@pytest.mark.parametrize("doc, width", PAGES)
def test_page_renders_offline_without_errors(survey, doc, width):
    s = survey(doc, width)
    assert not s.problems, "\n".join(s.problems)
    assert not s.broken_images, f"images that did not load: {s.broken_images}"
    assert s.widget_areas == s.widget_views, "some embedded widgets vanished"


@pytest.mark.parametrize("doc, width", PAGES)
def test_menu_and_contents_buttons_work_and_one_search_box(survey, doc, width):
    nav = survey(doc, width).navigation
    assert nav["search boxes"] == 1, nav
    assert nav["menu buttons"] == 1, nav
    assert all(nav.get(k, 1) for k in nav), f"at {width} px: {nav}"
    if width < 992:
        assert nav["menu opens the drawer"], nav
        if "contents buttons" in nav:
            assert nav["contents buttons"] == 1 and nav["contents opens the drawer"], nav
    else:
        assert nav["menu hides the sidebar"] and nav["menu shows it again"], nav


@pytest.mark.parametrize("doc", DOCS)
def test_every_formula_is_typeset(survey, doc):
    s = survey(doc, 1280)
    assert not s.raw_math, "TeX left in the text:\n" + "\n".join(s.raw_math[:20])
    assert s.math_errors == 0, "MathJax could not typeset a formula"


@pytest.mark.parametrize("doc, width", PAGES)
def test_nothing_spills_sideways(survey, doc, width):
    layout = survey(doc, width).layout
    assert layout["pageWidth"] <= layout["viewport"], "the page scrolls sideways"
    assert not layout["cutMath"], f"equations cut off: {layout['cutMath']}"


@pytest.mark.parametrize("doc", NOTEBOOK_DOCS)
def test_code_fits_its_box_at_1280(survey, doc):
    wide = survey(doc, 1280).layout["wideCode"]
    assert not wide, f"{len(wide)} code blocks scroll sideways:\n" + "\n".join(wide[:15])


@pytest.mark.parametrize("doc", DOCS)
def test_one_output_block_per_cell_and_no_empty_boxes(survey, doc):
    problems = survey(doc, 1280).outputs
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("doc, width", PAGES)
def test_figures_are_numbered_and_described(survey, doc, width):
    """Density, text size and fit are test_browser_figures.py's, from the file the browser chose."""
    problems = []
    for f in survey(doc, width).layout["figures"]:
        name = f["src"].rsplit("/", 1)[-1]
        if not f["alt"].strip():
            problems.append(f"{name}: no alt text")
        if not re.match(r"Fig\. \d+(\.\d+)*", f["caption"]):
            problems.append(f"{name}: no numbered caption ({f['caption'][:40]!r})")
    assert not problems, "\n".join(problems)


# What a reader could copy from a feedback line as an answer: a number standing on its own
# (not the 2 of W2 or the 0 of f(0)) with a point, a fraction, an exponent or two digits; a
# single digit when the line states it ("= 4", "is 4", "ratio 4"); a word in capitals (but
# the book's own vocabulary, which answers nothing); a quoted word.
VOCABULARY = {"XOR", "CI"}
ANSWER_TOKEN = re.compile(
    r"(?<![\w.(/-])(-?(?:\d+[.,/]\d+(?:e-?\d+)?|\d+e-?\d+|\d{2,}))(?![\w)])"
    r"|(?:=|\bis|\bratio)\s+(-?\d)(?![\w/]|[.,]\d)"
    r"|\b([A-Z]{2,})\b|('[^']+'|\"[^\"]+\")"
)


def answer_tokens(line):
    tokens = (next(g for g in m.groups() if g) for m in ANSWER_TOKEN.finditer(line))
    return [token for token in tokens if token not in VOCABULARY]


@pytest.mark.parametrize("doc", NOTEBOOK_DOCS)
def test_no_answer_before_its_solution_is_opened(survey, doc):
    """See COORD.md: a visible self-check line may not repeat what only the solution says."""
    s = survey(doc, 1280)
    leaks = []
    for item in s.feedback["lines"]:
        for token in answer_tokens(item["line"]):
            if token in item["solution"] and token not in item["exercise"]:
                leaks.append(f"{item['line']!r} gives away {token!r}")
    assert not leaks, "\n".join(leaks)
    assert not s.feedback["shownSolutions"], "solutions open at load"


@pytest.mark.parametrize("doc, width", PAGES)
def test_no_self_check_verdict_shows_while_the_solutions_are_closed(survey, doc, width):
    """A self-check cell ran on the book's own answer: its verdict is part of the solution."""
    s = survey(doc, width)
    assert not s.feedback["shownSolutions"], "solutions open at load"
    assert not s.verdicts, f"{len(s.verdicts)} verdicts readable:\n" + "\n".join(s.verdicts)


@pytest.mark.parametrize("doc, width", PAGES)
def test_a_tap_on_a_solution_title_opens_it_and_another_closes_it(survey, doc, width):
    s = survey(doc, width)
    clicks = s.solution_clicks
    assert len(clicks) == s.feedback["exercises"], "an exercise without its solution"
    failed = {s: [k for k, ok in facts.items() if not ok] for s, facts in clicks.items()}
    failed = {s: what for s, what in failed.items() if what}
    assert not failed, f"at {width} px: {failed}"


@pytest.mark.parametrize("doc, width", PAGES)
def test_every_control_is_a_big_enough_touch_target(survey, doc, width):
    small = [t for t in survey(doc, width).targets
             if min(t["width"], t["height"]) < MIN_TARGET_PX - 0.5]  # fmt: skip
    listing = [f"{t['what']!r}: {t['width']:.0f} x {t['height']:.0f} px" for t in small]
    assert not small, f"targets under {MIN_TARGET_PX} px at {width} px:\n" + "\n".join(listing)


@pytest.mark.parametrize("doc, width", PAGES)
def test_the_drawing_a_control_changes_is_on_screen_while_it_is_used(survey, doc, width):
    reach = survey(doc, width).reach
    assert not reach, f"at {width} px:\n" + "\n".join(reach[:20])


@pytest.mark.parametrize("doc, width", PAGES)
def test_a_pdf_link_leads_to_the_pdf(survey, doc, width):
    """The whole book's PDF is linked only where it exists (tools/book_pdf.py adds the link)."""
    dead = {url: status for url, status in survey(doc, width).pdf_links.items() if status != 200}
    assert not dead, dead


@pytest.mark.parametrize("doc", DOCS)
def test_page_weight(survey, doc):
    s = survey(doc, 1280)
    assert not s.widget_views, "ipywidgets in the page: they do nothing without a kernel"
    total = sum(s.bytes.values())
    heavy = sorted(s.bytes.items(), key=lambda kv: -kv[1])[:6]
    listing = "\n".join(f"{size / 1e6:6.2f} MB {url[-80:]}" for url, size in heavy)
    assert total <= PAGE_BUDGET, f"{total / 1e6:.2f} MB:\n{listing}"


@pytest.mark.parametrize("doc", NOTEBOOK_DOCS)
def test_chapter_has_launch_and_download_buttons(browser, base_url, doc):
    page = browser.new_page()
    page.goto(f"{base_url}{doc}.html", wait_until="domcontentloaded")
    stem = doc.split("/")[-1]
    for selector in (
        f'a[href^="https://mybinder.org/v2/gh/"][href$="{stem}.ipynb"]',
        f'a[href^="https://colab.research.google.com/github/"][href$="{stem}.ipynb"]',
        "button.btn-launch-thebe",
        f'a.btn-download-source-button[href$="{stem}.ipynb"]',
    ):
        assert page.locator(selector).count() == 1, selector
    page.close()


def test_live_code_says_offline_that_it_needs_the_network(browser, base_url):
    """Live Code (Thebe) loads from a CDN: offline it must say so, not spin for ever."""
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{base_url}{NOTEBOOK_DOCS[0]}.html", wait_until="load")
    page.locator(".dropdown-launch-buttons button.dropdown-toggle").click()
    button = page.locator(".btn-launch-thebe")
    title = button.get_attribute("data-bs-original-title") or button.get_attribute("title")
    assert "network" in (title or ""), f"the Live Code button says {title!r}"
    button.click()
    status = page.locator(".thebe-launch-button")
    try:
        page.wait_for_function(
            "() => /needs the network/.test(document.querySelector('.thebe-launch-button')"
            "?.innerText)",
            timeout=10_000,
        )
    finally:
        said = status.inner_text() if status.count() else ""
        page.close()
    assert "mybinder.org" in said, said


@pytest.mark.parametrize("doc", NOTEBOOK_DOCS)
def test_frame_players_work_without_a_kernel(browser, base_url, doc):
    """The static form of each explorer: moving its slider shows another precomputed frame."""
    page = browser.new_page()
    page.goto(f"{base_url}{doc}.html", wait_until="load")
    for player in page.locator(".xorlab-player").all():
        image, slider = player.locator("img"), player.locator('input[type="range"]')
        before = image.get_attribute("src")
        slider.fill(slider.get_attribute("max"))
        assert image.get_attribute("src") != before, "the slider does not change the frame"
        assert image.get_attribute("alt"), "a frame player without alt text"
    page.close()


def test_search_finds_the_chapters_about_gradient_checks(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}search.html?q=gradient+check", wait_until="load")
    # Results arrive one by one; Sphinx's status line says when the last one is in.
    page.wait_for_function(
        "() => /Search finished/.test(document.querySelector('#search-results')?.innerText)",
        timeout=30_000,
    )
    found = {a.split("#")[0].split("?")[0] for a in page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
    )}  # fmt: skip
    page.close()
    expected = {f"{doc}.html" for doc in NOTEBOOK_DOCS if "gradient check" in _text(doc)}
    assert expected, "no chapter mentions a gradient check"
    assert expected <= found, f"search missed {expected - found}"


def test_search_results_show_formulas_typeset_not_tex(browser, base_url):
    """Result snippets quote the pages, formulas included: the reader sees them typeset."""
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{base_url}search.html?q=gradient+check", wait_until="load")
    page.wait_for_function(
        "() => /Search finished/.test(document.querySelector('#search-results')?.innerText)",
        timeout=30_000,
    )
    # Sphinx fetches each result's page for its quote after "Search finished" is shown: wait
    # until every result has its quote (or its description) and that quote has been handed over.
    page.wait_for_function(
        """() => [...document.querySelectorAll('#search-results ul.search li')].every(
            li => li.querySelector(':scope > span, :scope > p.context.xl-typeset'))""",
        timeout=30_000,
    )
    page.evaluate("() => window.xlSearchMath")
    snippets = page.eval_on_selector_all(
        "#search-results p.context", "ps => ps.map(p => p.innerText)"
    )
    typeset = page.locator("#search-results p.context mjx-container").count()
    page.close()
    assert snippets, "no result quotes its page"
    tex = [s for s in snippets if re.search(r"\\[()\[\]]|\\[a-z]+\{|\$", s)]
    assert not tex, "TeX in the results:\n" + "\n".join(s[:120] for s in tex)
    assert typeset, "no formula typeset in the results (the query's pages have some)"


def _text(doc):
    path = next(ROOT.glob(f"{doc}.*"))
    return path.read_text(encoding="utf-8").lower()


AXE_SERIOUS = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"], preload: false});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(n => n.target).join(" | "));
}"""


@pytest.mark.parametrize("doc", DOCS)
def test_no_serious_accessibility_violations(browser, base_url, doc):
    """axe-core on the page in the light theme, then in the dark one (one page load)."""
    page = browser.new_page()
    page.goto(f"{base_url}{doc}.html", wait_until="load")
    page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.add_script_tag(path=AXE)
    violations = []
    for theme in ("light", "dark"):
        page.evaluate(
            "t => Object.assign(document.documentElement.dataset, {theme: t, mode: t})", theme
        )
        quiet(page)  # the theme's colour transitions have ended
        violations += [f"{theme}: {v}" for v in page.evaluate(AXE_SERIOUS)]
    page.close()
    assert not violations, "\n".join(violations)
