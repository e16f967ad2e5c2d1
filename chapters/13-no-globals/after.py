"""After: the client is a local of `foo`, so its log goes when `foo` returns."""

from measure_memory import measure_memory


class Client:
    def __init__(self):
        self.log = []

    def get(self, item):
        self.log.append(f"GET /item/{item}")
        return item * 2


# ANCHOR: local
def foo():
    client = Client()  # local: gone when foo returns
    return sum(client.get(item) for item in range(300))
# ANCHOR_END: local


print("foo, the first time:")
measure_memory(foo)
print("foo, the second time:")
measure_memory(foo)
