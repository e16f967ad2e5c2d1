//! Spare capacity: 10,000 names built four ways, kept as `String` or as `Box<str>`.
//!
//! Run it with `cargo run --example ch16-capacity`.

use std::hint::black_box;
use std::mem::size_of;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The first and last names of `count` recipients, as the manifest spells them.
fn people(count: usize) -> Vec<(&'static str, &'static str)> {
    const LAST: [&str; 8] = [
        "Lovelace", "Hopper", "Turing", "Liskov", "Ritchie", "Hamilton", "Knuth", "Noether",
    ];
    const FIRST: [&str; 6] = ["Ada", "Grace", "Alan", "Barbara", "Edsger", "Emmy"];
    (0..count)
        .map(|i| (FIRST[i / 8 % 6], LAST[i % 8]))
        .collect()
}

fn main() {
    let people = black_box(people(10_000));
    let show = |label: &str, memory| println!("  {label:<34}{memory}");
    println!(
        "handles: String {} bytes, Box<str> {} bytes\n",
        size_of::<String>(),
        size_of::<Box<str>>()
    );
    println!("10,000 names, kept in a Vec sized once:");

    // ANCHOR: ways
    let (names, memory) = measure_memory(|| {
        let mut names = Vec::with_capacity(people.len());
        for (first, last) in &people {
            names.push(format!("{first} {last}")); // grows: 8 bytes, then 16
        }
        names
    });
    show("format!, kept as String", memory);
    let capacity: usize = names.iter().map(String::capacity).sum();
    let length: usize = names.iter().map(String::len).sum();
    drop(names);

    let (names, memory) = measure_memory(|| {
        let mut names = Vec::with_capacity(people.len());
        for (first, last) in &people {
            let mut name = format!("{first} {last}");
            name.shrink_to_fit(); // a third block, of the exact length
            names.push(name);
        }
        names
    });
    show("format!, then shrink_to_fit", memory);
    drop(names);

    let (names, memory) = measure_memory(|| {
        let mut names = Vec::with_capacity(people.len());
        for (first, last) in &people {
            names.push(format!("{first} {last}").into_boxed_str()); // shrinks as well
        }
        names
    });
    show("format!, then into_boxed_str", memory);
    drop(names);

    let (names, memory) = measure_memory(|| {
        let mut names = Vec::with_capacity(people.len());
        for (first, last) in &people {
            names.push([*first, *last].join(" ").into_boxed_str()); // exact from the start
        }
        names
    });
    show("join, then into_boxed_str", memory);
    // ANCHOR_END: ways
    let boxed: usize = names.iter().map(|name| name.len()).sum();
    println!("\ncapacity of the Strings: {capacity} bytes, for {length} bytes of names");
    println!("bytes in the boxes: {boxed}");
}
