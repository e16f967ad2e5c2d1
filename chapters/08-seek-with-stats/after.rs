//! After: find the heap bytes a value owns by walking its fields, which allocates nothing.
//!
//! Run it with `cargo run --example ch08-after`.

use std::hint::black_box;
use std::mem::{size_of, size_of_val};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// A music library's playlist.
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

// ANCHOR: heap_size
/// The heap bytes a value owns: the blocks it would give back if it were dropped.
trait HeapSize {
    fn heap_size(&self) -> usize;
}

impl HeapSize for [u8; 64] {
    fn heap_size(&self) -> usize {
        0 // the bytes are the value: no block of its own
    }
}

impl HeapSize for String {
    fn heap_size(&self) -> usize {
        self.capacity() // the block holds capacity bytes, whatever the length
    }
}

impl<T: HeapSize> HeapSize for Vec<T> {
    fn heap_size(&self) -> usize {
        // one block of capacity elements, then whatever each element owns
        self.capacity() * size_of::<T>() + self.iter().map(T::heap_size).sum::<usize>()
    }
}

impl<T: HeapSize> HeapSize for Box<T> {
    fn heap_size(&self) -> usize {
        size_of::<T>() + (**self).heap_size() // the box's own block, then what T owns
    }
}

impl<T: HeapSize> HeapSize for Option<T> {
    fn heap_size(&self) -> usize {
        self.as_ref().map_or(0, T::heap_size) // None owns nothing
    }
}

impl HeapSize for Playlist {
    fn heap_size(&self) -> usize {
        self.name.heap_size()
            + self.tracks.heap_size()
            + self.cover.heap_size()
            + self.description.heap_size()
    }
}
// ANCHOR_END: heap_size

fn main() {
    let (library, built) = measure_memory(|| build_library(100));
    println!("size_of_val(&library): {} bytes", size_of_val(&library));
    println!(
        "dhat, once it was built: {} live blocks, {} live bytes",
        built.live_blocks, built.live_bytes
    );

    // ANCHOR: measure
    let (bytes, memory) = measure_memory(|| black_box(&library).heap_size());
    println!("library.heap_size(): {bytes} bytes");
    println!("{memory}");
    // ANCHOR_END: measure
}
