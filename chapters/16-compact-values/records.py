"""One record with one field, declared four ways: 1,000 instances of each, holding 0 to 999."""

import sys
from collections import namedtuple
from dataclasses import dataclass
from typing import NamedTuple

from measure_memory import measure_memory


# ANCHOR: kinds
class Plain:  # attributes can be added to any instance
    def __init__(self, val):
        self.val = val


Named = namedtuple("Named", ["val"])  # a tuple with a name for each item


class Typed(NamedTuple):  # the same, declared with type hints
    val: int


@dataclass(slots=True)  # one fixed slot per field
class Slotted:
    val: int
# ANCHOR_END: kinds


# ANCHOR: measure
for kind in (Plain, Named, Typed, Slotted):
    print(f"1,000 of {kind.__name__}:")
    records = measure_memory(lambda: [kind(val) for val in range(1000)])
    print(f"  sys.getsizeof of one: {sys.getsizeof(records[500])} bytes")
    print("  one more, alone:")
    measure_memory(lambda: kind(None))
    del records
# ANCHOR_END: measure
print(f"sys.getsizeof of a plain tuple of one item: {sys.getsizeof((500,))} bytes")
