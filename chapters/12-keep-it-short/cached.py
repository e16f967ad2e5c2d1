"""`functools.cached_property`: nothing is kept until the first read, which stores the value in
the instance's `__dict__`."""

import functools

from measure_memory import measure_memory


class Plain:
    def __init__(self, val):
        self.val = val


# ANCHOR: cached
class Cached:
    def __init__(self, val):
        self.val = val

    @functools.cached_property
    def double(self):
        return self.val * 2
# ANCHOR_END: cached


print("create 1,000 plain items:")
measure_memory(lambda: [Plain(val) for val in range(1000)])
print("create 1,000 items with a cached_property:")
items = measure_memory(lambda: [Cached(val) for val in range(1000)])
print("read double on every item, the first time:")
measure_memory(lambda: [item.double for item in items] and None)
print("read double on every item, the second time:")
measure_memory(lambda: [item.double for item in items] and None)
print(f"the instance's __dict__ now: {items[500].__dict__}")
