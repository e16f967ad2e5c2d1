//! Rust's `sys.getrefcount`: `Rc::strong_count`, read as handles to one value come and go.
//!
//! Run it with `cargo run --example ch05-counts`.

use std::hint::black_box;
use std::rc::Rc;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: tag
/// A value that says when it is dropped, like the Python class with a `__del__`.
struct Tag {
    id: u64,
}

impl Drop for Tag {
    fn drop(&mut self) {
        println!(
            "tag {} dropped: its block goes back to the allocator",
            self.id
        );
    }
}
// ANCHOR_END: tag

fn main() {
    println!("strong counts of one Rc<Tag>:"); // stdout's buffer is made here, before measuring
    // ANCHOR: counts
    let ((), memory) = measure_memory(|| {
        let t = Rc::new(Tag { id: 7 }); // one block: the counts and the Tag
        println!("  new:             {}", Rc::strong_count(&t));
        let alias = Rc::clone(&t); // no block: the strong count goes up by one
        println!("  one alias:       {}", Rc::strong_count(&t));
        let tags = vec![Rc::clone(&t), Rc::clone(&t), Rc::clone(&t)]; // a block for the Vec
        println!("  in a Vec, 3×:    {}", Rc::strong_count(&t));
        drop(black_box(alias));
        drop(black_box(tags));
        println!("  after the drops: {}", Rc::strong_count(&t));
        drop(t); // the count reaches zero: the Tag is dropped, and the block freed
    });
    println!("{memory}");
    // ANCHOR_END: counts
}
