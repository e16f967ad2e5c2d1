//! Rows against columns: 10,000 compact parcels as one `Vec` of structs, and as four `Vec`s.
//!
//! Run it with `cargo run --example ch16-columns`.

use std::hint::black_box;
use std::mem::size_of;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[derive(Clone, Copy, PartialEq, Eq)]
struct TrackingId(u32);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Sorted,
    OutForDelivery,
    Delivered,
    Returned,
}

// ANCHOR: layouts
/// Rows: one struct per parcel, the parcels back to back in one `Vec`.
struct Parcel {
    id: TrackingId,
    recipient: Box<str>,
    status: Status,
    grams: u16,
}

/// Columns: one `Vec` per field; parcel `i` is element `i` of each.
struct Parcels {
    ids: Vec<TrackingId>,
    recipients: Vec<Box<str>>,
    statuses: Vec<Status>,
    grams: Vec<u16>,
}
// ANCHOR_END: layouts

/// The fields of made-up parcel `i`, the same on every run.
fn fields(i: usize) -> (TrackingId, Box<str>, Status, u16) {
    const LAST: [&str; 8] = [
        "Lovelace", "Hopper", "Turing", "Liskov", "Ritchie", "Hamilton", "Knuth", "Noether",
    ];
    const FIRST: [&str; 6] = ["Ada", "Grace", "Alan", "Barbara", "Edsger", "Emmy"];
    const STATUS: [Status; 4] = [
        Status::Sorted,
        Status::OutForDelivery,
        Status::Delivered,
        Status::Returned,
    ];
    let i32 = i as u32;
    (
        TrackingId(1_000_000 + i32 * 37),
        [FIRST[i / 8 % 6], LAST[i % 8]].join(" ").into_boxed_str(),
        STATUS[i % 4],
        (1 + i32 * 7919 % 30_000) as u16,
    )
}

fn main() {
    let count = black_box(10_000);
    println!(
        "one row: {} bytes; one parcel across the columns: {} + {} + {} + {} bytes\n",
        size_of::<Parcel>(),
        size_of::<TrackingId>(),
        size_of::<Box<str>>(),
        size_of::<Status>(),
        size_of::<u16>(),
    );

    // ANCHOR: measure
    let (rows, memory) = measure_memory(|| {
        (0..count)
            .map(|i| {
                let (id, recipient, status, grams) = fields(i);
                Parcel {
                    id,
                    recipient,
                    status,
                    grams,
                }
            })
            .collect::<Vec<Parcel>>()
    });
    let delivered = rows
        .iter()
        .filter(|p| p.status == Status::Delivered)
        .count();
    println!(
        "rows:    {delivered} delivered, a scan of the statuses walks over {} bytes",
        rows.len() * size_of::<Parcel>()
    );
    println!("  {memory}");

    let (columns, memory) = measure_memory(|| {
        let mut parcels = Parcels {
            ids: Vec::with_capacity(count),
            recipients: Vec::with_capacity(count),
            statuses: Vec::with_capacity(count),
            grams: Vec::with_capacity(count),
        };
        for i in 0..count {
            let (id, recipient, status, grams) = fields(i);
            parcels.ids.push(id);
            parcels.recipients.push(recipient);
            parcels.statuses.push(status);
            parcels.grams.push(grams);
        }
        parcels
    });
    let delivered = columns
        .statuses
        .iter()
        .filter(|&&s| s == Status::Delivered)
        .count();
    println!(
        "columns: {delivered} delivered, a scan of the statuses walks over {} bytes",
        columns.statuses.len() * size_of::<Status>()
    );
    println!("  {memory}");
    // ANCHOR_END: measure
    black_box((
        rows.iter()
            .map(|p| u64::from(p.id.0) + u64::from(p.grams) + p.recipient.len() as u64)
            .sum::<u64>(),
        columns.ids.len(),
        columns.grams.len(),
        columns.recipients.len(),
    ));
}
