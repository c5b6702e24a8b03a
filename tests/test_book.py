"""The HTML book builds with zero warnings, needs no CDN, and has no broken local link."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

CDN = re.compile(r"cdn\.jsdelivr|unpkg\.com|cdnjs|cdn\.mathjax|polyfill\.io", re.I)


class _Links(HTMLParser):
    """Collects script/link/img/a/source URLs of one page."""

    def __init__(self):
        super().__init__()
        self.assets, self.links = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "source", "iframe") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pages(html_dir):
    return sorted(p for p in html_dir.rglob("*.html") if "_static" not in p.parts)


def test_build_has_zero_warnings(book_build):
    run, _ = book_build
    log = run.stdout + run.stderr
    assert run.returncode == 0, log[-8000:]
    assert "WARNING" not in log and "ERROR" not in log, log[-8000:]


def test_every_toc_page_is_built(html_dir):
    from book_pages import toc_documents

    for doc in toc_documents():
        assert (html_dir / f"{doc}.html").is_file(), doc


def test_no_cdn_for_rendering(html_dir):
    for page in pages(html_dir):
        remote = [url for url in parse(page).assets if CDN.search(url)]
        assert not remote, f"{page.relative_to(html_dir)} loads {remote}"


def test_math_and_widgets_are_served_locally(html_dir):
    chapters = [p for p in pages(html_dir) if "widget-view+json" in p.read_text()]
    for page in chapters:
        assets = parse(page).assets
        for name in ("mathjax/tex-chtml.js", "npm/require.js", "npm/html-manager/embed-amd.js"):
            assert any(name in url for url in assets), f"{page.name} lacks {name}"
    assert (html_dir / "_static" / "mathjax" / "tex-chtml.js").is_file()


def test_every_local_link_resolves(html_dir):
    broken = []
    for page in pages(html_dir):
        parsed = parse(page)
        for url in parsed.assets + parsed.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("#", "data:", "mailto:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(html_dir)} -> {url}")
    assert not broken, "\n".join(broken[:50])


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ", strip=True)).replace(" ,", ",")


def test_citations_use_the_bibliography_labels(html_dir):
    """Author-year in the text and in the bibliography, the same year (1999a) in both, and
    two works never cited by the same words."""
    from bs4 import BeautifulSoup

    bib = BeautifulSoup((html_dir / "chapters" / "bibliography.html").read_text(), "html.parser")
    labels = {c["id"]: _text(c.select_one(".label")).strip("[] ") for c in bib.select(".citation")}
    assert labels, "the bibliography is empty"
    assert all(re.fullmatch(r".+ (\d{4}[a-z]?|n\.d\.)", label) for label in labels.values())
    assert len(set(labels.values())) == len(labels), "two works share a label"
    cited_as = {}
    for page in pages(html_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select('a[href*="bibliography.html#"]'):
            target = a["href"].split("#")[1]
            label, text = labels[target], _text(a)
            authors, year = label.rsplit(" ", 1)
            assert text.endswith(year), f"{page.name}: '{text}' cites [{label}]"
            assert text in (year, f"{authors}, {year}"), f"{page.name}: '{text}' for [{label}]"
            cited_as.setdefault(text, set()).add(target)
    assert cited_as, "no citation found"
    ambiguous = {text: ids for text, ids in cited_as.items() if len(ids) > 1 and text[0].isalpha()}
    assert not ambiguous, f"the same words cite different works: {ambiguous}"


def test_every_link_the_doctor_prints_is_an_anchor_of_the_built_book(html_dir):
    from xorlab.doctor.causes import CAUSES

    for code, cause in CAUSES.items():
        page = (html_dir / "chapters" / f"{cause.chapter}.html").read_text(encoding="utf-8")
        assert f'id="{cause.label}"' in page, (code, cause.chapter, cause.label)
