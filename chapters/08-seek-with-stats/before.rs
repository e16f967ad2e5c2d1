//! Before: find the heap bytes a value owns by copying it and asking dhat what the copy took.
//!
//! Run it with `cargo run --example ch08-before`.

use std::hint::black_box;
use std::mem::size_of_val;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: types
/// A music library's playlist.
#[derive(Clone)]
#[allow(dead_code)] // this listing only copies playlists: it never reads a field
struct Playlist {
    name: String,
    tracks: Vec<String>,
    cover: Box<[u8; 64]>, // a thumbnail, always 64 bytes
    description: Option<String>,
}

/// A library of `count` playlists, grown the way a program grows one: a push at a time.
fn build_library(count: usize) -> Vec<Playlist> {
    let mut library = Vec::new();
    for p in 0..count {
        let mut tracks = Vec::new();
        for t in 0..p % 7 + 1 {
            tracks.push(format!("track {t}"));
        }
        library.push(Playlist {
            name: format!("playlist {p}"),
            tracks,
            cover: Box::new([0; 64]),
            description: (p % 4 == 0).then(|| String::from("for the train")),
        });
    }
    library
}
// ANCHOR_END: types

// ANCHOR: by_copy
/// The heap bytes `value` owns, measured: copy it, and read dhat's live bytes around the copy.
/// dhat::HeapStats::get() needs a running profiler: here, measure_memory's.
fn heap_bytes_by_copy<T: Clone>(value: &T) -> usize {
    let before = dhat::HeapStats::get().curr_bytes;
    let copy = value.clone();
    let after = dhat::HeapStats::get().curr_bytes;
    drop(copy);
    after - before
}
// ANCHOR_END: by_copy

fn main() {
    // ANCHOR: measure
    let (library, built) = measure_memory(|| build_library(100));
    println!("size_of_val(&library): {} bytes", size_of_val(&library));
    println!(
        "dhat, once it was built: {} live blocks, {} live bytes",
        built.live_blocks, built.live_bytes
    );

    let (bytes, memory) = measure_memory(|| heap_bytes_by_copy(black_box(&library)));
    println!("heap_bytes_by_copy(&library): {bytes} bytes");
    println!("{memory}");
    // ANCHOR_END: measure
    let track = &library[1].tracks[0];
    println!(
        "one track, {track:?}: len {}, capacity {}",
        track.len(),
        track.capacity()
    );
    println!(
        "the library: len {}, capacity {}",
        library.len(),
        library.capacity()
    );
}
