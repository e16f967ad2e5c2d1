"""Four questions the interpreter answers about a list of a thousand points."""

import gc
import sys
from collections import Counter


# ANCHOR: census
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def blocks_added(make):
    """What `make()` made, and the blocks allocated now that were not before, less the one
    that counting costs (chapter 2's listing measures it: the int that `before` holds)."""
    before = sys.getallocatedblocks()
    made = make()
    return made, sys.getallocatedblocks() - before - COUNTING


COUNTING = 0
_, COUNTING = blocks_added(lambda: None)


path, added = blocks_added(lambda: [Point(0.0, 0.0) for _ in range(1000)])
print(added)  # blocks live now that were not before

print(sys.getsizeof(path), sys.getsizeof(path[0]))  # the list, one Point
print(sys.getrefcount(path[0]))  # the list's slot, and the call's argument

by_type = Counter(type(o).__name__ for o in gc.get_objects())
print(by_type["Point"], by_type["float"])
# ANCHOR_END: census
