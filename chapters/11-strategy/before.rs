//! Before: load every reading into memory, then count the readings above the mean.
//!
//! Run it with `cargo run --example ch11-before`.

use std::cell::Cell;
use std::hint::black_box;
use std::io::{self, BufRead, Read};

use seek_and_destroy::{Xorshift, measure_memory};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// A file's reader, in memory: it hands out `rest` and adds every byte it hands out to `read`.
struct Counted<'a> {
    rest: &'a [u8],
    read: &'a Cell<u64>,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.rest.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

impl BufRead for Counted<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Ok(self.rest)
    }
    fn consume(&mut self, n: usize) {
        self.rest = &self.rest[n..];
        self.read.set(self.read.get() + n as u64);
    }
}

/// 10,000 meter readings below 1,000, one per line, the same on every run.
fn readings_file() -> String {
    let mut numbers = Xorshift::new(11);
    (0..10_000)
        .map(|_| format!("{}\n", numbers.below(1_000)))
        .collect()
}

// ANCHOR: above_mean
/// How many readings are above their mean: keep them all, then look twice.
fn above_mean(mut input: impl BufRead) -> usize {
    let mut readings: Vec<u64> = Vec::new();
    let mut line = String::new();
    while input.read_line(&mut line).expect("in memory") > 0 {
        readings.push(line.trim_end().parse().expect("a number"));
        line.clear();
    }
    let (sum, count) = (readings.iter().sum::<u64>(), readings.len() as u64);
    // r > sum / count, without rounding
    readings.iter().filter(|&&r| r * count > sum).count()
}
// ANCHOR_END: above_mean

fn main() {
    let file = readings_file();
    let read = Cell::new(0);
    // ANCHOR: measure
    let open = || Counted {
        rest: black_box(file.as_bytes()),
        read: &read,
    };
    let (above, memory) = measure_memory(|| above_mean(open()));
    println!("above the mean: {above}");
    println!("bytes read: {} of a {}-byte file", read.get(), file.len());
    println!("{memory}");
    // ANCHOR_END: measure
}
