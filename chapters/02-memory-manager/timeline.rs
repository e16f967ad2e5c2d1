//! When are the bytes live? A `Vec` that grows by doubling, recorded event by event: through
//! `realloc`, as `push` does it, and by hand, with a new block, a copy and a free, as a
//! `realloc` that cannot grow in place does it inside the allocator.
//!
//! Run it with `cargo run --example ch02-timeline`. `cargo xtask generate` draws each timeline
//! as a chart beside this file: `timeline-push.svg` and `timeline-copy.svg`.

use std::hint::black_box;

use seek_and_destroy::{TimelineAlloc, measure_timeline};

// TimelineAlloc wraps dhat::Alloc: dhat counts as always, and measure_timeline can also
// record the live bytes after every allocation event.
#[global_allocator]
static ALLOC: TimelineAlloc = TimelineAlloc;

const N: u64 = 1000;

// ANCHOR: push
/// 1,000 pushes into `Vec::new()`: each full block is grown with one `realloc`.
fn by_push() -> u64 {
    let mut values = Vec::new();
    for n in 0..black_box(N) {
        values.push(n);
    }
    values.iter().sum() // `values` is freed here
}
// ANCHOR_END: push

// ANCHOR: copy
/// The same growth by hand: a new block twice the size, a copy, then the old block freed.
fn by_copy() -> u64 {
    let mut values: Vec<u64> = Vec::with_capacity(4);
    for n in 0..black_box(N) {
        if values.len() == values.capacity() {
            let mut bigger = Vec::with_capacity(2 * values.capacity());
            bigger.extend_from_slice(&values); // for a moment, both blocks are live
            values = bigger; // the old block is freed here
        }
        values.push(n);
    }
    values.iter().sum()
}
// ANCHOR_END: copy

fn main() {
    let (sum, memory) = measure_timeline("push", by_push);
    println!("push: sum {sum}");
    println!("{memory}");
    let (sum, memory) = measure_timeline("copy", by_copy);
    println!("copy: sum {sum}");
    println!("{memory}");
}
