"""What the reader sees: figures (matplotlib), frame players and the explorer machinery
(ipywidgets). Loaded on first use; it draws what the core computes."""
