//! Chapter 17, weak references. Your exercise: make the `Hub` keep neither its subscribers nor
//! their topic names alive, and keep every answer right.
//!
//! Run `cargo test -p chapter-17`. The checks tell you whether the answers are right, how many
//! heap blocks your code allocated, and the most bytes it held at any one time.

use std::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;

/// Someone who listens to one topic. Whoever called [`Hub::subscribe`] owns it: it hears the
/// events of its topic for as long as that caller keeps a handle to it, and not a moment longer.
pub struct Subscriber {
    /// The topic's name, shared by every live subscriber of that topic.
    topic: Rc<str>,
    /// How many events this subscriber has heard.
    heard: Cell<u64>,
}

impl Subscriber {
    /// The name of the topic this subscriber listens to. While two subscribers of the same
    /// topic live, their names are one shared value (`Rc::ptr_eq` is true).
    pub fn topic(&self) -> &Rc<str> {
        &self.topic
    }

    /// How many events this subscriber has heard.
    pub fn heard(&self) -> u64 {
        self.heard.get()
    }
}

/// An event hub: it hands out subscribers, and delivers each event to the live subscribers of
/// its topic. It lives as long as the program, while subscribers come and go.
///
/// ```text
/// let mut hub = Hub::new();
/// let a = hub.subscribe("disk");        // a hears "disk"
/// let b = hub.subscribe("disk");        // a and b share one name "disk"
/// hub.publish("disk")          == 2
/// drop(a);
/// hub.publish("disk")          == 1     // only b: a is gone
/// hub.topics_in_use()          == 1
/// drop(b);
/// hub.topics_in_use()          == 0
/// ```
#[derive(Default)]
pub struct Hub {
    /// Every topic name the hub has made, once each.
    topics: HashSet<Rc<str>>,
    /// Every subscriber the hub has handed out.
    subscribers: Vec<Rc<Subscriber>>,
}

impl Hub {
    /// An empty hub.
    pub fn new() -> Hub {
        Hub::default()
    }

    /// A new subscriber to `topic`, owned by the caller. It shares its topic's name with the
    /// other live subscribers of that topic.
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
        self.subscribers.push(Rc::clone(&subscriber));
        subscriber
    }

    /// Delivers one event on `topic` to each of its live subscribers. Returns how many heard it.
    pub fn publish(&mut self, topic: &str) -> usize {
        let mut heard = 0;
        for subscriber in &self.subscribers {
            // The hub holds one handle; a subscriber whose caller dropped theirs is gone.
            if Rc::strong_count(subscriber) > 1 && &*subscriber.topic == topic {
                subscriber.heard.set(subscriber.heard.get() + 1);
                heard += 1;
            }
        }
        heard
    }

    /// How many topics have at least one live subscriber.
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
