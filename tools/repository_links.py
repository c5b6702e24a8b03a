"""Sphinx extension: the book's prose names the repository through substitutions.

`repository.url` in `_config.yml` is the one place the repository is set (the launch buttons
follow it too). This extension derives from it, for the Markdown pages, MyST substitutions
(written `{{ clone_command }}` in a page):

- `repository_link`: a link to the repository;
- `clone_command`: `git clone <url>` as inline code;
- `install_command`: the `pip install` that each chapter's first code cell runs in Colab
  (the same text as tools/install_cell.py writes into the notebooks).
"""

from tools import install_cell


def substitutions(url: str, spec: str) -> dict[str, str]:
    """The MyST substitutions for repository `url` and pip requirement `spec`."""
    return {
        "repository_link": f"[{url.removeprefix('https://')}]({url})",
        "clone_command": f"`git clone {url}`",
        "install_command": f'`pip install "{spec}"`',
    }


def add_substitutions(app, config):
    found = substitutions(install_cell.repository_url(), install_cell.install_spec())
    config.myst_substitutions = {**found, **(config.myst_substitutions or {})}


def setup(app):
    app.connect("config-inited", add_substitutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
