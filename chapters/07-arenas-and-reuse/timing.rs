//! Wall time of this chapter's before and after code, without dhat: the system allocator
//! alone, as a program of yours would use it.
//!
//! Run it in a release build: `cargo run --release --example ch07-timing`. A debug build
//! prints no times, because they would measure unoptimised code.

// xtask: run in release

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use bumpalo::Bump;

// No #[global_allocator] here: allocations go straight to the system allocator.

// ANCHOR: time
/// How many times each variant runs; the line shows the median.
const RUNS: usize = 21;

/// Runs `work` RUNS times and prints the median wall time after a `time:` marker. A debug
/// build runs it once, to check that it works, and prints no time.
fn time<T>(label: &str, mut work: impl FnMut() -> T) {
    let runs = if cfg!(debug_assertions) { 1 } else { RUNS };
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort();
    if cfg!(debug_assertions) {
        println!("{label:<44} time: not measured in a debug build: add --release");
    } else {
        println!("{label:<44} time: {:.1?}", times[runs / 2]);
    }
}

fn main() {
    let prices = prices();
    let orders = orders(100_000);
    time("100000 order lines, a new key per line", || {
        total_new_key(black_box(&orders), &prices)
    });
    time("100000 order lines, one key reused", || {
        total_reused_key(black_box(&orders), &prices)
    });

    let numbers = black_box(100_000);
    time("tree of 100000 numbers, a Box per node", || {
        eval(&boxed(0, numbers))
    });
    time("tree of 100000 numbers, a new arena", || {
        let arena = Bump::new();
        eval_node(in_arena(&arena, 0, numbers))
    });
    let mut arena = Bump::new();
    time("tree of 100000 numbers, one arena reset", || {
        arena.reset();
        eval_node(in_arena(&arena, 0, numbers))
    });
}
// ANCHOR_END: time

// The functions below are copies of the ones in before.rs, after.rs and arena.rs.

fn total_new_key(orders: &str, prices: &HashMap<String, u64>) -> u64 {
    let mut total = 0;
    for line in orders.lines() {
        let mut fields = line.split(',');
        let (Some(shop), Some(item), Some(quantity)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let key = format!("{shop}/{item}");
        let quantity: u64 = quantity.parse().unwrap_or(0);
        total += prices.get(&key).copied().unwrap_or(0) * quantity;
    }
    total
}

fn total_reused_key(orders: &str, prices: &HashMap<String, u64>) -> u64 {
    let mut total = 0;
    let mut key = String::new();
    for line in orders.lines() {
        let mut fields = line.split(',');
        let (Some(shop), Some(item), Some(quantity)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        key.clear();
        key.push_str(shop);
        key.push('/');
        key.push_str(item);
        let quantity: u64 = quantity.parse().unwrap_or(0);
        total += prices.get(key.as_str()).copied().unwrap_or(0) * quantity;
    }
    total
}

const SHOPS: [&str; 5] = ["north", "south", "harbour", "station", "market"];
const ITEMS: [&str; 6] = ["apples", "pears", "bread", "milk", "cheese", "coffee"];

fn prices() -> HashMap<String, u64> {
    let mut prices = HashMap::new();
    for (s, shop) in SHOPS.iter().enumerate() {
        for (i, item) in ITEMS.iter().enumerate() {
            prices.insert(format!("{shop}/{item}"), (10 + 7 * s + 3 * i) as u64);
        }
    }
    prices
}

fn orders(lines: usize) -> String {
    let mut orders = String::new();
    for n in 0..lines {
        let (shop, item) = (SHOPS[n % 5], ITEMS[n % 6]);
        orders.push_str(&format!("{shop},{item},{}\n", 1 + n % 9));
    }
    orders
}

enum Expr {
    Number(u64),
    Add(Box<Expr>, Box<Expr>),
}

fn boxed(low: u64, high: u64) -> Box<Expr> {
    if high - low == 1 {
        return Box::new(Expr::Number(low));
    }
    let middle = low + (high - low) / 2;
    Box::new(Expr::Add(boxed(low, middle), boxed(middle, high)))
}

fn eval(expr: &Expr) -> u64 {
    match expr {
        Expr::Number(n) => *n,
        Expr::Add(left, right) => eval(left) + eval(right),
    }
}

enum Node<'a> {
    Number(u64),
    Add(&'a Node<'a>, &'a Node<'a>),
}

fn in_arena(arena: &Bump, low: u64, high: u64) -> &Node<'_> {
    if high - low == 1 {
        return arena.alloc(Node::Number(low));
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
