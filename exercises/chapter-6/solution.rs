// ANCHOR: solution
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A tree of folders. Folder `0` is the root. Every other folder sits inside a parent folder,
/// and holds some bytes of files of its own.
pub struct Tree {
    /// Every folder, by id.
    folders: Vec<Rc<Folder>>,
}

struct Folder {
    /// The bytes of the files directly in this folder.
    own_size: u64,
    /// The folder this one sits in. It finds the parent without owning it, so a parent and its
    /// children never own each other. The root's points nowhere.
    parent: Weak<Folder>,
    /// The folders directly inside this one: the parent owns them.
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
                Weak::new() // allocates nothing
            } else {
                assert!(
                    parent < id,
                    "folder {id}'s parent {parent} must come before it"
                );
                Rc::downgrade(&folders[parent]) // allocates nothing; the parent's weak count + 1
            };
            let folder = Rc::new(Folder {
                own_size,
                parent,
                children: RefCell::new(Vec::new()),
            });
            if let Some(parent) = folder.parent.upgrade() {
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
        // `upgrade` gives a strong handle while the parent lives (it always does here, since
        // `folders` owns every folder), and allocates nothing.
        while let Some(parent) = folder.parent.upgrade() {
            depth += 1;
            folder = parent;
        }
        depth
    }
}
// ANCHOR_END: solution
