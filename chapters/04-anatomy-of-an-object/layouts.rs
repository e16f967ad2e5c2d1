//! What a value is made of: its size, its alignment, where each field sits, and the heap
//! blocks some of them point to.
//!
//! Run it with `cargo run --example ch04-layouts`.

use std::fmt::Display;
use std::hint::black_box;
use std::mem::{align_of, offset_of, size_of};
use std::num::NonZeroU32;

use seek_and_destroy::{Measurement, measure_memory};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: reading
/// A sensor reading, laid out as C would: fields in the order they are declared.
#[repr(C)]
#[allow(dead_code)] // only measured here, never read
struct ReadingC {
    valid: bool,
    time: u64,
    sensor: u16,
    celsius: f32,
    alarm: bool,
}

/// The same fields in the same order, laid out by Rust (`repr(Rust)`, the default).
#[allow(dead_code)]
struct Reading {
    valid: bool,
    time: u64,
    sensor: u16,
    celsius: f32,
    alarm: bool,
}
// ANCHOR_END: reading

// ANCHOR: shape
/// An enum: its largest variant, plus a tag saying which variant it is.
#[allow(dead_code)]
enum Shape {
    Dot,
    Circle(f32),
    Rect(f32, f32),
}
// ANCHOR_END: shape

fn main() {
    // ANCHOR: plain
    println!("plain values (size, align):");
    row::<u8>("u8");
    row::<u16>("u16");
    row::<u32>("u32 / f32");
    row::<u64>("u64 / f64");
    row::<bool>("bool");
    row::<(u64, f64, bool)>("(u64, f64, bool)");
    // ANCHOR_END: plain

    // ANCHOR: fields
    println!();
    println!("where the fields go (offset in bytes):");
    println!(
        "  repr(C)     size {:>2}, align {}: valid@{} time@{} sensor@{} celsius@{} alarm@{}",
        size_of::<ReadingC>(),
        align_of::<ReadingC>(),
        offset_of!(ReadingC, valid),
        offset_of!(ReadingC, time),
        offset_of!(ReadingC, sensor),
        offset_of!(ReadingC, celsius),
        offset_of!(ReadingC, alarm),
    );
    println!(
        "  repr(Rust)  size {:>2}, align {}: valid@{} time@{} sensor@{} celsius@{} alarm@{}",
        size_of::<Reading>(),
        align_of::<Reading>(),
        offset_of!(Reading, valid),
        offset_of!(Reading, time),
        offset_of!(Reading, sensor),
        offset_of!(Reading, celsius),
        offset_of!(Reading, alarm),
    );
    // ANCHOR_END: fields

    // ANCHOR: niches
    println!();
    println!("options and enums (size, align):");
    row::<Option<u32>>("Option<u32>");
    row::<Option<NonZeroU32>>("Option<NonZeroU32>");
    row::<Option<Box<u64>>>("Option<Box<u64>>");
    row::<Option<String>>("Option<String>");
    row::<Shape>("Shape");
    row::<Option<Shape>>("Option<Shape>");
    // ANCHOR_END: niches

    // ANCHOR: pointers
    println!();
    println!("pointers and handles (size, align):");
    row::<&u64>("&u64");
    row::<&[u64]>("&[u64]");
    row::<&str>("&str");
    row::<Box<dyn Display>>("Box<dyn Display>");
    row::<Box<[u64]>>("Box<[u64]>");
    row::<Box<str>>("Box<str>");
    row::<Vec<u64>>("Vec<u64>");
    row::<String>("String");
    // ANCHOR_END: pointers

    // ANCHOR: heap
    println!();
    println!("the heap blocks behind them:");
    let (_, memory) = measure_memory(|| vec![black_box(1u64), 2, 3]);
    show("vec![1u64, 2, 3]", memory);
    let (_, memory) = measure_memory(|| vec![black_box(1u64), 2, 3].into_boxed_slice());
    show("  .into_boxed_slice()", memory);
    let (_, memory) = measure_memory(|| {
        let mut v = Vec::with_capacity(4);
        v.extend([black_box(1u64), 2, 3]);
        v.into_boxed_slice()
    });
    show("capacity 4, 3 pushed, boxed", memory);
    let (_, memory) = measure_memory(|| Box::new(black_box(111u64)) as Box<dyn Display>);
    show("Box<dyn Display> of a u64", memory);
    // ANCHOR_END: heap
}

/// One line of a table: a type's name, its size and its alignment.
fn row<T>(name: &str) {
    println!("  {name:<20} {:>2} {:>2}", size_of::<T>(), align_of::<T>());
}

/// One line of the last table: what was created, then what it cost the heap.
fn show(what: &str, memory: Measurement) {
    println!("  {what:<29} {memory}");
}
