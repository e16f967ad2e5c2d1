// mistake: copied the price function from the checks and never called the one it was given
// expect: correctness::a_few_trips wrong
// expect: correctness::routes_at_the_edges_of_u32 wrong
// expect: correctness::the_same_route_all_day_is_priced_once wrong
// expect: correctness::generated_days wrong
// expect: correctness::a_long_day wrong
// expect: budget::steady_day wrong
// expect: budget::shifting_day wrong
pub fn total_price(trips: &[u32], _price: impl FnMut(u32) -> u64) -> u64 {
    trips.iter().map(|&route| price(route)).sum()
}

fn price(route: u32) -> u64 {
    let mut x = u64::from(route) ^ 0x9e37_79b9_7f4a_7c15;
    for _ in 0..32 {
        x ^= x >> 31;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    }
    100 + x % 900
}
