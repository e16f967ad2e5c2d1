//! The time side: the three ways of counting readings above the mean, timed on a real file.
//!
//! Times mean something only in an optimised build without a profiler, so this listing times
//! nothing in a debug build and does not use dhat. It writes its file under `target/`. Run it
//! with `cargo run --release --example ch11-timing`.

// xtask: run in release

use std::fs::{self, File};
use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use seek_and_destroy::Xorshift;

/// How many times each way runs; the listing prints the fastest run.
const RUNS: u32 = 10;

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

/// Calls `each` with every reading of the file at `path`, read through one line buffer.
fn for_each_reading(path: &Path, mut each: impl FnMut(u64)) {
    let mut input = BufReader::new(File::open(path).expect("the file was just written"));
    let mut line = String::new();
    while input.read_line(&mut line).expect("readable") > 0 {
        each(line.trim_end().parse().expect("a number"));
        line.clear();
    }
}

/// Load everything, then look twice.
fn load_all(path: &Path) -> usize {
    let mut readings = Vec::new();
    for_each_reading(path, |r| readings.push(r));
    let (sum, count) = (readings.iter().sum::<u64>(), readings.len() as u64);
    readings.iter().filter(|&&r| r * count > sum).count()
}

/// Read the file twice, keeping a sum and a count.
fn read_twice(path: &Path) -> usize {
    let (mut sum, mut count) = (0, 0);
    for_each_reading(path, |r| {
        sum += r;
        count += 1;
    });
    let mut above = 0;
    for_each_reading(path, |r| above += usize::from(r * count > sum));
    above
}

/// One pass into 1,000 counters.
fn histogram(path: &Path) -> usize {
    let mut counts = vec![0u64; 1_000];
    for_each_reading(path, |r| counts[r as usize] += 1);
    let count: u64 = counts.iter().sum();
    let sum: u64 = (0..).zip(&counts).map(|(r, n)| r * n).sum();
    (0..)
        .zip(&counts)
        .filter(|&(r, _)| r * count > sum)
        .map(|(_, &n)| n as usize)
        .sum()
}
// ANCHOR_END: timing

/// A file of `count` readings below 1,000 under `target/`, the same on every run.
fn write_readings(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    fs::create_dir_all(&dir).expect("target/ can be created");
    let path = dir.join("ch11-readings.txt");
    let mut numbers = Xorshift::new(11);
    let mut text = String::new();
    for _ in 0..count {
        text.push_str(&numbers.below(1_000).to_string());
        text.push('\n');
    }
    File::create(&path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .expect("the file can be written");
    path
}

fn main() {
    if cfg!(debug_assertions) {
        println!("unoptimised build: run it with `cargo run --release --example ch11-timing`");
        return;
    }
    let path = write_readings(1_000_000);
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or_default();
    println!("1,000,000 readings, a {size}-byte file; release build, no dhat, fastest of {RUNS}:");
    for (name, way) in [
        ("load all, look twice", load_all as fn(&Path) -> usize),
        ("read the file twice", read_twice),
        ("one pass, 1,000 counters", histogram),
    ] {
        let above = way(&path);
        let time = fastest(|| way(black_box(&path)));
        println!("  {name:<26} above the mean: {above}  time: {time:.1?}");
    }
}
