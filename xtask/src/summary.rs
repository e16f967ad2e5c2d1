//! Chapter 18's summary: every written chapter's before and after figures in one table and one
//! chart, read from what the chapters' `before` and `after` listings printed, with the talk's
//! Python figures beside them.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

use crate::chart::first_measurement;
use crate::workbook::Chapter;

/// Where the Python figures live, relative to the root.
pub(crate) const PYTHON_FIGURES: &str = "chapters/18-conclusions/python-figures.toml";

/// One chapter's line of the summary: what changed, and its two measurements.
#[derive(Debug, PartialEq)]
pub(crate) struct ChapterFigures {
    pub(crate) number: u32,
    pub(crate) title: String,
    pub(crate) slug: String,
    /// What the `after` listing does differently, from its doc comment.
    pub(crate) change: String,
    /// The six counts of the first `new:` line of `before.out`, then of `after.out`.
    pub(crate) before: [u64; 6],
    pub(crate) after: [u64; 6],
}

/// What tracemalloc counted for one Python example: new blocks and new bytes.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Traced {
    pub(crate) blocks: u64,
    pub(crate) bytes: u64,
}

/// Where a row's figures come from, as `python-figures.toml` writes them.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub(crate) enum Figures {
    /// Typed from the talk's slides: a quote, never a measurement of ours.
    Quoted(Traced),
    /// One line of a Python listing's saved output, the shared helper's `new: …` line.
    Printed(PrintedLine),
}

/// A line of a `.py.out` file: its path from the root, and its number, from 1.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct PrintedLine {
    pub(crate) output: String,
    pub(crate) line: usize,
}

/// One row of `python-figures.toml`, as written.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct PythonEntry {
    pub(crate) chapter: u32,
    pub(crate) example: String,
    /// Which of a chapter's Python versions this is, when it has more than one after.
    #[serde(default)]
    pub(crate) variant: Option<String>,
    /// `talk` (the slides) or `3.11` (a listing of ours, run by `cargo xtask generate`).
    pub(crate) source: String,
    pub(crate) before: Figures,
    pub(crate) after: Figures,
}

/// One row of the summary's Python column, its figures read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PythonRow {
    pub(crate) chapter: u32,
    pub(crate) example: String,
    pub(crate) variant: Option<String>,
    pub(crate) source: String,
    pub(crate) before: Traced,
    pub(crate) after: Traced,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PythonFile {
    row: Vec<PythonEntry>,
}

/// Parses the text of `python-figures.toml`, and checks that each row's figures are of its
/// source's kind: typed for the talk, read from an output for 3.11.
pub(crate) fn parse_python(text: &str) -> anyhow::Result<Vec<PythonEntry>> {
    let file: PythonFile = toml::from_str(text)?;
    for row in &file.row {
        let typed = [&row.before, &row.after]
            .iter()
            .all(|figures| matches!(figures, Figures::Quoted(_)));
        let printed = [&row.before, &row.after]
            .iter()
            .all(|figures| matches!(figures, Figures::Printed(_)));
        match row.source.as_str() {
            "talk" => anyhow::ensure!(
                typed,
                "chapter {}: the talk's figures are quoted as {{ blocks, bytes }}",
                row.chapter
            ),
            "3.11" => anyhow::ensure!(
                printed,
                "chapter {}: CPython 3.11 figures are read from an output, as \
                 {{ output = \"chapters/…/STEM.py.out\", line = N }}, never typed",
                row.chapter
            ),
            other => anyhow::bail!(
                "chapter {}: the source {other:?} is neither \"talk\" nor \"3.11\"",
                row.chapter
            ),
        }
    }
    Ok(file.row)
}

/// The blocks and bytes of the shared Python helper's line
/// `new: 3 blocks, 80088 bytes | peak: 80096 bytes | time: 0.0 ms`, wherever `new:` starts in
/// it (a listing may print a label first).
pub(crate) fn python_measurement(line: &str) -> Option<Traced> {
    let (_, figures) = line.split_once("new: ")?;
    let (new, _) = figures.split_once(" |")?;
    let (blocks, bytes) = new.split_once(", ")?;
    let count = |text: &str, unit: &str| -> Option<u64> {
        let (n, word) = text.split_once(' ')?;
        (word == unit || word.strip_suffix('s') == Some(unit)).then_some(())?;
        n.parse().ok()
    };
    Some(Traced {
        blocks: count(blocks, "block")?,
        bytes: count(bytes, "byte")?,
    })
}

