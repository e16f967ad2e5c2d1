"""Before: one client at module level, which logs every request it sends."""

from measure_memory import measure_memory


# ANCHOR: client
class Client:
    def __init__(self):
        self.log = []

    def get(self, item):
        self.log.append(f"GET /item/{item}")  # one new str per request
        return item * 2


client = Client()  # module level: lives as long as the module


def foo():
    return sum(client.get(item) for item in range(300))
# ANCHOR_END: client


print("foo, the first time:")
measure_memory(foo)
print("foo, the second time:")
measure_memory(foo)
print(f"entries in the log: {len(client.log)}")
