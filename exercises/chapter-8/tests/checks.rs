//! The checks of chapter 8: does `heap_bytes` find the bytes dhat counts, and does it allocate
//! nothing while it counts?
//!
//! The truth comes from dhat itself: each catalogue is built under a profiler of its own,
//! and the bytes it leaves live are what `heap_bytes` must answer. dhat allows one profiler
//! at a time, so that one is dropped before the budget check starts its own.

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_8 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;
#[cfg(feature = "mistake")]
mod exercise {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/mistakes/",
        env!("SEEK_AND_DESTROY_MISTAKE"),
        ".rs"
    ));
}

use std::rc::Rc;

use exercise::{Catalogue, Product, Stock, heap_bytes};
use seek_and_destroy::{Xorshift, assert_answer};

/// Runs `build` under a profiler of its own, and returns the catalogue with the bytes dhat
/// saw live once it was built: every block the catalogue holds, and nothing else, since
/// `build` drops its temporaries before it returns.
fn built(build: impl FnOnce() -> Catalogue) -> (Catalogue, usize) {
    let profiler = dhat::Profiler::builder().testing().build();
    let catalogue = build();
    let live = dhat::HeapStats::get().curr_bytes;
    drop(profiler);
    (catalogue, live)
}

/// A product whose strings and `Vec`s are all exactly as long as their contents.
fn product(name: &str, tags: &[&Rc<str>], counts: &[u32], note: Option<&str>) -> Product {
    Product {
        name: String::from(name),
        tags: tags.iter().map(|&tag| Rc::clone(tag)).collect(),
        stock: Box::new(Stock {
            warehouse: 1,
            counts: counts.to_vec(),
        }),
        note: note.map(String::from),
    }
}

/// Builds the catalogue, and checks `heap_bytes` against dhat's count of its bytes.
fn check(what: &str, build: impl FnOnce() -> Catalogue) {
    let (catalogue, live) = built(build);
    assert_answer!(
        heap_bytes(&catalogue),
        live,
        "{what}: dhat counted {live} live bytes"
    );
}

const WORDS: [&str; 8] = [
    "tea",
    "green",
    "oolong",
    "biscuits",
    "jam",
    "dark chocolate",
    "rye",
    "honey",
];

/// `text` with every ASCII letter replaced by one drawn from `content`: the same length, and
/// so the same blocks, with other bytes.
fn scrambled(text: &str, content: &mut Xorshift) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                char::from(b'a' + content.below(26) as u8)
            } else {
                c
            }
        })
        .collect()
}

/// A catalogue of `count` products, grown the way a program grows one: pushed one by one,
/// so that most `String`s and `Vec`s end with room to spare. Tags come from a pool of
/// `distinct_tags`; the tags no product took are freed with the pool. `layout` decides the
/// shape (every length, count and which product shares which tag); `content` decides the
/// letters and the numbers, so a catalogue of one layout owns the same bytes whatever its
/// content.
fn generated(
    count: usize,
    distinct_tags: usize,
    layout_seed: u64,
    content: &mut Xorshift,
) -> Catalogue {
    let mut random = Xorshift::new(layout_seed);
    let pool: Vec<Rc<str>> = (0..distinct_tags)
        .map(|k| {
            let tag = format!("{}-{k}", WORDS[random.index(WORDS.len())]);
            Rc::from(scrambled(&tag, content).as_str())
        })
        .collect();
    let mut products = Vec::new();
    for n in 0..count {
        let mut name = String::new();
        for _ in 0..1 + random.below(3) {
            name.push_str(&scrambled(WORDS[random.index(WORDS.len())], content));
            name.push(' ');
        }
        let mut tags = Vec::new();
        for _ in 0..random.below(4) {
            tags.push(Rc::clone(&pool[random.index(pool.len())]));
        }
        let mut counts = Vec::new();
        for _ in 0..random.below(7) {
            counts.push(content.below(100) as u32);
        }
        let note = (n % 3 == 0).then(|| format!("reorder below {}", random.below(50)));
        products.push(Product {
            name,
            tags,
            stock: Box::new(Stock {
                warehouse: content.below(9) as u32,
                counts,
            }),
            note,
        });
    }
    drop(pool);
    Catalogue { products }
}

