import tracemalloc

def slow_requests(log, threshold_ms):
    lines = log.splitlines()                 # every line, copied
    slow = []
    for line in lines:
        method, path, ms = line.split(" ")   # three new strings per line
        if int(ms) > threshold_ms:
            slow.append(path)                # kept: the answer
    return slow

log = "\n".join(f"GET /item/{n} {n * 37 % 250}" for n in range(1_000))

tracemalloc.start(25)                        # keep up to 25 frames per block
before = tracemalloc.take_snapshot()
start, _ = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
slow = slow_requests(log, 200)
_, peak = tracemalloc.get_traced_memory()
after = tracemalloc.take_snapshot()

def shown(text):                             # this file's name, the same in every clone
    return str(text).replace(__file__, "snapshot.py")

for stat in after.compare_to(before, "lineno")[:2]:
    print(shown(stat))
print("peak during the call:", peak - start, "bytes")
top = after.compare_to(before, "traceback")[0]
print(shown("\n".join(top.traceback.format())))
