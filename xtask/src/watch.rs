//! `cargo xtask watch`: re-checks a chapter each time its `src/` is saved, as rustlings does.
//!
//! Editors save in bursts (a temporary file, a rename, a change of permissions), so events are
//! collected until the folder has been quiet for [`QUIET`], and each chapter is checked once
//! per burst. A chapter whose file is the same as at its last check is not checked again, so
//! a save without a change (or the events of the check's own build) counts for nothing. A
//! chapter that does not compile is reported like any other state, and watching goes on.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify::{EventKind, RecursiveMode, Watcher as _, event::AccessKind, event::AccessMode};

use crate::progress::{self, Entry, State};
use crate::workbook::{self, Chapter};

/// How long the files must stay quiet before a burst of events counts as one save.
const QUIET: Duration = Duration::from_millis(150);

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

/// Watches every written chapter until interrupted.
pub(crate) fn watch(root: &Path) -> anyhow::Result<()> {
    let chapters = workbook::written_chapters(root)?;
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
    println!(
        "Watching exercises/chapter-*/src/ of {} chapters: save a file and its chapter is \
         checked. Ctrl-C stops.",
        chapters.len()
    );
    let mut pending = Pending::new(QUIET);
    let mut checked: HashMap<u32, String> = HashMap::new();
    loop {
        let received = match pending.wait(Instant::now()) {
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
        // The last event of the burst: when the editor saved.
        let saved_at = pending.last_event.unwrap_or_else(Instant::now);
        for number in pending.take_ready(Instant::now()) {
            let Some(chapter) = chapters.iter().find(|c| c.number == number) else {
                continue;
            };
            let path = crate::starter::path(root, chapter);
            // A file mid-rename may be missing for a moment: the next event brings it back.
            let Ok(content) = std::fs::read_to_string(&path) else {
                continue;
            };
            if checked.get(&number) == Some(&content) {
                continue;
            }
            check_and_show(root, chapter, &mut saved, saved_at)?;
            checked.insert(number, content);
        }
    }
}

/// Checks one chapter, prints the checks' report unless solved, then its state and the bar.
fn check_and_show(
    root: &Path,
    chapter: &Chapter,
    saved: &mut progress::Saved,
    saved_at: Instant,
) -> anyhow::Result<()> {
    println!("\n== {} changed: checking", chapter.package());
    let (state, printed) = progress::check(root, chapter)?;
    if state != State::Solved && !printed.trim().is_empty() {
        println!("{}", printed.trim_end());
    }
    saved.update(Entry::new(chapter, &state));
    progress::save(root, saved)?;
    println!("\n{}", progress::line(chapter, &state));
    println!(
        "{}   (verdict {:.1} s after the save)",
        progress::summary(saved),
        saved_at.elapsed().as_secs_f64()
    );
    Ok(())
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
