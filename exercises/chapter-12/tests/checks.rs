//! The checks of chapter 12: does the catalog give the right totals, counts and order lines,
//! does it ask the price list at most once per product for each price, and does it stay
//! within its budgets?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_12 as exercise;
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

use std::cell::Cell;
use std::fmt::{self, Write as _};

use exercise::{Catalog, Prices, Row};
use seek_and_destroy::{Xorshift, assert_answer};

/// What the shop sells: a name, the number of digits of its net price in cents, and a
/// typical weight in grams. Prices span eight orders of magnitude, past what a `u32` of cents
/// can hold.
const GOODS: [(&str, u32, u32); 10] = [
    ("Shackle", 3, 300),
    ("Rope, 10 m", 4, 1_200),
    ("Deck brush", 4, 900),
    ("Life jacket", 4, 700),
    ("Anchor", 5, 15_000),
    ("Outboard motor", 6, 40_000),
    ("Dinghy", 6, 60_000),
    ("Sailing yacht", 8, 5_000_000),
    ("Ferry", 10, 900_000_000),
    ("Cargo ship", 10, 4_000_000_000),
];

/// A price list made of tables: tax by the SKU's country (`sku % 3`), a discount on every
/// `discount_every`-th SKU, and a carrier that charges by zone and weight.
///
/// The carrier's rates are keyed by text, so every shipping price it looks up builds a
/// 16-byte key: one block, freed before it returns. Asking for a shipping price is not free,
/// and the budget checks see it.
#[derive(Debug)]
struct TablePrices {
    vat_percent: [u64; 3],
    discount_every: u32,
    discount_percent: u64,
    zone_cents: [u64; 3],
}

impl TablePrices {
    /// The shop's own tables, which the worked examples use: 20, 10 and 5 % tax, 15 % off
    /// every seventh SKU, and 490, 690 or 990 cents a parcel plus a cent per 100 g.
    fn shop() -> TablePrices {
        TablePrices {
            vat_percent: [20, 10, 5],
            discount_every: 7,
            discount_percent: 15,
            zone_cents: [490, 690, 990],
        }
    }

    /// Tables drawn from `numbers`, which no code can know in advance. Tax stays within 5 to
    /// 20 % and the discount within 15 %, so that a gross price has as many digits as its net
    /// price (see [`rows`]): the figures of a catalog that keeps text stay the same.
    fn drawn(numbers: &mut Xorshift) -> TablePrices {
        let mut vat = || 5 + numbers.below(16);
        let vat_percent = [vat(), vat(), vat()];
        TablePrices {
            vat_percent,
            discount_every: 2 + numbers.below(9) as u32,
            discount_percent: numbers.below(16),
            zone_cents: [(); 3].map(|()| 100 + numbers.below(1_900)),
        }
    }
}

impl Prices for TablePrices {
    fn gross_cents(&self, sku: u32, net_cents: u64) -> u64 {
        let taxed = net_cents + net_cents * self.vat_percent[(sku % 3) as usize] / 100;
        if sku.is_multiple_of(self.discount_every) {
            taxed - taxed * self.discount_percent / 100
        } else {
            taxed
        }
    }

    fn shipping_cents(&self, sku: u32, grams: u32) -> u64 {
        // "2:0004000000": a zone and ten digits of grams, always 12 bytes in a 16-byte block.
        let mut key = String::with_capacity(16);
        let _ = write!(key, "{}:{grams:010}", sku % 3);
        let zone = usize::from(key.as_bytes()[0] - b'0');
        self.zone_cents[zone] + u64::from(grams) / 100
    }
}

/// A price list that counts how often each price is asked for.
struct CountingPrices<'t> {
    tables: &'t TablePrices,
    gross_calls: Cell<u64>,
    shipping_calls: Cell<u64>,
}

impl CountingPrices<'_> {
    fn new(tables: &TablePrices) -> CountingPrices<'_> {
        CountingPrices {
            tables,
            gross_calls: Cell::new(0),
            shipping_calls: Cell::new(0),
        }
    }
}

impl Prices for CountingPrices<'_> {
    fn gross_cents(&self, sku: u32, net_cents: u64) -> u64 {
        self.gross_calls.set(self.gross_calls.get() + 1);
        self.tables.gross_cents(sku, net_cents)
    }

    fn shipping_cents(&self, sku: u32, grams: u32) -> u64 {
        self.shipping_calls.set(self.shipping_calls.get() + 1);
        self.tables.shipping_cents(sku, grams)
    }
}

