"""What pymalloc, CPython's allocator of small blocks, hands out: its blocks in use, size class
by size class, as `sys._debugmallocstats()` reports them.

tracemalloc and `sys.getsizeof` give the bytes an object *asks* for. pymalloc rounds every
request up to its size class, so the block is often bigger: this module shows by how much.
Some listings of the book import it (`cargo xtask generate` runs them with this folder on
PYTHONPATH).
"""

import os
import re
import sys
import tempfile

_CLASS_LINE = re.compile(r"^\s*\d+\s+(\d+)\s+\d+\s+(\d+)\s+\d+\s*$")
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


def blocks_in_use():
    """`{block size: blocks in use}` for every size class pymalloc has used."""
    in_use = {}
    for line in _report().splitlines():
        found = _CLASS_LINE.match(line)
        if found:
            in_use[int(found.group(1))] = int(found.group(2))
    return in_use


def _added(make):
    before = blocks_in_use()
    made = make()
    after = blocks_in_use()
    return made, {size: after[size] - before.get(size, 0) for size in after}


def blocks_made_by(make, at_least=10):
    """Runs `make()`; returns what it made and `{block size: blocks added}` for each size class
    that gained or lost `at_least` blocks. The counts of an empty piece of work are taken away
    first (the counts are ints, and those above 256 are blocks themselves), and a change
    smaller than `at_least` is left out: reading the report makes and frees a few blocks of
    its own, which land in one size class or another."""
    _, counting = _added(lambda: None)
    made, added = _added(make)
    changed = {size: n - counting.get(size, 0) for size, n in sorted(added.items())}
    return made, {size: n for size, n in changed.items() if abs(n) >= at_least}
