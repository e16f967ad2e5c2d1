// mistake: kept both prices by narrowing the product to 32 bytes (SKU, shipping price as a u32, name, gross price), asking every shipping price up front
// expect: budget::price_a_catalog over-budget
// expect: budget::print_an_order over-budget
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub sku: u32,
    pub grams: u32,
    pub name: &'static str,
    pub net_cents: u64,
}

pub trait Prices {
    fn gross_cents(&self, sku: u32, net_cents: u64) -> u64;
    fn shipping_cents(&self, sku: u32, grams: u32) -> u64;
}

struct Product {
    sku: u32,
    shipping_cents: u32,
    name: &'static str,
    gross_cents: u64,
}

pub struct Catalog {
    products: Vec<Product>,
}

impl Catalog {
    pub fn new(rows: &[Row], prices: &impl Prices) -> Catalog {
        let products = rows
            .iter()
            .map(|row| Product {
                sku: row.sku,
                shipping_cents: prices.shipping_cents(row.sku, row.grams) as u32,
                name: row.name,
                gross_cents: prices.gross_cents(row.sku, row.net_cents),
            })
            .collect();
        Catalog { products }
    }

    pub fn total_gross_cents(&self) -> u64 {
        self.products.iter().map(|p| p.gross_cents).sum()
    }

    pub fn count_under(&self, limit_cents: u64) -> usize {
        self.products
            .iter()
            .filter(|p| p.gross_cents < limit_cents)
            .count()
    }

    pub fn write_order(&self, order: &[u32], out: &mut impl fmt::Write) -> fmt::Result {
        for &sku in order {
            match self.products.iter().find(|p| p.sku == sku) {
                Some(p) => writeln!(
                    out,
                    "{:06} {}: {} ct + {} ct shipping",
                    p.sku, p.name, p.gross_cents, p.shipping_cents
                )?,
                None => writeln!(out, "{sku:06}: not in the catalog")?,
            }
        }
        Ok(())
    }
}
