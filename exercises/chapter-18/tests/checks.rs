//! The checks of chapter 18: does `Traffic` answer right, and does it stay within its budgets on
//! leaks, peak and blocks?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_18 as exercise;
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

use exercise::Traffic;
use seek_and_destroy::{Xorshift, assert_answer};

const USERS: [&str; 24] = [
    "ada",
    "alan",
    "barbara",
    "bjarne",
    "brian",
    "charles",
    "dennis",
    "donald",
    "edsger",
    "frances",
    "grace",
    "guido",
    "john",
    "ken",
    "linus",
    "margaret",
    "niklaus",
    "radia",
    "rob",
    "sophie",
    "tim",
    "tony",
    "barbara-l",
    "yukihiro",
];
const PATHS: [&str; 12] = [
    "/",
    "/cart",
    "/login",
    "/logout",
    "/search",
    "/pay",
    "/orders",
    "/orders/recent",
    "/help",
    "/api/v1/items",
    "/api/v1/stock",
    "/static/app.js",
];
const METHODS: [&str; 4] = ["GET", "GET", "POST", "DELETE"];
const STATUSES: [u16; 8] = [200, 200, 200, 201, 304, 404, 500, 503];

/// New content for a log of fixed shape: a substitution of the 26 letters, applied to every
/// user and path (so that names stay as long and as distinct as they were), and new digits
/// for every number of bytes, as many as before.
struct Content {
    letters: [u8; 26],
    numbers: Xorshift,
}

impl Content {
    /// The content the shape was written with: no substitution.
    fn plain() -> Content {
        Content {
            letters: std::array::from_fn(|i| b'a' + i as u8),
            numbers: Xorshift::new(1),
        }
    }

    /// New content, drawn anew on every run.
    fn fresh() -> Content {
        let mut numbers = Xorshift::fresh();
        let mut letters = Content::plain().letters;
        for i in (1..letters.len()).rev() {
            letters.swap(i, numbers.index(i + 1));
        }
        Content { letters, numbers }
    }

    fn text(&self, text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                b'a'..=b'z' => char::from(self.letters[usize::from(b - b'a')]),
                _ => char::from(b),
            })
            .collect()
    }

    /// A number with as many digits as `shape`.
    fn bytes(&mut self, shape: u64) -> u64 {
        if self.letters == Content::plain().letters {
            return shape;
        }
        let digits = shape.max(1).ilog10();
        let lowest = if digits == 0 { 0 } else { 10u64.pow(digits) };
        lowest + self.numbers.below(10u64.pow(digits + 1) - lowest)
    }
}

/// A generated log of `lines` lines from `seed`: mostly requests, and about one line in 40
/// broken in one of the ways `parse` must skip. The letters of its users and paths and the
/// digits of its bytes come from `content`; everything else, and so every figure, does not.
fn generated_log(seed: u64, lines: usize, content: &mut Content) -> String {
    let mut numbers = Xorshift::new(seed);
    let mut log = String::new();
    let mut time = 1_764_064_800 + numbers.below(86_400);
    for _ in 0..lines {
        time += numbers.below(30);
        // Some users are much busier than others: pick from the first few more often.
        let among = numbers.index(USERS.len()) + 1;
        let user = content.text(USERS[numbers.index(among)]);
        let method = METHODS[numbers.index(METHODS.len())];
        let path = content.text(PATHS[numbers.index(PATHS.len())]);
        let status = STATUSES[numbers.index(STATUSES.len())];
        let bytes = content.bytes(numbers.below(100_000));
        let line = match numbers.below(40) {
            0 => match numbers.below(7) {
                0 => format!("{time},{user},{method},{path},{status}"),
                1 => format!("{time},{user},{method},{path},{status},{bytes},late"),
                2 => format!("{time},{user},{method},{path},ok,{bytes}"),
                3 => format!("{time},{user},{method},{path},{status},-"),
                4 => format!("{time},{user},{method},{path},{status},-{bytes}"),
                5 => format!("{time},{user},{method},{path},70000,{bytes}"),
                _ => String::new(),
            },
            _ => format!("{time},{user},{method},{path},{status},{bytes}"),
        };
        log.push_str(&line);
        log.push('\n');
    }
    log
}

/// What the checks ask: three users' bytes and three requests described.
#[derive(Debug)]
struct Questions {
    users: [String; 3],
    requests: [usize; 3],
}

/// The answer to every question, in one value of std types.
type Answers = (usize, usize, usize, [u64; 3], Option<String>, [String; 3]);

