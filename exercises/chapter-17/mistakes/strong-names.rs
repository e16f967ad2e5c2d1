// mistake: held subscribers by Weak handles, but kept every topic name in a set of strong handles
// expect: correctness::a_name_goes_with_its_last_subscriber wrong
// expect: budget::topics_come_and_go over-budget
use std::cell::Cell;
use std::collections::HashSet;
use std::rc::{Rc, Weak};

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
    topics: HashSet<Rc<str>>,
    subscribers: Vec<Weak<Subscriber>>,
}

impl Hub {
    pub fn new() -> Hub {
        Hub::default()
    }

    pub fn subscribe(&mut self, topic: &str) -> Rc<Subscriber> {
        let name = match self.topics.get(topic) {
            Some(name) => Rc::clone(name),
            None => {
                let name: Rc<str> = Rc::from(topic);
                self.topics.insert(Rc::clone(&name));
                name
            }
        };
        let subscriber = Rc::new(Subscriber {
            topic: name,
            heard: Cell::new(0),
        });
        if self.subscribers.len() == self.subscribers.capacity() {
            self.subscribers.retain(|s| s.strong_count() > 0);
        }
        self.subscribers.push(Rc::downgrade(&subscriber));
        subscriber
    }

    pub fn publish(&mut self, topic: &str) -> usize {
        let mut heard = 0;
        for subscriber in self.subscribers.iter().filter_map(Weak::upgrade) {
            if &*subscriber.topic == topic {
                subscriber.heard.set(subscriber.heard.get() + 1);
                heard += 1;
            }
        }
        heard
    }

    pub fn topics_in_use(&self) -> usize {
        // The set holds one handle to each name; a live subscriber holds another.
        self.topics
            .iter()
            .filter(|name| Rc::strong_count(name) > 1)
            .count()
    }
}
