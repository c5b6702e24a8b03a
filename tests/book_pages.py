"""The book's pages as listed in _toc.yml (read by tools/toc.py): shared by the book, notebook
and browser tests."""

from tools.toc import ROOT
from tools.toc import chapters as chapter_notebooks
from tools.toc import documents as toc_documents

__all__ = ["ROOT", "chapter_notebooks", "toc_documents"]
