//! The allocation sites in the reader's crate, read from a dhat profile.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::source::{Sources, module_path};

/// Frames dhat keeps per allocation: enough to reach the reader's own frame below a
/// `HashMap` insert (10, dhat's default, is not) or serde_json's deserialiser (16 is not);
/// 32 cost no measurable time on chapter 15's checks.
pub(crate) const BACKTRACE_FRAMES: usize = 32;

/// One place in the reader's code that allocated, totalled over the measured period.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Site {
    /// `src/lib.rs:12:35`, relative to the exercise crate.
    pub location: String,
    /// The function, such as `chapter_1::count_word`.
    pub function: String,
    /// Blocks allocated there.
    pub blocks: u64,
    /// Bytes allocated there.
    pub bytes: u64,
    /// Of those, the blocks still live when the profile was written: at the end of the check.
    pub live_blocks: u64,
    /// Of those, the bytes still live at the end.
    pub live_bytes: u64,
}

#[derive(Deserialize)]
struct Profile {
    pps: Vec<ProgramPoint>,
    ftbl: Vec<String>,
}

#[derive(Deserialize)]
struct ProgramPoint {
    tb: u64,
    tbk: u64,
    /// Bytes and blocks live at t-end, when the profile was written.
    #[serde(default)]
    eb: u64,
    #[serde(default)]
    ebk: u64,
    fs: Vec<usize>,
}

/// What a profile says about the reader's code.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Sites {
    /// The allocation sites in the reader's code, most bytes first.
    pub sites: Vec<Site>,
    /// Blocks and bytes whose backtrace never reached the reader's code: allocated deeper
    /// inside a library than dhat's backtraces go, or by the check's own code.
    pub unplaced: (u64, u64),
}

impl Sites {
    /// The sites with bytes still live at the end, most live bytes first: where a leak was
    /// allocated.
    pub(crate) fn still_live(&self) -> Vec<&Site> {
        let mut live: Vec<&Site> = self.sites.iter().filter(|s| s.live_bytes > 0).collect();
        live.sort_by(|a, b| {
            (b.live_bytes, b.live_blocks, &a.location).cmp(&(
                a.live_bytes,
                a.live_blocks,
                &b.location,
            ))
        });
        live
    }
}

/// The allocation sites of the library `lib_name` (such as `chapter_1`, in `crate_dir`) that
/// the dhat profile at `profile` names; `None` if the profile cannot be read.
///
/// Each allocation is charged to the innermost frame in the reader's code, so a `Vec` growing
/// inside the reader's function is charged to the line that pushed.
pub(crate) fn top_sites(profile: &Path, lib_name: &str, crate_dir: &Path) -> Option<Sites> {
    let profile: Profile = serde_json::from_str(&std::fs::read_to_string(profile).ok()?).ok()?;
    let sources = Sources::new(crate_dir);
    let mut totals: HashMap<(String, String), [u64; 4]> = HashMap::new();
    let mut unplaced = [0; 4];
    for point in &profile.pps {
        let site = point
            .fs
            .iter()
            .filter_map(|&index| profile.ftbl.get(index))
            .find_map(|frame| reader_frame(frame, lib_name, &sources));
        let total = match site {
            Some(key) => totals.entry(key).or_default(),
            None => &mut unplaced,
        };
        total[0] += point.tbk;
        total[1] += point.tb;
        total[2] += point.ebk;
        total[3] += point.eb;
    }
    let mut sites: Vec<Site> = totals
        .into_iter()
        .map(
            |((location, function), [blocks, bytes, live_blocks, live_bytes])| Site {
                location,
                function,
                blocks,
                bytes,
                live_blocks,
                live_bytes,
            },
        )
        .collect();
    sites.sort_by(|a, b| (b.bytes, b.blocks, &a.location).cmp(&(a.bytes, a.blocks, &b.location)));
    Some(Sites {
        sites,
        unplaced: (unplaced[0], unplaced[1]),
    })
}

/// The crate-relative location and the function of a frame such as
/// `0x…: chapter_1::f (chapter-1/src/lib.rs:7:11)`, if the frame is in the reader's code.
///
/// A frame is the reader's when its function's path starts with the library's name, or when
/// its file is one of the crate's sources outside `tests/`. Both are needed: a function that
/// inlined a call at the allocation (`Box::new`, say) is named without its path (`leaks`), and
/// dhat keeps only the last three components of a file's path, so a nested module's file
/// (`src/parse/line.rs`) arrives without the crate's folder and is found by its tail.
fn reader_frame(frame: &str, lib_name: &str, sources: &Sources) -> Option<(String, String)> {
    let (head, location) = frame.strip_suffix(')')?.rsplit_once(" (")?;
    let function = head.split_once(": ").map_or(head, |(_, name)| name);
    let (file, line_and_column) = split_line(location);
    if sources.is_check_file(file) {
        return None;
    }
    let path = function.strip_prefix('<').unwrap_or(function);
    let named_in_lib = path
        .split_once("::")
        .is_some_and(|(krate, _)| krate == lib_name);
    let relative = sources.locate(file);
    if !named_in_lib && relative.is_none() {
        return None;
    }
    let relative = relative.unwrap_or_else(|| file.to_owned());
    let function = if function.contains("::") || function.contains('<') {
        function.to_owned()
    } else {
        // An inlining function's name comes without its path: give it back from the file.
        let module = module_path(&relative);
        [lib_name, &module, function]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("::")
    };
    Some((format!("{relative}{line_and_column}"), function))
}

/// `src/lib.rs:7:11` as (`src/lib.rs`, `:7:11`).
fn split_line(location: &str) -> (&str, &str) {
    let mut end = location.len();
    for _ in 0..2 {
        match location[..end].rfind(':') {
            Some(at) if location[at + 1..end].chars().all(|c| c.is_ascii_digit()) => end = at,
            _ => break,
        }
    }
    location.split_at(end)
}

