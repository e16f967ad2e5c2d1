//! A tree of many small nodes: one heap block per node, then all of them in a bump arena.
//!
//! Run it with `cargo run --example ch07-arena`.

use std::hint::black_box;

use bumpalo::Bump;
use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: boxed
/// A sum of numbers, as a tree: every node owns its children through a `Box`.
enum Expr {
    Number(u64),
    Add(Box<Expr>, Box<Expr>),
}

/// The balanced tree that adds up the numbers `low..high` (which must not be empty).
fn boxed(low: u64, high: u64) -> Box<Expr> {
    if high - low == 1 {
        return Box::new(Expr::Number(low)); // one block per leaf...
    }
    let middle = low + (high - low) / 2;
    Box::new(Expr::Add(boxed(low, middle), boxed(middle, high))) // ...and one per inner node
}

fn eval(expr: &Expr) -> u64 {
    match expr {
        Expr::Number(n) => *n,
        Expr::Add(left, right) => eval(left) + eval(right),
    }
}
// ANCHOR_END: boxed

// ANCHOR: arena
/// The same tree, but its nodes live in an arena and point to each other with plain
/// references that the arena outlives.
enum Node<'a> {
    Number(u64),
    Add(&'a Node<'a>, &'a Node<'a>),
}

fn in_arena(arena: &Bump, low: u64, high: u64) -> &Node<'_> {
    if high - low == 1 {
        return arena.alloc(Node::Number(low)); // a slice of the arena's current chunk
    }
    let middle = low + (high - low) / 2;
    let (left, right) = (in_arena(arena, low, middle), in_arena(arena, middle, high));
    arena.alloc(Node::Add(left, right))
}

fn eval_node(node: &Node<'_>) -> u64 {
    match node {
        Node::Number(n) => *n,
        Node::Add(left, right) => eval_node(left) + eval_node(right),
    }
}
// ANCHOR_END: arena

fn main() {
    // ANCHOR: measure
    let numbers = black_box(1_000);
    println!("a Box per node, {numbers} numbers:");
    let (sum, memory) = measure_memory(|| eval(&boxed(0, numbers))); // the tree is dropped inside
    println!("sum {sum}, node size {} bytes", size_of::<Expr>());
    println!("{memory}");

    println!("a bumpalo arena, {numbers} numbers:");
    let ((sum, chunks), memory) = measure_memory(|| {
        let mut arena = Bump::new(); // no chunk yet
        let sum = eval_node(in_arena(&arena, 0, numbers));
        (sum, node_bytes_per_chunk(&mut arena))
    }); // `arena` was dropped at the end of the closure: every chunk freed at once
    println!("sum {sum}, node size {} bytes", size_of::<Node>());
    println!("node bytes in each chunk, oldest first: {chunks:?}");
    println!("{memory}");
    // ANCHOR_END: measure

    // ANCHOR: capacity
    println!("an arena asked for once, then reset and reused for 10 trees:");
    let ((sum, chunks), memory) = measure_memory(|| {
        let nodes = 2 * numbers as usize - 1;
        let mut arena = Bump::with_capacity(nodes * size_of::<Node>());
        let mut sum = 0;
        for _ in 0..10 {
            sum += eval_node(in_arena(&arena, 0, numbers));
            arena.reset(); // every node gone at once; the chunk is kept
        }
        (sum, arena.iter_allocated_chunks().count())
    });
    println!("sum {sum}, chunks {chunks}");
    println!("{memory}");
    // ANCHOR_END: capacity
}

/// How many bytes of values each chunk of `arena` holds, oldest chunk first. The figures go
/// into an array on the stack, so reading them allocates nothing.
fn node_bytes_per_chunk(arena: &mut Bump) -> Chunks {
    let mut chunks = Chunks::default();
    for chunk in arena.iter_allocated_chunks() {
        // Newest first: shift the others right, and put this one in front.
        chunks.bytes.copy_within(0..chunks.count, 1);
        chunks.bytes[0] = chunk.len();
        chunks.count += 1;
    }
    chunks
}

/// Up to 32 chunk sizes, and how many there are.
#[derive(Default)]
struct Chunks {
    bytes: [usize; 32],
    count: usize,
}

impl std::fmt::Debug for Chunks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.bytes[..self.count]).finish()
    }
}
