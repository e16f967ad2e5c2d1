//! The checks of chapter 17: does the hub deliver each event to the live subscribers of its
//! topic, share one name per topic, and hold on to nothing its callers have let go?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_17 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;
#[cfg(feature = "mistake")]
mod exercise {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/mistakes/",
        env!("SEEK_AND_DESTROY_MISTAKE"),
        ".rs"
    ));
}

use std::collections::VecDeque;
use std::rc::Rc;

use exercise::{Hub, Subscriber};
use seek_and_destroy::{Xorshift, assert_answer};

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

/// A topic name of `len` characters: `prefix` random letters of both cases, then the topic's
/// number, so that names differ by more than case and each has its own length class.
fn name(letters: &mut Xorshift, prefix: usize, number: String) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name: String = (0..prefix)
        .map(|_| char::from(LETTERS[letters.index(LETTERS.len())]))
        .collect();
    name.push('-');
    name.push_str(&number);
    name
}

/// `steps` subscribers to `topics` topics, `window` alive at most. Who arrives and who leaves
/// comes from `seed`, so the hub's figures are the same on every run; the names' letters and
/// the topic of each event come from `content`, which a budget check seeds anew each run.
fn busy_day(steps: usize, topics: usize, window: usize, seed: u64, content: &mut Xorshift) -> Day {
    let mut shape = Xorshift::new(seed);
    Day {
        names: (0..topics)
            .map(|t| name(content, 5, format!("{t:02}")))
            .collect(),
        window,
        steps: (0..steps)
            .map(|i| {
                let subscribe = shape.below(topics as u64) as usize;
                let leave = shape.next_u64() as usize;
                shape.next_u64(); // unused: skipping it would change who leaves, and the figures
                Step {
                    subscribe,
                    leave,
                    publish: content.below(topics as u64) as usize,
                    sample: i % 100 == 99,
                }
            })
            .collect(),
    }
}

/// Topics that come and go: each topic gets `per_topic` subscribers in a row and is never
/// used again, `window` subscribers alive at most. As in [`busy_day`], `seed` gives who
/// leaves and `content` gives the names and whether each event goes to the current topic or
/// the one before.
fn passing_topics(
    steps: usize,
    per_topic: usize,
    window: usize,
    seed: u64,
    content: &mut Xorshift,
) -> Day {
    let mut shape = Xorshift::new(seed);
    let topics = steps.div_ceil(per_topic);
    Day {
        names: (0..topics)
            .map(|t| name(content, 6, format!("{t:04}")))
            .collect(),
        window,
        steps: (0..steps)
            .map(|i| {
                let leave = shape.next_u64() as usize;
                shape.next_u64();
                let back = content.below(2) as usize * usize::from(i >= per_topic);
                Step {
                    subscribe: i / per_topic,
                    leave,
                    publish: i / per_topic - back,
                    sample: i % 100 == 99,
                }
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
        .correctness("a_dropped_subscriber_is_freed", || {
            let mut hub = Hub::new();
            let a = hub.subscribe("disk");
            let a_block = Rc::downgrade(&a);
            drop(a);
            assert_answer!(
                a_block.strong_count(),
                0,
                "owners of a subscriber once its caller dropped it"
            );
        })
        .correctness("a_name_goes_with_its_last_subscriber", || {
            let mut hub = Hub::new();
            let a = hub.subscribe("disk");
            let b = hub.subscribe("disk");
            let other = hub.subscribe("net");
            let name = Rc::downgrade(a.topic());
            drop(a);
            assert_answer!(
                name.strong_count() > 0,
                true,
                "the name \"disk\" lives while b listens"
            );
            drop(b);
            assert_answer!(
                name.strong_count(),
                0,
                "owners of the name \"disk\" once its last subscriber left"
            );
            assert_answer!(&**other.topic(), "net");
        })
        .correctness("names_differ_by_case", || {
            let mut hub = Hub::new();
            let title = hub.subscribe("Disk");
            let lower = hub.subscribe("disk");
            let upper = hub.subscribe("DISK");
            assert_answer!(&**title.topic(), "Disk");
            assert_answer!(&**lower.topic(), "disk");
            assert_answer!(&**upper.topic(), "DISK");
            assert_answer!(
                Rc::ptr_eq(title.topic(), lower.topic()),
                false,
                "\"Disk\" and \"disk\" share a name"
            );
            assert_answer!(hub.publish("disk"), 1, "subscribers that heard \"disk\"");
            assert_answer!(hub.publish("dISK"), 0, "subscribers that heard \"dISK\"");
            assert_answer!(hub.topics_in_use(), 3);
        })
        .correctness("generated_days", || {
            for seed in 1..=12 {
                let mut content = Xorshift::new(seed + 100);
                let (topics, window) = (1 + seed as usize % 9, 1 + seed as usize % 7);
                let day = busy_day(300, topics, window, seed, &mut content);
                assert_answer!(run(&day), reference(&day), "busy day #{}", seed);
                let (per_topic, window) = (1 + seed as usize % 4, 1 + seed as usize % 5);
                let day = passing_topics(300, per_topic, window, seed, &mut content);
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
            // unmeasured: 3,000 subscribers to 40 topics, 12 alive at most, and the answer;
            // names and events are new on every run, who comes and goes is not
            || {
                let day = busy_day(3_000, 40, 12, 42, &mut Xorshift::fresh());
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
                let day = passing_topics(2_000, 3, 4, 7, &mut Xorshift::fresh());
                let expected = reference(&day);
                (day, expected)
            },
            // measured: the whole day, on a new hub
            |day| run(&day),
        )
        .run();
}
