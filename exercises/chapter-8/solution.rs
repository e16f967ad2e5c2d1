//! Chapter 8's solution: count the heap bytes a catalogue owns, and allocate nothing while
//! counting. Graded by `cargo test -p chapter-8 --features solution`.

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
#[allow(dead_code)] // the shop reads `warehouse`; heap_bytes has no need to
pub struct Stock {
    /// The warehouse's number.
    pub warehouse: u32,
    /// How many items each shelf of the warehouse holds.
    pub counts: Vec<u32>,
}

// ANCHOR: solution
/// The heap bytes a value owns, leaving out the blocks it shares with others: the blocks it
/// would give back to the allocator on its own if it were dropped.
pub trait HeapSize {
    /// The heap bytes `self` owns alone.
    fn heap_size(&self) -> usize;
}

impl HeapSize for u32 {
    fn heap_size(&self) -> usize {
        0
    }
}

impl HeapSize for String {
    fn heap_size(&self) -> usize {
        self.capacity()
    }
}

/// The buffer holds `capacity()` elements, so it owns that many times `size_of::<T>()`. For
/// `Vec<Rc<str>>` that is the handles: the blocks they point to are shared, and counted by
/// whoever sees the whole catalogue.
impl<T: HeapSize> HeapSize for Vec<T> {
    fn heap_size(&self) -> usize {
        self.capacity() * size_of::<T>() + self.iter().map(T::heap_size).sum::<usize>()
    }
}

impl<T: HeapSize> HeapSize for Box<T> {
    fn heap_size(&self) -> usize {
        size_of::<T>() + (**self).heap_size()
    }
}

impl<T: HeapSize> HeapSize for Option<T> {
    fn heap_size(&self) -> usize {
        self.as_ref().map_or(0, T::heap_size)
    }
}

/// A handle owns no block of its own: the tag's block is shared.
impl HeapSize for Rc<str> {
    fn heap_size(&self) -> usize {
        0
    }
}

impl HeapSize for Stock {
    fn heap_size(&self) -> usize {
        self.counts.heap_size()
    }
}

impl HeapSize for Product {
    fn heap_size(&self) -> usize {
        self.name.heap_size()
            + self.tags.heap_size()
            + self.stock.heap_size()
            + self.note.heap_size()
    }
}

/// The heap bytes `catalogue` owns: its own blocks, and each tag's block once, counted at
/// the first handle to it in catalogue order.
pub fn heap_bytes(catalogue: &Catalogue) -> usize {
    let products = &catalogue.products[..];
    let mut total = catalogue.products.heap_size();
    for (i, product) in products.iter().enumerate() {
        for (j, tag) in product.tags.iter().enumerate() {
            if is_first_handle(products, i, j) {
                total += rc_str_block(tag);
            }
        }
    }
    total
}

/// Whether `products[i].tags[j]` is the first handle to its tag, in catalogue order. The
/// earlier handles are still in the catalogue: look there instead of keeping a list.
fn is_first_handle(products: &[Product], i: usize, j: usize) -> bool {
    let tag = &products[i].tags[j];
    if Rc::strong_count(tag) == 1 {
        return true; // the only handle there is
    }
    let mut earlier = products[..i]
        .iter()
        .flat_map(|product| &product.tags)
        .chain(&products[i].tags[..j]);
    !earlier.any(|other| Rc::ptr_eq(other, tag))
}

/// The size of the block behind an `Rc<str>`: two `usize` counts and the text, padded to the
/// counts' alignment.
fn rc_str_block(tag: &Rc<str>) -> usize {
    (2 * size_of::<usize>() + tag.len()).next_multiple_of(align_of::<usize>())
}
// ANCHOR_END: solution
