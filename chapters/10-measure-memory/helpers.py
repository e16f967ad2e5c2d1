"""The talk's helper, built again in three drafts: each one fixes a way the last one lied."""

import time
import tracemalloc

from measure_memory import measure_memory


# ANCHOR: works
def digits():  # 10,000 temporary strings, none kept
    return sum(len(str(n)) for n in range(10_000))


def names():  # 1,000 strings, kept in a list
    return [str(n) for n in range(1_000)]


def nothing():
    return None
# ANCHOR_END: works


def line(blocks, size, peak, seconds):
    return f"new: {blocks} blocks, {size} bytes | peak: {peak} bytes | time: {seconds * 1000:.1f} ms"


# ANCHOR: first
def first_draft(work):
    tracemalloc.start()
    before = tracemalloc.take_snapshot()  # what is live now, by line
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    after = tracemalloc.take_snapshot()
    _, peak = tracemalloc.get_traced_memory()  # read too late: the snapshot's peak
    tracemalloc.stop()
    diff = after.compare_to(before, "lineno")
    blocks = sum(stat.count_diff for stat in diff)
    size = sum(stat.size_diff for stat in diff)
    print(line(blocks, size, peak, seconds))
    return result
# ANCHOR_END: first


# ANCHOR: second
def second_draft(work):
    started_here = not tracemalloc.is_tracing()  # under `python -X tracemalloc` it is not
    if started_here:
        tracemalloc.start()
    before = tracemalloc.take_snapshot()
    tracemalloc.reset_peak()  # the peak from here on...
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()  # ...read before the second snapshot
    after = tracemalloc.take_snapshot()
    if started_here:
        tracemalloc.stop()
    diff = after.compare_to(before, "lineno")
    blocks = sum(stat.count_diff for stat in diff)
    size = sum(stat.size_diff for stat in diff)
    print(line(blocks, size, peak, seconds))
    return result
# ANCHOR_END: second


# ANCHOR: third
def third_draft(work):
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    before = tracemalloc.take_snapshot()
    at_start, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()  # sets the peak to what is traced *now*, not to zero
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    after = tracemalloc.take_snapshot()
    if started_here:
        tracemalloc.stop()
    diff = after.compare_to(before, "lineno")
    blocks = sum(stat.count_diff for stat in diff)
    size = sum(stat.size_diff for stat in diff)
    print(line(blocks, size, peak - at_start, seconds))  # the work's own peak
    return result
# ANCHOR_END: third


# ANCHOR: main
for draft in (first_draft, second_draft, third_draft):
    print(f"{draft.__name__}, nothing traced before:")
    for work in (digits, names, nothing):
        draft(work)

# What `python -X tracemalloc` does: tracing runs from the start, and the program already holds
# a megabyte when it measures a kilobyte of work.
tracemalloc.start()
held = [bytes(1000) for _ in range(1000)]
for draft in (second_draft, third_draft, measure_memory):
    print(f"{draft.__name__}, while the program holds a megabyte:")
    draft(lambda: [str(n) for n in range(10)])
tracemalloc.stop()
# ANCHOR_END: main

# ANCHOR: book
print("the book's measure_memory, nothing traced before:")
for work in (digits, names, nothing):
    measure_memory(work)
# ANCHOR_END: book
