//! What a shared value costs: the block behind a `Box`, an `Rc`, an `Arc`, an `Rc<str>`, and
//! what cloning each kind of handle allocates.
//!
//! Run it with `cargo run --example ch05-block`.

use std::hint::black_box;
use std::mem::size_of;
use std::rc::Rc;
use std::sync::Arc;

use seek_and_destroy::{Measurement, measure_memory};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    // ANCHOR: sizes
    println!("bytes in the frame (size_of):");
    println!("  Box<u64>  {:>2}", size_of::<Box<u64>>());
    println!("  Rc<u64>   {:>2}", size_of::<Rc<u64>>());
    println!("  Arc<u64>  {:>2}", size_of::<Arc<u64>>());
    println!("  String    {:>2}", size_of::<String>());
    println!("  Rc<str>   {:>2}", size_of::<Rc<str>>());
    // ANCHOR_END: sizes

    // ANCHOR: create
    println!();
    println!("heap blocks to create one:");
    let (_, memory) = measure_memory(|| Box::new(black_box(5u64)));
    show("Box::new(5u64)", memory);
    let (_, memory) = measure_memory(|| Rc::new(black_box(5u64)));
    show("Rc::new(5u64)", memory);
    let (_, memory) = measure_memory(|| Arc::new(black_box(5u64)));
    show("Arc::new(5u64)", memory);
    let (_, memory) = measure_memory(|| Rc::<str>::from(black_box("python")));
    show("Rc::<str>::from(\"python\")", memory);
    let (_, memory) = measure_memory(|| Rc::new(String::from(black_box("python"))));
    show("Rc::new(String::from(\"python\"))", memory);
    let (_, memory) = measure_memory(|| Rc::<[u64]>::from(black_box([1, 2, 3])));
    show("Rc::<[u64]>::from([1, 2, 3])", memory);
    // ANCHOR_END: create

    // ANCHOR: clone
    println!();
    println!("heap blocks to clone one (made before measuring):");
    let name = String::from("python");
    let (_, memory) = measure_memory(|| black_box(&name).clone());
    show("a String: a deep clone", memory);
    let shared: Rc<str> = Rc::from("python");
    let (_, memory) = measure_memory(|| Rc::clone(black_box(&shared)));
    show("an Rc<str>: a new handle", memory);
    let shared = Arc::new(5u64);
    let (_, memory) = measure_memory(|| Arc::clone(black_box(&shared)));
    show("an Arc<u64>: a new handle", memory);
    // ANCHOR_END: clone
}

/// One line of a table: what was made, then what it cost the heap.
fn show(what: &str, memory: Measurement) {
    println!("  {what:<33} {memory}");
}
