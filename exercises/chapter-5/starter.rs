//! Chapter 5, reference counting. Your exercise: make `load_visits` fit its budgets.
//!
//! Run `cargo test -p chapter-5`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

use std::collections::HashMap;
use std::rc::Rc;

/// Loads a web server's log: one `(user, milliseconds)` pair per visit, in the log's order.
///
/// A user's name is stored once, however often the user visits: every visit by the same user
/// holds a handle to that one name, so the name's strong count is the number of the user's
/// visits. Names are compared exactly, so `ann` and `Ann` are two users.
pub fn load_visits(log: &[(String, u32)]) -> Vec<(Rc<str>, u32)> {
    let mut names: HashMap<String, Rc<str>> = HashMap::new();
    log.iter()
        .map(|(user, millis)| {
            let name = names
                .entry(user.clone())
                .or_insert_with(|| Rc::from(user.as_str()));
            (Rc::clone(name), *millis)
        })
        .collect()
}
