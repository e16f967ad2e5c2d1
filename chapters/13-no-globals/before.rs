//! Before: a client that lives in a `static` and logs every request it sends.
//!
//! Run it with `cargo run --example ch13-before`.

use std::hint::black_box;
use std::sync::Mutex;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: client
/// A client for some web service. It keeps a log of every request it sends.
struct Client {
    log: Vec<String>,
}

impl Client {
    const fn new() -> Client {
        Client { log: Vec::new() } // `const`: an empty Vec has no block yet
    }

    /// Sends `GET /item/{item}` and returns the answer (here, a stand-in: the item doubled).
    fn get(&mut self, item: u32) -> u32 {
        self.log.push(format!("GET /item/{item}")); // one new String per request
        item * 2
    }
}
// ANCHOR_END: client

// ANCHOR: global
/// One client for the whole program, made when the program starts.
static CLIENT: Mutex<Client> = Mutex::new(Client::new());

/// Sends 300 requests through the global client and adds up the answers.
fn foo() -> u32 {
    let mut client = CLIENT.lock().unwrap();
    (0..black_box(300)).map(|item| client.get(item)).sum()
}
// ANCHOR_END: global

fn main() {
    // ANCHOR: measure
    for call in 1..=2 {
        let (total, memory) = measure_memory(foo);
        let entries = CLIENT.lock().unwrap().log.len();
        println!("call {call}: answers add up to {total}, the log holds {entries} entries");
        println!("{memory}");
    }
    // ANCHOR_END: measure
}
