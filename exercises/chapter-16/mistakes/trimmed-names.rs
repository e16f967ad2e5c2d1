// mistake: trimmed the spaces around each name, though a name is everything before the colon
// expect: correctness::spaces_around_a_name_are_kept wrong
/// The marks of a class, read once from a text and then only looked up, stored as four
/// columns: every name back to back in one `String`, every mark back to back in one `Vec`, and
/// for each student where their name and their marks end.
pub struct Gradebook {
    names: String,       // "Ada LovelaceAlan Turing..."
    name_ends: Vec<u32>, // [12, 23, ...]: the text is under 4 GiB, so a u32 can point anywhere
    marks: Vec<u8>,      // [93, 88, 71, ...]
    mark_ends: Vec<u32>, // [3, 3, ...]: Alan Turing has no marks
}

impl Gradebook {
    /// Reads a gradebook, one student per line, as in `Ada Lovelace: 93 88 71`.
    pub fn parse(text: &str) -> Gradebook {
        // First pass: count, so that each column is asked for once, at its final size.
        let (mut students, mut name_bytes, mut marks) = (0, 0, 0);
        for line in text.lines() {
            let (name, rest) = line.split_once(':').expect("a colon after the name");
            students += 1;
            name_bytes += name.trim().len();
            marks += rest.split_whitespace().count();
        }
        let mut book = Gradebook {
            names: String::with_capacity(name_bytes),
            name_ends: Vec::with_capacity(students),
            marks: Vec::with_capacity(marks),
            mark_ends: Vec::with_capacity(students),
        };
        // Second pass: fill the columns; no push can outgrow them now.
        for line in text.lines() {
            let (name, rest) = line.split_once(':').expect("a colon after the name");
            book.names.push_str(name.trim());
            book.name_ends.push(offset(book.names.len()));
            for mark in rest.split_whitespace() {
                book.marks.push(mark.parse().expect("a mark from 0 to 100"));
            }
            book.mark_ends.push(offset(book.marks.len()));
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
        &self.marks[span(&self.mark_ends, student)]
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
