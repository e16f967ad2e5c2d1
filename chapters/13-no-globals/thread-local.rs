//! A thread-local client: one per thread instead of one per program, and it grows the same way.
//!
//! Run it with `cargo run --example ch13-thread-local`.

use std::cell::RefCell;
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

// ANCHOR: thread_local
thread_local! {
    /// One client per thread, made the first time the thread uses it.
    static CLIENT: RefCell<Client> = const { RefCell::new(Client::new()) };
}

/// Sends 300 requests through this thread's client and adds up the answers.
fn foo() -> u32 {
    CLIENT.with_borrow_mut(|client| (0..black_box(300)).map(|item| client.get(item)).sum())
}
// ANCHOR_END: thread_local

fn main() {
    // ANCHOR: measure
    for call in 1..=2 {
        let (total, memory) = measure_memory(foo);
        let entries = CLIENT.with_borrow(|client| client.log.len());
        println!(
            "call {call}: answers add up to {total}, this thread's log holds {entries} entries"
        );
        println!("{memory}");
    }
    // ANCHOR_END: measure
}
