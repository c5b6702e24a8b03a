"""The exercises' self-checks (`xl.checks`): the answer guard, shared references and one
module per chapter."""
