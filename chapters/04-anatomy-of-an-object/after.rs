//! After: the same readings, laid out by Rust, which puts the widest fields first.
//!
//! Run it with `cargo run --example ch04-after`.

use std::hint::black_box;
use std::mem::size_of;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: reading
/// One reading of a temperature sensor. Rust chooses the order of the fields in memory.
struct Reading {
    valid: bool,  // 1 byte
    time: u64,    // 8 bytes: seconds since the epoch
    sensor: u16,  // 2 bytes
    celsius: f32, // 4 bytes
    alarm: bool,  // 1 byte
}
// ANCHOR_END: reading

// ANCHOR: readings
/// `count` made-up readings, in a `Vec` of exactly `count` elements.
fn readings(count: u64) -> Vec<Reading> {
    (0..count)
        .map(|i| Reading {
            valid: i % 10 != 0,
            time: 1_700_000_000 + i * 60,
            sensor: (i % 16) as u16,
            celsius: 18.0 + (i % 50) as f32 / 10.0,
            alarm: i % 97 == 0,
        })
        .collect() // a Range knows its length: one block, no growing
}
// ANCHOR_END: readings

fn main() {
    // ANCHOR: measure
    let (readings, memory) = measure_memory(|| readings(black_box(1_000)));
    let alarms = readings.iter().filter(|r| r.valid && r.alarm).count();
    println!(
        "{} readings of {} bytes, {alarms} valid alarms",
        readings.len(),
        size_of::<Reading>()
    );
    println!("{memory}");
    // ANCHOR_END: measure
    let warmest = readings.iter().map(|r| r.celsius).fold(f32::MIN, f32::max);
    let latest = readings.iter().map(|r| (r.time, r.sensor)).max();
    black_box((warmest, latest));
}
