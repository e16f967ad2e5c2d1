// mistake: made room by dropping the route used least often, so the morning's busy routes never leave
// expect: correctness::a_long_day wrong
// expect: budget::shifting_day wrong
/// How many routes the cache holds: more than the routes booked all day long, with room for
/// the one-off trips booked between two trips on the same busy route.
const CAPACITY: usize = 256;

/// The total price of `trips`, where each trip is a route number and `price(route)` gives
/// that route's price.
///
/// `price` is slow, and always gives the same price for the same route, so the checks count
/// how many times you call it. Trips come in the order they were booked: a few routes are
/// booked all day long, and most are booked once.
pub fn total_price(trips: &[u32], mut price: impl FnMut(u32) -> u64) -> u64 {
    // The routes used most often: (route, price, how many trips used it).
    let mut recent: Vec<(u32, u64, usize)> = Vec::with_capacity(CAPACITY);
    let mut total = 0;
    for &route in trips {
        let cost = match recent.iter_mut().find(|(known, _, _)| *known == route) {
            Some((_, cost, last_used)) => {
                *last_used += 1;
                *cost
            }
            None => {
                let cost = price(route);
                let entry = (route, cost, 1);
                if recent.len() < CAPACITY {
                    recent.push(entry);
                } else if let Some(oldest) = recent.iter_mut().min_by_key(|(_, _, last)| *last) {
                    // A route booked once is soon the least recent, and makes room.
                    *oldest = entry;
                }
                cost
            }
        };
        total += cost;
    }
    total
}
