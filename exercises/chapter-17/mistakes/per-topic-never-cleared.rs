// mistake: kept a weak map from each name to its own list of subscribers, and never cleared the expired names, whose lists keep dead subscribers
// expect: budget::a_busy_hub over-budget
// expect: budget::topics_come_and_go over-budget
use std::cell::Cell;
use std::rc::{Rc, Weak};

use weak_table::WeakKeyHashMap;

pub struct Subscriber {
    topic: Rc<str>,
    heard: Cell<u64>,
}

impl Subscriber {
    pub fn topic(&self) -> &Rc<str> {
        &self.topic
    }

    pub fn heard(&self) -> u64 {
        self.heard.get()
    }
}

#[derive(Default)]
pub struct Hub {
    topics: WeakKeyHashMap<Weak<str>, Vec<Weak<Subscriber>>>,
}

impl Hub {
    pub fn new() -> Hub {
        Hub::default()
    }

    pub fn subscribe(&mut self, topic: &str) -> Rc<Subscriber> {
        let name = self
            .topics
            .get_key(topic)
            .unwrap_or_else(|| Rc::from(topic));
        let subscriber = Rc::new(Subscriber {
            topic: Rc::clone(&name),
            heard: Cell::new(0),
        });
        let list = self.topics.entry(name).or_insert_with(Vec::new);
        if list.len() == list.capacity() {
            list.retain(|s| s.strong_count() > 0);
        }
        list.push(Rc::downgrade(&subscriber));
        subscriber
    }

    pub fn publish(&mut self, topic: &str) -> usize {
        let Some(list) = self.topics.get(topic) else {
            return 0;
        };
        let mut heard = 0;
        for subscriber in list.iter().filter_map(Weak::upgrade) {
            subscriber.heard.set(subscriber.heard.get() + 1);
            heard += 1;
        }
        heard
    }

    pub fn topics_in_use(&self) -> usize {
        self.topics.keys().count()
    }
}
