"""20,000 trips, 7 in 10 of them on one of 60 busy routes, each priced by a slow function:
`functools.lru_cache` at its two extremes, with the calls counted and the peak measured."""

import functools
import random

from measure_memory import measure


# ANCHOR: cache
def price(route):  # stands for a slow computation
    return sum(route * k % 97 for k in range(20))


def total(trips, maxsize):
    priced = functools.lru_cache(maxsize=maxsize)(price)
    result, figures = measure(lambda: sum(priced(route) for route in trips))
    calls = priced.cache_info().misses  # each miss is one call of price
    print(f"maxsize={maxsize}: {calls} calls | {figures}")
    return result


rng = random.Random(7)
busy = [rng.randrange(10**6) for _ in range(60)]
trips = [rng.choice(busy) if rng.random() < 0.7 else rng.randrange(10**6) for _ in range(20_000)]
total(trips, 0)  # never remember: every trip calls price
total(trips, None)  # remember every route
# ANCHOR_END: cache
