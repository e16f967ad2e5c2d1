// mistake: kept an LRU cache of 256 routes in a HashMap sized up front for 256, which grows under removes and inserts
// expect: budget::steady_day over-budget
// expect: budget::shifting_day over-budget
use std::collections::HashMap;

const CAPACITY: usize = 256;
const SLOTS: usize = 256;

pub fn total_price(trips: &[u32], mut price: impl FnMut(u32) -> u64) -> u64 {
    let mut recent: HashMap<u32, (u64, usize)> = HashMap::with_capacity(SLOTS);
    let mut total = 0;
    for (now, &route) in trips.iter().enumerate() {
        let cost = match recent.get_mut(&route) {
            Some((cost, last_used)) => {
                *last_used = now;
                *cost
            }
            None => {
                let cost = price(route);
                if recent.len() == CAPACITY {
                    let oldest = recent
                        .iter()
                        .min_by_key(|(_, (_, last))| *last)
                        .map(|(&route, _)| route);
                    if let Some(oldest) = oldest {
                        recent.remove(&oldest);
                    }
                }
                recent.insert(route, (cost, now));
                cost
            }
        };
        total += cost;
    }
    total
}
