//! `cargo xtask watch [N]`: checks a chapter at once, then re-checks a chapter each time its
//! `src/` is saved, as rustlings does.
//!
//! Editors save in bursts (a temporary file, a rename, a change of permissions), so events are
//! collected until the folder has been quiet for [`QUIET`], and each chapter is checked once
//! per burst. A chapter whose file is the same as at its last check is not checked again, so
//! a save without a change (or the events of the check's own build) counts for nothing. A
//! save that comes while its chapter is still being checked cancels that check (its whole
//! process group is stopped) and starts a new one, so a verdict always answers the last save;
//! each verdict says how long after that save it came. A chapter that does not compile is
//! reported like any other state, and watching goes on.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify::{EventKind, RecursiveMode, Watcher as _, event::AccessKind, event::AccessMode};

use crate::grade;
use crate::progress::{self, Entry, State};
use crate::workbook::{self, Chapter};

/// How long the files must stay quiet before a burst of events counts as one save.
const QUIET: Duration = Duration::from_millis(150);
/// How often a running check is looked at while no file event comes.
const POLL: Duration = Duration::from_millis(100);

/// Chapters with unchecked changes, and when the last event came.
#[derive(Debug)]
struct Pending {
    quiet: Duration,
    last_event: Option<Instant>,
    chapters: BTreeSet<u32>,
}

impl Pending {
    fn new(quiet: Duration) -> Pending {
        Pending {
            quiet,
            last_event: None,
            chapters: BTreeSet::new(),
        }
    }

    /// An event touched `chapter` at `now`.
    fn note(&mut self, chapter: u32, now: Instant) {
        self.chapters.insert(chapter);
        self.last_event = Some(now);
    }

    /// How long to wait for more events before checking: `None` while nothing is pending.
    fn wait(&self, now: Instant) -> Option<Duration> {
        let last = self.last_event?;
        Some((last + self.quiet).saturating_duration_since(now))
    }

