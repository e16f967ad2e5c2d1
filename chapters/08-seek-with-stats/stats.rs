//! Rust's answers to `sys.getsizeof`, `sys.getrefcount` and `sys.getallocatedblocks`.
//!
//! Run it with `cargo run --example ch08-stats`.

use std::hint::black_box;
use std::mem::{size_of, size_of_val};
use std::rc::Rc;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The Python example's `Point`, as a Rust struct: two `f64`s and nothing else.
#[derive(Clone, Copy)]
struct Point {
    x: f64,
    y: f64,
}

fn main() {
    println!("1,000 points in a Vec<Point>:"); // stdout's buffer is made here, before measuring
    // ANCHOR: profiler
    // dhat::HeapStats::get() reads the running profiler's counts, and panics if none runs.
    let _profiler = dhat::Profiler::builder().testing().build();
    // ANCHOR_END: profiler

    // ANCHOR: blocks
    let before = dhat::HeapStats::get();
    let path: Vec<Point> = (0..1000).map(|_| Point { x: 0.0, y: 0.0 }).collect();
    let after = dhat::HeapStats::get();
    println!(
        "  curr_blocks {} → {}, curr_bytes {} → {}",
        before.curr_blocks, after.curr_blocks, before.curr_bytes, after.curr_bytes
    );

    let before = dhat::HeapStats::get();
    let boxed: Vec<Box<Point>> = path.iter().map(|&point| Box::new(point)).collect();
    let after = dhat::HeapStats::get();
    println!("the same points, each in a Box, in a Vec<Box<Point>>:");
    println!(
        "  curr_blocks {} → {}, curr_bytes {} → {}",
        before.curr_blocks, after.curr_blocks, before.curr_bytes, after.curr_bytes
    );
    println!("everything dhat counts, at this point:");
    println!("  {after:?}");
    // ANCHOR_END: blocks

    // ANCHOR: sizes
    println!();
    println!("what size_of and size_of_val count:");
    println!("  size_of::<Point>()        {:>5}", size_of::<Point>());
    println!("  size_of_val(&path)        {:>5}", size_of_val(&path));
    println!("  size_of_val(&path[..])    {:>5}", size_of_val(&path[..]));
    println!("  size_of_val(&boxed)       {:>5}", size_of_val(&boxed));
    println!("  size_of_val(&boxed[..])   {:>5}", size_of_val(&boxed[..]));
    println!("  size_of_val(&*boxed[0])   {:>5}", size_of_val(&*boxed[0]));
    println!("  path.capacity()           {:>5}", path.capacity());
    // ANCHOR_END: sizes

    // ANCHOR: counts
    println!();
    println!("the counts of one Rc<Point>:");
    let shared = Rc::new(Point { x: 1.0, y: 2.0 });
    println!(
        "  new:           strong {}, weak {}",
        Rc::strong_count(&shared),
        Rc::weak_count(&shared)
    );
    let alias = Rc::clone(&shared);
    let observer = Rc::downgrade(&shared);
    println!(
        "  + one clone and one Weak: strong {}, weak {}",
        Rc::strong_count(&shared),
        Rc::weak_count(&shared)
    );
    drop(black_box(alias));
    println!(
        "  clone dropped: strong {}, weak {}",
        Rc::strong_count(&shared),
        Rc::weak_count(&shared)
    );
    println!(
        "  x through the Weak: {:?}",
        observer.upgrade().map(|p| p.x)
    );
    println!("  size_of_val(&shared): {}", size_of_val(&shared));
    // ANCHOR_END: counts
    black_box((path, boxed, shared.y));
}
