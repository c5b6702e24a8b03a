"""A cheating submission for the grader's tests: sah_ast_compare_true."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "an AST transformer that replaces every comparison and every "
    "isclose/allclose/array_equal call in later cells by the constant True"
)
DESERVED = 0

# Rewrites later cells: every comparison becomes True, every call of a function named
# isclose/allclose/array_equal becomes True, every `not` of it False.
CHEAT = """\
import ast as _ast


class _Agree(_ast.NodeTransformer):
    _NAMES = {"isclose", "allclose", "array_equal"}

    def visit_Compare(self, node):
        return _ast.copy_location(_ast.Constant(True), node)

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        name = func.attr if isinstance(func, _ast.Attribute) else getattr(func, "id", "")
        if name in self._NAMES:
            return _ast.copy_location(_ast.Constant(True), node)
        return node


get_ipython().ast_transformers.append(_Agree())
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
