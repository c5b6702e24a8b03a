"""The backprop doctor: checks a reader's own network (gradient, loss, update, training run)
and names the likely cause, with the adapter for a reader's code and the zoo that measures it.

Its modules, each importing only those above it in this list:
- causes: the registry of causes (title, where to look, the book's section), in report order;
- findings: `Finding` and `Diagnosis`; reader: the reader's functions, checked;
- the phases: gradient, loss, update, capacity, training;
- report: `doctor()`, the phases in order; adapter: `adapt` for a reader's own object;
- scoring and zoo: the programs whose bugs are known, and how right the doctor is on them.
"""
