//! The checks of chapter 16: does `Gradebook` read every student right, and how many blocks
//! and bytes does it hold while it is looked up?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_16 as exercise;
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

use exercise::Gradebook;
use seek_and_destroy::{Xorshift, assert_answer};

/// One student as the checks expect to read them back: the reference, built without parsing.
struct Expected {
    name: String,
    marks: Vec<u8>,
}

impl Expected {
    /// The student's line in the gradebook, without its newline.
    fn line(&self) -> String {
        let mut line = format!("{}:", self.name);
        for mark in &self.marks {
            line += &format!(" {mark}");
        }
        line
    }
}

/// What the checks read back from a gradebook through its methods alone: the number of
/// students, the bytes of their names and a fingerprint of them, the number of marks, their
/// sum and a fingerprint of them. A fingerprint changes if a byte or a mark moves to another
/// student or another place.
type Digest = (usize, usize, u64, usize, u64, u64);

/// Mixes `value` into a fingerprint.
fn mix(fingerprint: u64, value: u64) -> u64 {
    (fingerprint ^ value).wrapping_mul(0x0100_0000_01b3)
}

/// The digest of one student after another. It allocates nothing, so it can run inside the
/// measurement.
fn digest<'a>(students: impl Iterator<Item = (&'a str, &'a [u8])>) -> Digest {
    let (mut count, mut name_bytes, mut marks, mut sum) = (0, 0, 0, 0);
    let (mut names_print, mut marks_print) = (0xcbf2_9ce4_8422_2325, 0xcbf2_9ce4_8422_2325);
    for (name, student_marks) in students {
        count += 1;
        name_bytes += name.len();
        names_print = mix(names_print, name.len() as u64);
        for &byte in name.as_bytes() {
            names_print = mix(names_print, u64::from(byte));
        }
        marks += student_marks.len();
        marks_print = mix(marks_print, student_marks.len() as u64);
        for &mark in student_marks {
            sum += u64::from(mark);
            marks_print = mix(marks_print, u64::from(mark));
        }
    }
    (count, name_bytes, names_print, marks, sum, marks_print)
}

/// The digest of a parsed gradebook, read through its methods.
fn digest_of(book: &Gradebook) -> Digest {
    digest((0..book.len()).map(|i| (book.name(i), book.marks(i))))
}

/// The digest the students should give, from the reference.
fn expected_digest(students: &[Expected]) -> Digest {
    digest(
        students
            .iter()
            .map(|s| (s.name.as_str(), s.marks.as_slice())),
    )
}

/// `count` students, the same on every run for a given `seed`: names of 2 to 40 bytes, some
/// of them not ASCII, and 0 to 12 marks each, from 0 to 100.
fn generated(count: usize, seed: u64, content: &mut Xorshift) -> Vec<Expected> {
    // Grouped by length in bytes, so that the content can pick another of the same length.
    const SYLLABLES: [&[&str]; 4] = [
        &["a"],
        &["lo", "ve", "ce", "ho", "tu", "li", "ń", "ß"],
        &[],
        &["pper", "ring", "Zoë"],
    ];
    let mut numbers = Xorshift::new(seed | 1);
    let mut next = move || numbers.next_u64();
    (0..count)
        .map(|_| {
            let mut name = String::new();
            for word in 0..1 + next() % 3 {
                if word > 0 {
                    name.push(' ');
                }
                name.push(char::from(b'A' + content.below(26) as u8));
                for _ in 0..1 + next() % 4 {
                    let length = [0, 1, 1, 1, 1, 3, 1, 3, 3, 1, 1, 1][(next() % 12) as usize];
                    let same_length = SYLLABLES[length];
                    name.push_str(same_length[content.index(same_length.len())]);
                }
            }
            let marks = (0..next() % 13).map(|_| content.below(101) as u8).collect();
            Expected { name, marks }
        })
        .collect()
}

/// The gradebook's text: one line per student, each ending with a newline.
fn text_of(students: &[Expected]) -> String {
    students.iter().map(|s| s.line() + "\n").collect()
}

