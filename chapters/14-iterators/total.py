"""The talk's example: a sum over a list of 10,000 numbers, then over a generator."""

from measure_memory import measure_memory


# ANCHOR: total
def total_from_list():
    numbers = [4096] * 10_000  # a list of 10,000 references, built first
    return sum(numbers)


def total_from_generator():
    numbers = (4096 for _ in range(10_000))  # one value each time sum asks
    return sum(numbers)
# ANCHOR_END: total


print("from a list:")
measure_memory(total_from_list)
print("from a generator:")
measure_memory(total_from_generator)
# ANCHOR: kept
kept = []
print("from a list that outlives the call:")
measure_memory(lambda: kept.append([4096] * 10_000))
# ANCHOR_END: kept
