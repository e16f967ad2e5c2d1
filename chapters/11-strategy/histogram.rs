//! Another way: readings are below 1,000, so count how often each value occurs, in one pass.
//!
//! Run it with `cargo run --example ch11-histogram`.

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
/// How many readings are above their mean, in one pass: readings are below 1,000, so 1,000
/// counters hold everything the question needs.
fn above_mean(mut input: impl BufRead) -> usize {
    let mut counts = vec![0u64; 1_000]; // counts[r]: how many readings equal r
    let mut line = String::new();
    while input.read_line(&mut line).expect("in memory") > 0 {
        let r: usize = line.trim_end().parse().expect("a number");
        counts[r] += 1;
        line.clear();
    }
    let count: u64 = counts.iter().sum();
    let sum: u64 = (0..).zip(&counts).map(|(r, n)| r * n).sum();
    (0..)
        .zip(&counts)
        .filter(|&(r, _)| r * count > sum)
        .map(|(_, &n)| n as usize)
        .sum()
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
