//! Buffers whose lifetimes overlap: a new one per request, then a pool that keeps them.
//!
//! Run it with `cargo run --example ch07-pool`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Every response is 4 KiB.
const RESPONSE: usize = 4096;

/// Writes the response to `request` into `buffer`, and returns its checksum.
fn respond(request: u64, buffer: &mut Vec<u8>) -> u64 {
    for _ in 0..RESPONSE / 8 {
        buffer.extend_from_slice(&request.to_le_bytes());
    }
    buffer.iter().map(|&b| u64::from(b)).sum()
}

// ANCHOR: pool
/// Buffers given back, emptied but with their capacity, for the next `take`.
struct Pool {
    free: Vec<Vec<u8>>,
}

impl Pool {
    fn take(&mut self) -> Vec<u8> {
        self.free
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(RESPONSE)) // a block only when none is free
    }

    fn give_back(&mut self, mut buffer: Vec<u8>) {
        buffer.clear(); // length 0, capacity kept
        self.free.push(buffer);
    }
}
// ANCHOR_END: pool

// ANCHOR: serve
/// Serves `requests` in rounds of 1, then 2, then 4 at once, and a last round of what is left:
/// each round takes one buffer per request in flight, and gives them all back when it is over.
fn serve(requests: u64, pooled: bool) -> u64 {
    let mut pool = Pool { free: Vec::new() };
    let mut in_flight = Vec::with_capacity(4);
    let mut checksum = 0;
    let mut next = 0;
    while next < requests {
        let round = (1 + next % 4).min(requests - next);
        for request in next..next + round {
            let mut buffer = if pooled {
                pool.take()
            } else {
                Vec::with_capacity(RESPONSE) // a new block for every request
            };
            checksum += respond(request, &mut buffer);
            in_flight.push(buffer);
        }
        for buffer in in_flight.drain(..) {
            if pooled {
                pool.give_back(buffer);
            } // else the buffer is dropped: freed
        }
        next += round;
    }
    checksum
}
// ANCHOR_END: serve

fn main() {
    // ANCHOR: measure
    let requests = black_box(1_000);
    let (checksum, memory) = measure_memory(|| serve(requests, false));
    println!("{requests} requests, a new buffer for each: checksum {checksum}");
    println!("{memory}");
    let (checksum, memory) = measure_memory(|| serve(requests, true));
    println!("{requests} requests, buffers from a pool: checksum {checksum}");
    println!("{memory}");
    // ANCHOR_END: measure
}
