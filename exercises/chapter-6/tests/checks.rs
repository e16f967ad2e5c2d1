//! The checks of chapter 6: are the tree's answers right, and does dropping it give back every
//! byte it allocated?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_6 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::Tree;
use seek_and_destroy::{Xorshift, assert_answer};

/// One `(parent, own_size)` entry per folder, as `Tree::new` takes them.
type Entries = Vec<(usize, u64)>;

/// The tree drawn in the doc comment of `Tree`.
const EXAMPLE: [(usize, u64); 4] = [(0, 10), (0, 20), (0, 30), (1, 40)];

/// A tree of `folders` folders, the same on every run for a given `seed`. Most folders sit in a
/// random earlier folder, and one in four in the folder made just before, so the trees are
/// both bushy and deep.
fn generated(folders: usize, seed: u64) -> Entries {
    let mut numbers = Xorshift::new(seed);
    let mut next = move || numbers.next_u64();
    (0..folders)
        .map(|id| {
            let r = next();
            let parent = match id {
                0 => 0,
                _ if r % 4 == 0 => id - 1,
                _ => (r >> 8) as usize % id,
            };
            (parent, next() % 10_000)
        })
        .collect()
}

/// Every folder's total size and depth, computed from the entries alone (not measured).
/// Parents come before their children, so one pass forwards gives the depths, and one pass
/// backwards adds each folder's total into its parent's.
fn reference(entries: &[(usize, u64)]) -> (Vec<u64>, Vec<usize>) {
    let mut depths = vec![0; entries.len()];
    for id in 1..entries.len() {
        depths[id] = depths[entries[id].0] + 1;
    }
    let mut totals: Vec<u64> = entries.iter().map(|&(_, size)| size).collect();
    for id in (1..entries.len()).rev() {
        totals[entries[id].0] += totals[id];
    }
    (totals, depths)
}

/// What a budget check asks of a tree: the root's total size, and the sum of every depth.
fn summary(tree: &Tree) -> (u64, usize) {
    (
        tree.total_size(0),
        (0..tree.len()).map(|id| tree.depth(id)).sum(),
    )
}

/// The same summary, from the reference answers.
fn expected_summary(entries: &[(usize, u64)]) -> (u64, usize) {
    let (totals, depths) = reference(entries);
    (totals[0], depths.iter().sum())
}

/// Checks every folder's total size and depth against the reference.
fn check_every_folder(entries: &[(usize, u64)], what: &str) {
    let tree = Tree::new(entries);
    let (totals, depths) = reference(entries);
    assert_answer!(tree.len(), entries.len(), "folders in {}", what);
    for id in 0..entries.len() {
        assert_answer!(
            tree.total_size(id),
            totals[id],
            "total_size({}) in {}",
            id,
            what
        );
        assert_answer!(tree.depth(id), depths[id], "depth({}) in {}", id, what);
    }
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("the_example_tree", || {
            let tree = Tree::new(&EXAMPLE);
            assert_answer!(tree.len(), 4);
            assert_answer!(
                (0..4).map(|id| tree.total_size(id)).collect::<Vec<_>>(),
                vec![100, 60, 30, 40],
                "total_size of folders 0 to 3"
            );
            assert_answer!(
                (0..4).map(|id| tree.depth(id)).collect::<Vec<_>>(),
                vec![0, 1, 1, 2],
                "depth of folders 0 to 3"
            );
        })
        .correctness("a_root_alone", || {
            let tree = Tree::new(&[(0, 7)]);
            assert_answer!(tree.len(), 1);
            assert_answer!(tree.is_empty(), false);
            assert_answer!(tree.total_size(0), 7);
            assert_answer!(tree.depth(0), 0);
        })
        .correctness("the_roots_parent_is_ignored", || {
            let tree = Tree::new(&[(5, 1), (0, 2)]);
            assert_answer!(tree.total_size(0), 3);
            assert_answer!(tree.depth(1), 1);
        })
        .correctness("a_chain_of_folders", || {
            let chain: Entries = (0..100).map(|id| (id.max(1) - 1, 1)).collect();
            check_every_folder(&chain, "a chain of 100 folders");
        })
        .correctness("a_flat_folder", || {
            let flat: Entries = (0..100).map(|id| (0, id as u64)).collect();
            check_every_folder(&flat, "100 folders in one");
        })
        .correctness("empty_folders", || {
            let empty: Entries = vec![(0, 0), (0, 0), (1, 0), (2, 5)];
            check_every_folder(&empty, "folders of 0 bytes but one");
        })
        .correctness("generated_trees", || {
            for seed in 1..=20 {
                let folders = 1 + (seed as usize * 37) % 300;
                check_every_folder(
                    &generated(folders, seed),
                    &format!("generated tree #{seed} of {folders} folders"),
                );
            }
        })
        .correctness("dropping_one_tree_leaves_others_intact", || {
            let kept = Tree::new(&EXAMPLE);
            drop(Tree::new(&generated(50, 3)));
            assert_answer!(kept.total_size(0), 100);
            assert_answer!(kept.depth(3), 2);
        })
        .budget(
            "one_tree",
            // unmeasured: 2,000 folders, and the summary the measured call must give
            || {
                let entries = generated(2_000, 42);
                let expected = expected_summary(&entries);
                (entries, expected)
            },
            // measured: build, query, drop
            |entries| summary(&Tree::new(&entries)),
        )
        .budget(
            "many_trees",
            // unmeasured: 200 trees of 10 to 60 folders, and their summaries
            || {
                let forest: Vec<Entries> = (0..200)
                    .map(|seed| generated(10 + (seed as usize * 13) % 51, 1_000 + seed))
                    .collect();
                let expected: Vec<(u64, usize)> =
                    forest.iter().map(|e| expected_summary(e)).collect();
                (forest, expected)
            },
            // measured: one tree after the other, each dropped before the next is built
            |forest| {
                forest
                    .iter()
                    .map(|entries| summary(&Tree::new(entries)))
                    .collect::<Vec<_>>()
            },
        )
        .run();
}