/// `tags` tags, each held by two neighbouring products: more shared blocks than a record sized
/// for the budget checks' catalogues can hold.
fn chain_of_shared_tags(tags: usize) -> Catalogue {
    let pool: Vec<Rc<str>> = (0..tags)
        .map(|k| Rc::from(format!("tag-{k}").as_str()))
        .collect();
    let products = (0..=tags)
        .map(|i| {
            let held: Vec<&Rc<str>> = pool[i.saturating_sub(1)..(i + 1).min(tags)]
                .iter()
                .collect();
            product("item", &held, &[1], None)
        })
        .collect();
    drop(pool);
    Catalogue { products }
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("an_empty_catalogue_owns_nothing", || {
            let (catalogue, live) = built(|| Catalogue {
                products: Vec::new(),
            });
            assert_answer!(live, 0, "an empty Vec has no block");
            assert_answer!(heap_bytes(&catalogue), 0);
        })
        .correctness("one_product_with_nothing_to_spare", || {
            check("one product, no tags, no note", || Catalogue {
                products: vec![product("tea", &[], &[], None)],
            });
        })
        .correctness("the_box_is_a_block_of_its_own", || {
            check("a product whose stock has no counts", || Catalogue {
                products: vec![product("jam", &[], &[], None)],
            });
            check("a product whose stock has three counts", || Catalogue {
                products: vec![product("jam", &[], &[4, 0, 12], None)],
            });
        })
        .correctness("spare_capacity_is_owned_too", || {
            check("room to spare everywhere", || {
                let mut name = String::with_capacity(40);
                name.push_str("rye");
                let mut counts = Vec::with_capacity(10);
                counts.extend([3, 1]);
                let mut note = String::with_capacity(64);
                note.push_str("fragile");
                let mut products = Vec::with_capacity(5);
                products.push(Product {
                    name,
                    tags: Vec::with_capacity(3),
                    stock: Box::new(Stock {
                        warehouse: 2,
                        counts,
                    }),
                    note: Some(note),
                });
                Catalogue { products }
            });
        })
        .correctness("a_note_counts_only_when_there_is_one", || {
            check("one product with a note, one without", || Catalogue {
                products: vec![
                    product("honey", &[], &[1], Some("keep dry")),
                    product("green tea", &[], &[2], None),
                ],
            });
        })
        .correctness("tags_held_once_are_counted_once", || {
            check("three products, a tag each", || {
                let organic: Rc<str> = Rc::from("organic");
                let sale: Rc<str> = Rc::from("sale");
                let new: Rc<str> = Rc::from("new this week");
                Catalogue {
                    products: vec![
                        product("tea", &[&organic], &[], None),
                        product("jam", &[&sale], &[], None),
                        product("rye", &[&new], &[], None),
                    ],
                }
            });
        })
        .correctness("a_shared_tag_is_counted_once", || {
            check("three products share one tag", || {
                let organic: Rc<str> = Rc::from("organic");
                Catalogue {
                    products: vec![
                        product("tea", &[&organic], &[], None),
                        product("jam", &[&organic], &[], None),
                        product("rye", &[&organic], &[], None),
                    ],
                }
            });
            check("two tags, shared across and within products", || {
                let organic: Rc<str> = Rc::from("organic");
                let sale: Rc<str> = Rc::from("sale");
                Catalogue {
                    products: vec![
                        product("tea", &[&sale, &organic], &[], None),
                        product("jam", &[&organic, &organic], &[], None),
                        product("rye", &[&sale], &[], None),
                    ],
                }
            });
        })
        .correctness("the_tag_block_holds_counts_and_text", || {
            for text in ["", "a", "organic", "eight ch", "fair trade, shade grown"] {
                check(&format!("one tag of {} bytes", text.len()), || {
                    let tag: Rc<str> = Rc::from(text);
                    Catalogue {
                        products: vec![product("tea", &[&tag], &[], None)],
                    }
                });
            }
        })
        .correctness("generated_catalogues", || {
            for seed in 1..=12u64 {
                let count = (seed as usize * 7) % 50 + 1;
                let distinct_tags = (seed as usize * 5) % 20 + 1;
                check(
                    &format!("{count} products, {distinct_tags} tags, seed {seed}"),
                    || generated(count, distinct_tags, seed, &mut Xorshift::new(seed + 99)),
                );
            }
        })
        .correctness("more_shared_tags_than_a_fixed_record_holds", || {
            check("3,000 tags, each held by two products", || {
                chain_of_shared_tags(3_000)
            });
        })
        .budget(
            "catalogue_of_300_products",
            || built(|| generated(300, 12, 0x5eed, &mut Xorshift::fresh())),
            |catalogue| heap_bytes(&catalogue),
        )
        .budget(
            "catalogue_of_3000_products",
            || built(|| generated(3_000, 1_000, 0xca7a_1096, &mut Xorshift::fresh())),
            |catalogue| heap_bytes(&catalogue),
        )
        .run();
}
