//! After: the same 10,000 parcels as compact values: one heap block each, for the name.
//!
//! Run it with `cargo run --example ch16-after`.

use std::hint::black_box;
use std::mem::size_of;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: parcel
/// A tracking number: "PX" and seven digits, so the digits are all it needs to keep.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct TrackingId(u32);

/// Where a parcel is: one of four, so one byte.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Status {
    Sorted,
    OutForDelivery,
    Delivered,
    Returned,
}

/// One parcel of the manifest, as compact values.
struct Parcel {
    id: TrackingId,      // 4 bytes, no block
    recipient: Box<str>, // 16 bytes, and a block of exactly the name's length
    status: Status,      // 1 byte, no block
    grams: u16,          // 2 bytes: 30,000 fits below 65,535
}

/// Reads one line of the manifest, as in `PX0012345;Lovelace;Ada;delivered;2350`.
fn parse(line: &str) -> Parcel {
    let mut fields = line.split(';');
    let mut next = || fields.next().expect("a line has five fields");
    let id = next().strip_prefix("PX").expect("an id starts with PX");
    let (last, first) = (next(), next());
    Parcel {
        id: TrackingId(id.parse().expect("seven digits")),
        // `join` adds up the lengths first, so the block is asked for once, at its final
        // size, and the box takes it as it is.
        recipient: [first, last].join(" ").into_boxed_str(),
        status: match next() {
            "sorted" => Status::Sorted,
            "out for delivery" => Status::OutForDelivery,
            "delivered" => Status::Delivered,
            "returned" => Status::Returned,
            other => panic!("unknown status {other:?}"),
        },
        grams: next().parse().expect("at most 30,000 grams"),
    }
}
// ANCHOR_END: parcel

/// Reads the whole manifest, into a `Vec` sized once for all of its lines.
fn parse_manifest(text: &str) -> Vec<Parcel> {
    let mut parcels = Vec::with_capacity(text.lines().count());
    parcels.extend(text.lines().map(parse));
    parcels
}

/// A made-up manifest of `count` lines, the same on every run.
fn manifest(count: u32) -> String {
    const LAST: [&str; 8] = [
        "Lovelace", "Hopper", "Turing", "Liskov", "Ritchie", "Hamilton", "Knuth", "Noether",
    ];
    const FIRST: [&str; 6] = ["Ada", "Grace", "Alan", "Barbara", "Edsger", "Emmy"];
    const STATUS: [&str; 4] = ["sorted", "out for delivery", "delivered", "returned"];
    let mut text = String::new();
    for i in 0..count {
        let line = format!(
            "PX{:07};{};{};{};{}\n",
            1_000_000 + i * 37,
            LAST[(i % 8) as usize],
            FIRST[(i / 8 % 6) as usize],
            STATUS[(i % 4) as usize],
            1 + i * 7919 % 30_000,
        );
        text.push_str(&line);
    }
    text
}

fn main() {
    let text = manifest(10_000);
    // ANCHOR: measure
    let (parcels, memory) = measure_memory(|| parse_manifest(black_box(&text)));
    let delivered = parcels
        .iter()
        .filter(|p| p.status == Status::Delivered)
        .count();
    let grams: u64 = parcels.iter().map(|p| u64::from(p.grams)).sum();
    let names: usize = parcels.iter().map(|p| p.recipient.len()).sum();
    println!(
        "{} parcels of {} bytes, {names} bytes of names, {delivered} delivered, {grams} grams",
        parcels.len(),
        size_of::<Parcel>()
    );
    println!("{memory}");
    // ANCHOR_END: measure
    black_box(
        parcels
            .iter()
            .map(|p| p.id.0 as usize + p.recipient.len())
            .sum::<usize>(),
    );
}