/// Whether a workload asked each price at most once per product, as the price list requires.
#[derive(Debug, PartialEq)]
enum PriceCalls {
    AtMostOncePerProduct,
    TooMany {
        products: u64,
        gross_cents_calls: u64,
        shipping_cents_calls: u64,
    },
}

impl CountingPrices<'_> {
    fn calls(&self, products: usize) -> PriceCalls {
        let products = products as u64;
        let gross_cents_calls = self.gross_calls.get();
        let shipping_cents_calls = self.shipping_calls.get();
        if gross_cents_calls <= products && shipping_cents_calls <= products {
            PriceCalls::AtMostOncePerProduct
        } else {
            PriceCalls::TooMany {
                products,
                gross_cents_calls,
                shipping_cents_calls,
            }
        }
    }
}

/// A price file of `len` rows in no particular order: unique SKUs below 1,000,000, goods of
/// every kind, weights within 50 % of the typical ones. Which goods, and so the length of
/// each name and the number of digits of each price, come from `seed`: that is the file's
/// shape, the same on every run. The SKUs, their order, the weights and the prices within
/// their number of digits come from `content`, which a budget check seeds anew each run.
fn rows(len: usize, seed: u64, content: &mut Xorshift) -> Vec<Row> {
    let mut shape = Xorshift::new(seed);
    let mut sku = content.below(1_000) as u32;
    let mut rows: Vec<Row> = (0..len)
        .map(|_| {
            sku += 1 + content.below(300) as u32;
            let (name, digits, grams) = GOODS[shape.index(GOODS.len())];
            // Between 1.2 and 8.3 times 10^(digits - 1): tax and discount keep it within
            // its number of digits.
            let decade = 10u64.pow(digits - 1);
            let net_cents = decade * 12 / 10 + content.below(decade * 71 / 10);
            let percent = 50 + content.below(100);
            Row {
                sku,
                grams: (u64::from(grams) * percent.min(100) / 100) as u32,
                name,
                net_cents,
            }
        })
        .collect();
    for i in (1..rows.len()).rev() {
        rows.swap(i, content.index(i + 1));
    }
    rows
}

/// An order of `len` distinct SKUs from `rows`, in a scrambled order, with `unknown` SKUs that
/// are not in the file mixed in.
fn order(rows: &[Row], len: usize, unknown: usize, content: &mut Xorshift) -> Vec<u32> {
    let mut skus: Vec<u32> = rows.iter().map(|row| row.sku).collect();
    for i in (1..skus.len()).rev() {
        skus.swap(i, content.index(i + 1));
    }
    skus.truncate(len);
    let highest = rows.iter().map(|row| row.sku).max().unwrap_or(0);
    for i in 0..unknown {
        let missing = highest + 1 + i as u32;
        let at = content.index(skus.len() + 1);
        skus.insert(at, missing);
    }
    skus
}

/// The order's lines, written the obvious way (this part is not measured).
fn expected_order(rows: &[Row], order: &[u32], prices: &TablePrices) -> String {
    let mut text = String::new();
    for &sku in order {
        match rows.iter().find(|row| row.sku == sku) {
            Some(row) => {
                let gross = prices.gross_cents(row.sku, row.net_cents);
                let shipping = prices.shipping_cents(row.sku, row.grams);
                let _ = writeln!(
                    text,
                    "{sku:06} {}: {gross} ct + {shipping} ct shipping",
                    row.name
                );
            }
            None => {
                let _ = writeln!(text, "{sku:06}: not in the catalog");
            }
        }
    }
    text
}

fn expected_gross<'a>(rows: &'a [Row], prices: &'a TablePrices) -> impl Iterator<Item = u64> + 'a {
    rows.iter()
        .map(|row| prices.gross_cents(row.sku, row.net_cents))
}

/// The limits the catalog check counts under: from a deck brush to a ferry.
const LIMITS: [u64; 4] = [3_000, 500_000, 20_000_000, 5_000_000_000];

/// What the catalog check asks: the total, a count under each limit, and the calls it took.
#[derive(Debug, PartialEq)]
struct Queries {
    total_gross_cents: u64,
    under: [usize; 4],
    price_calls: PriceCalls,
}

