"""Every page of the book in Debian's Chromium, offline: it renders, works and is accessible."""

import pytest
from book_pages import ROOT, chapter_notebooks, toc_documents

AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"
NOTEBOOK_DOCS = {str(p.relative_to(ROOT).with_suffix("")) for p in chapter_notebooks()}
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'

# Visible text outside code must hold no TeX delimiter left untypeset.
RAW_MATH = """() => {
  const main = document.querySelector("main").cloneNode(true);
  main.querySelectorAll("pre, code, script, style, mjx-container").forEach(e => e.replaceWith(" "));
  return ["\\\\(", "\\\\[", "$$"].filter(d => main.textContent.includes(d));
}"""

# Any problem with an image, including images drawn inside widgets.
BROKEN_IMAGES = """() => [...document.images]
  .filter(img => !img.complete || img.naturalWidth === 0)
  .map(img => img.currentSrc.slice(0, 120))"""

AXE_SERIOUS = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"], preload: false});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(n => n.target).join(" | "));
}"""


class Visit:
    """One page load with its console errors, page errors and failed or refused requests."""

    def __init__(self, browser, url):
        self.problems = []
        self.page = page = browser.new_page()
        page.on(
            "console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}")
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        # Includes every request refused because it left 127.0.0.1.
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url[:150]}"))
        page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"),
        )
        page.goto(url, wait_until="load")
        page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
        if page.locator(WIDGET_VIEW).count():
            page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=30_000)
        page.wait_for_load_state("networkidle")


@pytest.fixture
def visit(browser, base_url):
    visits = []

    def open_page(path):
        visits.append(Visit(browser, base_url + path))
        return visits[-1]

    yield open_page
    for v in visits:
        v.page.close()


@pytest.mark.parametrize("doc", toc_documents())
def test_page_renders_offline_without_errors(visit, doc):
    v = visit(f"{doc}.html")
    page = v.page
    assert not v.problems, "\n".join(v.problems)
    assert not page.evaluate(BROKEN_IMAGES), "images that did not load"
    assert not page.evaluate(RAW_MATH), "formulas left untypeset"
    assert page.locator("mjx-merror").count() == 0, "MathJax could not typeset a formula"
    views = page.locator(WIDGET_VIEW).count()
    assert page.locator(".widget-subarea").count() == views, "some embedded widgets vanished"


@pytest.mark.parametrize("doc", sorted(NOTEBOOK_DOCS))
def test_chapter_has_launch_and_download_buttons(visit, doc):
    page = visit(f"{doc}.html").page
    stem = doc.split("/")[-1]
    for selector in (
        f'a[href^="https://mybinder.org/v2/gh/"][href$="{stem}.ipynb"]',
        f'a[href^="https://colab.research.google.com/github/"][href$="{stem}.ipynb"]',
        "button.btn-launch-thebe",
        f'a.btn-download-source-button[href$="{stem}.ipynb"]',
    ):
        assert page.locator(selector).count() == 1, selector


@pytest.mark.parametrize("doc", sorted(NOTEBOOK_DOCS))
def test_frame_players_work_without_a_kernel(visit, doc):
    """The static form of each explorer: moving its slider shows another precomputed frame."""
    page = visit(f"{doc}.html").page
    for player in page.locator(".xorlab-player").all():
        image, slider = player.locator("img"), player.locator('input[type="range"]')
        before = image.get_attribute("src")
        slider.fill(slider.get_attribute("max"))
        assert image.get_attribute("src") != before, "the slider does not change the frame"
        assert image.get_attribute("alt"), "a frame player without alt text"


def test_search_finds_the_chapters_about_gradient_checks(visit):
    page = visit("search.html?q=gradient+check").page
    page.wait_for_selector("#search-results ul.search li", timeout=30_000)
    found = {a.split("#")[0].split("?")[0] for a in page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
    )}  # fmt: skip
    expected = {f"{doc}.html" for doc in NOTEBOOK_DOCS if "gradient check" in _text(doc)}
    assert expected, "no chapter mentions a gradient check"
    assert expected <= found, f"search missed {expected - found}"


def _text(doc):
    path = next(ROOT.glob(f"{doc}.*"))
    return path.read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("doc", toc_documents())
def test_no_serious_accessibility_violations(visit, doc, theme):
    page = visit(f"{doc}.html").page
    page.evaluate(
        "t => Object.assign(document.documentElement.dataset, {theme: t, mode: t})", theme
    )
    page.wait_for_timeout(500)  # let the theme's colour transitions finish
    page.add_script_tag(path=AXE)
    violations = page.evaluate(AXE_SERIOUS)
    assert not violations, "\n".join(violations)
