//! `cargo xtask preflight`: tells an attendee whether their machine is ready for the workshop,
//! before the day and on a good connection: the pinned Rust, the book's tools, every
//! dependency downloaded, and chapter 1's checks built and run with the network off.
//! Each problem comes with the command that fixes it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::grade::{self, Code};
use crate::{book, generate, workbook};

/// One thing checked: what was found, and if it is a problem, how to fix it.
#[derive(Debug, PartialEq)]
struct Finding {
    what: String,
    fix: Option<String>,
}

impl Finding {
    fn ok(what: impl Into<String>) -> Finding {
        Finding {
            what: what.into(),
            fix: None,
        }
    }

    fn problem(what: impl Into<String>, fix: impl Into<String>) -> Finding {
        Finding {
            what: what.into(),
            fix: Some(fix.into()),
        }
    }
}

/// Runs every check and prints a verdict; fails if the machine is not ready.
pub(crate) fn preflight(root: &Path) -> anyhow::Result<()> {
    println!("Pre-flight for the Seek and Destroy workshop: each check below takes a moment.\n");
    let checks: [fn(&Path) -> Finding; 4] = [toolchain, book_tools, dependencies, first_check];
    let mut findings = Vec::new();
    for check in checks {
        let finding = check(root);
        println!("{}", line(&finding));
        findings.push(finding);
    }
    let (text, ready) = verdict(&findings);
    println!("\n{text}");
    anyhow::ensure!(ready, "this machine is not ready yet");
    Ok(())
}

/// `  ok    …` or `  FIX   …` with the fix on the next line.
fn line(finding: &Finding) -> String {
    match &finding.fix {
        None => format!("  ok    {}", finding.what),
        Some(fix) => format!("  FIX   {}\n        → {fix}", finding.what),
    }
}

/// The closing line, and whether every check passed.
fn verdict(findings: &[Finding]) -> (String, bool) {
    let problems = findings.iter().filter(|f| f.fix.is_some()).count();
    if problems == 0 {
        (
            "Ready: this machine can do every exercise with the network off.".to_owned(),
            true,
        )
    } else {
        (
            format!(
                "Not ready: {problems} of {} checks need a fix (above). Fix them on a good \
                 connection, then run `cargo xtask preflight` again.",
                findings.len()
            ),
            false,
        )
    }
}

/// The `rustc` this folder runs (through rustup, the one rust-toolchain.toml pins) is the
/// pinned release.
fn toolchain(root: &Path) -> Finding {
    let pinned = match generate::pinned_toolchain(root) {
        Ok(pinned) => pinned,
        Err(error) => return Finding::problem(format!("{error:#}"), "restore rust-toolchain.toml"),
    };
    let fix = format!(
        "install it: `rustup toolchain install {pinned} --component rustfmt clippy` (without \
         rustup, install Rust {pinned} another way)"
    );
    let output = Command::new("rustc")
        .arg("--version")
        .current_dir(root)
        .env_remove("RUSTUP_TOOLCHAIN")
        .output();
    let rustc = match output {
        Ok(output) if output.status.success() => {
            String::from_utf8_lossy(&output.stdout).trim().to_owned()
        }
        _ => return Finding::problem(format!("Rust {pinned} does not run here"), fix),
    };
    match generate::toolchain_mismatch(&pinned, &rustc) {
        None => Finding::ok(format!("Rust: {rustc}, as rust-toolchain.toml pins")),
        Some(_) => Finding::problem(
            format!(
                "Rust: this folder runs {rustc}, but the book's figures are for {pinned}, \
                 which rust-toolchain.toml pins"
            ),
            fix,
        ),
    }
}

/// The built book. Its tools are linked into this xtask, so only the build can be missing.
fn book_tools(root: &Path) -> Finding {
    if root.join(book::OUTPUT).join("index.html").is_file() {
        Finding::ok("the book: built in book/ (`cargo xtask serve` serves it)")
    } else {
        Finding::problem(
            "the book is not built yet",
            "run `cargo xtask book` (or `serve`) once: a few seconds",
        )
    }
}