    /// The chapters to check now, once the burst is over; empty while it goes on.
    fn take_ready(&mut self, now: Instant) -> Vec<u32> {
        match self.wait(now) {
            Some(left) if left.is_zero() => {
                self.last_event = None;
                std::mem::take(&mut self.chapters).into_iter().collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The chapter whose source `path` is: `exercises/chapter-N/src/**.rs` under `root`.
fn chapter_of(root: &Path, path: &Path) -> Option<u32> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = relative
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        ["exercises", package, "src", .., file] if file.ends_with(".rs") => {
            package.strip_prefix("chapter-")?.parse().ok()
        }
        _ => None,
    }
}

/// Whether an event can mean new content: not a read (the check's own build reads the file).
fn may_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// One save of a chapter, waiting for its check or being checked.
struct Save {
    number: u32,
    content: String,
    /// The last event of the burst: when the editor saved.
    at: Instant,
}

/// A check in progress: `cargo test -p chapter-N` in a process group of its own.
struct Running {
    save: Save,
    child: Child,
    /// This run's own verdicts folder, so that another run at once never shares it.
    verdicts: PathBuf,
    log: PathBuf,
    started: Instant,
}

/// The chapter to check when watching starts: `asked`, else the started chapter whose file
/// was saved last, else none.
fn first_chapter(root: &Path, chapters: &[Chapter], asked: Option<u32>) -> Option<u32> {
    if asked.is_some() {
        return asked;
    }
    chapters
        .iter()
        .filter(|c| matches!(progress::without_running(root, c), Ok(None)))
        .filter_map(|c| {
            let modified = std::fs::metadata(crate::starter::path(root, c))
                .and_then(|m| m.modified())
                .ok()?;
            Some((modified, c.number))
        })
        .max()
        .map(|(_, number)| number)
}

/// Watches every written chapter (or chapter `only`) until interrupted.
pub(crate) fn watch(root: &Path, only: Option<u32>) -> anyhow::Result<()> {
    let all = workbook::written_chapters(root)?;
    if let Some(number) = only {
        anyhow::ensure!(
            all.iter().any(|c| c.number == number),
            "chapter {number} has no exercise: watch takes a chapter number from 1 to {}",
            all.len()
        );
    }
    let chapters: Vec<&Chapter> = all
        .iter()
        .filter(|c| only.is_none_or(|n| n == c.number))
        .collect();
    // Events carry absolute, resolved paths.
    let resolved_root = root
        .canonicalize()
        .with_context(|| format!("Failed to resolve {}", root.display()))?;
    let (sender, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    })
    .context("Failed to start watching files")?;
    for chapter in &chapters {
        let src = chapter.exercise_dir(root).join("src");
        watcher
            .watch(&src, RecursiveMode::Recursive)
            .with_context(|| format!("Failed to watch {}", src.display()))?;
    }

    let mut saved = progress::load(root);
    if !saved.chapters.is_empty() {
        println!("Last known: {}", progress::summary(&saved));
    }
    let watched = match only {
        Some(number) => format!("exercises/chapter-{number}/src/"),
        None => format!("exercises/chapter-*/src/ of {} chapters", chapters.len()),
    };
    println!("Watching {watched}: save a file and its chapter is checked. Ctrl-C stops.");
    let mut pending = Pending::new(QUIET);
    let mut queue: VecDeque<Save> = VecDeque::new();
    let mut running: Option<Running> = None;
    let mut checked: HashMap<u32, String> = HashMap::new();
    match first_chapter(root, &all, only) {
        Some(number) => pending.note(number, Instant::now()),
        None => println!(
            "No chapter started yet: open exercises/chapter-1/src/lib.rs, and save it to check it."
        ),
    }
    loop {
        let wait = pending.wait(Instant::now());
        let wait = match (&running, wait) {
            (Some(_), Some(left)) => Some(left.min(POLL)),
            (Some(_), None) => Some(POLL),
            (None, wait) => wait,
        };
        let received = match wait {
            Some(left) => events.recv_timeout(left),
            None => events
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(Ok(event)) if may_change(&event.kind) => {
                for path in &event.paths {
                    if let Some(number) =
                        chapter_of(&resolved_root, path).or_else(|| chapter_of(root, path))
                        && chapters.iter().any(|c| c.number == number)
                    {
                        pending.note(number, Instant::now());
                    }
                }
            }
            Ok(Ok(_)) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Ok(Err(error)) => eprintln!("watch: {error}"),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the file watcher stopped")
            }
        }
        let saved_at = pending.last_event.unwrap_or_else(Instant::now);
        for number in pending.take_ready(Instant::now()) {
            let Some(chapter) = chapters.iter().find(|c| c.number == number) else {
                continue;
            };
            // A file mid-rename may be missing for a moment: the next event brings it back.
            let Ok(content) = std::fs::read_to_string(crate::starter::path(root, chapter)) else {
                continue;
            };
            let being_checked = running.as_ref().map(|r| (r.save.number, &r.save.content));
            if being_checked == Some((number, &content))
                || (being_checked.is_none_or(|(n, _)| n != number)
                    && checked.get(&number) == Some(&content))
            {
                continue;
            }
            queue.retain(|save| save.number != number);
            queue.push_back(Save {
                number,
                content,
                at: saved_at,
            });
        }
        // A newer save of the chapter being checked makes its check pointless: stop it.
        if let Some(current) = &running
            && queue.iter().any(|save| save.number == current.save.number)
        {
            let mut stopped = running.take().expect("a check is running");
            cancel(&mut stopped.child);
            println!(
                "\n== chapter-{} saved again: stopped the check of the previous save after {:.1} s",
                stopped.save.number,
                stopped.started.elapsed().as_secs_f64()
            );
        }
        if let Some(current) = &mut running
            && current.child.try_wait()?.is_some()
        {
            let done = running.take().expect("a check is running");
            finish(root, &all, done, &mut saved, &mut checked)?;
        }
        if running.is_none()
            && let Some(save) = queue.pop_front()
        {
            let chapter = chapters
                .iter()
                .find(|c| c.number == save.number)
                .expect("only watched chapters are queued");
            println!("\n== {} changed: checking", chapter.package());
            if let Some(state) = progress::without_running(root, chapter)? {
                checked.insert(save.number, save.content.clone());
                show(root, &all, chapter, &state, "", &mut saved, save.at, None)?;
            } else {
                running = Some(start(root, chapter, save)?);
            }
        }
    }
}

