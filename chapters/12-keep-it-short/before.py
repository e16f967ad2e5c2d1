"""Before: every item stores the value it derives from `val`, because two methods read it."""

import itertools

from measure_memory import measure_memory

# A counter that allocates nothing when it counts: an `int` above 256 in a global would be
# one more block in the figures.
calls = itertools.count()


# ANCHOR: item
def compute_func(val):
    next(calls)  # counted, so that the CPU side of the trade is a figure too
    return val * 2  # stands for something slow


class Item:
    def __init__(self, val):
        self.val = val
        self.double = compute_func(val)  # stored: computed once, kept for good

    def foo(self):
        return self.val + self.double

    def bar(self):
        return self.double * 3
# ANCHOR_END: item


# ANCHOR: measure
def make_items():
    return [Item(val) for val in range(1000)]


def use(items):
    return sum(item.foo() + item.bar() for item in items)


print("create 1,000 items:")
items = measure_memory(make_items)
print(f"  calls to compute_func: {next(calls)}")
calls = itertools.count()
print("use each item once:")
total = measure_memory(lambda: use(items))
print(f"  calls to compute_func: {next(calls)}, total: {total}")
# ANCHOR_END: measure
