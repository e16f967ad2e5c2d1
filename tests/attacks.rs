//! The grader against code that attacks it, by plain `cargo test` at the root.
//!
//! Run without arguments, this binary starts itself again as a grader (with
//! `ATTACKS_AS_GRADER` set) whose checks each attack it, collects the verdict files, and
//! asserts that every attack failed its check and that no process it started survived.

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// What `exercise!` places: the run's guards, ahead of every other constructor; here only in
// the grader this binary starts (its checks and watchdog inherit the variable), not in the
// binary that cargo runs and that asserts.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array.00101")]
static GUARD_THE_RUN: extern "C" fn() = guard_the_grader;

#[cfg(target_os = "linux")]
extern "C" fn guard_the_grader() {
    if std::env::var_os(AS_GRADER).is_some() {
        seek_and_destroy::__private::guard_run();
    }
}

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use seek_and_destroy::tooling::{MANIFEST, Outcome, TIMEOUT_SECS, VERDICTS_DIR, Verdict};

const AS_GRADER: &str = "ATTACKS_AS_GRADER";
const PIDS: &str = "ATTACKS_PIDS";

/// Writes a report line with `secret` and ends the process with status 0, skipping the
/// harness's end.
fn forge(secret: &str) -> ! {
    use std::io::Write as _;
    println!("seek-and-destroy report {secret} {{\"ended\":\"finished\",\"measurement\":null}}");
    let _ = std::io::stdout().flush();
    unsafe extern "C" {
        fn _exit(code: i32) -> !;
    }
    // SAFETY: ends the process.
    unsafe { _exit(0) }
}

/// Starts `sleep 600` outside the check's process group and records its id.
fn escape() {
    let mut command = Command::new("sleep");
    command.arg("600");
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    if let (Ok(child), Some(dir)) = (command.spawn(), std::env::var_os(PIDS)) {
        let _ = std::fs::write(Path::new(&dir).join(child.id().to_string()), "");
    }
}

fn grader() -> ! {
    seek_and_destroy::Exercise::new("attacks", env!("CARGO_MANIFEST_DIR"), "check = []")
        .correctness("reads_stdin", || {
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
            forge(line.trim())
        })
        .correctness("escapes_and_passes", escape)
        .correctness("escapes_and_hangs", || {
            escape();
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        })
        .correctness("hangs_too", || {
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        })
        .run()
}

fn alive(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z'))
    })
}

fn main() {
    if std::env::var_os(AS_GRADER).is_some() {
        grader()
    }
    if !cfg!(target_os = "linux") || std::env::args().any(|arg| arg == "--list") {
        return;
    }
    let scratch = std::env::temp_dir().join(format!("sd-attacks-{}", std::process::id()));
    let (verdicts, pids): (PathBuf, PathBuf) = (scratch.join("verdicts"), scratch.join("pids"));
    std::fs::create_dir_all(&pids).unwrap();
    let started = Instant::now();
    let output = Command::new(std::env::current_exe().unwrap())
        .env(AS_GRADER, "1")
        .env(VERDICTS_DIR, &verdicts)
        .env(PIDS, &pids)
        .env(TIMEOUT_SECS, "3")
        .output()
        .unwrap();
    let took = started.elapsed();
    let printed = String::from_utf8_lossy(&output.stdout);
    let mut found: Vec<(String, Outcome)> = std::fs::read_dir(&verdicts)
        .unwrap()
        .flatten()
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "json"))
        .map(|entry| {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let verdict: Verdict = serde_json::from_str(&text).unwrap();
            (verdict.check, verdict.outcome)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let listed = std::fs::read_to_string(verdicts.join(MANIFEST)).unwrap();
    let mut problems = Vec::new();
    if listed.lines().count() != found.len() {
        problems.push(format!(
            "{} checks listed, {} judged",
            listed.lines().count(),
            found.len()
        ));
    }
    for (check, outcome) in &found {
        let fine = match check.as_str() {
            "correctness::escapes_and_passes" => *outcome == Outcome::Passed,
            "correctness::escapes_and_hangs" | "correctness::hangs_too" => {
                *outcome == Outcome::TimedOut
            }
            _ => matches!(outcome, Outcome::Crashed { .. }),
        };
        if !fine {
            problems.push(format!("{check} ended {outcome:?}"));
        }
    }
    // The second hang is stopped 1 s after the first, not after its own 3 s.
    if took > Duration::from_secs(8) {
        problems.push(format!("the run took {took:.1?}"));
    }
    if !printed.contains("note: 2 checks never finished") {
        problems.push("no one note lists the checks stopped".into());
    }
    std::thread::sleep(Duration::from_millis(200));
    for entry in std::fs::read_dir(&pids).unwrap().flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if alive(&pid) {
            problems.push(format!("process {pid}, started by a check, outlived it"));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if problems.is_empty() {
        println!("\nrunning 1 test\ntest attacks ... ok\n\ntest result: ok. 1 passed; 0 failed\n");
    } else {
        println!("attacks: {}\n\n{printed}", problems.join("\n"));
        std::process::exit(1);
    }
}