/// Starts the checks of `chapter`, their output going to a log, in a process group of their
/// own so that a newer save can stop all of it.
fn start(root: &Path, chapter: &Chapter, save: Save) -> anyhow::Result<Running> {
    let package = chapter.package();
    let dir = root.join("target/xtask/watch");
    std::fs::create_dir_all(&dir).with_context(|| format!("Failed to create {}", dir.display()))?;
    let log = dir.join(format!("{package}.log"));
    let file = std::fs::File::create(&log)
        .with_context(|| format!("Failed to create {}", log.display()))?;
    let verdicts = grade::private_verdicts_dir(&grade::verdicts_dir(root, &package, "starter"));
    let _ = std::fs::remove_dir_all(&verdicts);
    let mut command = crate::process::cargo_test(root, &package);
    command
        .env(seek_and_destroy::tooling::VERDICTS_DIR, &verdicts)
        .stdin(Stdio::null())
        .stdout(file.try_clone()?)
        .stderr(file);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let child = command
        .spawn()
        .with_context(|| format!("Failed to start the checks of {package}"))?;
    Ok(Running {
        save,
        child,
        verdicts,
        log,
        started: Instant::now(),
    })
}

/// Stops a check and everything it started: SIGTERM to its process group, which the grader
/// answers by killing every check process, then a kill of cargo itself.
fn cancel(child: &mut Child) {
    #[cfg(unix)]
    {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", child.id())])
            .status();
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A finished check: its verdicts, its state, and the report.
fn finish(
    root: &Path,
    chapters: &[Chapter],
    done: Running,
    saved: &mut progress::Saved,
    checked: &mut HashMap<u32, String>,
) -> anyhow::Result<()> {
    let Running {
        save,
        mut child,
        verdicts,
        log,
        started,
    } = done;
    let status = child.wait()?;
    let chapter = chapters
        .iter()
        .find(|c| c.number == save.number)
        .expect("only watched chapters are checked");
    let run = grade::collect_run(
        &verdicts,
        status.success(),
        std::fs::read_to_string(&log).unwrap_or_default(),
    )?;
    let state = progress::classify(&run, &chapter.budgets(root)?);
    checked.insert(save.number, save.content);
    show(
        root,
        chapters,
        chapter,
        &state,
        &run.printed,
        saved,
        save.at,
        Some(started.elapsed()),
    )
}

/// Prints the checks' report unless solved, then the state, the bar, how long the verdict
/// took, and, once solved, what comes next.
#[allow(clippy::too_many_arguments)]
fn show(
    root: &Path,
    chapters: &[Chapter],
    chapter: &Chapter,
    state: &State,
    printed: &str,
    saved: &mut progress::Saved,
    saved_at: Instant,
    checked_for: Option<Duration>,
) -> anyhow::Result<()> {
    if *state != State::Solved && !printed.trim().is_empty() {
        println!("{}", printed.trim_end());
    }
    saved.update(Entry::new(chapter, state));
    progress::save(root, saved)?;
    println!("\n{}", progress::line(chapter, state));
    let timing = match checked_for {
        Some(checked) => format!(
            "verdict {:.1} s after your save; the checks took {:.1} s",
            saved_at.elapsed().as_secs_f64(),
            checked.as_secs_f64()
        ),
        None => format!(
            "verdict {:.1} s after your save",
            saved_at.elapsed().as_secs_f64()
        ),
    };
    println!("{}   ({timing})", progress::summary(saved));
    if *state == State::Solved {
        println!("{}", next_step(chapter.number, chapters, saved));
    } else if !matches!(state, State::NotStarted | State::GradingChanged(_)) {
        println!(
            "Stuck? `cargo xtask hint {}` prints the next hint.",
            chapter.number
        );
    }
    Ok(())
}

/// What to do after solving `number`: the next chapter not yet solved, in book order after it.
fn next_step(number: u32, chapters: &[Chapter], saved: &progress::Saved) -> String {
    let solved = |n: u32| {
        saved
            .chapters
            .iter()
            .any(|e| e.number == n && e.state == "solved")
    };
    let after = chapters.iter().filter(|c| c.number > number);
    let before = chapters.iter().filter(|c| c.number < number);
    match after.chain(before).find(|c| !solved(c.number)) {
        Some(next) => format!(
            "Solved! Next: chapter {}, {}: edit exercises/chapter-{}/src/lib.rs and save it \
             (`cargo xtask watch {}` watches only that one).",
            next.number,
            next.title.replace("\\_", "_"),
            next.number,
            next.number
        ),
        None => "Solved! Every chapter is solved: well done.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn only_a_chapters_sources_count() {
        let root = PathBuf::from("/w");
        let at = |p: &str| chapter_of(&root, &root.join(p));
        assert_eq!(at("exercises/chapter-3/src/lib.rs"), Some(3));
        assert_eq!(at("exercises/chapter-12/src/parse/mod.rs"), Some(12));
        assert_eq!(at("exercises/chapter-3/src/.lib.rs.swp"), None);
        assert_eq!(at("exercises/chapter-3/src/4913"), None);
        assert_eq!(at("exercises/chapter-3/solution.rs"), None);
        assert_eq!(at("target/debug/lib.rs"), None);
        assert_eq!(chapter_of(&root, Path::new("/elsewhere/x.rs")), None);
    }

    #[test]
    fn a_burst_of_events_is_one_check() {
        let start = Instant::now();
        let ms = |n| start + Duration::from_millis(n);
        let mut pending = Pending::new(Duration::from_millis(150));
        assert_eq!(pending.wait(start), None);
        // An editor's save: write a temporary file, rename it, set its permissions.
        pending.note(3, ms(0));
        pending.note(3, ms(2));
        pending.note(3, ms(5));
        assert!(pending.take_ready(ms(100)).is_empty(), "still in the burst");
        assert_eq!(pending.wait(ms(100)), Some(Duration::from_millis(55)));
        pending.note(5, ms(120));
        assert_eq!(pending.take_ready(ms(300)), [3, 5]);
        assert!(pending.take_ready(ms(400)).is_empty(), "counted once");
        assert_eq!(pending.wait(ms(400)), None);
    }

    #[test]
    fn the_next_step_skips_what_is_solved() {
        let chapter = |number: u32| Chapter {
            number,
            slug: format!("{number:02}-c"),
            title: format!("C{number}"),
            talk: String::new(),
            part: String::new(),
            reading_minutes: 1,
            exercise_minutes: 1,
            written: true,
        };
        let chapters: Vec<Chapter> = (1..=4).map(chapter).collect();
        let mut saved = progress::Saved::default();
        for number in [1, 2] {
            saved.update(Entry::new(&chapters[number - 1], &State::Solved));
        }
        assert!(next_step(1, &chapters, &saved).contains("Next: chapter 3, C3"));
        assert!(next_step(4, &chapters, &saved).contains("Next: chapter 3, C3"));
        for number in [3, 4] {
            saved.update(Entry::new(&chapters[number - 1], &State::Solved));
        }
        assert!(next_step(4, &chapters, &saved).contains("Every chapter is solved"));
    }

    #[test]
    fn reads_do_not_count_as_saves() {
        use notify::event::{CreateKind, ModifyKind};
        assert!(!may_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(may_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(may_change(&EventKind::Modify(ModifyKind::Any)));
        assert!(may_change(&EventKind::Create(CreateKind::File)));
    }
}
