// mistake: trimmed the spaces around every field, though a field is all the text between its commas
// expect: correctness::spaces_are_part_of_a_field wrong

/// A web server's access log, read once, then asked questions. It borrows the log's text.
pub struct Traffic<'log> {
    /// Every request, in the order of the log.
    requests: Vec<Request<'log>>,
    /// Everyone who sent a request, in the order they first appear.
    users: Vec<User<'log>>,
    /// How many lines were skipped.
    skipped: usize,
}

/// Someone who sent requests, with the totals the questions need.
struct User<'log> {
    name: &'log str,
    requests: usize,
    bytes: u64,
}

/// One line of the log: what `describe` and `server_errors` read, and no more.
struct Request<'log> {
    method: &'log str,
    path: &'log str,
    status: u16,
    /// Who sent it: a place in `Traffic::users`, which does not own anything.
    user: u32,
}

/// The six fields of `line`, if it has exactly six.
fn fields(line: &str) -> Option<[&str; 6]> {
    let mut values = line.split(',').map(str::trim);
    let mut fields = [""; 6];
    for field in &mut fields {
        *field = values.next()?;
    }
    values.next().is_none().then_some(fields)
}

impl<'log> Traffic<'log> {
    /// Reads a log, one request per line, six fields separated by commas:
    /// `time,user,method,path,status,bytes`. A line that does not have six fields, or whose
    /// status or bytes is not a number that fits in a `u16` or a `u64`, is skipped and counted.
    pub fn parse(log: &'log str) -> Traffic<'log> {
        let mut traffic = Traffic {
            requests: Vec::new(),
            users: Vec::new(),
            skipped: 0,
        };
        for line in log.lines() {
            let Some([_time, name, method, path, status, bytes]) = fields(line) else {
                traffic.skipped += 1;
                continue;
            };
            let (Ok(status), Ok(bytes)) = (status.parse::<u16>(), bytes.parse::<u64>()) else {
                traffic.skipped += 1;
                continue;
            };
            let user = match traffic.users.iter().position(|u| u.name == name) {
                Some(user) => user,
                None => {
                    traffic.users.push(User {
                        name,
                        requests: 0,
                        bytes: 0,
                    });
                    traffic.users.len() - 1
                }
            };
            traffic.users[user].requests += 1;
            traffic.users[user].bytes += bytes;
            traffic.requests.push(Request {
                method,
                path,
                status,
                user: user as u32,
            });
        }
        traffic
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
        self.skipped
    }

    /// How many requests were answered with a server error: a status of 500 or more.
    pub fn server_errors(&self) -> usize {
        self.requests.iter().filter(|r| r.status >= 500).count()
    }

    /// How many bytes were sent to `user` in all; 0 for someone who sent no request.
    pub fn bytes_to(&self, user: &str) -> u64 {
        self.users
            .iter()
            .find(|u| u.name == user)
            .map_or(0, |u| u.bytes)
    }

    /// Who sent the most requests: of several who sent as many, the one who appears first in
    /// the log; `None` if the log holds no request.
    pub fn busiest_user(&self) -> Option<&'log str> {
        let mut busiest: Option<&User> = None;
        for user in &self.users {
            if busiest.is_none_or(|b| user.requests > b.requests) {
                busiest = Some(user);
            }
        }
        busiest.map(|user| user.name)
    }

    /// Request `i`, counting from 0 in the order of the log (skipped lines do not count), as
    /// `GET /cart 503 (ada)`: its method, path and status, and who sent it.
    ///
    /// # Panics
    ///
    /// If `i` is not below `len()`.
    pub fn describe(&self, i: usize) -> String {
        let request = &self.requests[i];
        let user = self.users[request.user as usize].name;
        format!(
            "{} {} {} ({user})",
            request.method, request.path, request.status
        )
    }
}
