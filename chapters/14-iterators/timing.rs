//! The time side of the trade: the eager and the lazy versions, timed.
//!
//! Times mean something only in an optimised build, so this listing times nothing in a debug
//! build. It does not use dhat, whose bookkeeping would be most of what it timed. Run it with
//! `cargo run --release --example ch14-timing`.

// xtask: run in release

use std::hint::black_box;
use std::io::BufRead;
use std::iter;
use std::time::{Duration, Instant};

/// How many times each version runs; the listing prints the fastest run.
const RUNS: u32 = 200;

// ANCHOR: timing
/// The fastest of `RUNS` runs of `work`.
fn fastest<T>(mut work: impl FnMut() -> T) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Pseudo-random numbers below 1,000, as in the chapter's listings.
fn random_numbers(seed: u64) -> impl Iterator<Item = u64> {
    let mut state = seed;
    iter::from_fn(move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        Some(state % 1_000)
    })
}

fn main() {
    if cfg!(debug_assertions) {
        println!("unoptimised build: timings would measure the debug build, not the code.");
        println!("run: cargo run --release --example ch14-timing");
        return;
    }
    println!("release build, no dhat, fastest of {RUNS} runs:");

    let n = black_box(10_000);
    let eager = fastest(|| vec![black_box(4096u64); n].iter().sum::<u64>());
    let lazy = fastest(|| iter::repeat_n(black_box(4096u64), n).sum::<u64>());
    row("10,000 × 4096, summed", eager, lazy);

    let eager = fastest(|| {
        let numbers: Vec<u64> = random_numbers(black_box(42)).take(n).collect();
        let odd: Vec<u64> = numbers.iter().copied().filter(|n| n % 2 == 1).collect();
        let squares: Vec<u64> = odd.iter().map(|n| n * n).collect();
        squares.iter().sum::<u64>()
    });
    let lazy = fastest(|| {
        random_numbers(black_box(42))
            .take(n)
            .filter(|n| n % 2 == 1)
            .map(|n| n * n)
            .sum::<u64>()
    });
    row("odd squares among 10,000 numbers", eager, lazy);

    let text: String = (0..n)
        .map(|i| format!("INFO {i:05} request served\n"))
        .collect();
    let with_lines = fastest(|| black_box(text.as_bytes()).lines().count());
    let with_read_line = fastest(|| {
        let mut input = black_box(text.as_bytes());
        let mut line = String::new();
        let mut count = 0;
        while input.read_line(&mut line).unwrap_or(0) > 0 {
            count += 1;
            line.clear();
        }
        count
    });
    row(
        "10,000 lines: lines(), read_line",
        with_lines,
        with_read_line,
    );
}

/// Two lines: what was timed, eager then lazy. Each time follows a `time:` marker, so that
/// the book's check compares everything but the times.
fn row(what: &str, eager: Duration, lazy: Duration) {
    println!("  {what:<34} eager  time: {eager:.1?}");
    println!("  {what:<34} lazy   time: {lazy:.1?}");
}
// ANCHOR_END: timing
