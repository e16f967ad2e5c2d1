//! A heap profile of the before listing's function: dhat writes `dhat-heap.json`, and this
//! listing reads it back and prints one row per allocation site, as DHAT's viewer would
//! show it.
//!
//! Run it with `cargo run --example ch09-profile`. The profile is saved as
//! `target/seek-and-destroy/ch09-profile/dhat-heap.json`; open it in `dh_view.html`.
//!
//! Built with `--cfg valgrind` (see `valgrind.sh`), it leaves dhat out, so that Valgrind's
//! DHAT can profile the same function on the system allocator alone.

use std::hint::black_box;

#[cfg(not(valgrind))]
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The before listing's function, unchanged.
fn slow_requests(log: &str, threshold_ms: u32) -> Vec<String> {
    let lines: Vec<String> = log.lines().map(String::from).collect(); // every line, copied
    let mut slow = Vec::new();
    for line in &lines {
        let fields: Vec<&str> = line.split(' ').collect(); // a Vec per line
        let ms: u32 = fields[2].parse().expect("a duration in milliseconds");
        if ms > threshold_ms {
            slow.push(fields[1].to_string()); // kept: the answer
        }
    }
    slow
}

fn generated_log() -> String {
    (0..1000u32)
        .map(|n| format!("GET /item/{n} {}\n", n * 37 % 250))
        .collect()
}

#[cfg(not(valgrind))]
fn main() {
    let log = generated_log(); // before the profiler: not in the profile
    // ANCHOR: profile
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/seek-and-destroy/ch09-profile/dhat-heap.json");
    std::fs::create_dir_all(path.parent().unwrap()).expect("a folder for the profile");
    let profiler = dhat::Profiler::builder()
        .file_name(&path)
        .trim_backtraces(Some(20)) // deep enough to reach this file from every block
        .build();
    let slow = slow_requests(black_box(&log), 200);
    drop(profiler); // writes the profile; `slow` is still live, so it shows at t-end
    // ANCHOR_END: profile
    println!("slow requests: {}", slow.len());
    println!("profile: target/seek-and-destroy/ch09-profile/dhat-heap.json\n");
    print_table(&std::fs::read_to_string(&path).expect("the profile dhat wrote"));
}

// ANCHOR: table
#[cfg(not(valgrind))]
/// One row per line of this file that allocated: the first frame of each program point's
/// backtrace that lies in this file. A program point is one distinct backtrace.
fn print_table(json: &str) {
    let profile: serde_json::Value = serde_json::from_str(json).expect("dhat's JSON");
    let frames = profile["ftbl"].as_array().expect("a frame table");
    let mut rows: Vec<(String, [u64; 6])> = Vec::new();
    for point in profile["pps"].as_array().expect("program points") {
        let site = point["fs"]
            .as_array()
            .expect("frame indices")
            .iter()
            .map(|index| frames[index.as_u64().unwrap() as usize].as_str().unwrap())
            .find_map(site_in_this_file)
            .unwrap_or_else(|| "elsewhere".to_string());
        let figures =
            ["tbk", "tb", "gbk", "gb", "ebk", "eb"].map(|key| point[key].as_u64().unwrap());
        match rows.iter_mut().find(|(s, _)| *s == site) {
            Some((_, sum)) => (0..6).for_each(|i| sum[i] += figures[i]),
            None => rows.push((site, figures)),
        }
    }
    rows.sort_by(|a, b| b.1[1].cmp(&a.1[1]).then(a.0.cmp(&b.0))); // most bytes first
    println!(
        "{:<18} {:>18} {:>18} {:>18}",
        "allocated at", "total", "at t-gmax", "at t-end"
    );
    for (site, f) in &rows {
        println!(
            "{site:<18} {:>18} {:>18} {:>18}",
            cell(f[0], f[1]),
            cell(f[2], f[3]),
            cell(f[4], f[5])
        );
    }
}

#[cfg(not(valgrind))]
/// `profile.rs:22:33` from a frame such as
/// `0x55…: ch09_profile::slow_requests (chapters/09-heap-profiles/profile.rs:22:33)`.
fn site_in_this_file(frame: &str) -> Option<String> {
    let (head, location) = frame.strip_suffix(')')?.rsplit_once(" (")?;
    let file_line_column = location.rsplit('/').next()?;
    // `__rust_alloc` is the global allocator's entry, which the compiler places at the
    // `#[global_allocator]` static: the allocator, not the code that asked.
    let is_allocator = head.contains("__rust");
    (file_line_column.starts_with("profile.rs:") && !is_allocator)
        .then(|| file_line_column.to_string())
}

#[cfg(not(valgrind))]
/// `1000 blk  64000 B`: blocks, then bytes.
fn cell(blocks: u64, bytes: u64) -> String {
    format!("{blocks:>4} blk {bytes:>6} B")
}
// ANCHOR_END: table

/// Without dhat, for Valgrind's DHAT: the same log, the same call, nothing measured.
#[cfg(valgrind)]
fn main() {
    let log = generated_log();
    let slow = slow_requests(black_box(&log), 200);
    println!("slow requests: {}", slow.len());
}
