//! weak-table: a cache whose values are `Weak` (`WeakValueHashMap`), and a side table keyed by
//! the identity of a value it does not own (`PtrWeakKeyHashMap`). What stays on the heap when
//! the values die, and when the table lets it go.
//!
//! Run it with `cargo run --example ch17-tables`.

use std::collections::{HashMap, VecDeque};
use std::hint::black_box;
use std::rc::{Rc, Weak};

use seek_and_destroy::measure_memory;
use weak_table::{PtrWeakKeyHashMap, WeakValueHashMap};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: font
/// A font, loaded once and shared by every document that uses it.
struct Font {
    glyphs: Vec<u8>, // 1 KiB of glyph data: a block of its own
}

fn load(id: u32) -> Rc<Font> {
    Rc::new(Font {
        glyphs: vec![id as u8; 1024],
    })
}
// ANCHOR_END: font

/// 100 documents, opened one after another, each closed two documents later; documents
/// `2k` and `2k + 1` use font `k % 20`. Returns how many fonts the cache had to load, and the
/// glyph bytes the documents read.
// ANCHOR: strong_cache
fn open_documents_strong(cache: &mut HashMap<u32, Rc<Font>>) -> (usize, usize) {
    let (mut loaded, mut read) = (0, 0);
    let mut open = VecDeque::with_capacity(3); // the open documents' fonts
    for document in 0..black_box(100) {
        let id = document / 2 % 20;
        let font = cache.entry(id).or_insert_with(|| {
            loaded += 1;
            load(id)
        });
        read += font.glyphs.len();
        open.push_back(Rc::clone(font)); // the document's handle
        if open.len() > 2 {
            open.pop_front(); // the oldest document closes
        }
    }
    (loaded, read)
}
// ANCHOR_END: strong_cache

// ANCHOR: weak_cache
fn open_documents_weak(cache: &mut WeakValueHashMap<u32, Weak<Font>>) -> (usize, usize) {
    let (mut loaded, mut read) = (0, 0);
    let mut open = VecDeque::with_capacity(3);
    for document in 0..black_box(100) {
        let id = document / 2 % 20;
        // `get` upgrades: a strong handle while some document holds the font, else None.
        let font = cache.get(&id).unwrap_or_else(|| {
            loaded += 1;
            let font = load(id);
            cache.insert(id, Rc::clone(&font));
            font
        });
        read += font.glyphs.len();
        open.push_back(font); // the only owners of a font are its open documents
        if open.len() > 2 {
            open.pop_front();
        }
    }
    (loaded, read)
}
// ANCHOR_END: weak_cache

/// A widget: the side table keeps a note about some of them, without owning any.
struct Widget {
    id: u64,
}

fn main() {
    println!("a cache of fonts:"); // stdout's buffer is made here, before measuring
    // ANCHOR: measure_cache
    let (((loaded, read), cache), memory) = measure_memory(|| {
        let mut cache = HashMap::new();
        (open_documents_strong(&mut cache), cache)
    });
    println!(
        "  HashMap<u32, Rc<Font>>: {loaded} loads, {read} bytes read, {} entries",
        cache.len()
    );
    println!("{memory}");
    drop(cache);

    let (((loaded, read), cache), memory) = measure_memory(|| {
        let mut cache = WeakValueHashMap::new();
        (open_documents_weak(&mut cache), cache)
    });
    println!(
        "  WeakValueHashMap: {loaded} loads, {read} bytes read, len() = {}",
        cache.len()
    );
    println!("{memory}");
    drop(cache);

    let (((loaded, read), cache), memory) = measure_memory(|| {
        let mut cache = WeakValueHashMap::new();
        let answer = open_documents_weak(&mut cache);
        cache.remove_expired(); // one pass over the table: drops every dead entry
        (answer, cache)
    });
    println!(
        "  then remove_expired(): {loaded} loads, {read} bytes read, len() = {}",
        cache.len()
    );
    println!("{memory}");
    // ANCHOR_END: measure_cache

    println!("a side table of notes, keyed by widget:");
    // ANCHOR: side_table
    let ((found, notes), memory) = measure_memory(|| {
        let mut notes: PtrWeakKeyHashMap<Weak<Widget>, String> = PtrWeakKeyHashMap::new();
        let mut found = 0;
        for id in 0..black_box(1_000) {
            let widget = Rc::new(Widget { id }); // its owner's handle
            notes.insert(Rc::clone(&widget), widget.id.to_string()); // keyed by address
            found += usize::from(notes.contains_key(&widget));
        } // each widget dies at the end of its turn, and its entry expires
        (found, notes)
    });
    println!(
        "  1,000 widgets, one at a time: {found} notes found, len() = {}, capacity() = {}",
        notes.len(),
        notes.capacity()
    );
    println!("{memory}");
    // ANCHOR_END: side_table
}
