//! The checks of chapter 11: is `total_price` right, how often does it call `price`, and how
//! much heap does it use while it runs?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_11 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::total_price;
use seek_and_destroy::{Xorshift, assert_answer};

/// The slow function: a route's price, from 100 to 999, the same on every call.
fn price(route: u32) -> u64 {
    let mut x = u64::from(route) ^ 0x9e37_79b9_7f4a_7c15;
    for _ in 0..32 {
        x ^= x >> 31;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    }
    100 + x % 900
}

/// The answer, computed the plain way: price every trip (not measured).
fn reference_total(trips: &[u32]) -> u64 {
    trips.iter().map(|&route| price(route)).sum()
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
fn priced(trips: &[u32], limit: usize) -> Result<u64, String> {
    let mut calls = 0;
    let total = total_price(trips, |route| {
        calls += 1;
        price(route)
    });
    if calls <= limit {
        Ok(total)
    } else {
        Err(format!(
            "{calls} calls to price, over the limit of {limit} (every distinct route once, plus 1 %)"
        ))
    }
}

/// A day of bookings: `count` trips, 7 in 10 of them on one of 60 busy routes and the rest
/// on any route at all. With `shifting`, the busy routes of the afternoon are not those of
/// the morning.
fn day(seed: u64, count: usize, shifting: bool) -> Vec<u32> {
    let mut numbers = Xorshift::new(seed);
    let busy = |numbers: &mut Xorshift| -> Vec<u32> {
        (0..60).map(|_| numbers.next_u64() as u32).collect()
    };
    let morning = busy(&mut numbers);
    let afternoon = if shifting {
        busy(&mut numbers)
    } else {
        morning.clone()
    };
    (0..count)
        .map(|trip| {
            let busy = if trip < count / 2 {
                &morning
            } else {
                &afternoon
            };
            if numbers.below(10) < 7 {
                busy[numbers.index(busy.len())]
            } else {
                numbers.next_u64() as u32
            }
        })
        .collect()
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("a_few_trips", || {
            let trips = [3, 5, 3];
            assert_answer!(total_price(&trips, price), price(3) + price(5) + price(3));
        })
        .correctness("no_trips", || {
            assert_answer!(total_price(&[], price), 0);
        })
        .correctness("routes_at_the_edges_of_u32", || {
            let trips = [0, u32::MAX, 0, u32::MAX, 1, 0];
            assert_answer!(total_price(&trips, price), reference_total(&trips));
        })
        .correctness("the_same_route_all_day_is_priced_once", || {
            let trips = [7; 100];
            let mut calls = 0;
            let total = total_price(&trips, |route| {
                calls += 1;
                price(route)
            });
            assert_answer!(total, 100 * price(7));
            assert_answer!(calls, 1, "calls to price for 100 trips on one route");
        })
        .correctness("generated_days", || {
            for seed in 1..=12 {
                let trips = day(seed, 2_000, seed % 2 == 0);
                assert_answer!(
                    total_price(&trips, price),
                    reference_total(&trips),
                    "day {seed}"
                );
            }
        })
        .budget(
            "steady_day",
            // unmeasured: the trips, the limit on calls, and the total
            || {
                let trips = day(0x5eed_0011, 20_000, false);
                let limit = call_limit(&trips);
                let expected: Result<u64, String> = Ok(reference_total(&trips));
                ((trips, limit), expected)
            },
            // measured
            |(trips, limit)| priced(&trips, limit),
        )
        .budget(
            "shifting_day",
            || {
                let trips = day(0x5eed_0012, 20_000, true);
                let limit = call_limit(&trips);
                let expected: Result<u64, String> = Ok(reference_total(&trips));
                ((trips, limit), expected)
            },
            |(trips, limit)| priced(&trips, limit),
        )
        .run();
}
