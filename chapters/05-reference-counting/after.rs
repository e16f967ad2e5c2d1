//! After: one announcement, sent to a thousand members, and every letter shares one copy.
//!
//! Run it with `cargo run --example ch05-after`.

use std::hint::black_box;
use std::rc::Rc;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The announcement: 114 bytes of ASCII text.
const BODY: &str = "The workshop moves to room 4.12 on Thursday. Bring a laptop \
                    with Rust installed; we start at nine and end at noon.";

// ANCHOR: letters
/// One letter: who it goes to, and a handle to what it says.
struct Letter {
    to: u32,
    body: Rc<str>,
}

/// A letter with `body` for each member.
fn address(body: &str, members: &[u32]) -> Vec<Letter> {
    let body: Rc<str> = Rc::from(body); // the one copy: counts and text in one block
    members
        .iter()
        .map(|&to| Letter {
            to,
            body: Rc::clone(&body), // a handle: no block, the strong count goes up by one
        })
        .collect()
} // the local `body` handle is dropped here: the count goes down by one
// ANCHOR_END: letters

fn main() {
    let members: Vec<u32> = (1..=1000).collect(); // built before measuring: not counted
    // ANCHOR: measure
    let (letters, memory) = measure_memory(|| address(black_box(BODY), black_box(&members)));
    let last = letters.last().expect("a thousand letters");
    println!(
        "letters: {}, body: {} bytes, the last one to member {}, strong count {}",
        letters.len(),
        last.body.len(),
        last.to,
        Rc::strong_count(&last.body)
    );
    println!("{memory}");
    // ANCHOR_END: measure
}