/// Reads each row's figures: a quote as it stands, a printed line from the output it names,
/// with `read` giving the text of a path from the root.
pub(crate) fn resolve_python(
    entries: Vec<PythonEntry>,
    read: impl Fn(&str) -> anyhow::Result<String>,
) -> anyhow::Result<Vec<PythonRow>> {
    let figures = |figures: &Figures| -> anyhow::Result<Traced> {
        match figures {
            Figures::Quoted(traced) => Ok(*traced),
            Figures::Printed(PrintedLine { output, line }) => {
                let text = read(output)?;
                let printed = line
                    .checked_sub(1)
                    .and_then(|index| text.lines().nth(index))
                    .with_context(|| format!("{output} has no line {line}"))?;
                python_measurement(printed).with_context(|| {
                    format!("{output}:{line} is not the helper's `new: …` line: {printed:?}")
                })
            }
        }
    };
    entries
        .into_iter()
        .map(|entry| {
            Ok(PythonRow {
                before: figures(&entry.before)
                    .with_context(|| format!("chapter {}, before", entry.chapter))?,
                after: figures(&entry.after)
                    .with_context(|| format!("chapter {}, after", entry.chapter))?,
                chapter: entry.chapter,
                example: entry.example,
                variant: entry.variant,
                source: entry.source,
            })
        })
        .collect()
}

/// Reads `python-figures.toml` under `root`, and the Python outputs its 3.11 rows name. Run
/// after the Python listings, so it reads what they print now.
pub(crate) fn python_figures(root: &Path) -> anyhow::Result<Vec<PythonRow>> {
    let path = root.join(PYTHON_FIGURES);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {PYTHON_FIGURES}"))?;
    let entries = parse_python(&text).with_context(|| format!("parsing {PYTHON_FIGURES}"))?;
    resolve_python(entries, |output| {
        std::fs::read_to_string(root.join(output)).with_context(|| format!("reading {output}"))
    })
    .with_context(|| format!("reading the figures {PYTHON_FIGURES} names"))
}

/// The figures of every written chapter that has a `before.out` and an `after.out` with a
/// measurement in each; the others are left out. Run after the listings, so it reads what
/// they print now.
pub(crate) fn chapter_figures(
    root: &Path,
    chapters: &[Chapter],
) -> anyhow::Result<Vec<ChapterFigures>> {
    let mut rows = Vec::new();
    for chapter in chapters.iter().filter(|c| c.written) {
        let dir = chapter.page_dir(root);
        let read = |stem: &str| {
            let printed = std::fs::read_to_string(dir.join(format!("{stem}.out"))).ok()?;
            first_measurement(&printed)
        };
        let (Some(before), Some(after)) = (read("before"), read("after")) else {
            continue;
        };
        let source = std::fs::read_to_string(dir.join("after.rs"))
            .with_context(|| format!("reading {}/after.rs", chapter.slug))?;
        rows.push(ChapterFigures {
            number: chapter.number,
            title: chapter.title.clone(),
            slug: chapter.slug.clone(),
            change: change_of(&source),
            before,
            after,
        });
    }
    Ok(rows)
}

/// The first sentence of a listing's doc comment, without its `After:` label, capitalised:
/// `//! After: ask for room first, then push.` gives `Ask for room first, then push.`
pub(crate) fn change_of(source: &str) -> String {
    let mut paragraph = String::new();
    for line in source.lines() {
        let Some(text) = line.strip_prefix("//!") else {
            break;
        };
        let text = text.trim();
        if text.is_empty() {
            if paragraph.is_empty() {
                continue;
            }
            break;
        }
        if !paragraph.is_empty() {
            paragraph.push(' ');
        }
        paragraph.push_str(text);
    }
    let text = paragraph
        .strip_prefix("After:")
        .unwrap_or(&paragraph)
        .trim();
    let sentence = match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    };
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `before → after`, both with thousands separators.
fn arrow(before: u64, after: u64) -> String {
    format!(
        "{} → {}",
        crate::text::grouped(before),
        crate::text::grouped(after)
    )
}

