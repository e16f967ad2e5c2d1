//! After: the subject keeps `Weak` handles. An observer lives as long as its widget, `upgrade`
//! skips the dead, and the subject drops a dead handle before its list would grow.
//!
//! Run it with `cargo run --example ch17-after`.

use std::cell::Cell;
use std::collections::VecDeque;
use std::hint::black_box;
use std::rc::{Rc, Weak};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// One widget's observer: it counts the events it hears.
struct Observer {
    widget: u64,
    heard: Cell<u64>,
}

// ANCHOR: subject
/// Tells every attached observer that is still alive about each event.
#[derive(Default)]
struct Subject {
    observers: Vec<Weak<Observer>>, // finds its observers, owns none of them
}

impl Subject {
    fn attach(&mut self, observer: &Rc<Observer>) {
        if self.observers.len() == self.observers.capacity() {
            // Before the list grows, drop the handles whose observers are gone: a dead
            // `Weak` still holds its observer's block.
            self.observers.retain(|o| o.strong_count() > 0);
        }
        self.observers.push(Rc::downgrade(observer));
    }

    /// Notifies every live observer; returns how many heard the event.
    fn publish(&self) -> usize {
        let mut heard = 0;
        for observer in self.observers.iter().filter_map(Weak::upgrade) {
            observer.heard.set(observer.heard.get() + 1);
            heard += 1;
        }
        heard
    }
}
// ANCHOR_END: subject

fn main() {
    // ANCHOR: measure
    let (result, memory) = measure_memory(|| {
        let mut subject = Subject::default();
        let mut widgets = VecDeque::with_capacity(11); // the open widgets: their observers' owners
        let mut heard = 0;
        for widget in 0..black_box(1_000) {
            let observer = Rc::new(Observer {
                widget,
                heard: Cell::new(0),
            });
            subject.attach(&observer);
            widgets.push_back(observer);
            if widgets.len() > 10 {
                widgets.pop_front(); // the oldest widget closes
            }
            heard += subject.publish();
        }
        drop(widgets); // every widget closes
        (heard, subject) // the subject lives on, with what it holds
    });
    let (heard, subject) = result;
    println!("1,000 widgets, 10 open at a time: events heard = {heard}");
    println!(
        "after every widget closed, the subject holds {} handles and reaches observer {:?}",
        subject.observers.len(),
        subject
            .observers
            .iter()
            .filter_map(Weak::upgrade)
            .next_back()
            .map(|o| o.widget)
    );
    println!("{memory}");
    // ANCHOR_END: measure
}
