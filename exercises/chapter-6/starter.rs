//! Chapter 6, cycles. Your exercise: make a `Tree` give back all of its memory when it is
//! dropped, and keep every answer right.
//!
//! Run `cargo test -p chapter-6`. The checks tell you whether the answers are right, how many
//! heap blocks your code allocated, and how many bytes were still allocated after the tree was
//! dropped.

use std::cell::RefCell;
use std::rc::Rc;

/// A tree of folders. Folder `0` is the root. Every other folder sits inside a parent folder,
/// and holds some bytes of files of its own.
///
/// ```text
/// entries: [(0, 10), (0, 20), (0, 30), (1, 40)]
///
/// 0 (10 bytes)            total_size(0) = 100, depth(0) = 0
/// ├── 1 (20 bytes)        total_size(1) =  60, depth(1) = 1
/// │   └── 3 (40 bytes)    total_size(3) =  40, depth(3) = 2
/// └── 2 (30 bytes)        total_size(2) =  30, depth(2) = 1
/// ```
pub struct Tree {
    /// Every folder, by id.
    folders: Vec<Rc<Folder>>,
}

struct Folder {
    /// The bytes of the files directly in this folder.
    own_size: u64,
    /// The folder this one sits in; `None` for the root.
    parent: Option<Rc<Folder>>,
    /// The folders directly inside this one.
    children: RefCell<Vec<Rc<Folder>>>,
}

impl Tree {
    /// Builds the tree from one `(parent, own_size)` entry per folder: entry `id` describes
    /// folder `id`. The root is entry 0, and its parent is ignored. Every other entry's parent
    /// is the id of an earlier entry.
    ///
    /// # Panics
    ///
    /// If `entries` is empty, or an entry's parent is not an earlier entry.
    pub fn new(entries: &[(usize, u64)]) -> Tree {
        assert!(!entries.is_empty(), "a tree has a root");
        let mut folders: Vec<Rc<Folder>> = Vec::with_capacity(entries.len());
        for (id, &(parent, own_size)) in entries.iter().enumerate() {
            let parent = if id == 0 {
                None
            } else {
                assert!(
                    parent < id,
                    "folder {id}'s parent {parent} must come before it"
                );
                Some(Rc::clone(&folders[parent]))
            };
            let folder = Rc::new(Folder {
                own_size,
                parent,
                children: RefCell::new(Vec::new()),
            });
            if let Some(parent) = &folder.parent {
                parent.children.borrow_mut().push(Rc::clone(&folder));
            }
            folders.push(folder);
        }
        Tree { folders }
    }

    /// How many folders the tree has.
    pub fn len(&self) -> usize {
        self.folders.len()
    }

    /// Always `false`: a tree has at least its root.
    pub fn is_empty(&self) -> bool {
        self.folders.is_empty()
    }

    /// The bytes of folder `id` and of every folder inside it, however deep.
    pub fn total_size(&self, id: usize) -> u64 {
        fn total(folder: &Folder) -> u64 {
            folder.own_size
                + folder
                    .children
                    .borrow()
                    .iter()
                    .map(|c| total(c))
                    .sum::<u64>()
        }
        total(&self.folders[id])
    }

    /// How many folders there are above folder `id`: 0 for the root, 1 for a folder in the
    /// root, and so on.
    pub fn depth(&self, id: usize) -> usize {
        let mut depth = 0;
        let mut folder = Rc::clone(&self.folders[id]);
        while let Some(parent) = folder.parent.clone() {
            depth += 1;
            folder = parent;
        }
        depth
    }
}
