"""Speed and weight of the live explorers' engine (assets/explorer/) in Chromium.

    .venv/bin/python -m benchmarks.explorer_speed      # or: make bench-explorer

Trains a 2-4-1 sigmoid network on XOR (binary cross-entropy, full batch, Xavier start) in a
headless Chromium page with the very code the book ships, and prints epochs per second (best of
five runs, after a warm-up) for full-batch and per-sample steps, then the size of the engine and
drawing code, raw and gzipped. A figure to read, not a test: nothing here passes or fails.
"""

import gzip
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools import live_explorers

ROOT = Path(__file__).resolve().parent.parent

EPOCHS = 20_000
SPEED = """([epochs, mode]) => {
  const M = XL.matrix, spec = XL.network.makeSpec({sizes: [2, 4, 1]});
  const X = M.fromRows([[0, 0], [0, 1], [1, 0], [1, 1]]), Y = M.fromRows([[0], [1], [1], [0]]);
  const start = XL.init.initParams([2, 4, 1], "xavier", 1, 0, true);
  new XL.train.Run(spec, XL.init.copyParams(start), X, Y, 0.5, mode).runTo(2000);  // warm-up
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const run = new XL.train.Run(spec, XL.init.copyParams(start), X, Y, 0.5, mode);
    const t0 = performance.now();
    run.runTo(epochs);
    best = Math.min(best, performance.now() - t0);
  }
  return epochs / (best / 1000);
}"""


def main():
    files = live_explorers.engine_paths()
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "bench.html"
        (Path(tmp) / "draws.js").write_text(live_explorers.draws_script())
        tags = "".join(f'<script src="{p.as_uri()}"></script>' for p in files if p.name != "ui.js")
        page_file.write_text(f'<!doctype html><script src="draws.js"></script>{tags}')
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.goto(page_file.as_uri())
            for mode in ("batch", "sample"):
                rate = page.evaluate(SPEED, [EPOCHS, mode])
                print(f"2-4-1 XOR, {mode:6s} steps: {rate:,.0f} epochs/s in Chromium")
            browser.close()
    shipped = files + [ROOT / "assets" / "explorer" / "explorer.css"]
    raw = sum(p.stat().st_size for p in shipped)
    packed = sum(len(gzip.compress(p.read_bytes())) for p in shipped)
    print(f"engine + drawing + page code: {len(shipped)} files, {raw / 1000:.1f} kB "
          f"({packed / 1000:.1f} kB gzipped)")  # fmt: skip
    draws = len(live_explorers.draws_script().encode())
    print(f"draws.js (initial weights' draws): {draws / 1000:.1f} kB")


if __name__ == "__main__":
    main()