/// The answers, computed another way: every line split into a `Vec` (not measured).
fn expected(log: &str, questions: &Questions) -> Answers {
    let mut requests: Vec<Vec<&str>> = Vec::new();
    let mut skipped = 0;
    for line in log.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() == 6 && fields[4].parse::<u16>().is_ok() && fields[5].parse::<u64>().is_ok()
        {
            requests.push(fields);
        } else {
            skipped += 1;
        }
    }
    let server_errors = requests
        .iter()
        .filter(|f| f[4].parse::<u16>().unwrap() >= 500)
        .count();
    let bytes = questions.users.clone().map(|user| {
        requests
            .iter()
            .filter(|f| f[1] == user)
            .map(|f| f[5].parse::<u64>().unwrap())
            .sum()
    });
    let mut order: Vec<&str> = Vec::new();
    for f in &requests {
        if !order.contains(&f[1]) {
            order.push(f[1]);
        }
    }
    let count = |user: &str| requests.iter().filter(|f| f[1] == user).count();
    let mut busiest: Option<&str> = None;
    for &user in &order {
        if busiest.is_none_or(|b| count(user) > count(b)) {
            busiest = Some(user);
        }
    }
    let described = questions.requests.map(|i| {
        let f = &requests[i];
        format!("{} {} {} ({})", f[2], f[3], f[4], f[1])
    });
    (
        requests.len(),
        skipped,
        server_errors,
        bytes,
        busiest.map(str::to_owned),
        described,
    )
}

/// Asks `traffic` every question: what each budget check measures after `parse`.
fn answers(traffic: &Traffic, questions: &Questions) -> Answers {
    (
        traffic.len(),
        traffic.skipped(),
        traffic.server_errors(),
        [0, 1, 2].map(|i| traffic.bytes_to(&questions.users[i])),
        traffic.busiest_user().map(str::to_owned),
        questions.requests.map(|i| traffic.describe(i)),
    )
}

/// A generated log of `lines` lines, the questions to ask of it (a user picked at random, the
/// last user of the list, someone absent; the first, a middle and the last request), and
/// their answers.
fn workload(seed: u64, lines: usize, mut content: Content) -> ((String, Questions), Answers) {
    let log = generated_log(seed, lines, &mut content);
    let mut numbers = Xorshift::new(seed ^ 0x5eed);
    let requests = expected(
        &log,
        &Questions {
            users: [String::new(), String::new(), String::new()],
            requests: [0; 3],
        },
    )
    .0;
    let questions = Questions {
        users: [
            content.text(USERS[numbers.index(USERS.len())]),
            content.text(USERS[USERS.len() - 1]),
            content.text("nobody"),
        ],
        requests: [0, numbers.index(requests), requests - 1],
    };
    let answers = expected(&log, &questions);
    ((log, questions), answers)
}

const SMALL_LOG: &str = "\
1764064800,ada,GET,/cart,200,5120
1764064801,grace,POST,/pay,503,312
1764064803,ada,GET,/,304,0
broken line
1764064809,linus,GET,/help,404,1024
1764064810,grace,GET,/cart,200,4096
1764064811,ada,DELETE,/cart,500,12";

