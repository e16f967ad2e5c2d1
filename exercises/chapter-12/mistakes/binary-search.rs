// mistake: found an order's SKUs by binary search, as if the price file came sorted by SKU
// expect: correctness::rows_in_any_order wrong
// expect: correctness::generated_catalogs wrong
// expect: budget::print_an_order wrong
use std::fmt;

/// One row of the supplier's price file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The stock-keeping unit: the product's number, unique within a file, below 1,000,000.
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

    /// What it costs to ship one item, in cents.
    fn shipping_cents(&self, sku: u32, grams: u32) -> u64;
}

/// A product of the catalog: its row, and the one derived value that every query reads.
struct Product {
    row: Row,
    gross_cents: u64, // read by every total, every count and every order line: keep it
}

/// The rows of a price file, priced for the shop. It borrows the price list, so that what is
/// rarely needed can be asked for when it is needed.
pub struct Catalog<'p, P> {
    prices: &'p P, // 8 bytes, once per catalog, not once per product
    products: Vec<Product>,
}

impl<'p, P: Prices> Catalog<'p, P> {
    /// Prices every row of `rows` with `prices`: one `gross_cents` call per row, nothing else.
    pub fn new(rows: &[Row], prices: &'p P) -> Self {
        let products = rows
            .iter()
            .map(|row| Product {
                row: *row,
                gross_cents: prices.gross_cents(row.sku, row.net_cents),
            })
            .collect();
        Catalog { prices, products }
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

    /// Writes one line per SKU of `order`. The label is written straight into `out`, and the
    /// shipping is asked for only for the products that are ordered.
    pub fn write_order(&self, order: &[u32], out: &mut impl fmt::Write) -> fmt::Result {
        for &sku in order {
            let found = self
                .products
                .binary_search_by_key(&sku, |p| p.row.sku)
                .ok()
                .map(|at| &self.products[at]);
            match found {
                Some(Product { row, gross_cents }) => writeln!(
                    out,
                    "{:06} {}: {} ct + {} ct shipping",
                    row.sku,
                    row.name,
                    gross_cents,
                    self.prices.shipping_cents(row.sku, row.grams),
                )?,
                None => writeln!(out, "{sku:06}: not in the catalog")?,
            }
        }
        Ok(())
    }
}
