"""After: every item stores `val` alone, and computes what derives from it on each call."""

import itertools

from measure_memory import measure_memory

# A counter that allocates nothing when it counts: an `int` above 256 in a global would be
# one more block in the figures.
calls = itertools.count()


def compute_func(val):
    next(calls)
    return val * 2


# ANCHOR: item
class Item:
    def __init__(self, val):
        self.val = val  # nothing else is kept

    def foo(self):
        return self.val + compute_func(self.val)

    def bar(self):
        return compute_func(self.val) * 3
# ANCHOR_END: item


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
