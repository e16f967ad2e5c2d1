//! `cargo xtask generate`: every file the book derives from data or from a real run.
//!
//! - `chapters/SUMMARY.md`, `chapters/schedule.md` and `chapters/workshop-plans.md` (the
//!   half-day, full-day and two-day plans), from `workbook.toml`;
//! - `chapters/NN-slug/budgets.md`, from each exercise's `budgets.toml`;
//! - `chapters/NN-slug/STEM.out`, what each listing prints (in a debug build, as `cargo test`
//!   builds the exercises; in release for a listing that times something and carries
//!   `// xtask: run in release`);
//! - `chapters/NN-slug/STEM.py.out`, what each Python listing `STEM.py` prints, run as
//!   `python3 STEM.py` in its chapter's folder with the shared `chapters/measure_memory.py`
//!   on `PYTHONPATH` (see [`crate::python`]);
//! - `chapters/NN-slug/before-after.svg`, a bar chart of the `before` and `after` listings;
//! - `chapters/NN-slug/STEM-NAME.svg`, a chart of each heap timeline that the listing
//!   `STEM.rs` recorded with `measure_timeline("NAME", …)`;
//! - `chapters/18-conclusions/summary.md` and `summary.svg`, every chapter's before and after
//!   figures in one table and one chart, with the Python figures beside them;
//! - `chapters/failing-check.out`, a real failure report of the first exercise's starter;
//! - `chapters/toolchain.md`, which toolchain produced the figures, and `chapters/python.md`,
//!   which CPython produced the Python ones;
//! - `exercises/grading-files.txt`, a fingerprint of each exercise's grading files.
//!
//! With `--check` nothing is written: each file is compared with what it would be, wall times
//! aside, and the command fails if any is stale.
//!
//! Both modes warn first when the running `rustc` is not the one `rust-toolchain.toml` pins:
//! the figures count the standard library's allocations, which change between releases.
//! They warn too when `python3` is missing or is not the CPython that `workbook.toml` pins, and
//! then leave the Python outputs alone: neither remade nor compared.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use seek_and_destroy::tooling::CheckName;

use crate::process::{cargo, output_of};
use crate::workbook::{self, Chapter};

/// Writes generated files, or in check mode compares them and remembers which are stale.
struct Outputs<'a> {
    root: &'a Path,
    check: bool,
    stale: Vec<PathBuf>,
}

impl Outputs<'_> {
    fn put(&mut self, path: &Path, content: &str) -> anyhow::Result<()> {
        let relative = path.strip_prefix(self.root).unwrap_or(path).to_path_buf();
        let current = std::fs::read_to_string(path).unwrap_or_default();
        let unchanged = without_times(&current) == without_times(content);
        if self.check {
            if !unchanged {
                self.stale.push(relative);
            }
        } else if !unchanged {
            // A file whose figures did not move keeps its old times, so a regeneration
            // shows in git only where something really changed.
            std::fs::write(path, content)
                .with_context(|| format!("writing {}", relative.display()))?;
            println!("wrote {}", relative.display());
        }
        Ok(())
    }
}