fn expected_queries(rows: &[Row], prices: &TablePrices) -> Queries {
    Queries {
        total_gross_cents: expected_gross(rows, prices).sum(),
        under: LIMITS.map(|limit| expected_gross(rows, prices).filter(|&g| g < limit).count()),
        price_calls: PriceCalls::AtMostOncePerProduct,
    }
}

/// A `fmt::Write` that keeps nothing of the text but its length, its lines and a hash
/// (FNV-1a), so that the order check's answer costs no block.
#[derive(Debug, PartialEq)]
struct Digest {
    bytes: usize,
    lines: usize,
    hash: u64,
}

impl Digest {
    fn new() -> Digest {
        Digest {
            bytes: 0,
            lines: 0,
            hash: 0xcbf2_9ce4_8422_2325,
        }
    }

    fn of(text: &str) -> Digest {
        let mut digest = Digest::new();
        let _ = digest.write_str(text);
        digest
    }
}

impl fmt::Write for Digest {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for &byte in text.as_bytes() {
            self.hash = (self.hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
            self.lines += usize::from(byte == b'\n');
        }
        self.bytes += text.len();
        Ok(())
    }
}

/// What the order check asks: the order's text, as a digest, and the calls it took.
#[derive(Debug, PartialEq)]
struct Printed {
    text: Digest,
    price_calls: PriceCalls,
}

