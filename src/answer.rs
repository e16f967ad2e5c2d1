//! Comparing the reader's answer with the expected one, and saying which is which.

use std::fmt::{self, Debug, Write as _};

/// How much of one answer a message shows: enough to see the difference, not a whole `Vec`.
const SHOWN_CHARS: usize = 240;

/// Asserts that the reader's answer equals the expected one, and says which is which when it
/// does not.
///
/// Use it in a correctness check, with the reader's call first. Unlike `assert_eq!`, whose
/// message speaks of `left` and `right`, a failure reads:
///
/// ```text
/// wrong answer from `count_word("a A b", "A")`
///     yours:    1
///     expected: 2
/// ```
///
/// An optional format string and arguments add context, as with `assert_eq!`:
///
/// ```
/// use seek_and_destroy::assert_answer;
///
/// fn squares(values: &[u64]) -> Vec<u64> {
///     values.iter().map(|v| v * v).collect()
/// }
///
/// assert_answer!(squares(&[1, 2, 3]), [1, 4, 9]);
/// for n in 0..4 {
///     assert_answer!(squares(&[n]), [n * n], "the square of {n}");
/// }
/// ```
#[macro_export]
macro_rules! assert_answer {
    ($yours:expr, $expected:expr $(,)?) => {
        match (&$yours, &$expected) {
            (yours, expected) => {
                if !(*yours == *expected) {
                    $crate::__private::wrong_answer(yours, expected, stringify!($yours), None)
                }
            }
        }
    };
    ($yours:expr, $expected:expr, $($context:tt)+) => {
        match (&$yours, &$expected) {
            (yours, expected) => {
                if !(*yours == *expected) {
                    $crate::__private::wrong_answer(
                        yours,
                        expected,
                        stringify!($yours),
                        Some(format_args!($($context)+)),
                    )
                }
            }
        }
    };
}

/// The failure of [`assert_answer!`]. `#[track_caller]` puts the panic at the macro's call, in
/// the check's own file, which is how the grader tells a wrong answer from a crash. Not generic,
/// so that an exercise crate compiles it once, in the toolkit, not at every assertion.
#[track_caller]
#[inline(never)]
pub fn wrong_answer(
    yours: &dyn Debug,
    expected: &dyn Debug,
    call: &str,
    context: Option<fmt::Arguments>,
) -> ! {
    let context = context.map(|c| format!(" ({c})")).unwrap_or_default();
    panic!(
        "wrong answer from `{call}`{context}\n{}",
        yours_and_expected(yours, expected)
    );
}

/// Two indented lines, `yours:` then `expected:`, each cut to a readable length.
pub(crate) fn yours_and_expected(yours: &dyn Debug, expected: &dyn Debug) -> String {
    format!(
        "    yours:    {}\n    expected: {}",
        shortened(yours),
        shortened(expected)
    )
}

fn shortened(value: &dyn Debug) -> String {
    let mut text = String::new();
    let _ = write!(text, "{value:?}");
    let total = text.chars().count();
    if total <= SHOWN_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(SHOWN_CHARS).collect();
    let _ = write!(cut, "… ({} more characters)", total - SHOWN_CHARS);
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_answer_names_the_call_and_which_side_is_whose() {
        let panic = std::panic::catch_unwind(|| {
            crate::assert_answer!(1 + 1, 3, "context {}", 7);
        })
        .unwrap_err();
        let message = panic.downcast_ref::<String>().unwrap();
        assert_eq!(
            message,
            "wrong answer from `1 + 1` (context 7)\n    yours:    2\n    expected: 3"
        );
    }

    #[test]
    fn long_answers_are_cut() {
        let long: Vec<u32> = (0..1000).collect();
        let text = yours_and_expected(&long, &0);
        assert!(text.contains("more characters)"), "{text}");
        assert!(text.len() < 400, "{text}");
    }
}
