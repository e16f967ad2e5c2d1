//! The workbook's chores: `cargo xtask <command>`. Run `cargo xtask help` for the list.

mod bench;
mod book;
mod browser;
mod bundle;
mod chart;
mod fixtures;
mod generate;
mod grade;
mod plan;
mod preflight;
mod process;
mod progress;
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

  serve [--port N] [--open]
                      build the book, serve it on 127.0.0.1:3000 (or port N) and rebuild it
                      on every save (--open: and open it in a browser)
  ci                  every check, as CI runs it: fmt, clippy, the toolkit's tests and docs, generated
                      files current, every solution passing and every starter failing as
                      declared, the book built with its admonitions and internal links whole,
                      and the book read in a browser
  generate [--check]  regenerate SUMMARY, schedule, budget tables and listing outputs
                      (--check: only compare, and fail if any is stale)
  grade               every solution passes; every starter fails for its declared reason
  book                build the book and check it
  browser             build the book and read every page in headless Chromium (installing
                      Chromium and playwright-core if needed); screenshots in target/browser/
  bench [--runs N] [--quick]
                      measure edit→verdict (and its ratio to a plain crate), check,
                      cold-build and book-build times, and the determinism of every figure
                      (N runs, default 20; --quick: only edit→verdict and one check per
                      starter)

For readers and workshops:
  progress            check every written chapter: solved, over budget (with its worst
                      figure), wrong, does not compile, or not started; a bar; and the same
                      states in the sidebar of the book that `serve` shows
  watch               re-check a chapter each time you save its src/lib.rs (Ctrl-C stops)
  reset N [--yes]     put back chapter N's starter src/lib.rs, after asking (--yes: without
                      asking); your version is kept in target/xtask/reset/
  preflight           is this machine ready for the workshop? the pinned Rust, the book's
                      tools, every dependency downloaded, and a first check run offline
  bundle [--verify]   make target/seek-and-destroy-offline.tar.gz: the built book, the
                      exercises and every dependency vendored, for a room without network
                      (--verify: then unpack it and run chapter 1 offline, empty cargo home)
";

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
        ["watch"] => watch::watch(&root),
        ["reset", number, rest @ ..] if rest.iter().all(|a| *a == "--yes") => number
            .parse()
            .map_err(|_| anyhow::anyhow!("reset takes a chapter number, such as `reset 3`"))
            .and_then(|number| reset::reset(&root, number, !rest.is_empty())),
        ["preflight"] => preflight::preflight(&root),
        ["bundle"] => bundle::bundle(&root, false),
        ["bundle", "--verify"] => bundle::bundle(&root, true),
        [] | ["help" | "--help" | "-h"] => {
            print!("{HELP}");
            Ok(())
        }
        _ => Err(anyhow::anyhow!("unknown command {args:?}\n\n{HELP}")),
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
            Box::new(|| clippy(root, &["--all-features"])),
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

/// The workspace root: the folder above xtask/.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}
