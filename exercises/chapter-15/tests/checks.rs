//! The checks of chapter 15: does `Ledger` answer right, and does it keep a feed of trades
//! within its budgets?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_15 as exercise;
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

use exercise::Ledger;
use seek_and_destroy::{Xorshift, assert_answer};

/// Everything the checks ask a ledger: its length, net quantity, fees, turnover from a
/// price, and largest trade.
type Answers = (usize, i64, u64, u64, Option<u64>);

/// Loads `json` into a `Ledger` and asks it every question. A feed the ledger refuses gives
/// the parser's message, so that a refusal reads as a wrong answer.
fn ask(json: &str, min_price: u64) -> Result<Answers, String> {
    let ledger = Ledger::from_json(json).map_err(|error| error.to_string())?;
    Ok((
        ledger.len(),
        ledger.net_quantity(),
        ledger.fees(),
        ledger.turnover_from(min_price),
        ledger.largest_trade(),
    ))
}

/// One trade of a generated feed, as plain numbers.
struct Trade {
    id: u64,
    buy: bool,
    price: u64,
    quantity: u64,
    fee: Option<u64>,
}

/// The answers, computed from the generated trades themselves, not from their JSON.
fn expected(trades: &[Trade], min_price: u64) -> Result<Answers, String> {
    let net = trades
        .iter()
        .map(|t| {
            if t.buy {
                t.quantity as i64
            } else {
                -(t.quantity as i64)
            }
        })
        .sum();
    let fees = trades.iter().filter_map(|t| t.fee).sum();
    let turnover = trades
        .iter()
        .filter(|t| t.price >= min_price)
        .map(|t| t.price * t.quantity)
        .sum();
    let mut largest: Option<&Trade> = None;
    for t in trades {
        if largest.is_none_or(|best| t.price * t.quantity > best.price * best.quantity) {
            largest = Some(t);
        }
    }
    Ok((trades.len(), net, fees, turnover, largest.map(|t| t.id)))
}

/// A number from `low` to `high`, both included.
fn between(rng: &mut Xorshift, low: u64, high: u64) -> u64 {
    low + rng.below(high - low + 1)
}

/// `n` trades: ids rising with gaps, prices from 1.00 to 1,000.00, quantities from 1 to
/// 5,000, and a fee on about one trade in three. Which trades buy and which carry a fee comes
/// from `seed`, the same on every run; the numbers come from `content`, which a budget check
/// seeds anew each run.
fn generate(n: usize, seed: u64, content: &mut Xorshift) -> Vec<Trade> {
    let mut shape = Xorshift::new(seed);
    let mut id = between(content, 1, 1_000);
    (0..n)
        .map(|_| {
            id += between(content, 1, 20);
            Trade {
                id,
                buy: shape.below(2) == 0,
                price: between(content, 100, 100_000),
                quantity: between(content, 1, 5_000),
                fee: (shape.below(3) == 0).then(|| between(content, 1, 500)),
            }
        })
        .collect()
}

/// The trades as a JSON array. Each trade's fields come in a shuffled order. A `wide` feed
/// adds three fields that the ledger never reads: a venue, a trader and a note. The order
/// and the notes come from `seed`; the venue and the trader's number from `content`.
fn to_json(trades: &[Trade], wide: bool, seed: u64, content: &mut Xorshift) -> String {
    const VENUES: [&str; 4] = ["XLON", "XPAR", "XNYS", "XETR"];
    const NOTES: [&str; 4] = ["", "late fill", "client said \"urgent\"", "split order"];
    let mut rng = Xorshift::new(seed ^ 0x9e37_79b9_7f4a_7c15);
    let objects: Vec<String> = trades
        .iter()
        .map(|t| {
            let side = if t.buy { "buy" } else { "sell" };
            let mut fields = vec![
                format!("\"id\": {}", t.id),
                format!("\"side\": \"{side}\""),
                format!("\"price\": {}", t.price),
                format!("\"quantity\": {}", t.quantity),
            ];
            if let Some(fee) = t.fee {
                fields.push(format!("\"fee\": {fee}"));
            }
            if wide {
                let venue = VENUES[content.index(VENUES.len())];
                let note = NOTES[rng.index(NOTES.len())].replace('"', "\\\"");
                fields.push(format!("\"venue\": \"{venue}\""));
                fields.push(format!(
                    "\"trader\": \"t-{:04}\"",
                    between(content, 0, 9_999)
                ));
                fields.push(format!("\"note\": \"{note}\""));
            }
            // Fisher-Yates: the feed promises no order of fields.
            for i in (1..fields.len()).rev() {
                fields.swap(i, rng.index(i + 1));
            }
            format!("{{{}}}", fields.join(", "))
        })
        .collect();
    format!("[{}]", objects.join(",\n"))
}

