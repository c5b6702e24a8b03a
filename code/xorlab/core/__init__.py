"""The core: numpy only. Data, activations, losses, the network and its correct backward pass,
faults as replacements of named steps, training one network and many, gradient checks,
statistics and input validation. Nothing here imports from the other layers."""
