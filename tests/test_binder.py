"""Binder readiness: requirements.txt alone gives an environment in which every chapter runs.

Binder (repo2docker) installs requirements.txt and nothing else; this test does the same in a
brand-new virtual environment and executes every chapter notebook there, top to bottom.
"""

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN_ALL = """
import sys, nbformat, nbclient
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": "chapters"}}).execute()
    print("ran", path, flush=True)
"""


def test_every_chapter_runs_in_a_fresh_environment_from_requirements(tmp_path):
    env_dir = tmp_path / "binder-env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "-r", "requirements.txt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    check = subprocess.run([python, "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    chapters = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "chapters").glob("*.ipynb"))
    run = subprocess.run(
        [python, "-c", RUN_ALL, *chapters], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.count("ran ") == len(chapters) >= 7
    assert sys.executable != str(python)  # really another interpreter