/// The input of a budget check, and the answers the measured call must give on it.
fn budget_case(wide: bool) -> ((String, u64), Result<Answers, String>) {
    let mut content = Xorshift::fresh();
    let trades = generate(1_000, 2026, &mut content);
    let min_price = 50_000;
    let json = to_json(&trades, wide, 15, &mut content);
    ((json, min_price), expected(&trades, min_price))
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("an_empty_feed", || {
            assert_answer!(ask("[]", 0), Ok((0, 0, 0, 0, None)));
            let ledger = Ledger::from_json("[]").map_err(|error| error.to_string());
            assert_answer!(ledger.map(|ledger| ledger.is_empty()), Ok(true));
        })
        .correctness("one_trade", || {
            let json = r#"[{"id": 7, "side": "buy", "price": 10150, "quantity": 20, "fee": 12}]"#;
            assert_answer!(ask(json, 0), Ok((1, 20, 12, 203_000, Some(7))));
            let ledger = Ledger::from_json(json).map_err(|error| error.to_string());
            assert_answer!(ledger.map(|ledger| ledger.is_empty()), Ok(false));
        })
        .correctness("fields_in_any_order", || {
            let json = r#"[{"quantity": 3, "fee": 5, "price": 200, "side": "sell", "id": 41}]"#;
            assert_answer!(ask(json, 0), Ok((1, -3, 5, 600, Some(41))));
        })
        .correctness("a_missing_fee_is_zero", || {
            let json = r#"[
                {"id": 1, "side": "buy", "price": 100, "quantity": 1},
                {"id": 2, "side": "buy", "price": 100, "quantity": 1, "fee": 9},
                {"id": 3, "side": "buy", "price": 100, "quantity": 1}
            ]"#;
            assert_answer!(ask(json, 0), Ok((3, 3, 9, 300, Some(1))));
        })
        .correctness("sales_count_against_purchases", || {
            let json = r#"[
                {"id": 1, "side": "buy", "price": 100, "quantity": 10},
                {"id": 2, "side": "sell", "price": 100, "quantity": 25}
            ]"#;
            assert_answer!(ask(json, 0), Ok((2, -15, 0, 3_500, Some(2))));
        })
        .correctness("turnover_includes_the_minimum_price", || {
            let json = r#"[
                {"id": 1, "side": "buy", "price": 499, "quantity": 2},
                {"id": 2, "side": "buy", "price": 500, "quantity": 3},
                {"id": 3, "side": "sell", "price": 501, "quantity": 4}
            ]"#;
            assert_answer!(ask(json, 500), Ok((3, 1, 0, 3_504, Some(3))));
            assert_answer!(ask(json, 501), Ok((3, 1, 0, 2_004, Some(3))));
            assert_answer!(ask(json, 502), Ok((3, 1, 0, 0, Some(3))));
        })
        .correctness("the_first_of_equal_trades_is_the_largest", || {
            let json = r#"[
                {"id": 10, "side": "buy", "price": 300, "quantity": 2},
                {"id": 11, "side": "sell", "price": 200, "quantity": 3},
                {"id": 12, "side": "buy", "price": 600, "quantity": 1}
            ]"#;
            assert_answer!(ask(json, 0), Ok((3, 0, 0, 1_800, Some(10))));
        })
        .correctness("fields_the_ledger_never_reads", || {
            let json = r#"[
                {"venue": "XLON", "id": 5, "side": "sell", "price": 700, "quantity": 2,
                 "note": "client said \"urgent\"", "tags": ["a", {"b": null}], "fee": 1},
                {"id": 6, "trader": "t-0042", "side": "buy", "price": 900, "quantity": 1}
            ]"#;
            assert_answer!(ask(json, 800), Ok((2, -1, 1, 900, Some(5))));
        })
        .correctness("whole_numbers_beyond_u32", || {
            let json = r#"[
                {"id": 9000000000, "side": "buy", "price": 5000000000, "quantity": 3,
                 "fee": 4294967296},
                {"id": 9000000001, "side": "sell", "price": 2, "quantity": 4294967297}
            ]"#;
            assert_answer!(
                ask(json, 0),
                Ok((
                    2,
                    3 - 4_294_967_297,
                    4_294_967_296,
                    15_000_000_000 + 8_589_934_594,
                    Some(9_000_000_000)
                ))
            );
        })
        .correctness("escaped_strings", || {
            // JSON may spell any character as \uXXXX: "\u0073ell" is "sell".
            let json = r#"[
                {"id": 1, "side": "\u0073ell", "price": 100, "quantity": 4,
                 "note": "a \"quoted\" note\n"},
                {"id": 2, "side": "b\u0075y", "price": 100, "quantity": 1}
            ]"#;
            assert_answer!(ask(json, 0), Ok((2, -3, 0, 500, Some(1))));
        })
        .correctness("generated_feeds", || {
            for (n, seed) in [(1, 3), (2, 5), (10, 7), (100, 11), (999, 13), (2_500, 17)] {
                let mut content = Xorshift::new(seed);
                let trades = generate(n, seed, &mut content);
                for wide in [false, true] {
                    let json = to_json(&trades, wide, seed, &mut content);
                    for min_price in [0, 100, 25_000, 50_000, 99_999, 100_001] {
                        assert_answer!(
                            ask(&json, min_price),
                            expected(&trades, min_price),
                            "{n} trades (seed {seed}, wide: {wide}), from price {min_price}"
                        );
                    }
                }
            }
        })
        .budget(
            "narrow_feed",
            || budget_case(false),
            |(json, min_price)| ask(&json, min_price),
        )
        .budget(
            "wide_feed",
            || budget_case(true),
            |(json, min_price)| ask(&json, min_price),
        )
        .run();
}
