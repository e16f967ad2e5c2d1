"""sys.getallocatedblocks() counts blocks of every size alike: 1,000 small strings and one
large array are 1,000 to 1."""

import sys

from pymalloc import small_block_threshold


# ANCHOR: blocks
def blocks_added(make):
    """Runs `make()`; returns what it made and how many blocks are allocated now that were
    not before, less the one block that counting itself costs."""
    before = sys.getallocatedblocks()  # an int above 256: itself a new block
    made = make()
    return made, sys.getallocatedblocks() - before - COUNTING


COUNTING = 0
_, COUNTING = blocks_added(lambda: None)
print("counting itself:", COUNTING, "block")

names, added = blocks_added(lambda: [str(n) for n in range(1_000)])
strings = sum(map(sys.getsizeof, names))
print(f"1,000 names: {added} blocks; {strings} bytes of str, {sys.getsizeof(names)} of list")

slots, added = blocks_added(lambda: [None] * 10_000)
print("10,000 slots:", added, "block,", sys.getsizeof(slots), "bytes of list")

before = sys.getallocatedblocks()
del slots
print("del slots:", sys.getallocatedblocks() - before - COUNTING, "block")
# ANCHOR_END: blocks
limit, classes = small_block_threshold()
print(f"pymalloc serves requests of up to {limit} bytes, in {classes} size classes")
