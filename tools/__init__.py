"""The book's tools: run each from the repository's root as a module, `python -m tools.NAME`."""