/// Checks every student read back from `text` against `expected`.
fn assert_reads_back(text: &str, expected: &[Expected]) {
    let book = Gradebook::parse(text);
    assert_answer!(book.len(), expected.len(), "students read from the text");
    assert_answer!(book.is_empty(), expected.is_empty());
    for (i, student) in expected.iter().enumerate() {
        let line = student.line();
        assert_answer!(
            book.name(i),
            student.name.as_str(),
            "name of line {i}: {line}"
        );
        assert_answer!(
            book.marks(i),
            student.marks.as_slice(),
            "marks of line {i}: {line}"
        );
    }
}

/// A budget check's input and the digest its measured call must give.
fn setup(count: usize, seed: u64) -> (String, Digest) {
    let students = generated(count, seed, &mut Xorshift::fresh());
    (text_of(&students), expected_digest(&students))
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("one_student", || {
            let book = Gradebook::parse("Ada Lovelace: 93 88 71\n");
            assert_answer!(book.len(), 1);
            assert_answer!(book.name(0), "Ada Lovelace");
            assert_answer!(book.marks(0), [93, 88, 71].as_slice());
        })
        .correctness("a_student_with_no_marks", || {
            let book = Gradebook::parse("Alan Turing:\nGrace Hopper: 100 0\nEmmy Noether:\n");
            assert_answer!(book.len(), 3);
            assert_answer!(book.name(0), "Alan Turing");
            assert_answer!(book.marks(0), <&[u8]>::default());
            assert_answer!(book.name(1), "Grace Hopper");
            assert_answer!(book.marks(1), [100, 0].as_slice());
            assert_answer!(book.name(2), "Emmy Noether");
            assert_answer!(book.marks(2), <&[u8]>::default());
        })
        .correctness("names_that_are_not_ascii", || {
            let book = Gradebook::parse("Zoë Brontë: 64\nŁukasz Ściński: 7 77\n");
            assert_answer!(book.name(0), "Zoë Brontë");
            assert_answer!(book.marks(0), [64].as_slice());
            assert_answer!(book.name(1), "Łukasz Ściński");
            assert_answer!(book.marks(1), [7, 77].as_slice());
        })
        .correctness("an_empty_gradebook", || {
            let book = Gradebook::parse("");
            assert_answer!(book.len(), 0);
            assert_answer!(book.is_empty(), true);
        })
        .correctness("a_last_line_without_newline", || {
            let book = Gradebook::parse("Barbara Liskov: 90\nEdsger Dijkstra: 1 2 3");
            assert_answer!(book.len(), 2);
            assert_answer!(book.name(1), "Edsger Dijkstra");
            assert_answer!(book.marks(1), [1, 2, 3].as_slice());
        })
        .correctness("generated_gradebooks", || {
            for (count, seed) in [(1, 7), (10, 11), (500, 0x5eed), (3_000, 0xab1e)] {
                let expected = generated(count, seed, &mut Xorshift::new(seed));
                assert_reads_back(&text_of(&expected), &expected);
            }
        })
        .correctness("spaces_around_a_name_are_kept", || {
            // A name is everything before the colon, spaces included.
            let book = Gradebook::parse(" Ada Lovelace : 93\n\tAlan Turing:\nGrace  Hopper  :1\n");
            assert_answer!(book.name(0), " Ada Lovelace ");
            assert_answer!(book.marks(0), [93].as_slice());
            assert_answer!(book.name(1), "\tAlan Turing");
            assert_answer!(book.name(2), "Grace  Hopper  ");
            assert_answer!(book.marks(2), [1].as_slice());
        })
        .correctness("a_class_past_65_536_marks", || {
            // More name bytes and more marks than a u16 can count.
            let expected = generated(14_000, 0xb16, &mut Xorshift::fresh());
            assert_reads_back(&text_of(&expected), &expected);
        })
        .budget(
            "gradebook_blocks",
            // unmeasured: the text, and the digest its students must give
            || setup(2_000, 0x0b10c5),
            // measured: parse it, read every student back, drop the gradebook
            |text| digest_of(&Gradebook::parse(&text)),
        )
        .budget(
            "gradebook_bytes",
            || setup(10_000, 0xb17e5),
            |text| digest_of(&Gradebook::parse(&text)),
        )
        .run();
}
