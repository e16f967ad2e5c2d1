//! When are the bytes live? The same log read three ways, recorded event by event: collected
//! into a `Vec<String>` first, streamed with `lines()`, and streamed into one `String`.
//!
//! Run it with `cargo run --example ch14-timeline`. `cargo xtask generate` draws each timeline
//! as a chart beside this file: `timeline-collect.svg`, `timeline-lines.svg` and
//! `timeline-read-line.svg`.

use std::hint::black_box;
use std::io::BufRead;

use seek_and_destroy::{TimelineAlloc, measure_timeline};

// TimelineAlloc wraps dhat::Alloc: dhat counts as always, and measure_timeline also records
// the live bytes after every allocation event.
#[global_allocator]
static ALLOC: TimelineAlloc = TimelineAlloc;

// ANCHOR: collect
/// How many lines start with `ERROR`, after collecting every line first.
fn count_errors_collected(log: impl BufRead) -> usize {
    let lines: Vec<String> = log.lines().map(|line| line.expect("valid UTF-8")).collect();
    lines
        .iter()
        .filter(|line| line.starts_with("ERROR"))
        .count()
}
// ANCHOR_END: collect

/// How many lines start with `ERROR`, one `String` per line with `lines()`.
fn count_errors_with_lines(log: impl BufRead) -> usize {
    log.lines()
        .map(|line| line.expect("valid UTF-8"))
        .filter(|line| line.starts_with("ERROR"))
        .count()
}

/// How many lines start with `ERROR`, every line read into the same `String`.
fn count_errors_with_read_line(mut log: impl BufRead) -> usize {
    let mut line = String::new();
    let mut errors = 0;
    while log.read_line(&mut line).expect("valid UTF-8") > 0 {
        errors += usize::from(line.starts_with("ERROR"));
        line.clear();
    }
    errors
}

/// The log of `lines.rs`, shorter: `lines` lines of 12 to 53 bytes, one in seven an error.
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
    let text = log(200);
    let (errors, memory) =
        measure_timeline("collect", || count_errors_collected(black_box(&text[..])));
    println!("collect first, {errors} errors: {memory}");
    let (errors, memory) =
        measure_timeline("lines", || count_errors_with_lines(black_box(&text[..])));
    println!("lines(),       {errors} errors: {memory}");
    let (errors, memory) = measure_timeline("read-line", || {
        count_errors_with_read_line(black_box(&text[..]))
    });
    println!("read_line(),   {errors} errors: {memory}");
}
