// mistake: kept where each student's marks start in a u16 and how many in a u8, since the budget's class has fewer than 65,536 marks
// expect: correctness::a_class_past_65_536_marks wrong
// expect: budget::gradebook_blocks over-budget
/// The marks of a class, read once from a text and then only looked up, stored as four
/// columns: every name back to back in one `String`, every mark back to back in one `Vec`, and
/// for each student where their name and their marks end.
pub struct Gradebook {
    names: String,         // "Ada LovelaceAlan Turing..."
    name_ends: Vec<u32>,   // [12, 23, ...]: the text is under 4 GiB, so a u32 can point anywhere
    marks: Vec<u8>,        // [93, 88, 71, ...]
    mark_starts: Vec<u16>, // a class has far fewer than 65,536 marks
    mark_counts: Vec<u8>,  // and a student fewer than 256
}

impl Gradebook {
    /// Reads a gradebook, one student per line, as in `Ada Lovelace: 93 88 71`.
    pub fn parse(text: &str) -> Gradebook {
        // First pass: count, so that each column is asked for once, at its final size.
        let (mut students, mut name_bytes, mut marks) = (0, 0, 0);
        for line in text.lines() {
            let (name, rest) = line.split_once(':').expect("a colon after the name");
            students += 1;
            name_bytes += name.len();
            marks += rest.split_whitespace().count();
        }
        let mut book = Gradebook {
            names: String::with_capacity(name_bytes),
            name_ends: Vec::with_capacity(students),
            marks: Vec::with_capacity(marks),
            mark_starts: Vec::with_capacity(students),
            mark_counts: Vec::with_capacity(students),
        };
        // Second pass: fill the columns; no push can outgrow them now.
        for line in text.lines() {
            let (name, rest) = line.split_once(':').expect("a colon after the name");
            book.names.push_str(name);
            book.name_ends.push(offset(book.names.len()));
            book.mark_starts.push(book.marks.len() as u16);
            for mark in rest.split_whitespace() {
                book.marks.push(mark.parse().expect("a mark from 0 to 100"));
            }
            let start = *book.mark_starts.last().unwrap_or(&0);
            book.mark_counts
                .push((book.marks.len() as u16).wrapping_sub(start) as u8);
        }
        book
    }

    /// How many students the gradebook holds.
    pub fn len(&self) -> usize {
        self.name_ends.len()
    }

    /// Whether the gradebook holds no student at all.
    pub fn is_empty(&self) -> bool {
        self.name_ends.is_empty()
    }

    /// The name of student `student`, counting from 0 in the order of the text's lines.
    pub fn name(&self, student: usize) -> &str {
        &self.names[span(&self.name_ends, student)]
    }

    /// The marks of student `student`, in the order of the text; empty if they have none.
    pub fn marks(&self, student: usize) -> &[u8] {
        let start = usize::from(self.mark_starts[student]);
        &self.marks[start..start + usize::from(self.mark_counts[student])]
    }
}

/// Where entry `i` of a column sits: from where entry `i - 1` ends to where entry `i` ends.
fn span(ends: &[u32], i: usize) -> std::ops::Range<usize> {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    start..ends[i] as usize
}

/// A position in a column, which fits in a `u32` because the whole text is under 4 GiB.
fn offset(position: usize) -> u32 {
    u32::try_from(position).expect("the text is under 4 GiB")
}
