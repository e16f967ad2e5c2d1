//! Chapter 11, strategy and trade-offs. Your exercise: make `total_price` fit its budgets.
//!
//! Run `cargo test -p chapter-11`. The checks count two costs at once: the heap your code
//! uses, and how many times it calls `price`.

use std::collections::HashMap;

/// The total price of `trips`, where each trip is a route number and `price(route)` gives
/// that route's price.
///
/// `price` is slow, and always gives the same price for the same route, so the checks count
/// how many times you call it. Trips come in the order they were booked: a few routes are
/// booked all day long, and most are booked once.
pub fn total_price(trips: &[u32], mut price: impl FnMut(u32) -> u64) -> u64 {
    let mut known: HashMap<u32, u64> = HashMap::new();
    trips
        .iter()
        .map(|&route| *known.entry(route).or_insert_with(|| price(route)))
        .sum()
}
