//! The checks of chapter 7: is `group_medians` right, and do its blocks stay the same however
//! many groups the text has?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_7 as exercise;
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

use exercise::group_medians;
use seek_and_destroy::{Xorshift, assert_answer};

/// The deepest nesting of a generated text. The budgets' reasons rely on it.
const DEEPEST: usize = 8;
/// The most readings a generated group holds directly. The budgets' reasons rely on it.
const MOST_READINGS: u64 = 16;

/// Appends one group, and the groups inside it, to `text`. `layout` decides the shape (how
/// many readings, where the inner groups go, the separators); `content` decides the readings,
/// mostly small with repeats, now and then as large as a `u32` gets.
fn group(
    text: &mut String,
    depth: usize,
    groups: &mut usize,
    layout: &mut Xorshift,
    content: &mut Xorshift,
) {
    *groups += 1;
    text.push('(');
    let readings = layout.below(MOST_READINGS + 1);
    let inner = if depth < DEEPEST { layout.below(3) } else { 0 };
    let mut places: Vec<u64> = (0..inner).map(|_| layout.below(readings + 1)).collect();
    places.sort_unstable();
    for i in 0..=readings {
        while places.first() == Some(&i) {
            places.remove(0);
            group(text, depth + 1, groups, layout, content);
        }
        if i == readings {
            break;
        }
        let reading = match content.below(40) {
            0 => u32::MAX - content.below(3) as u32,
            _ => content.below(1_000) as u32,
        };
        text.push_str(&reading.to_string());
        // Nothing between a reading and a bracket now and then; whitespace between readings.
        let bracket_next = i + 1 == readings || places.first() == Some(&(i + 1));
        text.push_str(match layout.below(8) {
            0 => "\t",
            1 => "\n",
            2 if bracket_next => "",
            _ => " ",
        });
    }
    text.push(')');
    text.push(if layout.below(2) == 0 { '\n' } else { ' ' });
}

/// A text of at least `groups` groups.
fn generated(groups: usize, layout: &mut Xorshift, content: &mut Xorshift) -> String {
    let (mut text, mut made) = (String::new(), 0);
    while made < groups {
        group(&mut text, 1, &mut made, layout, content);
    }
    text
}

/// The answer, computed another way (not measured): a recursive descent that returns each
/// group's readings to the caller.
fn expected(text: &str) -> Vec<u32> {
    fn group(tokens: &mut std::iter::Peekable<std::vec::IntoIter<String>>, out: &mut Vec<u32>) {
        let mut own = Vec::new();
        while let Some(token) = tokens.next() {
            match token.as_str() {
                "(" => group(tokens, out),
                ")" => break,
                number => own.push(number.parse::<u32>().unwrap()),
            }
        }
        own.sort();
        if !own.is_empty() {
            out.push(own[(own.len() - 1) / 2]);
        }
    }
    let spaced = text.replace('(', " ( ").replace(')', " ) ");
    let tokens: Vec<String> = spaced.split_whitespace().map(String::from).collect();
    let mut tokens = tokens.into_iter().peekable();
    let mut out = Vec::new();
    while let Some(token) = tokens.next() {
        if token == "(" {
            group(&mut tokens, &mut out);
        }
    }
    out
}

/// A budget check's text: its shape from a fixed seed, its readings drawn anew on every run.
fn workload(groups: usize) -> (String, Vec<u32>) {
    let text = generated(
        groups,
        &mut Xorshift::new(0x7e57_0007 + groups as u64),
        &mut Xorshift::fresh(),
    );
    let medians = expected(&text);
    (text, medians)
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("the_example", || {
            assert_answer!(group_medians("(5 (1 2) 9 2)"), [1, 5]);
        })
        .correctness("one_group", || {
            assert_answer!(group_medians("(7)"), [7]);
            assert_answer!(group_medians("(3 1 4 1)"), [1]);
            assert_answer!(group_medians("(50 10 40 20 30)"), [30]);
        })
        .correctness("groups_in_order_of_closing", || {
            assert_answer!(group_medians("(1 (2 (3) 4) 5) (6)"), [3, 2, 1, 6]);
            assert_answer!(group_medians("((1)(2)(3))"), [1, 2, 3]);
        })
        .correctness("an_inner_group_does_not_share_its_readings", || {
            assert_answer!(group_medians("(9 9 (1 1 1 1 1) 9)"), [1, 9]);
            assert_answer!(group_medians("(1 (100 200) 2 (300) 3)"), [100, 300, 2]);
        })
        .correctness("a_group_reopened_at_the_same_depth_starts_empty", || {
            assert_answer!(group_medians("((9 9 9 9) (1) (2 3))"), [9, 1, 2]);
            assert_answer!(group_medians("(8 8 8)(1)"), [8, 1]);
        })
        .correctness("readings_next_to_brackets", || {
            assert_answer!(group_medians("(3(4)5)"), [4, 3]);
            assert_answer!(group_medians("\t( 10\n20 )\n"), [10]);
        })
        .correctness("groups_without_readings_have_no_median", || {
            assert_answer!(group_medians("()"), Vec::<u32>::new());
            assert_answer!(group_medians("(() (4) ())"), [4]);
            assert_answer!(group_medians("((0))"), [0]);
        })
        .correctness("readings_outside_every_group_are_ignored", || {
            assert_answer!(group_medians("7 (1) 8 9"), [1]);
            assert_answer!(group_medians("42"), Vec::<u32>::new());
            assert_answer!(group_medians(""), Vec::<u32>::new());
        })
        .correctness("readings_as_large_as_a_u32", || {
            assert_answer!(group_medians("(4294967295 0 4294967295)"), [u32::MAX]);
        })
        .correctness("a_deep_and_a_wide_group", || {
            // 200 levels deep, each holding its depth; then one group of 1,001 readings.
            let deep =
                "(".repeat(200) + &(1..=200).rev().map(|d| format!("{d})")).collect::<String>();
            let medians: Vec<u32> = (1..=200).rev().collect();
            assert_answer!(group_medians(&deep), medians);
            let wide: Vec<String> = (0..=1_000u32)
                .map(|n| (n * 389 % 1_001).to_string())
                .collect();
            assert_answer!(group_medians(&format!("({})", wide.join(" "))), [500]);
        })
        .correctness("generated_texts", || {
            for seed in 1..=20 {
                let text = generated(60, &mut Xorshift::new(seed), &mut Xorshift::new(seed + 50));
                assert_answer!(
                    group_medians(&text),
                    expected(&text),
                    "generated text #{seed}"
                );
            }
        })
        .budget(
            "medians_of_1000_groups",
            || workload(1_000),
            |text| group_medians(&text),
        )
        .budget(
            "medians_of_8000_groups",
            || workload(8_000),
            |text| group_medians(&text),
        )
        .run();
}
