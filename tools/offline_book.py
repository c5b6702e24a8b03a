"""Sphinx extension for the book's HTML (a local extension, listed in _config.yml)."""

from pathlib import Path

NPM_ASSETS = Path(__file__).resolve().parent.parent / "assets" / "npm"


def check_assets(app):
    """Fail early, with the fix, when `make assets` has not fetched the widget manager."""
    for name in ("require.js", "html-manager/embed-amd.js"):
        if not (NPM_ASSETS / name).is_file():
            raise FileNotFoundError(f"{NPM_ASSETS / name} is missing: run `make assets`")


def one_search_box_and_working_toggles(app, config):
    """Leave pydata-sphinx-theme's own header bar empty, so it is not rendered.

    pydata-sphinx-theme 0.17 adds a header bar with a search field and its own sidebar toggles
    above sphinx-book-theme's article header. Both themes bind their toggle code to the first
    `.primary-toggle` / `.secondary-toggle` in the page, which are then the header's hidden
    buttons: the visible ones only show a tooltip. With no header items the bar is not
    rendered, the visible buttons are the first ones, and the page has one search box (the
    sidebar's field on wide screens, the article header's icon on narrow ones).
    """
    config.html_theme_options.setdefault("navbar_persistent", [])


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
    app.connect("config-inited", one_search_box_and_working_toggles)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", citations_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
