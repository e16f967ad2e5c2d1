// mistake: held subscribers by Weak handles but never dropped the dead handles from the list
// expect: budget::a_busy_hub over-budget
// expect: budget::topics_come_and_go over-budget
use std::cell::Cell;
use std::rc::{Rc, Weak};

use weak_table::WeakHashSet;

/// Someone who listens to one topic. Whoever called [`Hub::subscribe`] owns it: it hears the
/// events of its topic for as long as that caller keeps a handle to it, and not a moment longer.
pub struct Subscriber {
    /// The topic's name, shared by every live subscriber of that topic. The subscribers are
    /// the name's only owners.
    topic: Rc<str>,
    /// How many events this subscriber has heard.
    heard: Cell<u64>,
}

impl Subscriber {
    /// The name of the topic this subscriber listens to.
    pub fn topic(&self) -> &Rc<str> {
        &self.topic
    }

    /// How many events this subscriber has heard.
    pub fn heard(&self) -> u64 {
        self.heard.get()
    }
}

/// An event hub: it hands out subscribers, and delivers each event to the live subscribers of
/// its topic. It finds subscribers and names without owning any of them.
#[derive(Default)]
pub struct Hub {
    /// The names in use, once each. An entry expires with the last subscriber that holds its
    /// name, and the set drops expired entries before it grows.
    topics: WeakHashSet<Weak<str>>,
    /// The subscribers handed out, as handles that do not own them.
    subscribers: Vec<Weak<Subscriber>>,
}

impl Hub {
    /// An empty hub.
    pub fn new() -> Hub {
        Hub::default()
    }

    /// A new subscriber to `topic`, owned by the caller. It shares its topic's name with the
    /// other live subscribers of that topic.
    pub fn subscribe(&mut self, topic: &str) -> Rc<Subscriber> {
        // `get` gives a strong handle while some subscriber holds the name, and None after.
        let name = self.topics.get(topic).unwrap_or_else(|| {
            let name: Rc<str> = Rc::from(topic);
            self.topics.insert(Rc::clone(&name));
            name
        });
        let subscriber = Rc::new(Subscriber {
            topic: name,
            heard: Cell::new(0),
        });
        self.subscribers.push(Rc::downgrade(&subscriber));
        subscriber
    }

    /// Delivers one event on `topic` to each of its live subscribers. Returns how many heard it.
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

    /// How many topics have at least one live subscriber.
    pub fn topics_in_use(&self) -> usize {
        self.topics.iter().count() // iterating skips the expired names
    }
}
