//! Chapter 16, NamedTuple and compact values. Your exercise: make `Gradebook` fit its budgets.
//!
//! Run `cargo test -p chapter-16`. The checks tell you whether the answers are right, and how
//! many heap blocks and bytes your code allocated while computing them.
//!
//! The checks read every student back through `Gradebook::parse` and the four methods below.
//! Keep their names, their signatures and what they return; how a `Gradebook` stores its
//! students is yours to change.

/// The marks of a class, read once from a text and then only looked up: no student is added,
/// removed or changed after `parse`.
pub struct Gradebook {
    students: Vec<Student>,
}

/// One student: a name and the marks of the tests they took, in the order they took them.
struct Student {
    name: String,
    marks: Vec<u8>,
}

impl Gradebook {
    /// Reads a gradebook, one student per line: the name, a colon, then the student's marks,
    /// each a number from 0 to 100, separated by spaces, as in `Ada Lovelace: 93 88 71`.
    ///
    /// A name is everything before the colon, and may hold spaces and any other character but
    /// a colon. A student may have no marks at all (`Alan Turing:`). The last line may end
    /// without a newline. The whole text is under 4 GiB.
    ///
    /// # Panics
    ///
    /// If a line has no colon, or a mark is not a whole number that fits in a `u8`.
    pub fn parse(text: &str) -> Gradebook {
        let students = text
            .lines()
            .map(|line| {
                let (name, marks) = line.split_once(':').expect("a colon after the name");
                Student {
                    name: name.to_string(),
                    marks: marks
                        .split_whitespace()
                        .map(|mark| mark.parse().expect("a mark from 0 to 100"))
                        .collect(),
                }
            })
            .collect();
        Gradebook { students }
    }

    /// How many students the gradebook holds.
    pub fn len(&self) -> usize {
        self.students.len()
    }

    /// Whether the gradebook holds no student at all.
    pub fn is_empty(&self) -> bool {
        self.students.is_empty()
    }

    /// The name of student `student`, counting from 0 in the order of the text's lines.
    ///
    /// # Panics
    ///
    /// If `student` is not below `len()`.
    pub fn name(&self, student: usize) -> &str {
        &self.students[student].name
    }

    /// The marks of student `student`, in the order of the text; empty if they have none.
    ///
    /// # Panics
    ///
    /// If `student` is not below `len()`.
    pub fn marks(&self, student: usize) -> &[u8] {
        &self.students[student].marks
    }
}
