"""What pymalloc, CPython's allocator of small blocks, hands out: its threshold and size
classes, as `sys._debugmallocstats()` reports them.

tracemalloc and `sys.getsizeof` give the bytes an object *asks* for. pymalloc rounds every
request up to its size class, so the block is often bigger: this module shows by how much.
Some listings of the book import it (`cargo xtask generate` runs them with this folder on
PYTHONPATH).
"""

import os
import re
import sys
import tempfile

_THRESHOLD_LINE = re.compile(r"^Small block threshold = (\d+), in (\d+) size classes")


def _report():
    """The text `sys._debugmallocstats()` writes on the C level's stderr."""
    sys.stderr.flush()
    with tempfile.TemporaryFile(mode="w+") as report:
        saved = os.dup(2)
        os.dup2(report.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        report.seek(0)
        return report.read()


def small_block_threshold():
    """`(largest request pymalloc serves, number of size classes)`."""
    for line in _report().splitlines():
        found = _THRESHOLD_LINE.match(line)
        if found:
            return int(found.group(1)), int(found.group(2))
    raise RuntimeError("sys._debugmallocstats() printed no threshold")


def block_size(request):
    """The size of the block pymalloc hands out for a request of `request` bytes: the request
    rounded up to the next size class. The classes are evenly spaced up to the threshold."""
    limit, classes = small_block_threshold()
    if request > limit:
        raise ValueError(f"{request} bytes go to malloc, not to pymalloc")
    step = limit // classes
    return -(-request // step) * step
