//! The global allocator is a value you choose. This one wraps dhat's and writes down every
//! request it passes on, so you can watch a growing `Vec` ask for memory again and again.
//!
//! Run it with `cargo run --example ch02-requests`.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use seek_and_destroy::measure_memory;

// ANCHOR: allocator
/// A global allocator that writes down each request, then passes it to dhat's allocator,
/// which counts it and passes it to the system's.
struct Tracing;

#[global_allocator]
static ALLOC: Tracing = Tracing;

// SAFETY: each method hands its arguments, unchanged, to dhat's allocator, which keeps
// `GlobalAlloc`'s promises. Writing a request down allocates nothing.
unsafe impl GlobalAlloc for Tracing {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: our caller keeps `alloc`'s contract, and we pass its arguments on.
        trace(0, layout.size(), || unsafe { dhat::Alloc.alloc(layout) })
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above, for `realloc`.
        trace(layout.size(), new_size, || unsafe {
            dhat::Alloc.realloc(block, layout, new_size)
        })
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: as above, for `dealloc`.
        trace(layout.size(), 0, || unsafe {
            dhat::Alloc.dealloc(block, layout)
        })
    }
}
// ANCHOR_END: allocator

// ANCHOR: log
/// Room for the requests of one recorded period. A log that allocated would record itself,
/// so it is a fixed array of atomics, in a static.
const ROOM: usize = 64;
static RECORDING: AtomicBool = AtomicBool::new(false);
static COUNT: AtomicUsize = AtomicUsize::new(0);
static OLD_SIZES: [AtomicUsize; ROOM] = [const { AtomicUsize::new(0) }; ROOM];
static NEW_SIZES: [AtomicUsize; ROOM] = [const { AtomicUsize::new(0) }; ROOM];

thread_local! {
    /// Whether this thread is inside the allocator already. dhat's bookkeeping allocates
    /// too, and those requests are dhat's, not the program's.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
}

/// Writes down a request that takes a block from `old_size` bytes to `new_size` (0: no
/// block), if a period is being recorded and the request is the program's, then runs
/// `pass_on`, which hands the request to dhat.
fn trace<T>(old_size: usize, new_size: usize, pass_on: impl FnOnce() -> T) -> T {
    let outermost = !INSIDE.replace(true);
    if outermost && RECORDING.load(Ordering::Relaxed) {
        let index = COUNT.fetch_add(1, Ordering::Relaxed);
        if index < ROOM {
            OLD_SIZES[index].store(old_size, Ordering::Relaxed);
            NEW_SIZES[index].store(new_size, Ordering::Relaxed);
        }
    }
    let result = pass_on();
    if outermost {
        INSIDE.set(false);
    }
    result
}
// ANCHOR_END: log

/// Runs `work` with the log on. The log starts empty.
fn record<T>(work: impl FnOnce() -> T) -> T {
    COUNT.store(0, Ordering::Relaxed);
    RECORDING.store(true, Ordering::Relaxed);
    let result = black_box(work());
    RECORDING.store(false, Ordering::Relaxed);
    result
}

/// The requests of the last recorded period, as (old size, new size). Call it outside
/// `measure_memory`: the `Vec` it returns is a block too.
fn recorded() -> Vec<(usize, usize)> {
    let count = COUNT.load(Ordering::Relaxed);
    assert!(
        count <= ROOM,
        "{count} requests: the log has room for {ROOM}"
    );
    (0..count)
        .map(|i| {
            let old_size = OLD_SIZES[i].load(Ordering::Relaxed);
            (old_size, NEW_SIZES[i].load(Ordering::Relaxed))
        })
        .collect()
}

/// Prints one line per request, then what they add up to.
fn show(label: &str, kept: &[u64], requests: &[(usize, usize)]) {
    match requests.len() {
        1 => println!("{label}: 1 request"),
        count => println!("{label}: {count} requests"),
    }
    for &(old_size, new_size) in requests {
        let slots = new_size / size_of::<u64>();
        match (old_size, new_size) {
            (0, _) => println!("  alloc   {new_size:>13} bytes   room for {slots:>4} u64"),
            (_, 0) => println!("  dealloc {old_size:>5} bytes"),
            _ => {
                println!("  realloc {old_size:>5} → {new_size:>5} bytes   room for {slots:>4} u64")
            }
        }
    }
    let asked: usize = requests.iter().map(|&(_, new_size)| new_size).sum();
    let moved: usize = requests
        .iter()
        .filter(|&&(old_size, new_size)| old_size != 0 && new_size != 0)
        .map(|&(old_size, _)| old_size)
        .sum();
    println!(
        "  asked for {asked} bytes in all, to keep {}",
        size_of_val(kept)
    );
    println!("  bytes that a realloc may have copied: {moved}");
}

// ANCHOR: work
const N: u64 = 1000;

/// Starts with no block, and grows as it goes.
fn by_push() -> Vec<u64> {
    let mut values = Vec::new();
    for n in 0..black_box(N) {
        values.push(n);
    }
    values
}

/// Asks for room for all of them first.
fn with_capacity() -> Vec<u64> {
    let mut values = Vec::with_capacity(black_box(N) as usize);
    for n in 0..black_box(N) {
        values.push(n);
    }
    values
}
// ANCHOR_END: work

fn main() {
    // ANCHOR: measure
    let (values, memory) = measure_memory(|| record(by_push));
    show("Vec::new(), then 1000 pushes", &values, &recorded());
    println!("  {memory}");

    let (values, memory) = measure_memory(|| record(with_capacity));
    show(
        "Vec::with_capacity(1000), then 1000 pushes",
        &values,
        &recorded(),
    );
    println!("  {memory}");
    // ANCHOR_END: measure
}
