//! Streaming a text line by line: `lines()` against one reused `String`.
//!
//! Run it with `cargo run --example ch14-lines`.

use std::hint::black_box;
use std::io::BufRead;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: lines
/// How many lines of `log` start with `ERROR`, reading it with `lines()`.
fn count_errors_with_lines(log: impl BufRead) -> usize {
    let mut errors = 0;
    for line in log.lines() {
        let line = line.expect("the log is valid UTF-8");
        if line.starts_with("ERROR") {
            errors += 1;
        }
    }
    errors
}
// ANCHOR_END: lines

// ANCHOR: read_line
/// How many lines of `log` start with `ERROR`, reading each into the same `String`.
fn count_errors_with_read_line(mut log: impl BufRead) -> usize {
    let mut line = String::new();
    let mut errors = 0;
    while log.read_line(&mut line).expect("the log is valid UTF-8") > 0 {
        if line.starts_with("ERROR") {
            errors += 1;
        }
        line.clear(); // empty again, and it keeps its capacity
    }
    errors
}
// ANCHOR_END: read_line

/// A log of `lines` lines, from 12 to 53 bytes long, one in seven of them an error.
fn log(lines: usize) -> Vec<u8> {
    let mut text = String::new();
    for i in 0..lines {
        let level = if i % 7 == 3 { "ERROR" } else { "INFO" };
        let detail = "x".repeat(i * 37 % 41);
        text.push_str(&format!("{level} {i:05} {detail}\n"));
    }
    text.into_bytes()
}

fn main() {
    // ANCHOR: measure
    for lines in [1_000, 10_000] {
        let text = log(lines);
        let (errors, memory) = measure_memory(|| count_errors_with_lines(black_box(&text[..])));
        println!("lines(),     {lines:>6} lines, {errors:>4} errors: {memory}");
        let (errors, memory) = measure_memory(|| count_errors_with_read_line(black_box(&text[..])));
        println!("read_line(), {lines:>6} lines, {errors:>4} errors: {memory}");
    }
    // ANCHOR_END: measure
}
