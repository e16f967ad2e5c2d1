//! Chapter 8, seek with std and dhat stats. Your exercise: make `heap_bytes` fit its budget.
//!
//! `size_of_val(&catalogue)` says 24 bytes, whatever the catalogue holds: it counts the
//! handle, not the blocks behind it. `heap_bytes` counts the blocks. The checks build each
//! catalogue under dhat and compare your answer with dhat's own count of the bytes it left
//! live. Run `cargo test -p chapter-8`.

use std::collections::HashSet;
use std::mem::{align_of, size_of};
use std::rc::Rc;

/// A shop's catalogue: every product, in one `Vec`.
pub struct Catalogue {
    /// The products, in the order they were added.
    pub products: Vec<Product>,
}

/// One product of a [`Catalogue`].
pub struct Product {
    /// The product's name.
    pub name: String,
    /// Tags such as "organic" or "sale". Products that carry the same tag share one `Rc<str>`,
    /// so the tag's text is stored once however many products carry it. Every handle to a
    /// tag is held by a product of the same catalogue (a product may even hold one twice).
    pub tags: Vec<Rc<str>>,
    /// Where the product is kept, and how many of it each shelf holds.
    pub stock: Box<Stock>,
    /// A note for the staff, if there is one.
    pub note: Option<String>,
}

/// Where a [`Product`] is kept.
pub struct Stock {
    /// The warehouse's number.
    pub warehouse: u32,
    /// How many items each shelf of the warehouse holds.
    pub counts: Vec<u32>,
}

/// The heap bytes a value owns: the sizes of the blocks it would give back to the allocator
/// if it were dropped, including the blocks those blocks own.
pub trait HeapSize {
    /// The heap bytes `self` owns. `seen` holds the address of every shared block counted so
    /// far, so that a block with several handles is counted once.
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize;
}

/// A number owns no heap block.
impl HeapSize for u32 {
    fn heap_size(&self, _seen: &mut HashSet<*const u8>) -> usize {
        0
    }
}

/// A `String` owns one block of `capacity()` bytes: its length is only the part in use.
impl HeapSize for String {
    fn heap_size(&self, _seen: &mut HashSet<*const u8>) -> usize {
        self.capacity()
    }
}

/// A `Vec` owns one block of `capacity()` elements, and whatever its elements own.
impl<T: HeapSize> HeapSize for Vec<T> {
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize {
        let buffer = self.capacity() * size_of::<T>();
        buffer + self.iter().map(|item| item.heap_size(seen)).sum::<usize>()
    }
}

/// A `Box` owns the block that holds its value, and whatever the value owns.
impl<T: HeapSize> HeapSize for Box<T> {
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize {
        size_of::<T>() + (**self).heap_size(seen)
    }
}

/// `None` owns nothing; `Some` owns what its value owns.
impl<T: HeapSize> HeapSize for Option<T> {
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize {
        self.as_ref().map_or(0, |value| value.heap_size(seen))
    }
}

/// An `Rc<str>` points to one block: the strong and weak counts, then the text, rounded up
/// to the counts' alignment. Every handle to it points to the same block: count it once.
impl HeapSize for Rc<str> {
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize {
        if seen.insert(Rc::as_ptr(self).cast::<u8>()) {
            rc_str_block(self)
        } else {
            0
        }
    }
}

/// The size of the block behind an `Rc<str>`: two `usize` counts and the text, padded.
fn rc_str_block(tag: &Rc<str>) -> usize {
    (2 * size_of::<usize>() + tag.len()).next_multiple_of(align_of::<usize>())
}

impl HeapSize for Stock {
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize {
        self.counts.heap_size(seen)
    }
}

impl HeapSize for Product {
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize {
        self.name.heap_size(seen)
            + self.tags.heap_size(seen)
            + self.stock.heap_size(seen)
            + self.note.heap_size(seen)
    }
}

impl HeapSize for Catalogue {
    fn heap_size(&self, seen: &mut HashSet<*const u8>) -> usize {
        self.products.heap_size(seen)
    }
}

/// The heap bytes `catalogue` owns: every block it would give back if it were dropped, each
/// shared tag counted once.
pub fn heap_bytes(catalogue: &Catalogue) -> usize {
    let mut seen = HashSet::new();
    catalogue.heap_size(&mut seen)
}
