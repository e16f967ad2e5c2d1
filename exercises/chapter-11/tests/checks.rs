//! The checks of chapter 11: is `total_price` right, how often does it call `price`, and how
//! much heap does it use while it runs?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_11 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;
#[cfg(feature = "mistake")]
mod exercise {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/mistakes/",
        env!("SEEK_AND_DESTROY_MISTAKE"),
        ".rs"
    ));
}

use exercise::total_price;
use seek_and_destroy::{Xorshift, assert_answer};

/// The slow function: a route's price, from 100 to 999, the same on every call. Each run of
/// the checks draws a new price list, so that no code can know a price without asking.
#[derive(Clone, Copy)]
struct PriceList {
    key: u64,
}

impl PriceList {
    fn fresh() -> PriceList {
        PriceList {
            key: Xorshift::fresh().next_u64(),
        }
    }

    fn price(self, route: u32) -> u64 {
        let mut x = u64::from(route) ^ self.key;
        for _ in 0..32 {
            x ^= x >> 31;
            x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        }
        100 + x % 900
    }
}

/// The answer, computed the plain way: price every trip (not measured).
fn reference_total(trips: &[u32], prices: PriceList) -> u64 {
    trips.iter().map(|&route| prices.price(route)).sum()
}

/// How many different routes `trips` has: the fewest calls to `price` there can be.
fn distinct_routes(trips: &[u32]) -> usize {
    let mut routes = trips.to_vec();
    routes.sort_unstable();
    routes.dedup();
    routes.len()
}

/// The most calls a budget check allows: every distinct route once, plus 1 %.
fn call_limit(trips: &[u32]) -> usize {
    let distinct = distinct_routes(trips);
    distinct + distinct / 100
}

/// `total_price` with `price` counted: the total, or what was wrong with the count.
fn priced(trips: &[u32], limit: usize, prices: PriceList) -> Result<u64, String> {
    let mut calls = 0;
    let total = total_price(trips, |route| {
        calls += 1;
        prices.price(route)
    });
    if calls <= limit {
        Ok(total)
    } else {
        // The answer too, so that a reader over the limit also learns whether it was right.
        Err(format!(
            "{calls} calls to price, over the limit of {limit} (every distinct route once, plus \
             1 %); your total was {total}, the right one is {}",
            reference_total(trips, prices)
        ))
    }
}

/// A day of bookings: `count` trips, 7 in 10 of them on one of 60 busy routes and the rest
/// on routes booked once. With `shifting`, the busy routes of the afternoon are not those of
/// the morning.
///
/// Which trips are busy and which busy route each takes come from `seed`: that is the day's
/// shape, and it fixes how many distinct routes there are. The route numbers come from
/// `content`, which a budget check seeds anew each run: `x × odd + offset` wraps around
/// `u32` without two numbers meeting, so every run has exactly as many distinct routes.
fn day(seed: u64, count: usize, shifting: bool, content: &mut Xorshift) -> Vec<u32> {
    let mut shape = Xorshift::new(seed);
    let odd = content.next_u64() as u32 | 1;
    let offset = content.next_u64() as u32;
    let route = |x: usize| (x as u32).wrapping_mul(odd).wrapping_add(offset);
    // Busy routes are numbered after every possible one-off, so none is both.
    let morning = |i: usize| route(count + i);
    let afternoon = |i: usize| route(count + if shifting { 60 + i } else { i });
    (0..count)
        .map(|trip| {
            if shape.below(10) < 7 {
                let busy = shape.index(60);
                if trip < count / 2 {
                    morning(busy)
                } else {
                    afternoon(busy)
                }
            } else {
                shape.next_u64();
                route(trip)
            }
        })
        .collect()
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("a_few_trips", || {
            let prices = PriceList::fresh();
            let trips = [3, 5, 3];
            assert_answer!(
                total_price(&trips, |route| prices.price(route)),
                prices.price(3) + prices.price(5) + prices.price(3)
            );
        })
        .correctness("no_trips", || {
            let prices = PriceList::fresh();
            assert_answer!(total_price(&[], |route| prices.price(route)), 0);
        })
        .correctness("routes_at_the_edges_of_u32", || {
            let prices = PriceList::fresh();
            let trips = [0, u32::MAX, 0, u32::MAX, 1, 0];
            assert_answer!(
                total_price(&trips, |route| prices.price(route)),
                reference_total(&trips, prices)
            );
        })
        .correctness("the_same_route_all_day_is_priced_once", || {
            let prices = PriceList::fresh();
            let trips = [7; 100];
            let mut calls = 0;
            let total = total_price(&trips, |route| {
                calls += 1;
                prices.price(route)
            });
            assert_answer!(total, 100 * prices.price(7));
            assert_answer!(calls, 1, "calls to price for 100 trips on one route");
        })
        .correctness("generated_days", || {
            let prices = PriceList::fresh();
            let mut content = Xorshift::fresh();
            for seed in 1..=12 {
                let trips = day(seed, 2_000, seed % 2 == 0, &mut content);
                assert_answer!(
                    total_price(&trips, |route| prices.price(route)),
                    reference_total(&trips, prices),
                    "day {seed}"
                );
            }
        })
        .correctness("a_long_day", || {
            // Four times the budget days' routes: no table sized for those holds them all.
            let prices = PriceList::fresh();
            let trips = day(0x5eed_0013, 80_000, true, &mut Xorshift::fresh());
            let limit = call_limit(&trips);
            assert_answer!(
                priced(&trips, limit, prices),
                Ok(reference_total(&trips, prices)),
                "80,000 trips, {} distinct routes",
                distinct_routes(&trips)
            );
        })
        .budget(
            "steady_day",
            // unmeasured: the trips and the price list, both new on every run, the limit on
            // calls, and the total
            || {
                let prices = PriceList::fresh();
                let trips = day(0x5eed_0011, 20_000, false, &mut Xorshift::fresh());
                let limit = call_limit(&trips);
                let expected: Result<u64, String> = Ok(reference_total(&trips, prices));
                ((trips, limit, prices), expected)
            },
            // measured
            |(trips, limit, prices)| priced(&trips, limit, prices),
        )
        .budget(
            "shifting_day",
            || {
                let prices = PriceList::fresh();
                let trips = day(0x5eed_0012, 20_000, true, &mut Xorshift::fresh());
                let limit = call_limit(&trips);
                let expected: Result<u64, String> = Ok(reference_total(&trips, prices));
                ((trips, limit, prices), expected)
            },
            |(trips, limit, prices)| priced(&trips, limit, prices),
        )
        .run();
}
