//! Before: a depot's manifest of 10,000 parcels, every field an owned `String` or a `u64`.
//!
//! Run it with `cargo run --example ch16-before`.

use std::hint::black_box;
use std::mem::size_of;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: parcel
/// One parcel of the manifest, as a first pass stores it.
struct Parcel {
    id: String,        // "PX0012345": "PX" and seven digits
    recipient: String, // "Ada Lovelace", from the line's "Lovelace;Ada"
    status: String,    // "sorted", "out for delivery", "delivered" or "returned"
    grams: u64,        // 1 to 30,000: the depot takes nothing heavier than 30 kg
}

/// Reads one line of the manifest, as in `PX0012345;Lovelace;Ada;delivered;2350`.
fn parse(line: &str) -> Parcel {
    let mut fields = line.split(';');
    let mut next = || fields.next().expect("a line has five fields");
    let id = next().to_string();
    let (last, first) = (next(), next());
    Parcel {
        id,
        recipient: format!("{first} {last}"),
        status: next().to_string(),
        grams: next().parse().expect("a weight in grams"),
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
    let delivered = parcels.iter().filter(|p| p.status == "delivered").count();
    let grams: u64 = parcels.iter().map(|p| p.grams).sum();
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
            .map(|p| p.id.len() + p.recipient.len())
            .sum::<usize>(),
    );
}
