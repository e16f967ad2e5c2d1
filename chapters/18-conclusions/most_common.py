"""The most common word of a text: with `split()`, then one word at a time."""

import re
import sys
from collections import Counter

from measure_memory import measure_memory


# ANCHOR: most_common
def most_common(text):
    words = text.split()  # a list of every word, each word a new str
    return Counter(words).most_common(1)[0]


def most_common_lazy(text):
    words = (m.group() for m in re.finditer(r"\S+", text))  # one word at a time
    return Counter(words).most_common(1)[0]


text = "seek and destroy seek the heap seek the free list " * 500  # 5,000 words
for find in (most_common, most_common_lazy):
    print(f"{find.__name__}: {find(text)}")
    measure_memory(lambda: find(text))
# ANCHOR_END: most_common
words = text.split()
print(f"the words of split(): {sum(sys.getsizeof(word) for word in words)} bytes")
print(f"the list that holds them: {sys.getsizeof(words)} bytes")
