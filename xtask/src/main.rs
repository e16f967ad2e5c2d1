//! The workbook's chores: `cargo xtask <command>`. Run `cargo xtask help` for the list.

mod bench;
mod book;
mod browser;
mod bundle;
mod chart;
mod fixtures;
mod generate;
mod grade;
mod hint;
mod mistakes;
mod plan;
mod preflight;
mod process;
mod progress;
mod python;
mod rehearse;
mod reset;
mod serve;
mod starter;
mod summary;
mod text;
mod timeline_chart;
mod watch;
mod workbook;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use process::cargo;

const HELP: &str = "\
cargo xtask <command>

For readers and workshops:
  serve [--port N] [--open]
                      build the book, serve it on 127.0.0.1:3000 (or port N) and rebuild it
                      on every save (--open: and open it in a browser)
  progress            check every written chapter: solved, over budget (with its worst
                      figure), wrong, does not compile, not started, or not graded (its
                      budgets.toml or checks.rs edited); a bar; and the same states in the
                      sidebar of the book that `serve` shows
  watch [N]           check chapter N (or every chapter you started) now, then re-check a
                      chapter each time you save its src/lib.rs; a new save cancels a check
                      still running (Ctrl-C stops)
  hint N [K]          print the next hint of chapter N's exercise (K: hint K)
  reset N [--yes]     put back chapter N's starter src/lib.rs, after asking (--yes: without
                      asking); every version you had is kept in exercises/chapter-N/kept/
  preflight           is this machine ready for the workshop? the pinned Rust, the book's
                      tools, every dependency downloaded, and a first check run offline
  bundle [--verify]   make target/seek-and-destroy-offline.tar.gz: the built book, the
                      exercises and every dependency vendored, for a room without network
                      (--verify: then unpack it and run chapter 1 offline, empty cargo home)

For contributors:
  ci                  every check, as CI runs it: fmt, clippy, the toolkit's tests and docs, generated
                      files current, every solution passing and every starter failing as
                      declared, the starters pristine and the workshop commands rehearsed,
                      the book built with its admonitions and internal links whole, and the
                      book read in a browser
  generate [--check]  regenerate SUMMARY, schedule, plans, budget tables, grading fingerprints
                      and listing outputs (--check: only compare, and fail if any is stale)
  grade               every solution passes; every starter fails for its declared reason
  rehearse            in a fresh clone with every exercise solved and committed: the book
                      shows the starters, progress the true state, reset keeps every version
  book                build the book and check it
  browser             build the book and read every page in headless Chromium (installing
                      Chromium and playwright-core if needed); screenshots in target/browser/
  bench [--runs N] [--quick]
                      measure edit→verdict (and its ratio to a plain crate), check,
                      cold-build and book-build times, and the determinism of every figure
                      (N runs, default 20; --quick: only edit→verdict and one check per
                      starter)
";

