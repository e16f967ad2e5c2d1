//! The checks of chapter 12: does the catalog give the right totals, counts and order lines,
//! does it ask the price list at most once per product for each price, and does it stay
//! within its budgets?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_12 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use std::cell::Cell;
use std::fmt::{self, Write as _};

use exercise::{Catalog, Prices, Row};
use seek_and_destroy::{Xorshift, assert_answer};

/// What the shop sells: a name, a typical net price in cents and a typical weight in grams.
/// Prices span eight orders of magnitude, past what a `u32` of cents can hold.
const GOODS: [(&str, u64, u32); 10] = [
    ("Shackle", 800, 300),
    ("Rope, 10 m", 1_500, 1_200),
    ("Deck brush", 2_500, 900),
    ("Life jacket", 6_000, 700),
    ("Anchor", 45_000, 15_000),
    ("Outboard motor", 250_000, 40_000),
    ("Dinghy", 400_000, 60_000),
    ("Sailing yacht", 15_000_000, 5_000_000),
    ("Ferry", 2_000_000_000, 900_000_000),
    ("Cargo ship", 9_000_000_000, 4_000_000_000),
];

/// The shop's real price list: tax by the SKU's country, 15 % off every seventh SKU, and a
/// carrier that charges by zone and weight.
struct ShopPrices;

impl Prices for ShopPrices {
    fn gross_cents(&self, sku: u32, net_cents: u64) -> u64 {
        const VAT_PERCENT: [u64; 3] = [20, 10, 5];
        let taxed = net_cents + net_cents * VAT_PERCENT[(sku % 3) as usize] / 100;
        if sku.is_multiple_of(7) {
            taxed - taxed * 15 / 100
        } else {
            taxed
        }
    }

    fn shipping_cents(&self, sku: u32, grams: u32) -> u64 {
        const ZONE_CENTS: [u64; 3] = [490, 690, 990];
        ZONE_CENTS[(sku % 3) as usize] + u64::from(grams) / 100
    }
}

/// The same price list, counting how often each price is asked for.
#[derive(Default)]
struct CountingPrices {
    gross_calls: Cell<u64>,
    shipping_calls: Cell<u64>,
}

impl Prices for CountingPrices {
    fn gross_cents(&self, sku: u32, net_cents: u64) -> u64 {
        self.gross_calls.set(self.gross_calls.get() + 1);
        ShopPrices.gross_cents(sku, net_cents)
    }

