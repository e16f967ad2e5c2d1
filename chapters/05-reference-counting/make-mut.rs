//! Clone on write: `Rc::make_mut` copies the value only when another handle shares it.
//!
//! Run it with `cargo run --example ch05-make-mut`.

use std::hint::black_box;
use std::rc::Rc;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    // ANCHOR: make_mut
    let mut mine = Rc::new(vec![1u64, 2, 3, 4]); // made before measuring: not counted

    // The only handle: make_mut lends the value itself.
    let ((), memory) = measure_memory(|| Rc::make_mut(black_box(&mut mine))[0] = 10);
    println!("alone:  {memory}");

    // A second handle shares the block: make_mut must copy before it writes.
    let theirs = Rc::clone(&mine);
    let ((), memory) = measure_memory(|| Rc::make_mut(black_box(&mut mine))[0] = 20);
    println!("shared: {memory}");
    println!(
        "mine: {:?} (strong count {}), theirs: {:?} (strong count {})",
        mine,
        Rc::strong_count(&mine),
        theirs,
        Rc::strong_count(&theirs)
    );
    // ANCHOR_END: make_mut
}
