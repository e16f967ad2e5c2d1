//! The checks of chapter 5: does `load_visits` give every visit its user's name, shared once
//! per user, and does it stay within its budgets?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(feature = "solution"))]
use chapter_5 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use std::collections::HashMap;
use std::rc::Rc;

use exercise::load_visits;
use seek_and_destroy::{Xorshift, assert_answer};

/// Syllables that user names are made of.
const SYLLABLES: [&str; 25] = [
    "an", "bo", "ce", "di", "el", "fa", "gu", "ha", "io", "ju", "ka", "li", "mo", "nu", "or", "pe",
    "qui", "ra", "so", "ti", "ul", "ve", "wy", "xa", "zo",
];

/// The user name number `i`: distinct for every `i` below 2^20, one to five syllables long,
/// some of them capitalised.
fn user_name(i: u64) -> String {
    // Multiplying by an odd number is a bijection modulo 2^20: distinct names, mixed lengths.
    let mut x = (i.wrapping_mul(0x9E37_79B9) & 0xF_FFFF) + 1;
    let mut name = String::new();
    while x > 0 {
        name.push_str(SYLLABLES[(x % 25) as usize]);
        x /= 25;
    }
    if i.is_multiple_of(3) {
        name[..1].make_ascii_uppercase();
    }
    name
}

/// A log of `visits` visits by users drawn from `users`, the same on every run.
fn log_of(users: &[String], visits: usize, seed: u64) -> Vec<(String, u32)> {
    let mut numbers = Xorshift::new(seed);
    (0..visits)
        .map(|_| {
            let user = &users[numbers.index(users.len())];
            let millis = numbers.below(5_000) as u32;
            (user.clone(), millis)
        })
        .collect()
}

/// `count` distinct users, and near misses of some of them: the same name in another case,
/// one letter shorter, or one letter longer.
fn users_with_near_misses(count: u64, seed: u64) -> Vec<String> {
    let mut users = Vec::new();
    for i in 0..count {
        let name = user_name(seed * 1_000 + i);
        match i % 4 {
            1 => users.push(name.to_ascii_uppercase()),
            2 => users.push(name[..name.len() - 1].to_string()),
            3 => users.push(format!("{name}s")),
            _ => {}
        }
        users.push(name);
    }
    users
}

/// The answer, computed the obvious way: a new `Rc<str>` per visit, which compares equal to a
/// shared one because `Rc<str>` compares the text (this part is not measured).
fn expected(log: &[(String, u32)]) -> Vec<(Rc<str>, u32)> {
    log.iter()
        .map(|(user, millis)| (Rc::from(user.as_str()), *millis))
        .collect()
}

/// The sum, over every visit, of its name's strong count. When each user's name is one value
/// shared by exactly that user's visits, a user with `k` visits adds `k` to it `k` times.
fn expected_handles(log: &[(String, u32)]) -> usize {
    let mut visits_by_user: HashMap<&str, usize> = HashMap::new();
    for (user, _) in log {
        *visits_by_user.entry(user).or_default() += 1;
    }
    visits_by_user.values().map(|k| k * k).sum()
}

/// What the budget checks measure: the loaded visits, and the sum of their strong counts.
fn load_and_count(log: &[(String, u32)]) -> (Vec<(Rc<str>, u32)>, usize) {
    let visits = load_visits(log);
    let handles = visits.iter().map(|(name, _)| Rc::strong_count(name)).sum();
    (visits, handles)
}

/// Panics unless the visits share exactly one name per user, with no other handle to it.
fn assert_shared_per_user(log: &[(String, u32)], visits: &[(Rc<str>, u32)]) {
    let mut first_visit: HashMap<&str, &Rc<str>> = HashMap::new();
    let mut visits_by_user: HashMap<&str, usize> = HashMap::new();
    for ((user, _), (name, _)) in log.iter().zip(visits) {
        let first = *first_visit.entry(user).or_insert(name);
        assert_answer!(
            Rc::ptr_eq(first, name),
            true,
            "do two visits by {user:?} share one name?"
        );
        *visits_by_user.entry(user).or_default() += 1;
    }
    for (user, name) in first_visit {
        assert_answer!(
            Rc::strong_count(name),
            visits_by_user[user],
            "the strong count of {user:?}'s name (one handle per visit, no other)"
        );
    }
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("keeps_every_visit_in_order", || {
            let log = vec![
                ("ann".to_string(), 120),
                ("bob".to_string(), 35),
                ("ann".to_string(), 80),
            ];
            assert_answer!(load_visits(&log), expected(&log));
        })
        .correctness("one_name_per_user", || {
            let log = vec![
                ("ann".to_string(), 120),
                ("bob".to_string(), 35),
                ("ann".to_string(), 80),
                ("ann".to_string(), 7),
            ];
            let visits = load_visits(&log);
            assert_answer!(
                Rc::ptr_eq(&visits[0].0, &visits[2].0) && Rc::ptr_eq(&visits[0].0, &visits[3].0),
                true,
                "do ann's three visits share one name?"
            );
            assert_answer!(Rc::strong_count(&visits[0].0), 3, "handles to \"ann\"");
            assert_answer!(Rc::strong_count(&visits[1].0), 1, "handles to \"bob\"");
        })
        .correctness("names_that_differ_are_different_users", || {
            let log: Vec<(String, u32)> = ["ann", "Ann", "anne", "an", "ann", ""]
                .iter()
                .zip(1..)
                .map(|(user, millis)| (user.to_string(), millis))
                .collect();
            let visits = load_visits(&log);
            assert_answer!(visits, expected(&log));
            assert_shared_per_user(&log, &visits);
        })
        .correctness("an_empty_log_has_no_visits", || {
            assert_answer!(load_visits(&[]), Vec::<(Rc<str>, u32)>::new());
        })
        .correctness("generated_logs", || {
            for seed in 1..=20 {
                let users = users_with_near_misses(1 + seed * 3, seed);
                let log = log_of(&users, 300, seed);
                let visits = load_visits(&log);
                assert_answer!(visits, expected(&log), "generated log #{seed}");
                assert_shared_per_user(&log, &visits);
            }
        })
        .budget(
            "many_visits_few_users",
            || {
                let users: Vec<String> = (0..40).map(user_name).collect();
                let log = log_of(&users, 10_000, 42);
                let answer = (expected(&log), expected_handles(&log));
                (log, answer)
            },
            |log| load_and_count(&log),
        )
        .budget(
            "every_visit_a_new_user",
            || {
                let log: Vec<(String, u32)> = (0..2_000)
                    .map(|i| (user_name(i), (i * 7 % 5_000) as u32))
                    .collect();
                let answer = (expected(&log), expected_handles(&log));
                (log, answer)
            },
            |log| load_and_count(&log),
        )
        .run();
}
