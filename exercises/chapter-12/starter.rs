//! Chapter 12, keep it short. Your exercise: make `Catalog` fit its budgets, and keep its
//! answers right.
//!
//! Run `cargo test -p chapter-12`. The checks tell you whether the answers are right, how many
//! heap blocks and bytes your code allocated while computing them, and whether it asked the
//! price list more often than it may.

use std::fmt;

/// One row of the supplier's price file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The stock-keeping unit: the product's number, unique within a file, below 1,000,000.
    /// A file lists its rows in no particular order.
    pub sku: u32,
    /// What one item weighs, in grams.
    pub grams: u32,
    /// The product's name.
    pub name: &'static str,
    /// The supplier's price for one item, before tax, in cents.
    pub net_cents: u64,
}

/// The shop's price list. Each answer is a lookup in tables kept elsewhere (tax by country,
/// the day's discounts, the carrier's rates), so no call is free: the checks count them, and
/// allow at most one call of each method per product.
pub trait Prices {
    /// What a customer pays for one item, tax and the day's discount included, in cents.
    fn gross_cents(&self, sku: u32, net_cents: u64) -> u64;

    /// What it costs to ship one item, in cents. The carrier's rates are looked up by a text
    /// key, so each call also allocates a small block, and frees it before it returns.
    fn shipping_cents(&self, sku: u32, grams: u32) -> u64;
}

/// A product of the catalog: its row, and everything the shop derives from it.
struct Product {
    row: Row,
    gross_cents: u64,
    shipping_cents: u64,
    label: String, // "004217 Anchor: 45990 ct"
}

/// The rows of a price file, priced for the shop.
pub struct Catalog {
    products: Vec<Product>,
}

impl Catalog {
    /// Prices every row of `rows` with `prices`.
    pub fn new(rows: &[Row], prices: &impl Prices) -> Catalog {
        let products = rows
            .iter()
            .map(|row| {
                let gross_cents = prices.gross_cents(row.sku, row.net_cents);
                let shipping_cents = prices.shipping_cents(row.sku, row.grams);
                let label = format!("{:06} {}: {} ct", row.sku, row.name, gross_cents);
                Product {
                    row: *row,
                    gross_cents,
                    shipping_cents,
                    label,
                }
            })
            .collect();
        Catalog { products }
    }

    /// What one item of every product costs, gross, in cents.
    pub fn total_gross_cents(&self) -> u64 {
        self.products.iter().map(|p| p.gross_cents).sum()
    }

    /// How many products cost less than `limit_cents`, gross.
    pub fn count_under(&self, limit_cents: u64) -> usize {
        self.products
            .iter()
            .filter(|p| p.gross_cents < limit_cents)
            .count()
    }

    /// Writes one line per SKU of `order`, in the order's order:
    ///
    /// ```text
    /// 004217 Anchor: 45990 ct + 640 ct shipping
    /// 004218: not in the catalog
    /// ```
    pub fn write_order(&self, order: &[u32], out: &mut impl fmt::Write) -> fmt::Result {
        for &sku in order {
            match self.products.iter().find(|p| p.row.sku == sku) {
                Some(p) => writeln!(out, "{} + {} ct shipping", p.label, p.shipping_cents)?,
                None => writeln!(out, "{sku:06}: not in the catalog")?,
            }
        }
        Ok(())
    }
}
