"""A widget's observer, attached to a subject that keeps it strongly, then weakly."""

import sys
import weakref


# ANCHOR: subject
class Observer:
    def __del__(self):
        print("  observer freed")


class Subject:
    def __init__(self, weak):
        self.weak = weak
        self.observers = []

    def attach(self, observer):
        if self.weak:
            self.observers.append(weakref.ref(observer))  # weak: no reference
        else:
            self.observers.append(observer)  # strong: one more reference


def widget(subject):
    observer = Observer()  # the widget owns its observer
    subject.attach(observer)
    print(f"  sys.getrefcount(observer): {sys.getrefcount(observer)}")
# ANCHOR_END: subject


for weak in (False, True):
    print("weak list:" if weak else "strong list:")
    subject = Subject(weak)
    widget(subject)
    print("  widget closed")
    if weak:
        print(f"  the list's entry, called: {subject.observers[0]()}")
    del subject
    print("  subject dropped")
