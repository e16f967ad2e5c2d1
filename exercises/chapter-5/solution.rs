// ANCHOR: solution
use std::collections::HashSet;
use std::rc::Rc;

/// Loads a web server's log: one `(user, milliseconds)` pair per visit, in the log's order.
///
/// A user's name is stored once, however often the user visits: every visit by the same user
/// holds a handle to that one name, so the name's strong count is the number of the user's
/// visits. Names are compared exactly, so `ann` and `Ann` are two users.
pub fn load_visits(log: &[(String, u32)]) -> Vec<(Rc<str>, u32)> {
    // The table's keys are handles to the names themselves: no second copy of any name.
    // An `Rc<str>` hashes and compares as its text, and lends it out as a `&str`, so the
    // table can be searched with the `&str` of a visit.
    let mut names: HashSet<Rc<str>> = HashSet::new();
    log.iter()
        .map(|(user, millis)| {
            let name = match names.get(user.as_str()) {
                Some(name) => Rc::clone(name), // seen before: one more handle, no block
                None => {
                    let name: Rc<str> = Rc::from(user.as_str()); // the one copy of this name
                    names.insert(Rc::clone(&name));
                    name
                }
            };
            (name, *millis)
        })
        .collect()
} // `names` is dropped here: its handles go, and each count is the user's visits
// ANCHOR_END: solution
