"""Sphinx extension: each solution is a native `<details>`, closed, whose whole title opens it.

sphinx-exercise renders a solution as an admonition whose title is mostly a link to its
exercise, and sphinx-togglebutton hides the body with JavaScript: a tap on the link jumps away
and leaves the solution shut, and without JavaScript every solution is open. Here, in the HTML
only, each solution becomes `<details class="solution admonition xl-solution">` with its title
(links to the exercise unwrapped into plain text) as the `<summary>`: the browser opens and
closes it, with or without JavaScript, from anywhere on the title.

The self-check cell that follows a solution (a code cell calling `checks.check_...`) ran on the
book's solution, so its output states the answer. It gets the class `xl-selfcheck`, and
assets/book.css shows its output only while the solution just before it is open. A self-check
separated from its solution by anything else would show its output: the build warns.
"""

import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node, solution_node

logger = logging.getLogger(__name__)
SELF_CHECK = re.compile(r"\bchecks\.check_\w+\(")


class details(nodes.Element, nodes.General):
    """`<details>` in HTML."""


class summary(nodes.TextElement, nodes.General):
    """`<summary>` in HTML."""


def visit_details(self, node):
    self.body.append(self.starttag(node, "details"))


def depart_details(self, node):
    self.body.append("</details>\n")


def visit_summary(self, node):
    self.body.append(self.starttag(node, "summary", suffix=""))


def depart_summary(self, node):
    self.body.append("</summary>\n")


def _unlinked(title):
    """The title's children, with every link replaced by its text (the exercise is above)."""
    title = title.deepcopy()
    for ref in list(title.findall(nodes.reference)):
        ref.replace_self(ref.children)
    return title.children


def _is_self_check(node):
    if not (isinstance(node, nodes.container) and node.get("nb_element") == "cell_code"):
        return False
    inputs = [c for c in node.children if c.get("nb_element") == "cell_code_source"]
    return any(SELF_CHECK.search(c.astext()) for c in inputs)


def _next_element(node):
    parent = node.parent
    later = parent.children[parent.index(node) + 1 :]
    return next((n for n in later if isinstance(n, nodes.Element)), None)


class SolutionsAsDetails(SphinxPostTransform):
    """Turn each solution into details/summary; mark the self-check that follows it."""

    default_priority = 900  # after sphinx-exercise has written the solutions' titles (21, 22)
    formats = ("html",)

    def run(self):
        for sol in list(self.document.findall(solution_node)):
            title, *body = sol.children
            if len(body) == 1 and isinstance(body[0], nodes.section):
                body = body[0].children  # one id "solution-content" per solution: drop it
            shown = summary("", "", *_unlinked(title), classes=["admonition-title"])
            content = nodes.container("", *body, classes=["xl-solution-body"])
            classes = ["solution", "admonition", "xl-solution", *sol["classes"]]
            classes = [c for c in dict.fromkeys(classes) if c != "dropdown"]
            replacement = details("", shown, content, ids=sol["ids"], classes=classes)
            sol.parent.replace(sol, replacement)  # not replace_self: it keeps sol's classes
            after = _next_element(replacement)
            if after is not None and _is_self_check(after):
                after["classes"].append("xl-selfcheck")
        self.warn_about_stray_checks()

    def warn_about_stray_checks(self):
        """A self-check after a solution, but not right after it, would show its output."""
        for cell in self.document.findall(nodes.container):
            if not _is_self_check(cell) or "xl-selfcheck" in cell["classes"]:
                continue
            parent = cell.parent
            earlier = parent.children[: parent.index(cell)]
            marks = [
                n
                for n in earlier
                if isinstance(n, (details, exercise_node, exercise_enumerable_node))
            ]
            if marks and isinstance(marks[-1], details):
                logger.warning(
                    "a self-check cell follows a solution but not directly: its output is "
                    "shown before the solution is opened; put it right after `solution-end`",
                    location=cell,
                )


def setup(app):
    app.add_node(details, html=(visit_details, depart_details))
    app.add_node(summary, html=(visit_summary, depart_summary))
    app.add_post_transform(SolutionsAsDetails)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
