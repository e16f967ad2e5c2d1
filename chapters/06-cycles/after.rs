//! After: the same list, with the pointer back made `Weak`. Only `next` owns, so the nodes form
//! a chain from `head`, and dropping the list frees every node.
//!
//! Run it with `cargo run --example ch06-after`.

use std::cell::RefCell;
use std::hint::black_box;
use std::rc::{Rc, Weak};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: list
type Link = Rc<RefCell<Node>>;

struct Node {
    value: u64,
    next: Option<Link>,
    prev: Weak<RefCell<Node>>, // finds the node before, without owning it
}

/// A doubly linked list: `head` owns the first node, `tail` the last.
#[derive(Default)]
struct List {
    head: Option<Link>,
    tail: Option<Link>,
}

impl List {
    fn push_back(&mut self, value: u64) {
        let node = Rc::new(RefCell::new(Node {
            value,
            next: None,
            prev: Weak::new(),
        }));
        match self.tail.take() {
            Some(old) => {
                node.borrow_mut().prev = Rc::downgrade(&old); // new ⇢ old: no owner added
                old.borrow_mut().next = Some(Rc::clone(&node)); // old → new
            }
            None => self.head = Some(Rc::clone(&node)),
        }
        self.tail = Some(node);
    }

    /// The values from the last node to the first, summed with weights 1, 2, 3...
    fn weighted_sum_backwards(&self) -> u64 {
        let (mut sum, mut weight) = (0, 1);
        let mut cursor = self.tail.clone();
        while let Some(node) = cursor {
            sum += weight * node.borrow().value;
            weight += 1;
            cursor = node.borrow().prev.upgrade(); // None before the first node
        }
        sum
    }
}
// ANCHOR_END: list

fn main() {
    // ANCHOR: measure
    let (sum, memory) = measure_memory(|| {
        let mut list = List::default();
        for value in 1..=black_box(1_000) {
            list.push_back(value);
        }
        let sum = list.weighted_sum_backwards();
        drop(list); // head frees the first node, which frees the next...
        sum
    });
    println!("1,000 nodes, weighted sum from the back: {sum}");
    println!("{memory}");
    // ANCHOR_END: measure
}
