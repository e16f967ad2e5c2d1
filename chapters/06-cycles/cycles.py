"""Reference counting cannot free a cycle; CPython's cycle detector can."""

import gc
import weakref


# ANCHOR: cycle
class Node:
    pass


gc.disable()  # no automatic collections: only ours
a, b = Node(), Node()
a.other, b.other = b, a  # a -> b -> a: a cycle
probe = weakref.ref(a)  # watches a without keeping it alive

del a, b  # both names gone; each object still has one reference
print(probe() is not None)  # reference counting freed nothing
print(gc.collect())  # unreachable objects the cycle detector found
print(probe())  # now they are gone
# ANCHOR_END: cycle

# ANCHOR: weak
a, b = Node(), Node()
a.other, b.other = b, weakref.ref(a)  # b watches a, and keeps nothing alive
probe = weakref.ref(a)
del a, b
print(probe(), gc.collect())  # freed by the del alone: nothing left to find
print(gc.get_threshold())
# ANCHOR_END: weak