/// A table cell's text: no `|` (it would end the cell), no line break.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The summary table, in Markdown, for `summary.md`.
pub(crate) fn table(rows: &[ChapterFigures], python: &[PythonRow]) -> String {
    let mut text = format!(
        "<!-- Generated by `cargo xtask generate` from each chapter's before.out and after.out, \
         and from {PYTHON_FIGURES} with the Python outputs it names. -->\n\n\
         | chapter | what changed | total blocks | total bytes | peak bytes | live bytes at end | \
         Python (blocks / bytes) |\n\
         |---|---|---:|---:|---:|---:|---|\n"
    );
    for row in rows {
        let python: Vec<String> = python
            .iter()
            .filter(|p| p.chapter == row.number)
            .map(|p| {
                let mut source = if p.source == "talk" {
                    "talk".to_owned()
                } else {
                    "CPython 3.11".to_owned()
                };
                if let Some(variant) = &p.variant {
                    source = format!("{source}, {variant}");
                }
                format!(
                    "{source}: {} / {} → {} / {}",
                    crate::text::grouped(p.before.blocks),
                    crate::text::grouped(p.before.bytes),
                    crate::text::grouped(p.after.blocks),
                    crate::text::grouped(p.after.bytes)
                )
            })
            .collect();
        let python = if python.is_empty() {
            "–".to_owned()
        } else {
            python.join("<br>")
        };
        let _ = writeln!(
            text,
            "| {}. [{}](../{}/index.md) | {} | {} | {} | {} | {} | {} |",
            row.number,
            crate::text::markdown_text(&row.title),
            row.slug,
            cell(&row.change),
            arrow(row.before[0], row.after[0]),
            arrow(row.before[1], row.after[1]),
            arrow(row.before[3], row.after[3]),
            arrow(row.before[5], row.after[5]),
            cell(&python),
        );
    }
    text
}

/// How long a bar is, in pixels, for `value` on a log scale whose full width `width` is
/// `largest`: a value of 0 has no bar, and 1 byte already shows.
fn log_width(value: u64, largest: u64, width: u32) -> u32 {
    if value == 0 {
        return 0;
    }
    let scale = ((largest.max(1) + 1) as f64).log10();
    let length = ((value + 1) as f64).log10() / scale * f64::from(width);
    (length.round() as u32).max(2)
}