/// Runs the generation, or its check.
pub(crate) fn generate(root: &Path, check: bool) -> anyhow::Result<()> {
    let rustc = rustc_version()?;
    let mismatch = toolchain_mismatch(&pinned_toolchain(root)?, &rustc);
    if let Some(mismatch) = &mismatch {
        eprintln!("warning: {mismatch}");
    }
    let pinned_python = workbook::pinned_python(root)?;
    let installed_python = crate::python::installed_version()?;
    let python_mismatch =
        crate::python::version_mismatch(&pinned_python, installed_python.as_deref());
    if let Some(mismatch) = &python_mismatch {
        eprintln!("warning: {mismatch}");
    }
    let chapters = workbook::chapters(root)?;
    let mut outputs = Outputs {
        root,
        check,
        stale: Vec::new(),
    };
    outputs.put(&root.join("chapters/SUMMARY.md"), &summary(&chapters))?;
    outputs.put(&root.join("chapters/schedule.md"), &schedule(&chapters))?;
    outputs.put(
        &root.join("chapters/workshop-plans.md"),
        &crate::plan::plans(root, &chapters)?,
    )?;
    outputs.put(
        &root.join(seek_and_destroy::tooling::grading::FINGERPRINTS),
        &crate::starter::fingerprints(root, &chapters)?,
    )?;
    let missing_hints = missing_hints(root, &chapters)?;
    anyhow::ensure!(
        missing_hints.is_empty(),
        "a budget names a hint its chapter's page does not have (a report would send the \
         reader nowhere):\n{}",
        missing_hints.join("\n")
    );
    for chapter in chapters.iter().filter(|c| c.written) {
        let table = budget_tables(chapter, root)?;
        outputs.put(&chapter.page_dir(root).join("budgets.md"), &table)?;
    }
    run_listings(root, &mut outputs)?;
    if python_mismatch.is_none() {
        run_python_listings(root, &mut outputs)?;
    }
    for chapter in chapters.iter().filter(|c| c.written) {
        before_after_chart(chapter, root, &mut outputs)?;
    }
    summary_of_chapters(root, &chapters, &mut outputs)?;
    if let Some(first) = chapters.iter().find(|c| c.written) {
        let report = sample_failure(root, first)?;
        outputs.put(&root.join("chapters/failing-check.out"), &report)?;
    }
    if !check {
        // Which toolchain made the figures is a fact about this run, not a figure to compare.
        outputs.put(
            &root.join("chapters/toolchain.md"),
            &toolchain_note(root, &rustc)?,
        )?;
        if python_mismatch.is_none() {
            outputs.put(
                &root.join("chapters/python.md"),
                &crate::python::note(&pinned_python),
            )?;
        }
    }
    if outputs.stale.is_empty() {
        if check && python_mismatch.is_some() {
            println!("generated files: all current, but the Python outputs were not compared");
        } else if check {
            println!("generated files: all current");
        }
        return Ok(());
    }
    let list: Vec<String> = outputs
        .stale
        .iter()
        .map(|p| format!("  {}", p.display()))
        .collect();
    let cause = match &mismatch {
        Some(mismatch) => format!("\n\nThis may be the toolchain, not the code: {mismatch}"),
        None => String::new(),
    };
    anyhow::bail!(
        "these files differ from what the code produces now (run `cargo xtask generate`):\n{}{cause}",
        list.join("\n")
    )
}

/// The first line of `rustc --version`, as run from here: through rustup, the pinned one.
pub(crate) fn rustc_version() -> anyhow::Result<String> {
    let printed = output_of(std::process::Command::new("rustc").arg("--version"))?;
    Ok(printed.trim().to_owned())
}

/// The channel that `rust-toolchain.toml` pins, such as `1.95.0`.
pub(crate) fn pinned_toolchain(root: &Path) -> anyhow::Result<String> {
    let path = root.join("rust-toolchain.toml");
    let text = std::fs::read_to_string(&path).context("reading rust-toolchain.toml")?;
    let file: toml::Table = toml::from_str(&text).context("parsing rust-toolchain.toml")?;
    file.get("toolchain")
        .and_then(|toolchain| toolchain.get("channel"))
        .and_then(toml::Value::as_str)
        .map(str::to_owned)
        .context("rust-toolchain.toml has no [toolchain] channel")
}

/// Why the figures may not match, if `rustc` (a `rustc --version` line) is not the `pinned`
/// release; `None` when it is.
pub(crate) fn toolchain_mismatch(pinned: &str, rustc: &str) -> Option<String> {
    let release = rustc.split_whitespace().nth(1).unwrap_or(rustc);
    (release != pinned).then(|| {
        format!(
            "the book's figures were made with rustc {pinned}, the toolchain that \
             rust-toolchain.toml pins, but this run uses {rustc}. Blocks and bytes count the \
             standard library's allocations, which change between releases, so some figures may \
             differ. Install the pinned toolchain (`rustup toolchain install {pinned}`) and \
             run through rustup, or move the pin in rust-toolchain.toml and review every \
             figure that moves."
        )
    })
}

