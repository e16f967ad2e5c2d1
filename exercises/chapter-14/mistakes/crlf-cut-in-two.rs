// mistake: parsed lines straight out of the reader's buffer, and trimmed a "\r" only when its "\n" came in the same read
// expect: correctness::a_crlf_cut_by_the_reader_s_buffer wrong
use std::io::BufRead;
use std::iter;

fn simulated_readings(seed: u64) -> impl Iterator<Item = u64> {
    let mut state = seed;
    iter::from_fn(move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let watts = state % 5_000;
        Some(if state >> 61 == 0 { 0 } else { watts })
    })
}

pub fn count_rises(seed: u64, count: usize) -> usize {
    let mut previous = None;
    let mut rises = 0;
    for reading in simulated_readings(seed).take(count).filter(|&r| r != 0) {
        if previous.is_some_and(|p| reading > p) {
            rises += 1;
        }
        previous = Some(reading);
    }
    rises
}

/// The reading of `line` if it is one of `meter`'s; blank, comment and garbled lines give none.
fn reading_of(line: &str, meter: &str) -> Option<i64> {
    let (name, value) = line.split_once(' ')?;
    if name == meter && !line.starts_with('#') {
        value.parse().ok()
    } else {
        None
    }
}

pub fn meter_total(mut log: impl BufRead, meter: &str) -> (usize, i64) {
    let mut readings = 0;
    let mut total = 0;
    let mut tally = |line: &str| {
        if let Some(value) = reading_of(line, meter) {
            readings += 1;
            total += value;
        }
    };
    // The start of a line that the end of a read cut off.
    let mut carry = String::new();
    loop {
        let chunk = log.fill_buf().expect("the log can be read");
        if chunk.is_empty() {
            break;
        }
        let len = chunk.len();
        let mut rest = std::str::from_utf8(chunk).expect("the log is ASCII text");
        while let Some(at) = rest.find('\n') {
            let piece = rest[..at].strip_suffix('\r').unwrap_or(&rest[..at]);
            if carry.is_empty() {
                tally(piece);
            } else {
                carry.push_str(piece);
                tally(&carry);
                carry.clear();
            }
            rest = &rest[at + 1..];
        }
        carry.push_str(rest);
        log.consume(len);
    }
    tally(carry.trim_end_matches('\r'));
    (readings, total)
}