fn main() {
    seek_and_destroy::exercise!()
        .correctness("a_small_log", || {
            let traffic = Traffic::parse(SMALL_LOG);
            assert_answer!(traffic.len(), 6);
            assert_answer!(traffic.is_empty(), false);
            assert_answer!(traffic.skipped(), 1, "\"broken line\" has one field");
            assert_answer!(traffic.server_errors(), 2, "503 and 500");
            assert_answer!(traffic.bytes_to("ada"), 5120 + 12);
            assert_answer!(traffic.bytes_to("grace"), 312 + 4096);
            assert_answer!(traffic.bytes_to("nobody"), 0);
            assert_answer!(traffic.busiest_user(), Some("ada"));
            assert_answer!(traffic.describe(0), "GET /cart 200 (ada)");
            assert_answer!(traffic.describe(1), "POST /pay 503 (grace)");
            assert_answer!(traffic.describe(5), "DELETE /cart 500 (ada)");
        })
        .correctness("ties_go_to_whoever_came_first", || {
            let log = "1,bob,GET,/,200,1\n2,eve,GET,/,200,1\n3,eve,GET,/,200,1\n4,bob,GET,/,200,1";
            assert_answer!(Traffic::parse(log).busiest_user(), Some("bob"));
            let log = "1,eve,GET,/,200,1\n2,bob,GET,/,200,1\n3,bob,GET,/,200,1";
            assert_answer!(Traffic::parse(log).busiest_user(), Some("bob"));
        })
        .correctness("an_empty_log", || {
            let traffic = Traffic::parse("");
            assert_answer!(traffic.len(), 0);
            assert_answer!(traffic.is_empty(), true);
            assert_answer!(traffic.skipped(), 0);
            assert_answer!(traffic.busiest_user(), None);
            assert_answer!(traffic.bytes_to("ada"), 0);
        })
        .correctness("every_kind_of_broken_line_is_skipped", || {
            let log = "\
1,ada,GET,/,200
1,ada,GET,/,200,5,extra
1,ada,GET,/,ok,5

1,ada,GET,/,200,-5
1,ada,GET,/,70000,5
1,ada,GET,/,200,18446744073709551616
1,ada,GET,/,200,18446744073709551615
1,,GET,/,599,0";
            let traffic = Traffic::parse(log);
            assert_answer!(traffic.skipped(), 7);
            assert_answer!(
                traffic.len(),
                2,
                "u64::MAX bytes and an empty name are fine"
            );
            assert_answer!(traffic.bytes_to("ada"), u64::MAX);
            assert_answer!(traffic.bytes_to(""), 0);
            assert_answer!(traffic.server_errors(), 1);
            assert_answer!(traffic.describe(1), "GET / 599 ()");
        })
        .correctness("two_logs_count_their_own_skipped_lines", || {
            let first = Traffic::parse("broken\n1,ada,GET,/,200,5\nbroken too");
            let second = Traffic::parse("1,ada,GET,/,200,5\nstill broken");
            assert_answer!(first.skipped(), 2);
            assert_answer!(second.skipped(), 1);
            let third = Traffic::parse(SMALL_LOG);
            assert_answer!(third.skipped(), 1);
            assert_answer!(first.skipped(), 2, "after a third log was read");
        })
        .correctness("statuses_past_599", || {
            // Any status that fits in a u16 is read, and 500 or more is a server error.
            let log = "1,ada,GET,/,599,1\n2,bob,GET,/,600,2\n3,cy,GET,/x,65535,4\n4,dee,GET,/,65536,8";
            let traffic = Traffic::parse(log);
            assert_answer!(traffic.len(), 3);
            assert_answer!(traffic.skipped(), 1, "65536 does not fit in a u16");
            assert_answer!(traffic.server_errors(), 3, "599, 600 and 65535");
            assert_answer!(traffic.describe(2), "GET /x 65535 (cy)");
        })
        .correctness("spaces_are_part_of_a_field", || {
            // A field is all the text between its commas: " ada" is not "ada", and " 200" is
            // not a number.
            let log = "1,ada,GET,/,200,10\n2, ada,GET,/,200,20\n3,ada ,GET, /,200,40\n4,ada,GET,/, 200,80\n5,ada,GET,/,200,160 ";
            let traffic = Traffic::parse(log);
            assert_answer!(traffic.len(), 3);
            assert_answer!(traffic.skipped(), 2, "\" 200\" and \"160 \" are not numbers");
            assert_answer!(traffic.bytes_to("ada"), 10);
            assert_answer!(traffic.bytes_to(" ada"), 20);
            assert_answer!(traffic.bytes_to("ada "), 40);
            assert_answer!(traffic.describe(2), "GET  / 200 (ada )");
        })
        .correctness("crlf_line_ends", || {
            let traffic = Traffic::parse("1,ada,GET,/,200,5\r\n2,ada,GET,/cart,200,7\r\n");
            assert_answer!(traffic.len(), 2);
            assert_answer!(traffic.bytes_to("ada"), 12);
            assert_answer!(traffic.describe(1), "GET /cart 200 (ada)");
        })
        .correctness("generated_logs", || {
            for seed in 1..=20 {
                let ((log, questions), answer) = workload(seed * 7_919, 300, Content::plain());
                let traffic = Traffic::parse(&log);
                assert_answer!(
                    answers(&traffic, &questions),
                    answer,
                    "the log of seed {seed}"
                );
            }
        })
        .budget(
            "leaves_nothing_behind",
            // unmeasured: the log and the questions, and their answers
            || workload(0x1eaf, 2_000, Content::fresh()),
            // measured: read the log, answer every question, drop everything
            |(log, questions)| answers(&Traffic::parse(&log), &questions),
        )
        .budget(
            "peak_of_a_day",
            || workload(0x9ea4, 2_000, Content::fresh()),
            |(log, questions)| answers(&Traffic::parse(&log), &questions),
        )
        .budget(
            "blocks_of_a_day",
            || workload(0xb10c, 2_000, Content::fresh()),
            |(log, questions)| answers(&Traffic::parse(&log), &questions),
        )
        .run();
}
