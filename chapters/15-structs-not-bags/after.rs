//! After: a struct with one typed field. Its value lives in the record itself, and the
//! field's name lives in the program, not in every record.
//!
//! Run it with `cargo run --example ch15-after`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;
use serde::Deserialize;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: record
/// A record with one field, `val`: 8 bytes, and nothing else.
#[derive(Debug, Deserialize)]
struct Record {
    val: i64,
}

fn make_record(val: i64) -> Record {
    Record { val }
}
// ANCHOR_END: record

fn main() {
    // ANCHOR: measure
    let (records, memory) =
        measure_memory(|| (0..black_box(1_000)).map(make_record).collect::<Vec<_>>());
    let sum: i64 = records.iter().map(|record| record.val).sum();
    println!("1,000 records, kept alive; the sum of their val fields: {sum}");
    println!("{memory}");

    let (record, memory) = measure_memory(|| make_record(black_box(7)));
    println!("one record: {:?}", record);
    println!("{memory}");

    let json = feed(1_000); // [{"val":0},{"val":1},...], built before measuring
    let (records, memory) = measure_memory(|| serde_json::from_str::<Vec<Record>>(&json).unwrap());
    println!(
        "{} records from {} bytes of JSON",
        records.len(),
        json.len()
    );
    println!("{memory}");
    // ANCHOR_END: measure
    println!("size_of: Record {} B", size_of::<Record>());
}

/// A JSON array of `n` records with one field each: `[{"val":0},{"val":1},...]`.
fn feed(n: i64) -> String {
    let records: Vec<String> = (0..n).map(|val| format!("{{\"val\":{val}}}")).collect();
    format!("[{}]", records.join(","))
}
