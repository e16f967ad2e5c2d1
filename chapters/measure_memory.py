"""The talk's measure_memory helper, in our own words: one line of figures for a piece of work.

Every Python listing of the book imports it (`cargo xtask generate` runs each listing with
this folder on PYTHONPATH), so that all CPython figures are measured the same way.

    new: 1002 blocks, 59178 bytes | peak: 59602 bytes | time: 0.3 ms

- new: what the work left live, as a tracemalloc snapshot diff (blocks and bytes that exist
  after the work and did not before). Blocks freed before the work returns do not count.
- peak: the most the traced heap grew above where it stood when the work started.
- time: wall time, shown and never compared (it moves from run to run).

The helper leaves its own allocations and tracemalloc's out of `new`, so an empty piece of
work reads 0 blocks, 0 bytes. Its peak still holds the few bytes of the helper's own
bookkeeping made after the reset: an empty piece of work shows how many.
"""

import gc
import time
import tracemalloc
from typing import NamedTuple


class Measurement(NamedTuple):
    """The figures of one measured piece of work."""

    blocks: int
    bytes: int
    peak: int
    seconds: float

    def __str__(self):
        return (
            f"new: {_count(self.blocks, 'block')}, {_count(self.bytes, 'byte')} | "
            f"peak: {_count(self.peak, 'byte')} | time: {self.seconds * 1000:.1f} ms"
        )


def _count(n, unit):
    """`1 block`, `2 blocks`: the same words as the Rust listings' lines."""
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


# Allocations made by this file or by tracemalloc itself are the measurement's, not the work's.
_NOT_THE_WORK = [
    tracemalloc.Filter(False, __file__),
    tracemalloc.Filter(False, tracemalloc.__file__),
]


def measure(work):
    """Runs `work()` and returns `(its result, Measurement)`, printing nothing."""
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    gc.collect()
    before = tracemalloc.take_snapshot().filter_traces(_NOT_THE_WORK)
    # reset_peak() sets the peak to what is traced *now*, so the work's own peak is the
    # difference: without it, a helper under `python -X tracemalloc` reports the whole
    # program's maximum.
    start = time.perf_counter()
    at_start, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    result = work()
    _, peak = tracemalloc.get_traced_memory()
    seconds = time.perf_counter() - start
    after = tracemalloc.take_snapshot().filter_traces(_NOT_THE_WORK)
    if started_here:
        tracemalloc.stop()
    diff = after.compare_to(before, "lineno")
    blocks = sum(stat.count_diff for stat in diff)
    size = sum(stat.size_diff for stat in diff)
    return result, Measurement(blocks, size, peak - at_start, seconds)


def measure_memory(work):
    """Runs `work()`, prints its Measurement on one line, and returns its result."""
    result, measurement = measure(work)
    print(measurement)
    return result


# The first snapshot of a process fills caches of tracemalloc's and the interpreter's (about
# a hundred blocks); pay for them here, so that no listing's first line counts them.
measure(lambda: None)
