"""Sphinx extension for the book's HTML (a local extension, listed in _config.yml)."""

from pathlib import Path

NPM_ASSETS = Path(__file__).resolve().parent.parent / "assets" / "npm"


def check_assets(app):
    """Fail early, with the fix, when `make assets` has not fetched the widget manager."""
    for name in ("require.js", "html-manager/embed-amd.js"):
        if not (NPM_ASSETS / name).is_file():
            raise FileNotFoundError(f"{NPM_ASSETS / name} is missing: run `make assets`")


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """Keep one copy of each script.

    Under Sphinx 7.4, sphinx-thebe's inline configuration script is registered twice (once
    with filename None, once with ""), and the second `const THEBE_JS_URL` throws a SyntaxError
    on every page.
    """
    seen, unique = set(), []
    for script in context.get("script_files", []):
        key = (script.filename or "", script.priority, tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def citations_as_list_items(app, pagename, templatename, context, doctree):
    """Docutils puts `role="doc-biblioentry"` entries in a `role="list"` container; that role
    is deprecated, and a list may only hold list items (axe-core: aria-required-children)."""
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.connect("builder-inited", check_assets)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", citations_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
