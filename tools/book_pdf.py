"""The whole book as one PDF, offline, printed by the system Chromium from the HTML book.

    python -m tools.book_pdf [HTML_DIR [OUT.pdf]]   # default: _build/html, HTML_DIR/book.pdf

Run after `make book` (`make pdf` does both). Each page of the table of contents is printed
from the built HTML, with the chapter and figure numbers it has on the web, by Chromium through
Playwright; the pages are joined in toc order with one bookmark per chapter. The print rules
in assets/book.css keep code cells and figures whole on a page and hide the navigation. Once
the PDF is written, every page of the HTML book loads assets/pdf-link.js, which links it from
the page's download menu: a book built without its PDF has no link to it.
"""

import functools
import http.server
import io
import os
import sys
import threading
from pathlib import Path

from tools import toc

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FOOTER = (
    '<div style="font-size:8px; width:100%; padding: 0 14mm; color:#555; display:flex;">'
    '<span class="title" style="flex:1"></span><span class="pageNumber"></span></div>'
)


PDF_LINK = "_static/pdf-link.js"


def link_pdf(html_dir: Path) -> int:
    """Make every page of the built book in `html_dir` load the PDF link; return how many
    pages changed (a page that already loads it is left as it is)."""
    changed = 0
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        src = os.path.relpath(html_dir / PDF_LINK, page.parent).replace(os.sep, "/")
        tag = f'<script defer src="{src}"></script>'
        if tag in text or "</head>" not in text:
            continue
        page.write_text(text.replace("</head>", f"{tag}\n</head>", 1), encoding="utf-8")
        changed += 1
    return changed


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_page(page, url: str) -> tuple[bytes, str]:
    """One page of the book as PDF bytes, and its title (the page's first heading)."""
    page.goto(url, wait_until="load", timeout=120_000)
    page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    # paper cannot be tapped: the solutions (and their self-checks' output) print open
    page.evaluate(
        "() => document.querySelectorAll('details.xl-solution').forEach(d => d.open = true)"
    )
    title = page.evaluate(
        "() => document.querySelector('article h1')?.textContent.replace('#', '').trim() || ''"
    )
    data = page.pdf(
        format="A4",
        margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER,
    )
    return data, title


def print_book(playwright, html_dir: Path, pdf: Path) -> int:
    """Print every toc page of the built book in `html_dir` into one PDF, link it from every
    page (when `pdf` is html_dir/book.pdf, where the link points); return the PDF's pages.

    `playwright` is a running sync Playwright (`main` starts one; the tests share theirs).
    """
    from pypdf import PdfReader, PdfWriter

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html_dir))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    writer = PdfWriter()
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
    )
    try:
        page = browser.new_page()
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(base) else r.abort(),
        )
        page.emulate_media(media="print")
        for doc in toc.documents():
            data, title = print_page(page, f"{base}{doc}.html")
            start = len(writer.pages)
            writer.append(PdfReader(io.BytesIO(data)))
            writer.add_outline_item(title=title or doc, page_number=start)
    finally:
        browser.close()
        server.shutdown()
    writer.add_metadata({"/Title": "Why Won't It Learn?"})
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with pdf.open("wb") as out:
        writer.write(out)
    if pdf.resolve() == (html_dir / "book.pdf").resolve():
        link_pdf(html_dir)
    return len(writer.pages)


def main(argv: list[str]) -> None:
    html_dir = Path(argv[0]) if argv else ROOT / "_build" / "html"
    pdf = Path(argv[1]) if len(argv) > 1 else html_dir / "book.pdf"
    if not (html_dir / "intro.html").is_file():
        raise SystemExit(f"{html_dir} holds no built book: run `make book` first")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        pages = print_book(playwright, html_dir.resolve(), pdf.resolve())
    print(f"{pdf}: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
