"""Sphinx extension for the book's HTML (a local extension, listed in _config.yml)."""

import html
import json
import re
from collections import Counter
from pathlib import Path

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitleSorting
from pybtex.style.template import node
from sphinxcontrib.bibtex.style.referencing import basic_author_year, extra_year

NPM_ASSETS = Path(__file__).resolve().parent.parent / "assets" / "npm"


def _surnames(entry) -> str:
    """'Hamey', 'Sprinkhuizen-Kuyper and Boers' or 'Rumelhart et al.' for one bib entry."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [Text.from_latex(" ".join(p.prelast_names + p.last_names)).render_as("text")
             for p in persons]  # fmt: skip
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names) or entry.fields.get("title", "Anonymous")


class AuthorYearLabels(BaseLabelStyle):
    """Bibliography labels that read like the citations in the text: 'Hamey 1998'. Works by the
    same authors in the same year get 1999a, 1999b, in the order of the bibliography."""

    def format_labels(self, sorted_entries):
        base = [f"{_surnames(e)} {e.fields.get('year', 'n.d.')}" for e in sorted_entries]
        total, seen = Counter(base), Counter()
        for label in base:
            seen[label] += 1
            yield label + (
                "abcdefghijklmnopqrstuvwxyz"[seen[label] - 1] if total[label] > 1 else ""
            )


class PlainNameSorting(AuthorYearTitleSorting):
    """Author, year and title order, by the names as printed: a corporate author written
    `{{CS231n course staff}}` sorts under C, not after Z (where its brace would put it)."""

    def person_key(self, person):
        return Text.from_latex(super().person_key(person)).render_as("text").lower()


class AuthorYearStyle(UnsrtStyle):
    """The bibliography sorted by author, year and title, with author-year labels."""

    default_label_style = "author_year_labels"
    default_sorting_style = "author_year_title_plain"


@node
def label_year(children, data):
    """The year of a citation as its bibliography label has it (1999a), so the text and the
    bibliography agree and two works of one year stay apart."""
    assert not children
    return Text(data["formatted_entry"].label.rsplit(" ", 1)[-1])


register_plugin("pybtex.style.labels", "author_year_labels", AuthorYearLabels)
register_plugin("pybtex.style.sorting", "author_year_title_plain", PlainNameSorting)
register_plugin("pybtex.style.formatting", "author_year", AuthorYearStyle)
# sphinxcontrib-bibtex's author-year citations print the entry's year field: use the label's.
basic_author_year.year = extra_year.year = label_year


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


FONTAWESOME_JS = re.compile(
    r"\s*<(script|link)[^>]*_static/scripts/fontawesome\.js[^>]*>(</script>)?"
)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = re.compile(
    r'\s*<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>', re.S
)


def _widget_manager(app):
    names = "|".join(re.escape(name) for name in app.config.nb_ipywidgets_js)
    return re.compile(rf'\s*<script src="[^"]*_static/({names})(\?[^"]*)?"></script>')


TITLE = re.compile(r"<title>(.*?) &#8212; (.*?)</title>")


def _plain(title):
    return html.unescape(title).replace("\u2019", "'").strip()


def one_book_name_in_the_tab(text):
    """The tab reads "Page — Book"; on the book's first page, whose title is the book's name,
    that is the name twice: keep it once."""
    match = TITLE.search(text)
    if match and _plain(match[1]) == _plain(match[2]):
        return text[: match.start()] + f"<title>{match[2]}</title>" + text[match.end() :]
    return text


def slim_pages(app, exception):
    """Remove from the built pages what they load for nothing (and the book's name twice in
    the first page's tab).

    - pydata-sphinx-theme's Font Awesome script (1.5 MB, every page): the theme's stylesheet
      already draws every icon with Font Awesome's web fonts; the script only swaps them for SVG.
    - the widget manager (3.6 MB) and the widget state, which myst-nb adds to every page of a
      notebook that stored widget state, also where no widget is shown (the live explorers of
      tools/live_explorers.py replace the widgets' outputs).
    """
    if exception or app.builder.format != "html":
        return
    manager = _widget_manager(app)
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        slim = one_book_name_in_the_tab(FONTAWESOME_JS.sub("", text))
        if WIDGET_VIEW not in slim:
            slim = manager.sub("", WIDGET_STATE.sub("", slim))
        if slim != text:
            page.write_text(slim, encoding="utf-8")


def math_in_search_results(app, pagename, templatename, context, doctree):
    """Load MathJax and assets/search-math.js on the search page, whose results quote TeX.

    Sphinx loads MathJax only on pages with formulas; the search page has none of its own.
    """
    if pagename != "search" or app.builder.format != "html":
        return
    if app.config.mathjax3_config:
        app.builder.add_js_file(
            "", body=f"window.MathJax = {json.dumps(app.config.mathjax3_config)}"
        )
    app.builder.add_js_file(app.config.mathjax_path, defer="defer")
    app.builder.add_js_file("search-math.js")


def setup(app):
    app.connect("builder-inited", check_assets)
    app.connect("config-inited", one_search_box_and_working_toggles)
    app.connect("build-finished", slim_pages)
    # before drop_duplicate_scripts, which gives the page a copy of the script list
    app.connect("html-page-context", math_in_search_results, priority=400)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", citations_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
