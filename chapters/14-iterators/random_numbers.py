"""The pipeline's random numbers as a Python generator: the state lives in the suspended frame."""

import itertools
import sys


# ANCHOR: generator
def random_numbers(seed):
    state = seed
    while True:
        state ^= (state << 13) & 0xFFFF_FFFF_FFFF_FFFF
        state ^= state >> 7
        state ^= (state << 17) & 0xFFFF_FFFF_FFFF_FFFF
        yield state % 1_000
# ANCHOR_END: generator


def sum_of_odd_squares(seed, count):
    numbers = itertools.islice(random_numbers(seed), count)  # Rust's take(count)
    return sum(n * n for n in numbers if n % 2 == 1)


print(f"sum of the odd squares among 10,000 random numbers: {sum_of_odd_squares(42, 10_000)}")
print(f"sys.getsizeof of a new generator: {sys.getsizeof(random_numbers(42))} bytes")
