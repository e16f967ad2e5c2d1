//! Chapter 15, `__slots__` and structs. Your exercise: make `Ledger` fit its budgets.
//!
//! Run `cargo test -p chapter-15`. The checks tell you whether the answers are right and how
//! many heap blocks and bytes your code allocated while computing them.

use std::collections::HashMap;

use serde_json::Value;

/// One trade as it came off the feed: each field under its name.
type Trade = HashMap<String, Value>;

/// A day's trades, loaded from a JSON feed and kept for questions asked later.
///
/// The feed is a JSON array of objects such as
/// `{"id": 7, "side": "buy", "price": 10150, "quantity": 20, "fee": 12}`:
/// - `id`: a whole number, unique in the feed;
/// - `side`: `"buy"` or `"sell"`;
/// - `price`: the price of one unit, in cents, a whole number;
/// - `quantity`: how many units changed hands, a whole number;
/// - `fee`: a whole number of cents, present on some trades only (absent means 0).
///
/// The fields may come in any order, and a feed may carry other fields that the ledger
/// never reads.
pub struct Ledger {
    trades: Vec<Trade>,
}

impl Ledger {
    /// Loads every trade of the feed `json`.
    pub fn from_json(json: &str) -> Result<Ledger, serde_json::Error> {
        let trades: Vec<Trade> = serde_json::from_str(json)?;
        Ok(Ledger { trades })
    }

    /// How many trades the ledger holds.
    pub fn len(&self) -> usize {
        self.trades.len()
    }

    /// Whether the ledger holds no trade.
    pub fn is_empty(&self) -> bool {
        self.trades.is_empty()
    }

    /// The units bought minus the units sold.
    pub fn net_quantity(&self) -> i64 {
        self.trades
            .iter()
            .map(|trade| {
                let quantity = trade["quantity"].as_i64().expect("a whole quantity");
                if trade["side"] == "buy" {
                    quantity
                } else {
                    -quantity
                }
            })
            .sum()
    }

    /// The fees of all trades, in cents.
    pub fn fees(&self) -> u64 {
        self.trades
            .iter()
            .filter_map(|trade| trade.get("fee"))
            .map(|fee| fee.as_u64().expect("a whole fee"))
            .sum()
    }

    /// The value (price times quantity, in cents) of the trades whose price is at least
    /// `min_price`.
    pub fn turnover_from(&self, min_price: u64) -> u64 {
        self.trades
            .iter()
            .map(|trade| {
                let price = trade["price"].as_u64().expect("a whole price");
                let quantity = trade["quantity"].as_u64().expect("a whole quantity");
                (price, quantity)
            })
            .filter(|&(price, _)| price >= min_price)
            .map(|(price, quantity)| price * quantity)
            .sum()
    }

    /// The id of the trade of the largest value (price times quantity); the first one in
    /// the feed if several share it, and `None` if the ledger is empty.
    pub fn largest_trade(&self) -> Option<u64> {
        let mut largest: Option<(u64, u64)> = None; // (value, id)
        for trade in &self.trades {
            let price = trade["price"].as_u64().expect("a whole price");
            let quantity = trade["quantity"].as_u64().expect("a whole quantity");
            let value = price * quantity;
            if largest.is_none_or(|(best, _)| value > best) {
                largest = Some((value, trade["id"].as_u64().expect("a whole id")));
            }
        }
        largest.map(|(_, id)| id)
    }
}
