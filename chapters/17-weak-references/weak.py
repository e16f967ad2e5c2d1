"""1,000 widgets in a row, each attaching an observer that nothing else keeps, to three kinds of
subject: a strong list, a list of `weakref.ref`, and a `weakref.WeakSet`."""

import sys
import weakref

from measure_memory import measure_memory


# ANCHOR: subjects
class Observer:
    pass


class StrongList:
    def __init__(self):
        self.observers = []

    def attach(self, observer):
        self.observers.append(observer)


class WeakList(StrongList):
    def attach(self, observer):
        self.observers.append(weakref.ref(observer))


class WeakSetSubject:
    def __init__(self):
        self.observers = weakref.WeakSet()

    def attach(self, observer):
        self.observers.add(observer)


def widget(subject):
    subject.attach(Observer())  # the observer's only owner is this line
# ANCHOR_END: subjects


# ANCHOR: measure
def thousand_widgets(subject):
    for _ in range(1000):
        widget(subject)


for kind in (StrongList, WeakList, WeakSetSubject):
    subject = kind()
    print(f"{kind.__name__}:")
    measure_memory(lambda: thousand_widgets(subject))
    print(f"  entries left: {len(subject.observers)}")
# ANCHOR_END: measure
print(f"sys.getsizeof of a dead weakref.ref: {sys.getsizeof(weakref.ref(Observer()))} bytes")
