//! The checks of chapter 17: does the hub deliver each event to the live subscribers of its
//! topic, share one name per topic, and hold on to nothing its callers have let go?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_17 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use std::collections::VecDeque;
use std::rc::Rc;

use exercise::{Hub, Subscriber};
use seek_and_destroy::assert_answer;

/// A day of the hub's life: the topic names, how many subscribers are alive at most, and one
/// step per new subscriber.
struct Day {
    names: Vec<String>,
    window: usize,
    steps: Vec<Step>,
}

/// One step: a subscriber to `names[subscribe]` arrives; if more than `window` are alive, the
/// one at position `leave % alive` leaves; then an event on `names[publish]` is published.
/// Every `sample`-th step also asks how many topics are in use.
#[derive(Clone, Copy)]
struct Step {
    subscribe: usize,
    leave: usize,
    publish: usize,
    sample: bool,
}

/// xorshift64: cheap, deterministic, the same on every run for a given seed.
fn random(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// `steps` subscribers to `topics` topics drawn at random, `window` alive at most.
fn busy_day(steps: usize, topics: usize, window: usize, seed: u64) -> Day {
    let mut next = random(seed);
    Day {
        names: (0..topics).map(|t| format!("topic-{t:02}")).collect(),
        window,
        steps: (0..steps)
            .map(|i| Step {
                subscribe: next() as usize % topics,
                leave: next() as usize,
                publish: next() as usize % topics,
                sample: i % 100 == 99,
            })
            .collect(),
    }
}

/// Topics that come and go: each topic gets `per_topic` subscribers in a row and is never
/// used again, `window` subscribers alive at most.
fn passing_topics(steps: usize, per_topic: usize, window: usize, seed: u64) -> Day {
    let mut next = random(seed);
    let topics = steps.div_ceil(per_topic);
    Day {
        names: (0..topics).map(|t| format!("sensor-{t:04}")).collect(),
        window,
        steps: (0..steps)
            .map(|i| Step {
                subscribe: i / per_topic,
                leave: next() as usize,
                publish: i / per_topic - (next() % 2) as usize * usize::from(i >= per_topic),
                sample: i % 100 == 99,
            })
            .collect(),
    }
}

/// What a day must answer: the events heard in all, the sum of the sampled topics in use,
/// and the topics in use once every subscriber has left.
type Answer = (usize, usize, usize);

/// Runs a day on the hub (this is what the budget checks measure).
fn run(day: &Day) -> Answer {
    let mut hub = Hub::new();
    let mut alive: VecDeque<Rc<Subscriber>> = VecDeque::with_capacity(day.window + 1);
    let (mut heard, mut in_use) = (0, 0);
    for step in &day.steps {
        alive.push_back(hub.subscribe(&day.names[step.subscribe]));
        if alive.len() > day.window {
            let at = step.leave % alive.len();
            alive.remove(at); // this subscriber's caller lets it go
        }
        heard += hub.publish(&day.names[step.publish]);
        if step.sample {
            in_use += hub.topics_in_use();
        }
    }
    drop(alive); // every caller lets go
    (heard, in_use, hub.topics_in_use())
}

/// The same day, computed with topic numbers alone (not measured).
fn reference(day: &Day) -> Answer {
    let mut alive: VecDeque<usize> = VecDeque::new();
    let (mut heard, mut in_use) = (0, 0);
    for step in &day.steps {
        alive.push_back(step.subscribe);
        if alive.len() > day.window {
            let at = step.leave % alive.len();
            alive.remove(at);
        }
        heard += alive.iter().filter(|&&t| t == step.publish).count();
        if step.sample {
            let mut topics: Vec<usize> = alive.iter().copied().collect();
            topics.sort_unstable();
            topics.dedup();
            in_use += topics.len();
        }
    }
    (heard, in_use, 0)
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("the_example_in_the_docs", || {
            let mut hub = Hub::new();
            let a = hub.subscribe("disk");
            let b = hub.subscribe("disk");
            assert_answer!(hub.publish("disk"), 2);
            drop(a);
            assert_answer!(hub.publish("disk"), 1, "publish after a left");
            assert_answer!(hub.topics_in_use(), 1);
            assert_answer!(b.heard(), 2, "events b heard");
            drop(b);
            assert_answer!(hub.topics_in_use(), 0, "topics in use after b left");
            assert_answer!(hub.publish("disk"), 0, "publish after b left");
        })
        .correctness("one_name_per_topic", || {
            let mut hub = Hub::new();
            let a = hub.subscribe("cpu");
            let b = hub.subscribe("net");
            let c = hub.subscribe("cpu");
            assert_answer!(&**a.topic(), "cpu");
            assert_answer!(&**b.topic(), "net");
            assert_answer!(
                Rc::ptr_eq(a.topic(), c.topic()),
                true,
                "a and c share one name"
            );
            assert_answer!(
                Rc::ptr_eq(a.topic(), b.topic()),
                false,
                "a and b share a name"
            );
            assert_answer!(hub.topics_in_use(), 2);
        })
        .correctness("only_live_subscribers_hear", || {
            let mut hub = Hub::new();
            let keep = hub.subscribe("log");
            for _ in 0..5 {
                drop(hub.subscribe("log"));
            }
            assert_answer!(hub.publish("log"), 1, "subscribers that heard");
            assert_answer!(hub.publish("other"), 0, "subscribers of an unknown topic");
            assert_answer!(keep.heard(), 1);
        })
        .correctness("a_topic_that_comes_back", || {
            let mut hub = Hub::new();
            drop(hub.subscribe("gpu"));
            assert_answer!(hub.topics_in_use(), 0);
            let again = hub.subscribe("gpu");
            assert_answer!(&**again.topic(), "gpu");
            assert_answer!(hub.topics_in_use(), 1);
            assert_answer!(hub.publish("gpu"), 1);
        })
        .correctness("clones_keep_a_subscriber_alive", || {
            let mut hub = Hub::new();
            let s = hub.subscribe("fan");
            let clone = Rc::clone(&s);
            drop(s);
            assert_answer!(hub.publish("fan"), 1, "a clone still listens");
            drop(clone);
            assert_answer!(hub.publish("fan"), 0);
        })
        .correctness("generated_days", || {
            for seed in 1..=12 {
                let day = busy_day(300, 1 + seed as usize % 9, 1 + seed as usize % 7, seed);
                assert_answer!(run(&day), reference(&day), "busy day #{}", seed);
                let day = passing_topics(300, 1 + seed as usize % 4, 1 + seed as usize % 5, seed);
                assert_answer!(
                    run(&day),
                    reference(&day),
                    "day of passing topics #{}",
                    seed
                );
            }
        })
        .budget(
            "a_busy_hub",
            // unmeasured: 3,000 subscribers to 40 topics, 12 alive at most, and the answer
            || {
                let day = busy_day(3_000, 40, 12, 42);
                let expected = reference(&day);
                (day, expected)
            },
            // measured: the whole day, on a new hub
            |day| run(&day),
        )
        .budget(
            "topics_come_and_go",
            // unmeasured: 2,000 subscribers, 3 per topic, 667 topics in turn, 4 alive at most
            || {
                let day = passing_topics(2_000, 3, 4, 7);
                let expected = reference(&day);
                (day, expected)
            },
            // measured: the whole day, on a new hub
            |day| run(&day),
        )
        .run();
}
