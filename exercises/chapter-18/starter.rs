//! Chapter 18, the capstone. Your exercise: bring `Traffic` within every budget, one check at a
//! time, and keep every answer right.
//!
//! Run `cargo test -p chapter-18`. Each budget check limits one figure: the bytes left live
//! once the call is over, the peak, and the number of blocks. Each report lists the lines of
//! this file that allocated most.
//!
//! The checks call `Traffic::parse` and the methods below. Keep their names, their parameters
//! and what they return (you may give `Traffic` a lifetime parameter); how a `Traffic` keeps
//! the log is yours to change.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Mutex;

/// The fields of a line of the log, in order.
const FIELDS: [&str; 6] = ["time", "user", "method", "path", "status", "bytes"];

/// Every line that `parse` could not read, kept for whoever debugs the log later.
static SKIPPED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// A web server's access log, read once, then asked questions.
pub struct Traffic {
    /// Every request, in the order of the log.
    requests: Vec<Rc<Request>>,
    /// Everyone who sent a request, in the order they first appear.
    users: Vec<Rc<User>>,
    /// Where this log's skipped lines are in `SKIPPED`.
    skipped: Range<usize>,
}

/// Someone who sent requests, and the requests they sent.
struct User {
    name: String,
    requests: RefCell<Vec<Rc<Request>>>,
}

/// One line of the log.
struct Request {
    /// Each field of the line, under its name.
    fields: HashMap<String, String>,
    /// Who sent it.
    user: Rc<User>,
    /// The request as `describe` shows it, such as `GET /cart 503`.
    label: String,
}

impl Traffic {
    /// Reads a log, one request per line, six fields separated by commas:
    /// `time,user,method,path,status,bytes`, as in `1764064800,ada,GET,/cart,200,5120`.
    /// The time is in seconds, the user, the method and the path are text without commas (a
    /// space is part of the text), the status is a number (HTTP's run from 100 to 599, but a
    /// server may send any), and bytes is how many bytes the answer had.
    ///
    /// A line that does not have six fields, or whose status or bytes is not a number that
    /// fits in a `u16` or a `u64`, is skipped and counted.
    pub fn parse(log: &str) -> Traffic {
        let lines: Vec<&str> = log.lines().collect();
        let mut skipped = SKIPPED.lock().unwrap();
        let first_skipped = skipped.len();
        let mut users: Vec<Rc<User>> = Vec::new();
        let mut requests = Vec::new();
        for line in &lines {
            let values: Vec<&str> = line.split(',').collect();
            if values.len() != FIELDS.len()
                || values[4].parse::<u16>().is_err()
                || values[5].parse::<u64>().is_err()
            {
                skipped.push(line.to_string());
                continue;
            }
            let fields: HashMap<String, String> = FIELDS
                .iter()
                .zip(&values)
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect();
            let user = match users.iter().find(|user| user.name == fields["user"]) {
                Some(user) => Rc::clone(user),
                None => {
                    let user = Rc::new(User {
                        name: fields["user"].clone(),
                        requests: RefCell::new(Vec::new()),
                    });
                    users.push(Rc::clone(&user));
                    user
                }
            };
            let label = format!(
                "{} {} {}",
                fields["method"], fields["path"], fields["status"]
            );
            let request = Rc::new(Request {
                fields,
                user: Rc::clone(&user),
                label,
            });
            user.requests.borrow_mut().push(Rc::clone(&request));
            requests.push(request);
        }
        Traffic {
            requests,
            users,
            skipped: first_skipped..skipped.len(),
        }
    }

    /// How many requests the log holds (skipped lines are not requests).
    pub fn len(&self) -> usize {
        self.requests.len()
    }

    /// Whether the log holds no request at all.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }

    /// How many lines of the log were skipped.
    pub fn skipped(&self) -> usize {
        self.skipped.len()
    }

    /// How many requests were answered with a server error: a status of 500 or more.
    pub fn server_errors(&self) -> usize {
        self.requests
            .iter()
            .filter(|request| request.fields["status"].parse::<u16>().unwrap() >= 500)
            .count()
    }

    /// How many bytes were sent to `user` in all; 0 for someone who sent no request.
    pub fn bytes_to(&self, user: &str) -> u64 {
        match self.users.iter().find(|u| u.name == user) {
            Some(user) => user
                .requests
                .borrow()
                .iter()
                .map(|request| request.fields["bytes"].parse::<u64>().unwrap())
                .sum(),
            None => 0,
        }
    }

    /// Who sent the most requests: of several who sent as many, the one who appears first in
    /// the log; `None` if the log holds no request.
    pub fn busiest_user(&self) -> Option<&str> {
        let mut busiest: Option<&User> = None;
        for user in &self.users {
            if busiest.is_none_or(|b| user.requests.borrow().len() > b.requests.borrow().len()) {
                busiest = Some(user);
            }
        }
        busiest.map(|user| user.name.as_str())
    }

    /// Request `i`, counting from 0 in the order of the log (skipped lines do not count), as
    /// `GET /cart 503 (ada)`: its method, path and status, and who sent it.
    ///
    /// # Panics
    ///
    /// If `i` is not below `len()`.
    pub fn describe(&self, i: usize) -> String {
        let request = &self.requests[i];
        format!("{} ({})", request.label, request.user.name)
    }
}
