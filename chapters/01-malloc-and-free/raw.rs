//! malloc and free by hand: one block asked for and given back, then one that is never given
//! back, then the same block owned by a `Box`, which gives it back on its own.
//!
//! Run it with `cargo run --example ch01-raw`.

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: malloc
/// Room for four `u64`s: 32 bytes, aligned for a `u64`.
const LAYOUT: Layout = match Layout::array::<u64>(4) {
    Ok(layout) => layout,
    Err(_) => panic!("4 × u64 fits in memory"),
};

/// C's `malloc`: asks the allocator for one block of `LAYOUT`, and fills it.
fn malloc() -> *mut u64 {
    // SAFETY: LAYOUT's size is not zero.
    let block = unsafe { alloc(LAYOUT) }.cast::<u64>();
    if block.is_null() {
        handle_alloc_error(LAYOUT);
    }
    for i in 0..4 {
        // SAFETY: the block holds four u64s, and `i` is below four.
        unsafe { block.add(i).write(i as u64) };
    }
    black_box(block)
}

/// C's `free`: gives the block back to the allocator.
///
/// # Safety
///
/// `block` must come from `malloc`, and must not be used, or freed, again.
unsafe fn free(block: *mut u64) {
    // SAFETY: the caller promises `block` came from `alloc(LAYOUT)` and is still live.
    unsafe { dealloc(block.cast(), LAYOUT) };
}
// ANCHOR_END: malloc

fn main() {
    // ANCHOR: measure
    let ((), memory) = measure_memory(|| {
        let block = malloc();
        // SAFETY: `block` came from `malloc`, and nothing uses it after this line.
        unsafe { free(block) };
    });
    println!("malloc, then free:   {memory}");

    // The block leaves the measured period unfreed: for the measurement, a leak.
    let (forgotten, memory) = measure_memory(malloc);
    println!("malloc, no free:     {memory}");
    // Freed now, after the figures were read: the measurement above still saw it live.
    // SAFETY: `forgotten` came from `malloc`, and this is its only free.
    unsafe { free(forgotten) };

    let ((), memory) = measure_memory(|| {
        let owner = Box::new([0u64, 1, 2, 3]); // malloc, through the global allocator
        drop(black_box(owner)); // free, done by Box's Drop
    });
    println!("Box::new, then drop: {memory}");
    // ANCHOR_END: measure
}
