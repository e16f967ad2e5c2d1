"""A plain class, then `__slots__`: 1,000 instances of each, holding numbers, then holding None."""

import sys
from dataclasses import dataclass

from measure_memory import measure_memory


# ANCHOR: classes
class Record:
    def __init__(self, val):
        self.val = val


class SlottedRecord:
    __slots__ = ["val"]

    def __init__(self, val):
        self.val = val
# ANCHOR_END: classes


@dataclass(slots=True)
class DataRecord:
    val: int


# ANCHOR: measure
print("1,000 plain records of 0 to 999:")
measure_memory(lambda: [Record(val) for val in range(1000)])
print("1,000 slotted records of 0 to 999:")
measure_memory(lambda: [SlottedRecord(val) for val in range(1000)])
print("1,000 plain records of None:")
measure_memory(lambda: [Record(None) for _ in range(1000)])
print("1,000 slotted records of None:")
measure_memory(lambda: [SlottedRecord(None) for _ in range(1000)])
# ANCHOR_END: measure
print("1,000 dataclass(slots=True) records of 0 to 999:")
measure_memory(lambda: [DataRecord(val) for val in range(1000)])
# ANCHOR: one
for kind in (Record, SlottedRecord):
    print(f"one more {kind.__name__}:")
    measure_memory(lambda: kind(None))
    print(f"  sys.getsizeof: {sys.getsizeof(kind(None))} bytes")
# ANCHOR_END: one
try:
    SlottedRecord(1).other = 2
except AttributeError as error:
    print(f"AttributeError: {error}")
