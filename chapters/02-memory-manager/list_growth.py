"""A Python list grows by about an eighth of its size, not by doubling."""

import sys

# ANCHOR: growth
EMPTY = sys.getsizeof([])
SLOT = sys.getsizeof([None]) - EMPTY  # [None] is sized exactly: one pointer

capacities = []
grown = []
for _ in range(100):
    grown.append(None)
    capacity = (sys.getsizeof(grown) - EMPTY) // SLOT
    if not capacities or capacity != capacities[-1]:
        capacities.append(capacity)
print(f"an empty list: {EMPTY} bytes; each slot: {SLOT}")
print("capacities of a list that grows by append:", ", ".join(map(str, capacities)))
print("[0] * 100:", (sys.getsizeof([0] * 100) - EMPTY) // SLOT, "slots, asked for once")
# ANCHOR_END: growth
