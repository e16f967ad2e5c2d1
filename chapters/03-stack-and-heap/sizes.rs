//! How many bytes a value takes in its frame, and how many heap blocks creating it costs.
//!
//! Run it with `cargo run --example ch03-sizes`.

use std::hint::black_box;
use std::mem::size_of;

use seek_and_destroy::{Measurement, measure_memory};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    // ANCHOR: sizes
    println!("bytes in the frame (size_of):");
    println!("  u64               {:>2}", size_of::<u64>());
    println!("  [u8; 20]          {:>2}", size_of::<[u8; 20]>());
    println!("  &str              {:>2}", size_of::<&str>());
    println!("  String            {:>2}", size_of::<String>());
    println!("  Vec<u64>          {:>2}", size_of::<Vec<u64>>());
    println!("  Box<u64>          {:>2}", size_of::<Box<u64>>());
    println!("  Option<Box<u64>>  {:>2}", size_of::<Option<Box<u64>>>());
    // ANCHOR_END: sizes

    // ANCHOR: create
    println!();
    println!("heap blocks to create one:");
    let (_, memory) = measure_memory(|| black_box(111u64));
    show("111u64", memory);
    let (_, memory) = measure_memory(|| black_box([0u8; 20]));
    show("[0u8; 20]", memory);
    let (_, memory) = measure_memory(|| black_box("stack and heap"));
    show("\"stack and heap\"", memory);
    let (_, memory) = measure_memory(|| String::from(black_box("stack and heap")));
    show("String::from(\"stack and heap\")", memory);
    let (_, memory) = measure_memory(String::new);
    show("String::new()", memory);
    let (_, memory) = measure_memory(|| vec![black_box(1u64), 2, 3]);
    show("vec![1u64, 2, 3]", memory);
    let (_, memory) = measure_memory(|| Box::new(black_box(111u64)));
    show("Box::new(111u64)", memory);
    let (_, memory) = measure_memory(|| Some(Box::new(black_box(111u64))));
    show("Some(Box::new(111u64))", memory);
    let (_, memory) = measure_memory(|| black_box(None::<Box<u64>>));
    show("None::<Box<u64>>", memory);
    // ANCHOR_END: create
}

/// One line of the second table: what was created, then what it cost the heap.
fn show(what: &str, memory: Measurement) {
    println!("  {what:<31} {memory}");
}