    fn shipping_cents(&self, sku: u32, grams: u32) -> u64 {
        self.shipping_calls.set(self.shipping_calls.get() + 1);
        ShopPrices.shipping_cents(sku, grams)
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

impl CountingPrices {
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

/// A price file of `len` rows, the same on every run: increasing, unique SKUs below
/// 1,000,000, goods of every kind, prices and weights within 50 % of the typical ones.
fn rows(len: usize, seed: u64) -> Vec<Row> {
    let mut numbers = Xorshift::new(seed);
    let mut sku = numbers.below(1_000) as u32;
    (0..len)
        .map(|_| {
            sku += 1 + numbers.below(300) as u32;
            let (name, net, grams) = GOODS[numbers.index(GOODS.len())];
            let percent = 50 + numbers.below(100);
            Row {
                sku,
                grams: (u64::from(grams) * percent.min(100) / 100) as u32,
                name,
                net_cents: net * percent / 100,
            }
        })
        .collect()
}

/// An order of `len` distinct SKUs from `rows`, in a scrambled order, with `unknown` SKUs that
/// are not in the file mixed in.
fn order(rows: &[Row], len: usize, unknown: usize, seed: u64) -> Vec<u32> {
    let mut numbers = Xorshift::new(seed);
    let mut skus: Vec<u32> = rows.iter().map(|row| row.sku).collect();
    for i in (1..skus.len()).rev() {
        skus.swap(i, numbers.index(i + 1));
    }
    skus.truncate(len);
    for i in 0..unknown {
        // SKUs increase along the file, so no row has a SKU above the last row's.
        let missing = rows.last().map_or(0, |row| row.sku) + 1 + i as u32;
        let at = numbers.index(skus.len() + 1);
        skus.insert(at, missing);
    }
    skus
}

/// The order's lines, written the obvious way (this part is not measured).
fn expected_order(rows: &[Row], order: &[u32]) -> String {
    let mut text = String::new();
    for &sku in order {
        match rows.iter().find(|row| row.sku == sku) {
            Some(row) => {
                let gross = ShopPrices.gross_cents(row.sku, row.net_cents);
                let shipping = ShopPrices.shipping_cents(row.sku, row.grams);
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

fn expected_gross(rows: &[Row]) -> impl Iterator<Item = u64> + '_ {
    rows.iter()
        .map(|row| ShopPrices.gross_cents(row.sku, row.net_cents))
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

fn expected_queries(rows: &[Row]) -> Queries {
    Queries {
        total_gross_cents: expected_gross(rows).sum(),
        under: LIMITS.map(|limit| expected_gross(rows).filter(|&g| g < limit).count()),
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
            let prices = ShopPrices;
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
            let prices = ShopPrices;
            let catalog = Catalog::new(&[], &prices);
            assert_answer!(catalog.total_gross_cents(), 0);
            assert_answer!(catalog.count_under(u64::MAX), 0);
            let mut text = String::new();
            catalog.write_order(&[1], &mut text).unwrap();
            assert_answer!(text, "000001: not in the catalog\n");
        })
        .correctness("an_order_may_repeat_a_sku", || {
            let rows = three_rows();
            let prices = ShopPrices;
            let catalog = Catalog::new(&rows, &prices);
            let mut text = String::new();
            catalog.write_order(&[42, 42], &mut text).unwrap();
            assert_answer!(
                text,
                "000042 Anchor: 10200 ct + 515 ct shipping\n\
                 000042 Anchor: 10200 ct + 515 ct shipping\n"
            );
        })
        .correctness("generated_catalogs", || {
            for (len, seed) in [(1, 3), (17, 5), (300, 7), (1_000, 11)] {
                let rows = rows(len, seed);
                let prices = ShopPrices;
                let catalog = Catalog::new(&rows, &prices);
                assert_answer!(
                    catalog.total_gross_cents(),
                    expected_gross(&rows).sum::<u64>(),
                    "{len} rows, seed {seed}"
                );
                for limit in LIMITS {
                    assert_answer!(
                        catalog.count_under(limit),
                        expected_gross(&rows).filter(|&g| g < limit).count(),
                        "{len} rows, seed {seed}, under {limit}"
                    );
                }
                let order = order(&rows, len / 2 + 1, 2, seed);
                let mut text = String::new();
                catalog.write_order(&order, &mut text).unwrap();
                assert_answer!(
                    text,
                    expected_order(&rows, &order),
                    "{len} rows, seed {seed}"
                );
            }
        })
        .correctness("each_price_at_most_once_per_product", || {
            let rows = rows(1_000, 13);
            let order = order(&rows, 400, 3, 13);
            let prices = CountingPrices::default();
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
            // unmeasured: 2,000 rows, and the answers the measured call must give on them
            || {
                let rows = rows(2_000, 0x5eed);
                let expected = expected_queries(&rows);
                (rows, expected)
            },
            // measured: price the catalog, then the total and four counts
            |rows| {
                let prices = CountingPrices::default();
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
            // unmeasured: 500 rows, an order of 300 lines, and the text it must print
            || {
                let rows = rows(500, 0xfeed);
                let order = order(&rows, 295, 5, 0xfeed);
                let expected = Printed {
                    text: Digest::of(&expected_order(&rows, &order)),
                    price_calls: PriceCalls::AtMostOncePerProduct,
                };
                ((rows, order), expected)
            },
            // measured: price the catalog, then print the order
            |(rows, order)| {
                let prices = CountingPrices::default();
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
