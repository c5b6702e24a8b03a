"""Fetch the JavaScript the offline book needs from the npm registry, pinned and verified.

The book serves require.js and the Jupyter widget manager from its own `_static/npm`, so
embedded widgets render with no network (MathJax comes from the `sphinx-mathjax-offline` Python
package). axe-core is fetched for the browser tests only and never shipped with the book.

Each package is downloaded once with `npm pack` into `.cache/npm/`, its sha512 checked against
the integrity pinned here, and only the files listed are extracted. Run it via `make assets`.
"""

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "npm"
VENDOR = ROOT / "assets" / "npm"
AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"

# From the widget manager's dist/: the AMD bundle, its licence notice and the icon fonts it loads.
BUNDLE_FILES = {"embed-amd.js", "embed.js.LICENSE.txt"}
FONT_SUFFIXES = (".eot", ".svg", ".ttf", ".woff", ".woff2")

# spec -> (sha512 integrity of the tarball, {member in the tarball: destination})
PACKAGES = {
    "requirejs@2.3.8": (
        "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw==",
        {"package/require.js": VENDOR / "require.js"},
    ),
    "@jupyter-widgets/html-manager@1.0.15": (
        "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==",
        {"package/dist/": VENDOR / "html-manager"},
    ),
    "axe-core@4.11.1": (
        "sha512-BASOg+YwO2C+346x3LZOeoovTIoTrRqEsqMa6fmfAV0P+U9mFr9NsyOEpiYvFjbc64NMrSswhV50WdXzdb/Z5A==",
        {"package/axe.min.js": AXE, "package/LICENSE": AXE.with_name("LICENSE")},
    ),
}


def tarball_name(spec: str) -> str:
    name, version = spec.rsplit("@", 1)
    return f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"


def integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def download(spec: str, expected: str) -> Path:
    tarball = CACHE / tarball_name(spec)
    if not tarball.exists() or integrity(tarball) != expected:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", spec, "--pack-destination", str(CACHE), "--silent"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if integrity(tarball) != expected:
        sys.exit(f"{tarball.name}: integrity mismatch, refusing to use it")
    return tarball


def wanted(member: str, prefix: str) -> bool:
    if not prefix.endswith("/"):
        return member == prefix
    name = member.removeprefix(prefix)
    in_folder = member.startswith(prefix) and "/" not in name
    return in_folder and (name in BUNDLE_FILES or name.endswith(FONT_SUFFIXES))


def extract(tarball: Path, files: dict) -> None:
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            for prefix, dest in files.items():
                if member.isfile() and wanted(member.name, prefix):
                    target = dest / Path(member.name).name if prefix.endswith("/") else dest
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with tar.extractfile(member) as src, open(target, "wb") as out:
                        shutil.copyfileobj(src, out)


def main() -> None:
    shutil.rmtree(VENDOR, ignore_errors=True)
    for spec, (expected, files) in PACKAGES.items():
        extract(download(spec, expected), files)
        print(f"fetched {spec}")


if __name__ == "__main__":
    main()