/// Three rows whose answers are worked out by hand below.
fn three_rows() -> [Row; 3] {
    [
        // SKU 42: 42 % 3 = 0, so 20 % tax, and 42 % 7 = 0, so 15 % off.
        // Gross: 10,000 + 2,000 = 12,000, then 12,000 - 1,800 = 10,200.
        // Shipping: 490 + 2,500 / 100 = 515.
        Row {
            sku: 42,
            grams: 2_500,
            name: "Anchor",
            net_cents: 10_000,
        },
        // SKU 100: 100 % 3 = 1, so 10 % tax: 1,500 + 150 = 1,650. Shipping: 690 + 12 = 702.
        Row {
            sku: 100,
            grams: 1_200,
            name: "Rope, 10 m",
            net_cents: 1_500,
        },
        // SKU 999,999: 10,000,000,000 is past u32::MAX. 999,999 % 3 = 0 and % 7 = 0:
        // 12,000,000,000, then minus 1,800,000,000 = 10,200,000,000.
        // Shipping: 490 + 4,000,000,000 / 100 = 40,000,490.
        Row {
            sku: 999_999,
            grams: 4_000_000_000,
            name: "Cargo ship",
            net_cents: 10_000_000_000,
        },
    ]
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("three_rows_by_hand", || {
            let rows = three_rows();
            let prices = TablePrices::shop();
            let catalog = Catalog::new(&rows, &prices);
            assert_answer!(
                catalog.total_gross_cents(),
                10_200 + 1_650 + 10_200_000_000u64
            );
            assert_answer!(catalog.count_under(1_650), 0, "under is strictly less");
            assert_answer!(catalog.count_under(1_651), 1);
            assert_answer!(catalog.count_under(10_201), 2);
            assert_answer!(catalog.count_under(u64::MAX), 3);
            let mut text = String::new();
            catalog
                .write_order(&[100, 7, 999_999, 42], &mut text)
                .unwrap();
            assert_answer!(
                text,
                "000100 Rope, 10 m: 1650 ct + 702 ct shipping\n\
                 000007: not in the catalog\n\
                 999999 Cargo ship: 10200000000 ct + 40000490 ct shipping\n\
                 000042 Anchor: 10200 ct + 515 ct shipping\n"
            );
        })
        .correctness("an_empty_catalog", || {
            let prices = TablePrices::shop();
            let catalog = Catalog::new(&[], &prices);
            assert_answer!(catalog.total_gross_cents(), 0);
            assert_answer!(catalog.count_under(u64::MAX), 0);
            let mut text = String::new();
            catalog.write_order(&[1], &mut text).unwrap();
            assert_answer!(text, "000001: not in the catalog\n");
        })
        .correctness("an_order_may_repeat_a_sku", || {
            let rows = three_rows();
            let prices = TablePrices::shop();
            let catalog = Catalog::new(&rows, &prices);
            let mut text = String::new();
            catalog.write_order(&[42, 42], &mut text).unwrap();
            assert_answer!(
                text,
                "000042 Anchor: 10200 ct + 515 ct shipping\n\
                 000042 Anchor: 10200 ct + 515 ct shipping\n"
            );
        })
        .correctness("rows_in_any_order", || {
            let mut rows = three_rows();
            rows.reverse();
            let prices = TablePrices::shop();
            let catalog = Catalog::new(&rows, &prices);
            let mut text = String::new();
            catalog.write_order(&[42, 999_999, 100], &mut text).unwrap();
            assert_answer!(
                text,
                "000042 Anchor: 10200 ct + 515 ct shipping\n\
                 999999 Cargo ship: 10200000000 ct + 40000490 ct shipping\n\
                 000100 Rope, 10 m: 1650 ct + 702 ct shipping\n",
                "an order on rows from the highest SKU down"
            );
        })
        .correctness("generated_catalogs", || {
            // Another price list on every run: the catalog must ask the one it is given.
            let mut content = Xorshift::fresh();
            let prices = TablePrices::drawn(&mut content);
            for (len, seed) in [(1, 3), (17, 5), (300, 7), (1_000, 11)] {
                let rows = rows(len, seed, &mut content);
                let catalog = Catalog::new(&rows, &prices);
                assert_answer!(
                    catalog.total_gross_cents(),
                    expected_gross(&rows, &prices).sum::<u64>(),
                    "{len} rows, priced with {prices:?}"
                );
                for limit in LIMITS {
                    assert_answer!(
                        catalog.count_under(limit),
                        expected_gross(&rows, &prices)
                            .filter(|&g| g < limit)
                            .count(),
                        "{len} rows, priced with {prices:?}, under {limit}"
                    );
                }
                let order = order(&rows, len / 2 + 1, 2, &mut content);
                let mut text = String::new();
                catalog.write_order(&order, &mut text).unwrap();
                assert_answer!(
                    text,
                    expected_order(&rows, &order, &prices),
                    "{len} rows, priced with {prices:?}"
                );
            }
        })
        .correctness("each_price_at_most_once_per_product", || {
            let mut content = Xorshift::new(13);
            let rows = rows(1_000, 13, &mut content);
            let order = order(&rows, 400, 3, &mut content);
            let tables = TablePrices::shop();
            let prices = CountingPrices::new(&tables);
            let catalog = Catalog::new(&rows, &prices);
            let _ = catalog.total_gross_cents();
            for limit in LIMITS {
                let _ = catalog.count_under(limit);
            }
            catalog.write_order(&order, &mut Digest::new()).unwrap();
            drop(catalog);
            assert_answer!(
                prices.calls(rows.len()),
                PriceCalls::AtMostOncePerProduct,
                "a total, four counts and an order of 400 lines on 1,000 products"
            );
        })
        .budget(
            "price_a_catalog",
            // unmeasured: 2,000 rows and a price list, both new on every run, and the answers
            // the measured call must give on them
            || {
                let mut content = Xorshift::fresh();
                let rows = rows(2_000, 0x5eed, &mut content);
                let tables = TablePrices::drawn(&mut content);
                let expected = expected_queries(&rows, &tables);
                ((rows, tables), expected)
            },
            // measured: price the catalog, then the total and four counts
            |(rows, tables)| {
                let prices = CountingPrices::new(&tables);
                let catalog = Catalog::new(&rows, &prices);
                let total_gross_cents = catalog.total_gross_cents();
                let under = LIMITS.map(|limit| catalog.count_under(limit));
                drop(catalog);
                Queries {
                    total_gross_cents,
                    under,
                    price_calls: prices.calls(rows.len()),
                }
            },
        )
        .budget(
            "print_an_order",
            // unmeasured: 500 rows, a price list, an order of 300 lines, all new on every run,
            // and the text it must print
            || {
                let mut content = Xorshift::fresh();
                let rows = rows(500, 0xfeed, &mut content);
                let order = order(&rows, 295, 5, &mut content);
                let tables = TablePrices::drawn(&mut content);
                let expected = Printed {
                    text: Digest::of(&expected_order(&rows, &order, &tables)),
                    price_calls: PriceCalls::AtMostOncePerProduct,
                };
                ((rows, order, tables), expected)
            },
            // measured: price the catalog, then print the order
            |(rows, order, tables)| {
                let prices = CountingPrices::new(&tables);
                let catalog = Catalog::new(&rows, &prices);
                let mut text = Digest::new();
                catalog.write_order(&order, &mut text).unwrap();
                drop(catalog);
                Printed {
                    text,
                    price_calls: prices.calls(rows.len()),
                }
            },
        )
        .run();
}
