//! Bounded: the client is still a `static`, but it keeps only its last 16 requests.
//!
//! Run it with `cargo run --example ch13-bounded`.

use std::collections::VecDeque;
use std::hint::black_box;
use std::sync::Mutex;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: client
/// How many requests the log remembers.
const LOG_LEN: usize = 16;

/// A client for some web service. It remembers its last `LOG_LEN` requests.
struct Client {
    recent: VecDeque<String>,
}

impl Client {
    const fn new() -> Client {
        Client {
            recent: VecDeque::new(),
        }
    }

    /// Sends `GET /item/{item}` and returns the answer (here, a stand-in: the item doubled).
    fn get(&mut self, item: u32) -> u32 {
        if self.recent.len() == LOG_LEN {
            self.recent.pop_front(); // the oldest entry is dropped, and its block freed
        }
        self.recent.push_back(format!("GET /item/{item}"));
        item * 2
    }
}

static CLIENT: Mutex<Client> = Mutex::new(Client::new());
// ANCHOR_END: client

/// Sends 300 requests through the global client and adds up the answers.
fn foo() -> u32 {
    let mut client = CLIENT.lock().unwrap();
    (0..black_box(300)).map(|item| client.get(item)).sum()
}

fn main() {
    // ANCHOR: measure
    for call in 1..=2 {
        let (total, memory) = measure_memory(foo);
        let entries = CLIENT.lock().unwrap().recent.len();
        println!("call {call}: answers add up to {total}, the log holds {entries} entries");
        println!("{memory}");
    }
    // ANCHOR_END: measure
}
