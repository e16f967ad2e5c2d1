//! The talk's observer, in Rust: what a list of `Rc` and a list of `Weak` do to the observer's
//! strong count, and what stays on the heap once its owner is gone.
//!
//! Run it with `cargo run --example ch17-counts`.

use std::hint::black_box;
use std::rc::{Rc, Weak};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: observer
/// An observer that says when it is dropped, like the Python class with a `__del__`.
struct Observer {
    name: &'static str,
}

impl Drop for Observer {
    fn drop(&mut self) {
        println!("  {} dropped", self.name);
    }
}
// ANCHOR_END: observer

fn main() {
    println!("a strong list:"); // stdout's buffer is made here, before measuring
    // ANCHOR: strong
    let (list, memory) = measure_memory(|| {
        let mut list: Vec<Rc<Observer>> = Vec::with_capacity(1);
        {
            let observer = Rc::new(Observer { name: "logger" }); // its owner's handle
            list.push(Rc::clone(&observer)); // a second owner
            println!("  strong_count = {}", Rc::strong_count(&observer));
        } // the owner is gone; the observer is not
        println!("  owner gone, the list still calls: {}", list[0].name);
        list
    });
    println!("{memory}");
    drop(black_box(list));
    // ANCHOR_END: strong

    println!("a weak list:");
    // ANCHOR: weak
    let (list, memory) = measure_memory(|| {
        let mut list: Vec<Weak<Observer>> = Vec::with_capacity(1);
        {
            let observer = Rc::new(Observer { name: "logger" });
            list.push(Rc::downgrade(&observer)); // not an owner: the weak count goes up
            println!(
                "  strong_count = {}, weak_count = {}",
                Rc::strong_count(&observer),
                Rc::weak_count(&observer)
            );
        } // the only owner is gone: the observer is dropped here
        let called = list.iter().filter_map(Weak::upgrade).count(); // upgrade skips the dead
        println!(
            "  owner gone, the list calls {called} observers, and keeps {} handle",
            list.len()
        );
        list
    });
    println!("{memory}");
    drop(black_box(list));
    // ANCHOR_END: weak

    println!("a weak list, pruned:");
    // ANCHOR: prune
    let (list, memory) = measure_memory(|| {
        let mut list: Vec<Weak<Observer>> = Vec::with_capacity(1);
        {
            let observer = Rc::new(Observer { name: "logger" });
            list.push(Rc::downgrade(&observer));
        }
        list.retain(|observer| observer.strong_count() > 0); // drops the dead Weak
        list
    });
    println!("  {} handles left", list.len());
    println!("{memory}");
    // ANCHOR_END: prune
}
