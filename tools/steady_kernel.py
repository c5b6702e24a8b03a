"""Poll a kernel's replies in short slices, so that a lost wake-up costs a second, not a timeout.

With jupyter_client 8.10, pyzmq 27 and tornado 6.6, nbclient (and nbconvert and nbgrader, which
run on it) now and then keeps waiting for a message the kernel has already sent: both sit idle
until the cell's whole timeout (300 or 600 s here) has passed. A fresh poll of the socket looks
at its pending messages first, so asking again every second delivers the message. `patch()`
makes the asynchronous channels' `get_msg` wait in slices of at most `SLICE` seconds; the total
timeout it is given does not change. The blocking client that nbval uses is not affected.

    import steady_kernel; steady_kernel.patch()   # before running notebooks with nbclient
"""

import time
from queue import Empty

from jupyter_client.channels import AsyncZMQSocketChannel

SLICE = 1.0
_get_msg = AsyncZMQSocketChannel.get_msg


async def _sliced_get_msg(self, timeout=None):
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        left = SLICE if deadline is None else max(0.0, min(SLICE, deadline - time.monotonic()))
        try:
            return await _get_msg(self, timeout=left)
        except Empty:
            if deadline is not None and time.monotonic() >= deadline:
                raise


def patch():
    """Make every asynchronous kernel channel poll in slices (idempotent)."""
    AsyncZMQSocketChannel.get_msg = _sliced_get_msg
