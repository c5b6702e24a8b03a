"""The whole book as one PDF, offline, printed by the system Chromium.

    python tools/book_pdf.py [OUT.pdf]      # default: _build/html/book.pdf (`make pdf`)

Builds the single-page HTML edition (Sphinx's singlehtml builder: every chapter in toc order,
with the HTML book's chapter and figure numbers), serves it on 127.0.0.1 and prints it with
Chromium through Playwright. The print rules in assets/book.css keep code cells and figures
whole on a page and hide the navigation.
"""

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FOOTER = (
    '<div style="font-size:8px; width:100%; text-align:center; color:#555;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def build_single_page(out: Path) -> Path:
    """Build the singlehtml edition into `out`; return the folder holding index.html."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(ROOT), "--builder", "singlehtml",
               "--path-output", str(out)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, text=True)
    return out / "_build" / "singlehtml"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_pdf(site: Path, pdf: Path) -> None:
    """Print site/intro.html (the root document) to `pdf` (A4) once MathJax has typeset every formula."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith(base) else r.abort(),
            )
            page.goto(base + "intro.html", wait_until="load", timeout=120_000)
            page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
            page.emulate_media(media="print")
            pdf.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(
                path=str(pdf),
                format="A4",
                margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                outline=True,
                tagged=True,
            )
            browser.close()
    finally:
        server.shutdown()


def main(argv: list[str]) -> None:
    pdf = Path(argv[0]) if argv else ROOT / "_build" / "html" / "book.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        print_pdf(build_single_page(Path(tmp)), pdf.resolve())
    print(f"{pdf}: {pdf.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