/// The summary chart: per chapter, two bars of total bytes, before and after, on one log scale.
pub(crate) fn chart(rows: &[ChapterFigures]) -> String {
    const LABEL: u32 = 250;
    const BAR: u32 = 400;
    const WIDTH: u32 = 800;
    const ROW: u32 = 46;
    let title = "Total bytes of each chapter's listings, before and after (log scale)";
    let largest = rows
        .iter()
        .map(|row| row.before[1].max(row.after[1]))
        .max()
        .unwrap_or(1);
    let height = 70 + rows.len() as u32 * ROW + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"sans-serif\" font-size=\"14\" \
         role=\"img\" aria-label=\"{title}\">\n\
         <title>{title}</title>\n\
         <!-- Generated by `cargo xtask generate` from each chapter's before.out and after.out. -->\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">{title}</text>\n\
         <rect x=\"{LABEL}\" y=\"36\" width=\"12\" height=\"12\" fill=\"#c0504d\"/>\
         <text x=\"{}\" y=\"47\" fill=\"#222\">before</text>\n\
         <rect x=\"{}\" y=\"36\" width=\"12\" height=\"12\" fill=\"#4f8f4f\"/>\
         <text x=\"{}\" y=\"47\" fill=\"#222\">after</text>\n",
        LABEL + 18,
        LABEL + 90,
        LABEL + 108,
    );
    for (i, row) in rows.iter().enumerate() {
        let top = 62 + i as u32 * ROW;
        let mut label = format!("{}. {}", row.number, row.title);
        if label.chars().count() > 28 {
            label = label.chars().take(27).collect::<String>() + "…";
        }
        let _ = writeln!(
            svg,
            "<text x=\"10\" y=\"{}\" fill=\"#222\">{}</text>",
            top + 25,
            xml_escape(&label)
        );
        for (bar, (value, colour)) in [(row.before[1], "#c0504d"), (row.after[1], "#4f8f4f")]
            .into_iter()
            .enumerate()
        {
            let y = top + bar as u32 * 19;
            let width = log_width(value, largest, BAR);
            let _ = writeln!(
                svg,
                "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"17\" fill=\"{colour}\"/>\
                 <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#222\">{}</text>",
                LABEL + width + 6,
                y + 14,
                crate::text::grouped(value)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, before: [u64; 6], after: [u64; 6]) -> ChapterFigures {
        ChapterFigures {
            number,
            title: "Keep it short".into(),
            slug: "12-keep-it-short".into(),
            change: "Store the value alone.".into(),
            before,
            after,
        }
    }

    #[test]
    fn the_change_is_the_first_sentence_of_the_doc_comment_without_its_label() {
        let source = "//! After: the same list, with the pointer back made `Weak`. Only `next` owns, so\n\
                      //! dropping frees it.\n//!\n//! Run it.\n\nfn main() {}\n";
        assert_eq!(
            change_of(source),
            "The same list, with the pointer back made `Weak`."
        );
        let wrapped = "//! After: ask for room for every value\n//! first, then push.\n";
        assert_eq!(
            change_of(wrapped),
            "Ask for room for every value first, then push."
        );
        assert_eq!(change_of("fn main() {}"), "");
    }

    /// Rows read with `outputs` standing for the files on disk: (path, text).
    fn resolved(toml: &str, outputs: &[(&str, &str)]) -> anyhow::Result<Vec<PythonRow>> {
        resolve_python(parse_python(toml)?, |path| {
            outputs
                .iter()
                .find(|(name, _)| *name == path)
                .map(|(_, text)| text.to_string())
                .with_context(|| format!("no {path}"))
        })
    }

    const TALK: &str = "[[row]]\nchapter = 13\nexample = \"no global\"\nsource = \"talk\"\n\
                        before = { blocks = 312, bytes = 24962 }\nafter = { blocks = 11, bytes = 2436 }\n";
    const MEASURED: &str = "[[row]]\nchapter = 13\nexample = \"no global\"\nsource = \"3.11\"\n\
         before = { output = \"chapters/13/before.py.out\", line = 2 }\n\
         after = { output = \"chapters/13/after.py.out\", line = 2 }\n";
    const BEFORE_OUT: &str = "foo, the first time:\n\
         new: 302 blocks, 20986 bytes | peak: 21518 bytes | time: 0.4 ms\n";
    const AFTER_OUT: &str = "foo, the first time:\n\
         new: 1 block, 32 bytes | peak: 21886 bytes | time: 0.4 ms\n";

    #[test]
    fn the_talk_s_rows_are_quotes_and_their_source_is_checked() {
        let rows = resolved(TALK, &[]).unwrap();
        assert_eq!(
            rows[0].before,
            Traced {
                blocks: 312,
                bytes: 24962
            }
        );
        let bad = TALK.replace("\"talk\"", "\"a blog\"");
        assert!(parse_python(&bad).is_err());
    }

    #[test]
    fn a_3_11_row_is_read_from_the_line_it_names() {
        let outputs = [
            ("chapters/13/before.py.out", BEFORE_OUT),
            ("chapters/13/after.py.out", AFTER_OUT),
        ];
        let rows = resolved(MEASURED, &outputs).unwrap();
        assert_eq!(
            (rows[0].before, rows[0].after),
            (
                Traced {
                    blocks: 302,
                    bytes: 20986
                },
                Traced {
                    blocks: 1,
                    bytes: 32
                }
            )
        );
    }

    #[test]
    fn a_3_11_figure_is_never_typed_and_a_quote_never_read() {
        let typed = TALK.replace("\"talk\"", "\"3.11\"");
        let error = parse_python(&typed).unwrap_err().to_string();
        assert!(error.contains("never typed"), "{error}");
        let read = MEASURED.replace("\"3.11\"", "\"talk\"");
        assert!(parse_python(&read).is_err());
    }

    #[test]
    fn a_line_that_is_missing_or_not_the_helper_s_fails() {
        let short = [
            ("chapters/13/before.py.out", "foo, the first time:\n"),
            ("chapters/13/after.py.out", AFTER_OUT),
        ];
        let error = format!("{:#}", resolved(MEASURED, &short).unwrap_err());
        assert!(error.contains("has no line 2"), "{error}");
        let label = MEASURED.replace("line = 2 }\nafter", "line = 1 }\nafter");
        let outputs = [
            ("chapters/13/before.py.out", BEFORE_OUT),
            ("chapters/13/after.py.out", AFTER_OUT),
        ];
        let error = format!("{:#}", resolved(&label, &outputs).unwrap_err());
        assert!(error.contains("is not the helper's"), "{error}");
    }

    #[test]
    fn the_helper_s_line_parses_with_or_without_a_label() {
        assert_eq!(
            python_measurement("new: 1 block, 1 byte | peak: 64 bytes | time: 0.0 ms"),
            Some(Traced {
                blocks: 1,
                bytes: 1
            })
        );
        assert_eq!(
            python_measurement("maxsize=0: 20000 calls | new: 3 blocks, 128 bytes | peak: 9 bytes"),
            Some(Traced {
                blocks: 3,
                bytes: 128
            })
        );
        assert_eq!(
            python_measurement("new: -2 blocks, 64 bytes | peak: 0 bytes"),
            None
        );
        assert_eq!(python_measurement("new: 3 blocks | peak: 0 bytes"), None);
        assert_eq!(python_measurement("peak: 64 bytes"), None);
    }

    #[test]
    fn the_repository_s_python_figures_resolve() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let rows = python_figures(root).unwrap();
        assert!(rows.iter().any(|r| r.chapter == 13 && r.source == "3.11"));
        assert!(rows.iter().any(|r| r.chapter == 13 && r.source == "talk"));
    }

    #[test]
    fn a_table_row_shows_each_figure_before_and_after_with_its_python_beside_it() {
        let python = resolved(
            "[[row]]\nchapter = 12\nexample = \"x\"\nsource = \"talk\"\n\
             before = { blocks = 4625, bytes = 209692 }\nafter = { blocks = 3756, bytes = 185361 }\n\
             [[row]]\nchapter = 12\nexample = \"x\"\nsource = \"3.11\"\n\
             before = { output = \"out\", line = 1 }\nafter = { output = \"out\", line = 2 }\n\
             [[row]]\nchapter = 13\nexample = \"y\"\nsource = \"talk\"\n\
             before = { blocks = 1, bytes = 2 }\nafter = { blocks = 3, bytes = 4 }\n",
            &[(
                "out",
                "new: 3620 blocks, 152284 bytes | peak: 1 byte | time: 1.0 ms\n\
                 new: 2749 blocks, 116628 bytes | peak: 1 byte | time: 1.0 ms\n",
            )],
        )
        .unwrap();
        let text = table(
            &[row(
                12,
                [1001, 70000, 1001, 70000, 1001, 70000],
                [1, 8000, 1, 8000, 1, 8000],
            )],
            &python,
        );
        let line = text.lines().last().unwrap();
        assert_eq!(
            line,
            "| 12. [Keep it short](../12-keep-it-short/index.md) | Store the value alone. | \
             1,001 → 1 | 70,000 → 8,000 | 70,000 → 8,000 | 70,000 → 8,000 | \
             talk: 4,625 / 209,692 → 3,756 / 185,361<br>CPython 3.11: 3,620 / 152,284 → 2,749 / 116,628 |"
        );
    }

    #[test]
    fn a_chapter_without_python_figures_gets_a_dash() {
        let text = table(&[row(3, [1; 6], [0; 6])], &[]);
        assert!(text.trim_end().ends_with("| 1 → 0 | – |"), "{text}");
    }

    #[test]
    fn a_variant_is_named_beside_its_source() {
        let python = resolved(
            "[[row]]\nchapter = 16\nexample = \"x\"\nvariant = \"namedtuple\"\nsource = \"3.11\"\n\
             before = { output = \"out\", line = 1 }\nafter = { output = \"out\", line = 2 }\n",
            &[(
                "out",
                "new: 2749 blocks, 116628 bytes | peak: 1 byte\nnew: 1749 blocks, 89244 bytes | peak: 1 byte\n",
            )],
        )
        .unwrap();
        let text = table(&[row(16, [1; 6], [0; 6])], &python);
        assert!(
            text.contains("| CPython 3.11, namedtuple: 2,749 / 116,628 → 1,749 / 89,244 |"),
            "{text}"
        );
    }

    #[test]
    fn bars_are_on_a_log_scale_and_zero_has_none() {
        assert_eq!(log_width(0, 1_000_000, 400), 0);
        assert_eq!(log_width(1_000_000, 1_000_000, 400), 400);
        let thousand = log_width(1_000, 1_000_000, 400);
        assert!((199..=201).contains(&thousand), "{thousand}");
        assert_eq!(log_width(1, 1_000_000, 400), 20);
    }

    #[test]
    fn the_chart_has_a_pair_of_bars_per_chapter_and_stays_readable() {
        let svg = chart(&[
            row(1, [1101, 3503, 2, 7, 0, 0], [0; 6]),
            row(
                12,
                [1001, 70000, 1001, 70000, 0, 0],
                [1, 8000, 1, 8000, 0, 0],
            ),
        ]);
        // The legend's swatch, then one bar per chapter.
        assert_eq!(svg.matches("fill=\"#c0504d\"/><text").count(), 3);
        assert_eq!(svg.matches("fill=\"#4f8f4f\"/><text").count(), 3);
        assert!(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"));
        assert!(svg.contains("<title>"));
        assert!(!svg.contains("font-size=\"12\""));
        assert!(svg.contains(">70,000</text>"));
    }
}
