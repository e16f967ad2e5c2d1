// mistake: kept strong handles to subscribers and names, and dropped those whose strong count fell to 1 before the lists grew
// expect: correctness::a_dropped_subscriber_is_freed wrong
// expect: correctness::a_name_goes_with_its_last_subscriber wrong
use std::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;

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
    subscribers: Vec<Rc<Subscriber>>,
}

impl Hub {
    pub fn new() -> Hub {
        Hub::default()
    }

    pub fn subscribe(&mut self, topic: &str) -> Rc<Subscriber> {
        if self.subscribers.len() == self.subscribers.capacity() {
            self.subscribers.retain(|s| Rc::strong_count(s) > 1);
        }
        if self.topics.len() == self.topics.capacity() {
            self.topics.retain(|name| Rc::strong_count(name) > 1);
        }
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
        self.subscribers.push(Rc::clone(&subscriber));
        subscriber
    }

    pub fn publish(&mut self, topic: &str) -> usize {
        let mut heard = 0;
        for subscriber in &self.subscribers {
            if Rc::strong_count(subscriber) > 1 && &*subscriber.topic == topic {
                subscriber.heard.set(subscriber.heard.get() + 1);
                heard += 1;
            }
        }
        heard
    }

    pub fn topics_in_use(&self) -> usize {
        self.topics
            .iter()
            .filter(|name| {
                self.subscribers
                    .iter()
                    .any(|s| Rc::strong_count(s) > 1 && Rc::ptr_eq(&s.topic, name))
            })
            .count()
    }
}
