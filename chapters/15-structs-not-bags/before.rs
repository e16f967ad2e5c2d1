//! Before: keep each record as a bag of named values, the way dynamic code keeps an object's
//! `__dict__`, and the way records arrive when they come as JSON.
//!
//! Run it with `cargo run --example ch15-before`.

use std::collections::HashMap;
use std::hint::black_box;

use seek_and_destroy::measure_memory;
use serde_json::Value;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: bag
/// A record as dynamic code keeps it: each field under its name, any value in any field.
type Bag = HashMap<String, Value>;

/// A record with one field, `val`, like the talk's class with one attribute.
fn make_bag(val: i64) -> Bag {
    HashMap::from([("val".to_string(), Value::from(val))])
}
// ANCHOR_END: bag

fn main() {
    // ANCHOR: measure
    let (bags, memory) = measure_memory(|| (0..black_box(1_000)).map(make_bag).collect::<Vec<_>>());
    let sum: i64 = bags.iter().map(|bag| bag["val"].as_i64().unwrap()).sum();
    println!("1,000 bags, kept alive; the sum of their val fields: {sum}");
    println!("{memory}");

    let (bag, memory) = measure_memory(|| make_bag(black_box(7)));
    println!("one bag: {:?}", bag);
    println!("{memory}");

    let json = feed(1_000); // [{"val":0},{"val":1},...], built before measuring
    let (bags, memory) = measure_memory(|| serde_json::from_str::<Vec<Bag>>(&json).unwrap());
    println!("{} bags from {} bytes of JSON", bags.len(), json.len());
    println!("{memory}");
    // ANCHOR_END: measure
    println!(
        "size_of: HashMap<String, Value> {} B, (String, Value) {} B, Value {} B",
        size_of::<Bag>(),
        size_of::<(String, Value)>(),
        size_of::<Value>()
    );
}

/// A JSON array of `n` records with one field each: `[{"val":0},{"val":1},...]`.
fn feed(n: i64) -> String {
    let records: Vec<String> = (0..n).map(|val| format!("{{\"val\":{val}}}")).collect();
    format!("[{}]", records.join(","))
}
