"""Session fixtures for the book tests: one `-W -n` build, served on 127.0.0.1, one browser."""

import contextlib
import fcntl
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from book_pages import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# The slowest files first: `make test` runs the files on two workers (pytest-xdist, `--dist
# loadfile --no-loadscope-reorder`), each taking the next file when it is free, so starting with
# the longest ones lets both finish together.
SLOW_FIRST = [
    "test_browser.py",
    "test_notebooks.py",
    "test_colab.py",
    "test_jupyterlab.py",
    "test_assignments.py",
    "test_grading_cheats.py",
    "test_claims_plateau.py",
    "test_pdf.py",
    "test_student.py",
    "test_doctor.py",
]


# `XORLAB_TEST_HOG=1 make test` (or `make test-loaded`) keeps one CPU busy for the whole run, as
# a loaded CI machine would: the suite must pass the same way. Started by the controller only.
_HOG = []


def pytest_configure(config):
    if os.environ.get("XORLAB_TEST_HOG") == "1" and "PYTEST_XDIST_WORKER" not in os.environ:
        spin = "while True: pass"
        _HOG.append(subprocess.Popen([sys.executable, "-c", spin], start_new_session=True))


def pytest_unconfigure(config):
    for hog in _HOG:
        hog.kill()
        hog.wait()


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session")
def book_build(tmp_path_factory):
    """Build the book as `make book` does, into a temporary folder; return (process, html dir).

    One build for the whole run: the first worker (pytest-xdist) that needs the book builds it
    in the run's shared temporary folder, holding a lock that the others wait on, and they
    read its outcome. Tests that change the book (test_pdf.py) change a copy of it."""
    shared = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:
        shared = shared.parent  # the folder of this run, above each worker's own
    out, outcome = shared / "book", shared / "book-build.json"
    with open(shared / "book-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            command = [
                str(Path(sys.executable).with_name("jupyter-book")),
                "build", str(ROOT), "-W", "-n", "--keep-going", "--path-output", str(out),
            ]  # fmt: skip
            run = subprocess.run(
                command, capture_output=True, text=True, env=os.environ | {"NO_COLOR": "1"}
            )
            fields = {"args": run.args, "returncode": run.returncode}
            fields |= {"stdout": run.stdout, "stderr": run.stderr}
            outcome.write_text(json.dumps(fields), encoding="utf-8")
    run = subprocess.CompletedProcess(**json.loads(outcome.read_text(encoding="utf-8")))
    return run, out / "_build" / "html"


@pytest.fixture(scope="session")
def html_dir(book_build):
    run, html = book_build
    assert run.returncode == 0, "the book does not build; see test_book.py"
    return html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder):
    """`folder` served over HTTP on 127.0.0.1: yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(html_dir):
    with served(html_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright():
    """One Playwright for the whole session: its sync API cannot be started twice at once."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


def offline_chromium(playwright, profile, allowed):
    """Debian's Chromium with the fresh `profile`, refusing every URL not under `allowed`.

    Refused requests are recorded by pages as failures: the book must not need the network.
    """
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: `make test` installs it with apt"
    context = playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900},
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(allowed)
            else route.abort("internetdisconnected")
        ),
    )
    return context


@pytest.fixture(scope="session")
def browser(tmp_path_factory, base_url, playwright):
    """Chromium that may reach the served book and nothing else."""
    context = offline_chromium(playwright, tmp_path_factory.mktemp("profile"), base_url)
    yield context
    context.close()
