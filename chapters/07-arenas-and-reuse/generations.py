"""CPython's cyclic collector works in generations, triggered by thresholds."""

import gc

# ANCHOR: collections
print(gc.get_threshold())
collections = [0, 0, 0]  # how many times each generation was collected
order = []  # which generation each collection was, in turn


def count(phase, info):
    if phase == "start":
        collections[info["generation"]] += 1
        order.append(info["generation"])


gc.callbacks.append(count)
gc.collect()
collections[:] = [0, 0, 0]
order.clear()
rows = [[n] for n in range(100_000)]  # 100,000 new lists, all still alive
print(collections)

gc.freeze()  # before os.fork(): park them all for good
# ANCHOR_END: collections
gc.callbacks.remove(count)

# ANCHOR: order
first_of_1 = order.index(1)
second_of_1 = order.index(1, first_of_1 + 1)
print(f"the first collection of generation 1 is number {first_of_1 + 1};",
      f"the next, {second_of_1 - first_of_1} collections later")
# ANCHOR_END: order
