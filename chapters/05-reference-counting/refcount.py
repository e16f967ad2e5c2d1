"""Every CPython object counts its references, and is freed the moment the count reaches zero."""

import sys


# ANCHOR: refcount
class Tag:
    def __del__(self):
        print("tag freed")


t = Tag()
print(sys.getrefcount(t))  # the name t, and the call's own argument
alias = t
print(sys.getrefcount(t))
tags = [t, t, t]
print(sys.getrefcount(t))  # each slot of the list is one more reference
del alias, tags
print(sys.getrefcount(t))
del t  # the count reaches zero: the object is freed here
print("after del")
# ANCHOR_END: refcount

# ANCHOR: sharing
body = "Dear reader, " * 8
letters = [(i, body) for i in range(1000)]
print(letters[0][1] is letters[999][1])  # one string, a thousand references to it
# ANCHOR_END: sharing
