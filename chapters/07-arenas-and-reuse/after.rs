//! After: price every line of an order file, building its lookup key in one reused `String`.
//!
//! Run it with `cargo run --example ch07-after`.

use std::collections::HashMap;
use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: total
/// The value of every order line `shop,item,quantity`, priced from `prices`, whose keys
/// are `"shop/item"`.
fn total(orders: &str, prices: &HashMap<String, u64>) -> u64 {
    let mut total = 0;
    let mut key = String::new(); // one String for the whole loop: no block yet
    for line in orders.lines() {
        let mut fields = line.split(',');
        let (Some(shop), Some(item), Some(quantity)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue; // not an order line
        };
        key.clear(); // length 0, capacity kept
        key.push_str(shop); // a block only if the key outgrows every earlier one
        key.push('/');
        key.push_str(item);
        let quantity: u64 = quantity.parse().unwrap_or(0);
        total += prices.get(key.as_str()).copied().unwrap_or(0) * quantity;
    }
    total
} // `key` is dropped here, once
// ANCHOR_END: total

/// Five shops and six items: every key, `"shop/item"`, is 10 to 15 bytes long.
const SHOPS: [&str; 5] = ["north", "south", "harbour", "station", "market"];
const ITEMS: [&str; 6] = ["apples", "pears", "bread", "milk", "cheese", "coffee"];

/// The price table, keyed `"shop/item"`.
fn prices() -> HashMap<String, u64> {
    let mut prices = HashMap::new();
    for (s, shop) in SHOPS.iter().enumerate() {
        for (i, item) in ITEMS.iter().enumerate() {
            prices.insert(format!("{shop}/{item}"), (10 + 7 * s + 3 * i) as u64);
        }
    }
    prices
}

/// `lines` order lines, the same on every run.
fn orders(lines: usize) -> String {
    let mut orders = String::new();
    for n in 0..lines {
        let (shop, item) = (SHOPS[n % 5], ITEMS[n % 6]);
        orders.push_str(&format!("{shop},{item},{}\n", 1 + n % 9));
    }
    orders
}

fn main() {
    // ANCHOR: measure
    let prices = prices(); // built before measuring: not counted
    for lines in [10_000, 1_000] {
        let orders = orders(lines);
        let (total, memory) = measure_memory(|| total(black_box(&orders), &prices));
        println!("{lines} order lines, total {total}");
        println!("{memory}");
    }
    // ANCHOR_END: measure
}
