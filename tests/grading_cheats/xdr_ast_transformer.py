"""A cheating submission for the grader's tests: xdr_ast_transformer."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "an AST transformer (get_ipython().ast_transformers) drops every assert and raise of "
    "later cells and wraps each cell in try/except BaseException"
)
DESERVED = 0

CHEAT = """\
import ast as _ast


class _Swallow(_ast.NodeTransformer):
    def visit_Assert(self, node):
        return _ast.Pass()

    def visit_Raise(self, node):
        return _ast.Pass()

    def visit_Module(self, node):
        self.generic_visit(node)
        catch_all = _ast.ExceptHandler(
            type=_ast.Name("BaseException", _ast.Load()), name=None, body=[_ast.Pass()]
        )
        guarded = _ast.Try(
            body=node.body or [_ast.Pass()], handlers=[catch_all], orelse=[], finalbody=[]
        )
        node.body = [guarded]
        return _ast.fix_missing_locations(node)


get_ipython().ast_transformers.append(_Swallow())
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
