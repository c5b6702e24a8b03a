"""`make pdf`: the whole book as one PDF, printed offline by the system Chromium."""

import re
import shutil

import nbformat
import pytest
from book_pages import chapter_notebooks, toc_documents
from conftest import offline_chromium, served

from tools import book_pdf as tools_book_pdf


def _pages_linking_the_pdf(html_dir):
    return sorted(
        str(p.relative_to(html_dir))
        for p in html_dir.rglob("*.html")
        if "pdf-link.js" in p.read_text()
    )


def test_a_book_without_its_pdf_does_not_link_it(html_dir):
    """`make book` alone: no page may offer a PDF that is not there (the PDF tests below print
    into a copy of the book)."""
    assert not (html_dir / "book.pdf").exists()
    assert not _pages_linking_the_pdf(html_dir)


@pytest.fixture(scope="session")
def pdf_book(html_dir, tmp_path_factory):
    """A copy of the built book, for `make pdf` to change: the build is shared by the run's
    workers, and other tests read it while this one prints."""
    book = tmp_path_factory.mktemp("pdf-book") / "html"
    shutil.copytree(html_dir, book)
    return book


@pytest.fixture(scope="session")
def book_pdf(pdf_book, playwright):
    """The PDF as `make pdf` makes it, written next to the HTML book (where its link points)."""
    pdf = pdf_book / "book.pdf"
    tools_book_pdf.print_book(playwright, pdf_book, pdf)
    return pdf


@pytest.fixture(scope="session")
def pdf_pages(book_pdf):
    from pypdf import PdfReader

    reader = PdfReader(book_pdf)
    return reader, [page.extract_text() for page in reader.pages]


def _outline_titles(reader):
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title

    return list(walk(reader.outline))


def test_every_chapter_is_numbered_and_in_the_outline(pdf_pages):
    reader, pages = pdf_pages
    titles = _outline_titles(reader)
    numbered = [t for t in titles if re.match(r"\d+\. \S", t)]
    assert [int(t.split(".")[0]) for t in numbered[:7]] == list(range(1, 8)), numbered[:10]
    assert any(t.startswith("Bibliography") for t in titles), titles[-10:]
    assert len(pages) > 50


def test_figures_are_numbered_by_chapter(pdf_pages):
    _, pages = pdf_pages
    text = "\n".join(pages)
    captions = re.findall(r"Fig\. (\d+)\.(\d+)", text)
    assert captions, "no numbered figure"
    chapters = {int(c) for c, _ in captions}
    assert chapters >= {1, 2, 3, 4, 5, 6}, f"figures numbered only in chapters {chapters}"


def test_no_navigation_in_print(pdf_pages):
    _, pages = pdf_pages
    text = "\n".join(pages)
    for chrome in ("Ctrl+K", "Toggle primary sidebar", "Launch on Binder", "Copy to clipboard"):
        assert chrome not in text, chrome


def _code_cells():
    """(first line, last line) of each shown code cell short enough to fit on one page."""
    for path in chapter_notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            tags = set(cell.metadata.get("tags", []))
            lines = [line.strip() for line in cell.source.splitlines() if line.strip()]
            if cell.cell_type == "code" and not tags & {"remove-cell", "remove-input"}:
                if 4 <= len(lines) <= 25 and len(lines[0]) > 25 and len(lines[-1]) > 25:
                    yield lines[0], lines[-1]


def test_code_cells_are_not_split_across_pages(pdf_pages):
    _, pages = pdf_pages
    flat = [re.sub(r"\s+", "", page) for page in pages]

    def where(line):
        key = re.sub(r"\s+", "", line)
        found = [i for i, page in enumerate(flat) if key in page]
        return found[0] if len(found) == 1 else None

    checked, split = 0, []
    for first, last in _code_cells():
        a, b = where(first), where(last)
        if a is None or b is None:
            continue  # inside a closed solution, or printed twice: not placeable
        checked += 1
        if a != b:
            split.append(f"pages {a + 1}-{b + 1}: {first[:50]}")
    assert checked >= 40, f"only {checked} code cells found in the PDF"
    assert not split, "\n".join(split)


@pytest.fixture(scope="session")
def pdf_book_url(pdf_book):
    with served(pdf_book) as url:
        yield url


def test_every_page_links_the_pdf(playwright, tmp_path_factory, pdf_book_url, book_pdf):
    """After `make pdf`, each page's download menu links the PDF (and only those with one)."""
    base_url = pdf_book_url
    browser = offline_chromium(playwright, tmp_path_factory.mktemp("pdf-profile"), base_url)
    page = browser.new_page()
    missing = []
    for doc in toc_documents():
        page.goto(f"{base_url}{doc}.html", wait_until="load")
        links = page.eval_on_selector_all("a.xorlab-pdf-link", "as => as.map(a => a.href)")
        if len(links) != 1:
            missing.append(f"{doc}: {len(links)} links")
            continue
        response = page.request.get(links[0])
        if not (response.ok and response.body()[:5] == b"%PDF-"):
            missing.append(f"{doc}: {links[0]} is not the PDF")
    page.goto(f"{base_url}search.html", wait_until="load")
    assert page.locator("a.xorlab-pdf-link").count() == 0, "a link outside a download menu"
    page.close()
    browser.close()
    assert not missing, missing