/// Every dependency this machine builds is in Cargo's cache: `cargo fetch --offline` for the
/// host alone, since a crate only another platform uses (a macOS-only one on Linux) is never
/// needed here. A failure names what is missing.
fn dependencies(root: &Path) -> Finding {
    let host = Command::new("rustc")
        .arg("-vV")
        .current_dir(root)
        .output()
        .ok()
        .and_then(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        });
    let mut command = crate::process::cargo(root);
    command.args(["fetch", "--offline", "--quiet"]);
    if let Some(host) = &host {
        command.args(["--target", host]);
    }
    match command.stdout(Stdio::null()).output() {
        Ok(output) if output.status.success() => Finding::ok(
            "dependencies: every one this machine builds is downloaded (`cargo fetch --offline`)",
        ),
        Ok(output) => Finding::problem(
            format!(
                "dependencies: not downloaded yet, so the room's network would be needed: {}",
                missing_packages(&String::from_utf8_lossy(&output.stderr))
            ),
            "run `cargo fetch` on a good connection",
        ),
        Err(error) => Finding::problem(
            format!("dependencies: cargo fetch did not start: {error}"),
            "check that cargo is on your PATH",
        ),
    }
}

/// The packages Cargo's offline error names (`no matching package named `serde``, `failed to
/// download `libc v0.2.1``), or its first error line if it names none.
fn missing_packages(stderr: &str) -> String {
    let mut names: Vec<&str> = Vec::new();
    for line in stderr.lines() {
        for marker in ["package named `", "download `", "failed to get `"] {
            if let Some(rest) = line.split(marker).nth(1)
                && let Some((name, _)) = rest.split_once('`')
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        stderr
            .lines()
            .find(|l| l.starts_with("error"))
            .unwrap_or("(cargo said nothing)")
            .trim()
            .to_owned()
    } else {
        names.join(", ")
    }
}

/// Chapter 1's checks build and run with `--offline`. The starter fails its budgets by
/// design: what counts is that the checks ran.
fn first_check(root: &Path) -> Finding {
    let Some(first) = workbook::written_chapters(root)
        .ok()
        .and_then(|chapters| chapters.into_iter().next())
    else {
        return Finding::problem(
            "workbook.toml lists no written chapter",
            "restore workbook.toml",
        );
    };
    let package = first.package();
    let start = Instant::now();
    let fix = format!(
        "run `cargo test -p {package}` on a good connection and read its errors (a first build \
         takes a minute or two)"
    );
    match grade::run_checks(root, &first, Code::Starter, &["--offline"], &[]) {
        Ok(run) if !run.verdicts.is_empty() => Finding::ok(format!(
            "{package}: its {} checks build and run offline ({:.1} s)",
            run.verdicts.len(),
            start.elapsed().as_secs_f64()
        )),
        Ok(run) => {
            let last = run.printed.lines().rev().find(|l| !l.trim().is_empty());
            Finding::problem(
                format!(
                    "{package}: its checks did not run offline: {}",
                    last.unwrap_or("(no output)").trim()
                ),
                fix,
            )
        }
        Err(error) => Finding::problem(format!("{package}: {error:#}"), fix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_only_when_nothing_needs_a_fix() {
        let fine = [Finding::ok("a"), Finding::ok("b")];
        assert!(verdict(&fine).1);
        let one = [Finding::ok("a"), Finding::problem("b", "do c")];
        let (text, ready) = verdict(&one);
        assert!(!ready);
        assert!(text.starts_with("Not ready: 1 of 2 checks"), "{text}");
    }

    #[test]
    fn the_missing_packages_are_named() {
        let empty_home = "error: no matching package named `serde` found\nlocation searched: x";
        assert_eq!(missing_packages(empty_home), "serde");
        let partial = "error: failed to download `core-foundation v0.9.4`\n\nCaused by:\n  \
                       attempting to make an HTTP request, but --offline was specified\n";
        assert_eq!(missing_packages(partial), "core-foundation v0.9.4");
        assert_eq!(missing_packages("error: boom\n"), "error: boom");
    }

    #[test]
    fn a_problem_shows_its_fix() {
        assert_eq!(line(&Finding::ok("Rust")), "  ok    Rust");
        assert_eq!(
            line(&Finding::problem("tools", "run serve")),
            "  FIX   tools\n        → run serve"
        );
    }
}
