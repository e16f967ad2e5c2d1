// ANCHOR: solution
/// Expands run-length encoded text: each `(count, c)` stands for `count` copies of `c`, and
/// the runs follow each other in order.
///
/// `expand(&[(3, 'a'), (1, 'é'), (2, '!')])` is `"aaaé!!"`. A count of 0 adds nothing, and no
/// runs give an empty `String`. The characters may be anything Unicode has, from `a` to `🦀`.
pub fn expand(runs: &[(usize, char)]) -> String {
    // A String's length is in bytes: a char takes 1 to 4 of them in UTF-8.
    let bytes = runs.iter().map(|&(count, c)| count * c.len_utf8()).sum();
    // One request, for exactly the bytes of the result. No push below finds it full.
    let mut text = String::with_capacity(bytes);
    for &(count, c) in runs {
        for _ in 0..count {
            text.push(c);
        }
    }
    text
}
// ANCHOR_END: solution
