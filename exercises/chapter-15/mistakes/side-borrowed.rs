// mistake: read the side as text borrowed from the feed, which JSON cannot lend when the string holds an escape
// expect: correctness::escaped_strings wrong
use serde::Deserialize;

/// Which way a trade went, read straight from the feed's text without a copy.
enum Side {
    Buy,
    Sell,
}

impl<'de> Deserialize<'de> for Side {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Side, D::Error> {
        let text: &'de str = Deserialize::deserialize(deserializer)?;
        match text {
            "buy" => Ok(Side::Buy),
            "sell" => Ok(Side::Sell),
            other => Err(serde::de::Error::custom(format!("no side {other:?}"))),
        }
    }
}

/// One trade, with the fields the ledger reads and nothing else. Fields the feed carries
/// beyond these are skipped while parsing, and cost nothing.
#[derive(Deserialize)]
struct Trade {
    id: u64,
    side: Side,
    price: u64,
    quantity: u64,
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
                Side::Buy => trade.quantity as i64,
                Side::Sell => -(trade.quantity as i64),
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
            .filter(|trade| trade.price >= min_price)
            .map(|trade| trade.price * trade.quantity)
            .sum()
    }

    /// The id of the trade of the largest value (price times quantity); the first one in
    /// the feed if several share it, and `None` if the ledger is empty.
    pub fn largest_trade(&self) -> Option<u64> {
        let mut largest: Option<&Trade> = None;
        for trade in &self.trades {
            let value = trade.price * trade.quantity;
            if largest.is_none_or(|best| value > best.price * best.quantity) {
                largest = Some(trade);
            }
        }
        largest.map(|trade| trade.id)
    }
}