/// A dhat profile written to a file of its own for a test, removed when dropped.
#[cfg(test)]
pub(crate) struct SavedProfile(std::path::PathBuf);

#[cfg(test)]
impl SavedProfile {
    pub(crate) fn new(profile: &serde_json::Value) -> SavedProfile {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let number = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("sd-profile-{}-{number}.json", std::process::id());
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, profile.to_string()).expect("the temp folder is writable");
        SavedProfile(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

#[cfg(test)]
impl Drop for SavedProfile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> &'static Path {
        Path::new("/nowhere/exercises/chapter-1")
    }

    fn reader_frame(frame: &str, lib_name: &str, crate_dir: &Path) -> Option<(String, String)> {
        super::reader_frame(frame, lib_name, &Sources::new(crate_dir))
    }

    #[test]
    fn a_frame_of_the_library_is_split_into_location_and_function() {
        let frame = "0x5f3a: chapter_1::count_word (chapter-1/src/lib.rs:7:11)";
        assert_eq!(
            reader_frame(frame, "chapter_1", dir()),
            Some(("src/lib.rs:7:11".into(), "chapter_1::count_word".into()))
        );
        let method =
            "0x1: <chapter_1::parse::Line as core::fmt::Display>::fmt (parse/deep/line.rs:4:9)";
        assert_eq!(
            reader_frame(method, "chapter_1", dir()),
            Some((
                "parse/deep/line.rs:4:9".into(),
                "<chapter_1::parse::Line as core::fmt::Display>::fmt".into()
            ))
        );
    }

    #[test]
    fn an_inlining_frame_gets_its_path_back() {
        let frame = "0x5f3a: leaks (chapter-1/src/lib.rs:31:15)";
        assert_eq!(
            reader_frame(frame, "chapter_1", dir()),
            Some(("src/lib.rs:31:15".into(), "chapter_1::leaks".into()))
        );
    }

    #[test]
    fn frames_of_the_checks_std_or_other_crates_are_not_the_reader_s() {
        for frame in [
            "0x1: checks::main::{{closure}} (chapter-1/tests/checks.rs:3:5)",
            "0x2: alloc::vec::Vec<T>::push (src/vec/mod.rs:9:9)",
            "0x2: new<[u64; 16]> (alloc/src/boxed.rs:286:19)",
            "0x3: chapter_10::f (chapter-10/src/lib.rs:1:1)",
            "0x4: <alloc::vec::Vec<chapter_1::W> as core::clone::Clone>::clone (x/y.rs:1:1)",
            "0x5: ???",
        ] {
            assert_eq!(reader_frame(frame, "chapter_1", dir()), None, "{frame}");
        }
    }

    #[test]
    fn sites_are_read_from_a_real_profile() {
        // Saved from `cargo test -p chapter-1` on the foundation's starter: 2,000 words.
        let profile =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src/testdata/chapter-1.dhat-heap.json");
        let found = top_sites(&profile, "chapter_1", dir()).expect("the profile parses");
        assert_eq!(found.unplaced, (0, 0));
        let shown: Vec<(&str, u64, &str)> = found
            .sites
            .iter()
            .map(|site| (site.location.as_str(), site.blocks, site.function.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "src/lib.rs:13:39",
                    2000,
                    "chapter_1::count_word::{{closure}}"
                ),
                ("src/lib.rs:11:21", 1, "chapter_1::count_word")
            ]
        );
    }

    #[test]
    fn allocations_that_never_reach_the_reader_s_code_are_counted_apart() {
        let profile = serde_json::json!({
            "pps": [
                {"tb": 48, "tbk": 2, "fs": [0, 1]},
                {"tb": 100, "tbk": 5, "fs": [2]},
            ],
            "ftbl": [
                "0x1: alloc::raw_vec::grow (src/raw_vec.rs:1:1)",
                "0x2: chapter_1::f (chapter-1/src/lib.rs:3:9)",
                "0x3: serde_json::de::from_str (src/de.rs:9:9)",
            ],
        });
        let saved = SavedProfile::new(&profile);
        let found = top_sites(saved.path(), "chapter_1", dir()).unwrap();
        assert_eq!(found.sites.len(), 1);
        assert_eq!((found.sites[0].blocks, found.sites[0].bytes), (2, 48));
        assert_eq!(found.unplaced, (5, 100));
    }

    #[test]
    fn what_is_live_at_the_end_is_ranked_apart() {
        let profile = serde_json::json!({
            "pps": [
                {"tb": 900, "tbk": 9, "eb": 0, "ebk": 0, "fs": [0]},
                {"tb": 40, "tbk": 2, "eb": 20, "ebk": 1, "fs": [1]},
                {"tb": 30, "tbk": 3, "eb": 30, "ebk": 3, "fs": [2]},
            ],
            "ftbl": [
                "0x1: chapter_1::f (chapter-1/src/lib.rs:3:9)",
                "0x2: chapter_1::g (chapter-1/src/lib.rs:8:9)",
                "0x3: chapter_1::h (chapter-1/src/lib.rs:12:9)",
            ],
        });
        let saved = SavedProfile::new(&profile);
        let found = top_sites(saved.path(), "chapter_1", dir()).unwrap();
        assert_eq!(
            found.sites[0].location, "src/lib.rs:3:9",
            "most bytes first"
        );
        let live: Vec<(&str, u64, u64)> = found
            .still_live()
            .iter()
            .map(|s| (s.location.as_str(), s.live_blocks, s.live_bytes))
            .collect();
        assert_eq!(
            live,
            [("src/lib.rs:12:9", 3, 30), ("src/lib.rs:8:9", 1, 20)]
        );
    }
}