/// Every command's name, for suggesting one after a typo.
const COMMANDS: [&str; 15] = [
    "serve",
    "progress",
    "watch",
    "hint",
    "reset",
    "preflight",
    "bundle",
    "ci",
    "generate",
    "grade",
    "rehearse",
    "book",
    "browser",
    "bench",
    "help",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = root();
    let result = match args.as_slice() {
        ["serve", rest @ ..] => {
            serve::Options::parse(rest).and_then(|options| serve::serve(&root, &options))
        }
        ["ci"] => ci(&root),
        ["generate"] => generate::generate(&root, false),
        ["generate", "--check"] => generate::generate(&root, true),
        ["grade"] => grade::grade(&root),
        ["book"] => book::build(&root),
        ["browser"] => browser::check(&root),
        ["bench", rest @ ..] => {
            bench_arguments(rest).and_then(|(runs, quick)| bench::bench(&root, runs, quick))
        }
        ["progress"] => progress::progress(&root),
        ["watch"] => watch::watch(&root, None),
        ["watch", number] => {
            chapter_number("watch", number).and_then(|number| watch::watch(&root, Some(number)))
        }
        ["hint", number] => {
            chapter_number("hint", number).and_then(|number| hint::hint(&root, number, None))
        }
        ["hint", number, which] => chapter_number("hint", number).and_then(|number| {
            which
                .parse()
                .map_err(|_| anyhow::anyhow!("hint N K takes a hint number K, such as `hint 3 2`"))
                .and_then(|which| hint::hint(&root, number, Some(which)))
        }),
        ["hint"] => Err(anyhow::anyhow!(
            "hint takes a chapter number from 1 to 18, such as `cargo xtask hint 3`"
        )),
        ["reset", number, rest @ ..] if rest.iter().all(|a| *a == "--yes") => {
            chapter_number("reset", number)
                .and_then(|number| reset::reset(&root, number, !rest.is_empty()))
        }
        ["reset", ..] => Err(anyhow::anyhow!(
            "reset takes a chapter number from 1 to 18, and optionally --yes, such as \
             `cargo xtask reset 3`"
        )),
        ["rehearse"] => rehearse::rehearse(&root),
        ["preflight"] => preflight::preflight(&root),
        ["bundle"] => bundle::bundle(&root, false),
        ["bundle", "--verify"] => bundle::bundle(&root, true),
        [] | ["help" | "--help" | "-h"] => {
            print!("{HELP}");
            Ok(())
        }
        [command, ..] if !COMMANDS.contains(command) => Err(unknown_command(command)),
        _ => Err(anyhow::anyhow!(
            "{args:?}: wrong arguments (`cargo xtask help` lists every command)"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Every check, in the order that fails fastest. Ends with one `N passed, N failed` line.
fn ci(root: &Path) -> anyhow::Result<()> {
    type Step<'a> = (&'a str, Box<dyn Fn() -> anyhow::Result<()> + 'a>);
    let steps: Vec<Step> = vec![
        (
            "format",
            Box::new(|| process::run(cargo(root).args(["fmt", "--all", "--check"]))),
        ),
        ("clippy on the starters", Box::new(|| clippy(root, &[]))),
        (
            "clippy on the solutions",
            // Not --all-features: `mistake` needs a file named at compile time.
            Box::new(|| clippy(root, &["--features", "solution"])),
        ),
        (
            "the toolkit's tests",
            Box::new(|| process::run(cargo(root).arg("test"))),
        ),
        (
            "the toolkit's docs",
            Box::new(|| {
                process::run(
                    cargo(root)
                        .args(["doc", "--quiet", "--no-deps", "-p", "seek-and-destroy"])
                        .env("RUSTDOCFLAGS", "-D warnings"),
                )
            }),
        ),
        (
            "generated files and listings",
            Box::new(|| generate::generate(root, true)),
        ),
        ("solutions and starters", Box::new(|| grade::grade(root))),
        (
            "the workshop, rehearsed in a solved clone",
            Box::new(|| rehearse::rehearse(root)),
        ),
        ("the book", Box::new(|| book::build(root))),
        ("the book in a browser", Box::new(|| browser::check(root))),
    ];
    let mut failed = Vec::new();
    let mut took = Vec::new();
    for (name, step) in &steps {
        println!("\n== {name}");
        let start = std::time::Instant::now();
        if let Err(error) = step() {
            eprintln!("xtask ci: {name} failed: {error:#}");
            failed.push(*name);
        }
        took.push((*name, start.elapsed()));
    }
    // Where the run's time went, so a slow step shows without a profiler.
    println!("\nci: time per step");
    for (name, time) in &took {
        println!("  {:>6.1} s  {name}", time.as_secs_f64());
    }
    let total: std::time::Duration = took.iter().map(|(_, time)| *time).sum();
    println!("  {:>6.1} s  in all", total.as_secs_f64());
    println!(
        "\nci: {} passed, {} failed",
        steps.len() - failed.len(),
        failed.len()
    );
    anyhow::ensure!(failed.is_empty(), "failed: {}", failed.join(", "));
    Ok(())
}

fn clippy(root: &Path, features: &[&str]) -> anyhow::Result<()> {
    process::run(
        cargo(root)
            .args(["clippy", "--quiet", "--workspace", "--all-targets"])
            .args(features)
            .args(["--", "-D", "warnings"]),
    )
}

/// `[--runs N] [--quick]`, in any order: the runs (default 20) and whether to be quick.
fn bench_arguments(args: &[&str]) -> anyhow::Result<(usize, bool)> {
    let (mut runs, mut quick) = (20, false);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--quick" => quick = true,
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| anyhow::anyhow!("--runs takes a number"))?;
            }
            other => anyhow::bail!("unknown bench option {other:?}\n\n{HELP}"),
        }
    }
    Ok((runs, quick))
}

/// A chapter number given to `command`, or an error that shows how to give one.
fn chapter_number(command: &str, text: &str) -> anyhow::Result<u32> {
    text.parse().map_err(|_| {
        anyhow::anyhow!(
            "{command} takes a chapter number from 1 to 18, such as `cargo xtask {command} 3`, \
             not {text:?}"
        )
    })
}

/// `unknown command "proggress": did you mean `progress`?`, and the reader's commands.
fn unknown_command(command: &str) -> anyhow::Error {
    let closest = COMMANDS
        .iter()
        .map(|known| (edit_distance(command, known), *known))
        .min()
        .filter(|(distance, _)| *distance <= 2);
    match closest {
        Some((_, known)) => {
            anyhow::anyhow!("unknown command {command:?}: did you mean `cargo xtask {known}`?")
        }
        None => anyhow::anyhow!("unknown command {command:?}\n\n{HELP}"),
    }
}

/// How many one-letter insertions, deletions or substitutions turn `a` into `b`. Hand-written
/// (Levenshtein's, one row at a time) rather than a dependency, for twelve short names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

/// The workspace root: the folder above xtask/.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_finds_its_command() {
        assert_eq!(edit_distance("progress", "progress"), 0);
        assert_eq!(edit_distance("proggress", "progress"), 1);
        assert_eq!(edit_distance("rest", "reset"), 1);
        assert_eq!(edit_distance("", "ci"), 2);
        assert!(
            unknown_command("wach")
                .to_string()
                .contains("`cargo xtask watch`")
        );
        assert!(
            unknown_command("frobnicate")
                .to_string()
                .contains("For readers")
        );
    }

    #[test]
    fn the_readers_commands_come_first() {
        let readers = HELP.find("For readers").unwrap();
        let contributors = HELP.find("For contributors").unwrap();
        for command in ["serve", "progress", "watch", "hint", "reset", "preflight"] {
            let at = HELP.find(&format!("\n  {command}")).unwrap();
            assert!(readers < at && at < contributors, "{command}");
        }
        for command in COMMANDS {
            assert!(
                HELP.contains(&format!("  {command}")) || command == "help",
                "{command}"
            );
        }
    }
}
