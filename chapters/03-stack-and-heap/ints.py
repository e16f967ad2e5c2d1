"""In CPython every int is an object; the small ones are shared, and a literal costs no block."""

import sys

from measure_memory import measure


# ANCHOR: palindrome
def is_palindrome(n):
    digits = str(n)  # a new str object on the heap
    return digits == digits[::-1]  # and a second one, reversed


n = int("12321")  # made at run time: a new int object
print(is_palindrome(n))
print(sys.getsizeof(n), sys.getsizeof(""), sys.getsizeof(str(n)))  # the int, '' and '12321'
print(int("12321") is int("12321"))  # each call made an object of its own
print(int("111") is int("111"))  # one shared object
# ANCHOR_END: palindrome

# ANCHOR: cache
shared = [value for value in range(-1000, 1000) if int(str(value)) is int(str(value))]
print(f"shared ints: {shared[0]} to {shared[-1]}, {len(shared)} values")
for name, make in [
    ('int("111")', lambda: int("111")),
    ('int("123456789")', lambda: int("123456789")),
    ("the literal 111", lambda: 111),
    ("the literal 123456789", lambda: 123456789),
]:
    _, made = measure(make)
    print(f"{name:22} {made}")
# ANCHOR_END: cache
