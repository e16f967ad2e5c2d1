// mistake: narrowed the id, price and quantity to u32, since no test feed came near 4 billion
// expect: correctness::whole_numbers_beyond_u32 wrong
use serde::Deserialize;

/// Which way a trade went. The feed spells it `"buy"` or `"sell"`: two values, so one byte.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Side {
    Buy,
    Sell,
}

/// One trade, with the fields the ledger reads and nothing else. Fields the feed carries
/// beyond these are skipped while parsing, and cost nothing.
#[derive(Deserialize)]
struct Trade {
    id: u32,
    side: Side,
    price: u32,
    quantity: u32,
    /// Absent on most trades: serde fills a missing `Option` field with `None`.
    fee: Option<u64>,
}

/// A day's trades, loaded from a JSON feed and kept for questions asked later.
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
            .map(|trade| match trade.side {
                Side::Buy => i64::from(trade.quantity),
                Side::Sell => -(i64::from(trade.quantity)),
            })
            .sum()
    }

    /// The fees of all trades, in cents.
    pub fn fees(&self) -> u64 {
        self.trades.iter().filter_map(|trade| trade.fee).sum()
    }

    /// The value (price times quantity, in cents) of the trades whose price is at least
    /// `min_price`.
    pub fn turnover_from(&self, min_price: u64) -> u64 {
        self.trades
            .iter()
            .filter(|trade| u64::from(trade.price) >= min_price)
            .map(|trade| u64::from(trade.price) * u64::from(trade.quantity))
            .sum()
    }

    /// The id of the trade of the largest value (price times quantity); the first one in
    /// the feed if several share it, and `None` if the ledger is empty.
    pub fn largest_trade(&self) -> Option<u64> {
        let mut largest: Option<&Trade> = None;
        for trade in &self.trades {
            let value = u64::from(trade.price) * u64::from(trade.quantity);
            if largest.is_none_or(|best| value > u64::from(best.price) * u64::from(best.quantity)) {
                largest = Some(trade);
            }
        }
        largest.map(|trade| u64::from(trade.id))
    }
}
