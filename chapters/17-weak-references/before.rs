//! Before: a subject that keeps its observers in a `Vec<Rc<Observer>>`. Widgets come and go,
//! at most ten at a time, but every observer they ever attached stays alive, and hears
//! every event.
//!
//! Run it with `cargo run --example ch17-before`.

use std::cell::Cell;
use std::collections::VecDeque;
use std::hint::black_box;
use std::rc::Rc;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// One widget's observer: it counts the events it hears.
struct Observer {
    widget: u64,
    heard: Cell<u64>,
}

// ANCHOR: subject
/// Tells every attached observer about each event.
#[derive(Default)]
struct Subject {
    observers: Vec<Rc<Observer>>, // each one is an owner of its observer
}

impl Subject {
    fn attach(&mut self, observer: &Rc<Observer>) {
        self.observers.push(Rc::clone(observer));
    }

    /// Notifies every observer; returns how many heard the event.
    fn publish(&self) -> usize {
        for observer in &self.observers {
            observer.heard.set(observer.heard.get() + 1);
        }
        self.observers.len()
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
        subject.observers.last().map(|o| o.widget)
    );
    println!("{memory}");
    // ANCHOR_END: measure
}
