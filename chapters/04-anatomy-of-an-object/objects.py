"""Every CPython object carries a header; a tuple of three numbers is three objects."""

import sys

from pymalloc import block_size

# ANCHOR: sizes
reading = (1_700_000_000, 21.5, True)  # time, celsius, alarm

print(sys.getsizeof(object()))  # the bare header
print(sys.getsizeof(21.5))  # the header, then an 8-byte double
print(sys.getsizeof(reading))  # the tuple alone, not what it points to
print(sys.getsizeof(reading[0]))  # the int it points to
print(sys.getsizeof([7, 8]))  # a list of two
print(sys.getsizeof(reading) - reading.__sizeof__())  # the GC links in front of the tuple
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit)  # an int's digits: bits, bytes
# ANCHOR_END: sizes

# ANCHOR: blocks
parts = [reading, reading[0], reading[1]]  # True is shared: it costs nothing new
asked = [sys.getsizeof(part) for part in parts]
print(f"one reading: {len(parts)} objects, {sum(asked)} bytes asked for "
      f"({' + '.join(map(str, asked))}),")
print(f"  {sum(map(block_size, asked))} bytes of pymalloc blocks "
      f"({' + '.join(str(block_size(size)) for size in asked)})")
# ANCHOR_END: blocks
