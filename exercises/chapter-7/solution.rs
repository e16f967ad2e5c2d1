// ANCHOR: solution
/// The median reading of every line of `log`, in the order of the lines.
///
/// Each line holds one or more readings: unsigned integers that fit in a `u32`, separated by
/// spaces or tabs. A line's median is the reading in the middle once the line is sorted. When
/// a line has an even number of readings, it is the lower of the two in the middle, so that
/// the median is always one of the readings: `"5 9 2"` gives 5, and `"3 1 4 1"` gives 1.
///
/// # Panics
///
/// If a line is empty, or holds something other than a `u32`.
pub fn line_medians(log: &str) -> Vec<u32> {
    // One block for the answer, at its final size: one median per line.
    let mut medians = Vec::with_capacity(log.lines().count());
    // One buffer for the readings of every line. It grows to fit the longest line so far,
    // and never shrinks.
    let mut readings: Vec<u32> = Vec::new();
    for line in log.lines() {
        readings.clear(); // length 0, capacity kept
        readings.extend(
            line.split_whitespace()
                .map(|reading| reading.parse::<u32>().expect("a reading is a u32")),
        );
        readings.sort_unstable();
        medians.push(readings[(readings.len() - 1) / 2]);
    }
    medians
}
// ANCHOR_END: solution