/// `time: 41.2µs` → `time: …`, so outputs compare equal whatever the machine's speed.
fn without_times(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("time: ") {
            Some(at) => format!("{}time: …", &line[..at]),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn summary(chapters: &[Chapter]) -> String {
    let mut text = String::from(
        "# Summary\n\n<!-- Generated by `cargo xtask generate` from workbook.toml. -->\n\n\
         [How to use this workbook](introduction.md)\n",
    );
    let mut part = "";
    for chapter in chapters {
        if chapter.part != part {
            part = &chapter.part;
            let _ = write!(text, "\n# {part}\n\n");
        }
        let _ = writeln!(
            text,
            "- [{}]({}/index.md)",
            crate::text::markdown_text(&chapter.title),
            chapter.slug
        );
    }
    text.push_str("\n---\n\n[For instructors](instructors.md)\n");
    text
}

/// The minutes first and the talk's section last, so that a phone, which scrolls the table,
/// shows each chapter beside its minutes. The `schedule` class lets theme/workbook.css keep
/// the talk's sections on one line there, so that they do not stretch every row.
fn schedule(chapters: &[Chapter]) -> String {
    let mut text = String::from(
        "<!-- Generated by `cargo xtask generate` from workbook.toml. -->\n\n\
         <div class=\"schedule\">\n\n\
         | chapter | reading | exercise | total | ready | the talk's section |\n\
         |---|---:|---:|---:|:---:|---|\n",
    );
    let (mut reading, mut exercise) = (0, 0);
    for chapter in chapters {
        reading += chapter.reading_minutes;
        exercise += chapter.exercise_minutes;
        let _ = writeln!(
            text,
            "| {}. [{}]({}/index.md) | {} min | {} min | {} min | {} | {} |",
            chapter.number,
            crate::text::markdown_text(&chapter.title),
            chapter.slug,
            chapter.reading_minutes,
            chapter.exercise_minutes,
            chapter.reading_minutes + chapter.exercise_minutes,
            if chapter.written { "yes" } else { "not yet" },
            crate::text::markdown_text(&chapter.talk),
        );
    }
    let _ = writeln!(
        text,
        "| **all chapters** | **{reading} min** | **{exercise} min** | **{} min** | | |",
        reading + exercise
    );
    text.push_str("\n</div>\n");
    text
}

fn budget_tables(chapter: &Chapter, root: &Path) -> anyhow::Result<String> {
    let budgets = chapter.budgets(root)?;
    let mut text = format!(
        "<!-- Generated by `cargo xtask generate` from exercises/{}/budgets.toml. -->\n",
        chapter.package()
    );
    for budget in &budgets.checks {
        let _ = write!(
            text,
            "\n**`{}`**: {}\n\n| figure | at most | why |\n|---|---:|---|\n",
            CheckName::budget(&budget.name),
            budget.workload
        );
        for (figure, limit) in budget.limits() {
            let _ = writeln!(text, "| {figure} | {} | {} |", limit.max, limit.why);
        }
    }
    Ok(text)
}

/// Every budget whose `hint` is not the title of a hint on its chapter's page. A hint is an
/// admonition, so its title stands on the page as `title="…"`.
fn missing_hints(root: &Path, chapters: &[Chapter]) -> anyhow::Result<Vec<String>> {
    let mut missing = Vec::new();
    for chapter in chapters.iter().filter(|c| c.written) {
        let page_path = chapter.page_dir(root).join("index.md");
        let page = std::fs::read_to_string(&page_path)
            .with_context(|| format!("reading {}", page_path.display()))?;
        let budgets = chapter.budgets(root)?;
        if let Some(hint) = &budgets.wrong_hint
            && !page.contains(&format!("title=\"{hint}\""))
        {
            missing.push(format!(
                "  exercises/{}/budgets.toml: wrong_hint names \"{hint}\", which is not a \
                 hint's title in {}",
                chapter.package(),
                page_path.strip_prefix(root).unwrap_or(&page_path).display()
            ));
        }
        for budget in budgets.checks {
            if !page.contains(&format!("title=\"{}\"", budget.hint)) {
                missing.push(format!(
                    "  exercises/{}/budgets.toml: {} names \"{}\", which is not a hint's title in {}",
                    chapter.package(),
                    CheckName::budget(&budget.name),
                    budget.hint,
                    page_path.strip_prefix(root).unwrap_or(&page_path).display()
                ));
            }
        }
    }
    Ok(missing)
}

fn run_listings(root: &Path, outputs: &mut Outputs) -> anyhow::Result<()> {
    let listings = workbook::listings(root)?;
    if listings.is_empty() {
        return Ok(());
    }
    crate::process::run(cargo(root).args(["build", "--quiet", "--examples"]))?;
    for listing in &listings {
        // A fresh folder per listing, so that each chart comes from this run of this listing.
        let timelines = root
            .join("target/seek-and-destroy/timelines")
            .join(&listing.name);
        if timelines.exists() {
            std::fs::remove_dir_all(&timelines)
                .with_context(|| format!("clearing {}", timelines.display()))?;
        }
        let mut command = cargo(root);
        command
            .args(["run", "--quiet", "--example", &listing.name])
            .env(seek_and_destroy::TIMELINES_DIR, &timelines);
        // Its times are shown on the page, so they come from optimised code; `generate
        // --check` compares the rest of what it prints, as for every listing.
        if listing.runs_in_release(root)? {
            command.arg("--release");
        }
        let printed = output_of(&mut command)
            .with_context(|| format!("running the listing {}", listing.path.display()))?;
        outputs.put(&listing.output_path(root), &printed)?;
        timeline_charts(root, listing, &timelines, outputs)?;
    }
    Ok(())
}

/// `STEM.py.out` beside each Python listing `STEM.py`.
fn run_python_listings(root: &Path, outputs: &mut Outputs) -> anyhow::Result<()> {
    for listing in crate::python::listings(root)? {
        let printed = output_of(&mut listing.command(root))
            .with_context(|| format!("running the Python listing {}", listing.path.display()))?;
        outputs.put(&listing.output_path(root), &printed)?;
    }
    Ok(())
}

/// `STEM-NAME.svg` beside the listing `STEM.rs`, for each `NAME.json` it left in `timelines`.
fn timeline_charts(
    root: &Path,
    listing: &workbook::Listing,
    timelines: &Path,
    outputs: &mut Outputs,
) -> anyhow::Result<()> {
    let Ok(entries) = std::fs::read_dir(timelines) else {
        return Ok(()); // it recorded none
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    let source = root.join(&listing.path);
    let stem = listing
        .path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let file_name = listing
        .path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let timeline: seek_and_destroy::Timeline =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", file.display()))?;
        let chart_name = format!("{stem}-{}.svg", timeline.name);
        anyhow::ensure!(
            chart_name != "before-after.svg",
            "{}: a timeline named {:?} would overwrite the before/after chart",
            listing.path.display(),
            timeline.name
        );
        let svg = crate::timeline_chart::timeline_svg(&timeline, &file_name);
        outputs.put(&source.with_file_name(chart_name), &svg)?;
    }
    Ok(())
}

/// `before-after.svg`, from the first measurement of a chapter's `before` and `after` listings.
/// Run after the listings, so it charts what they print now.
fn before_after_chart(chapter: &Chapter, root: &Path, outputs: &mut Outputs) -> anyhow::Result<()> {
    let dir = chapter.page_dir(root);
    let read = |stem: &str| {
        let path = dir.join(format!("{stem}.out"));
        let printed = std::fs::read_to_string(&path).ok()?;
        crate::chart::first_measurement(&printed)
    };
    let (Some(before), Some(after)) = (read("before"), read("after")) else {
        return Ok(());
    };
    let title = format!(
        "Chapter {}: what one run allocated, before and after",
        chapter.number
    );
    let svg = crate::chart::before_after_svg(&title, before, after);
    outputs.put(&dir.join("before-after.svg"), &svg)
}

/// Chapter 18's summary table and chart, from every written chapter's `before.out` and
/// `after.out` (as the listings print them now) and the Python figures.
fn summary_of_chapters(
    root: &Path,
    chapters: &[Chapter],
    outputs: &mut Outputs,
) -> anyhow::Result<()> {
    let rows = crate::summary::chapter_figures(root, chapters)?;
    let python = crate::summary::python_figures(root)?;
    let dir = root.join("chapters/18-conclusions");
    outputs.put(
        &dir.join("summary.md"),
        &crate::summary::table(&rows, &python),
    )?;
    outputs.put(&dir.join("summary.svg"), &crate::summary::chart(&rows))
}

/// The failure report of `chapter`'s first budget check, on its untouched starter.
fn sample_failure(root: &Path, chapter: &Chapter) -> anyhow::Result<String> {
    let budgets = chapter.budgets(root)?;
    let check = CheckName::budget(&budgets.checks[0].name).to_string();
    let mut command = crate::process::cargo_test_one(root, &chapter.package(), &check);
    // As a reader at the workspace root sees it, wherever this runs: sites are shown from there.
    command.env("PWD", root);
    let printed = crate::process::stdout_of_failing(&mut command)?;
    let header = format!("---- {check} ----\n");
    let start = printed
        .find(&header)
        .with_context(|| format!("{check} passed: run `generate` on the untouched starter"))?;
    let body = &printed[start..];
    let end = body.find("\n\nfailures:").unwrap_or(body.len());
    // The report prints absolute paths; show a reader's clone instead of this machine's.
    let root_prefix = format!("{}/", root.display());
    Ok(format!(
        "{}\n",
        body[..end].replace(&root_prefix, "~/seek-and-destroy/")
    ))
}

fn toolchain_note(root: &Path, rustc: &str) -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))?;
    let dhat = lock
        .split("[[package]]")
        .find(|entry| entry.contains("name = \"dhat\""))
        .and_then(|entry| entry.lines().find(|l| l.starts_with("version = ")))
        .map(|line| {
            line.trim_start_matches("version = ")
                .trim_matches('"')
                .to_owned()
        })
        .unwrap_or_else(|| "?".to_owned());
    Ok(format!(
        "<small>Figures printed by `cargo xtask generate`: {}, dhat {dhat}, debug build, {} {}, \
         {} cores. Blocks and bytes are the same on every run; the time is this machine's and \
         varies. The workspace pins this toolchain in `rust-toolchain.toml`, because the figures \
         count the standard library's own allocations, which change between releases: on \
         another toolchain a few may differ, and `cargo xtask generate` says so.</small>\n",
        rustc,
        std::env::consts::ARCH,
        std::env::consts::OS,
        std::thread::available_parallelism().map_or(1, usize::from),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pinned_toolchain_raises_no_warning() {
        let rustc = "rustc 1.95.0 (59807616e 2026-04-14)";
        assert_eq!(toolchain_mismatch("1.95.0", rustc), None);
    }

    #[test]
    fn another_toolchain_is_named_beside_the_pinned_one() {
        let rustc = "rustc 1.88.0 (6b00bc388 2025-06-23)";
        let warning = toolchain_mismatch("1.95.0", rustc).expect("a warning");
        assert!(warning.contains("rustc 1.95.0"), "{warning}");
        assert!(warning.contains(rustc), "{warning}");
    }

    #[test]
    fn times_are_masked_and_nothing_else() {
        let line = "new: 1 block, 8 bytes | time: 41.2µs\nnext line";
        assert_eq!(
            without_times(line),
            "new: 1 block, 8 bytes | time: …\nnext line"
        );
    }
}
