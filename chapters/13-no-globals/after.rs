//! After: the client is a local of `foo`, so its log goes when `foo` returns.
//!
//! Run it with `cargo run --example ch13-after`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// A client for some web service. It keeps a log of every request it sends.
struct Client {
    log: Vec<String>,
}

impl Client {
    const fn new() -> Client {
        Client { log: Vec::new() }
    }

    /// Sends `GET /item/{item}` and returns the answer (here, a stand-in: the item doubled).
    fn get(&mut self, item: u32) -> u32 {
        self.log.push(format!("GET /item/{item}"));
        item * 2
    }
}

// ANCHOR: local
/// Sends 300 requests through a client of its own and adds up the answers.
fn foo() -> u32 {
    let mut client = Client::new();
    (0..black_box(300)).map(|item| client.get(item)).sum()
} // `client` is dropped here: its log, and the 300 strings in it, go back to the allocator
// ANCHOR_END: local

fn main() {
    // ANCHOR: measure
    for call in 1..=2 {
        let (total, memory) = measure_memory(foo);
        println!("call {call}: answers add up to {total}, and no log is left");
        println!("{memory}");
    }
    // ANCHOR_END: measure
}
