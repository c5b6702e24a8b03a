"""The backprop doctor: checks a reader's own network (gradient, loss, update, training run)
and names the likely cause, with the adapter for a reader's code and the zoo that measures it."""
