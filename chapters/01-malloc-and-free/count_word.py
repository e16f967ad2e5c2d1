"""Counting a word allocates a block for every word of the text, and leaks none of them."""

import sys
import tracemalloc

from pymalloc import block_size, small_block_threshold


# ANCHOR: count_word
def count_word(text, word):
    word = word.lower()  # a new str object
    return sum(
        1
        for w in text.split()  # a new list, holding a new str for every word
        if w.lower() == word  # ...and one more new str for every word
    )


text = "The cat saw the dog, and THE dog saw the cat. " * 100
print(len(text.split()), "words,", len(text), "characters")
tracemalloc.start()
print(count_word(text, "the"), "of them are 'the'")
now, peak = tracemalloc.get_traced_memory()
print(f"traced after the call: {now} bytes; at its peak: {peak} bytes")
# ANCHOR_END: count_word

# ANCHOR: peak
tracemalloc.stop()
tracemalloc.start()  # from zero again: the split alone, as the call made it
words = text.split()
split, _ = tracemalloc.get_traced_memory()
tracemalloc.stop()
in_words = sum(map(sys.getsizeof, words))
print(f"text.split(): {split} bytes traced; {in_words} of them in the {len(words)} words")
print(f"the rest of the call's peak: {peak - split} bytes")
print(f"sys.getsizeof(''): {sys.getsizeof('')}; sys.getsizeof('the'): {sys.getsizeof('the')}")
limit, classes = small_block_threshold()
print(f"pymalloc: requests up to {limit} bytes, in {classes} classes, {limit // classes} bytes apart")
sizes = sorted({sys.getsizeof(w) for w in words})
print("the words ask for", " or ".join(map(str, sizes)), "bytes: blocks of",
      " or ".join(sorted({str(block_size(size)) for size in sizes})))
# ANCHOR_END: peak
