//! The talk's two-object cycle, in Rust: two `Rc`s that point at each other outlive their last
//! handle. The same pair with its edge back made `Weak` is freed.
//!
//! Run it with `cargo run --example ch06-pair`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: node
/// A node with room for one strong and one weak reference to another node.
struct Node {
    /// Keeps the other node alive: it counts in its strong count.
    strong: RefCell<Option<Rc<Node>>>,
    /// Finds the other node without keeping it alive.
    weak: RefCell<Weak<Node>>,
}

fn node() -> Rc<Node> {
    Rc::new(Node {
        strong: RefCell::new(None),
        weak: RefCell::new(Weak::new()), // no block: a Weak that points nowhere
    })
}
// ANCHOR_END: node

// ANCHOR: strong
/// Builds a → b → a, drops both handles, and returns how many owners `a` still has.
fn strong_pair() -> usize {
    let (a, b) = (node(), node());
    *a.strong.borrow_mut() = Some(Rc::clone(&b)); // a → b
    *b.strong.borrow_mut() = Some(Rc::clone(&a)); // b → a: a cycle
    let probe = Rc::downgrade(&a); // watches a without keeping it alive
    drop(a); // a's count: 2 → 1 (b still holds it)
    drop(b); // b's count: 2 → 1 (a still holds it)
    probe.strong_count()
}
// ANCHOR_END: strong

// ANCHOR: weak
/// Builds a → b and b ⇢ a (weak), drops both handles, and returns a's owners.
fn weak_pair() -> usize {
    let (a, b) = (node(), node());
    *a.strong.borrow_mut() = Some(Rc::clone(&b)); // a → b
    *b.weak.borrow_mut() = Rc::downgrade(&a); // b ⇢ a: not an owner
    let probe = Rc::downgrade(&a);
    drop(a); // a's count: 1 → 0, so a is dropped, and its drop lets go of b
    drop(b); // b's count: 1 → 0, so b is dropped too
    probe.strong_count()
}
// ANCHOR_END: weak

fn main() {
    // ANCHOR: measure
    let (owners, memory) = measure_memory(strong_pair);
    println!("a → b → a, both handles dropped: strong count of a = {owners}");
    println!("{memory}");

    let (owners, memory) = measure_memory(weak_pair);
    println!("a → b ⇢ a, both handles dropped: strong count of a = {owners}");
    println!("{memory}");
    // ANCHOR_END: measure
}
