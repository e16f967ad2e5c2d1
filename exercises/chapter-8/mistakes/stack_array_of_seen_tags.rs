// mistake: recorded the tags already counted in a stack array of 1,024 addresses, sized for the budget checks' catalogues
// expect: correctness::more_shared_tags_than_a_fixed_record_holds wrong
// Chapter 8's solution: count the heap bytes a catalogue owns, and allocate nothing while
// counting. Graded by `cargo test -p chapter-8 --features solution`.

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

/// The heap bytes `catalogue` owns, each shared tag counted once: the tags already counted
/// are recorded on the stack, in an array sized for the biggest catalogue of the checks.
pub fn heap_bytes(catalogue: &Catalogue) -> usize {
    let mut seen = [std::ptr::null::<u8>(); 1024];
    let mut recorded = 0;
    let mut total = catalogue.products.heap_size();
    for tag in catalogue.products.iter().flat_map(|product| &product.tags) {
        let address = Rc::as_ptr(tag).cast::<u8>();
        if seen[..recorded].contains(&address) {
            continue;
        }
        if recorded < seen.len() {
            seen[recorded] = address;
            recorded += 1;
        }
        total += rc_str_block(tag);
    }
    total
}

/// The size of the block behind an `Rc<str>`: two `usize` counts and the text, padded to the
/// counts' alignment.
fn rc_str_block(tag: &Rc<str>) -> usize {
    (2 * size_of::<usize>() + tag.len()).next_multiple_of(align_of::<usize>())
}
// ANCHOR_END: solution
