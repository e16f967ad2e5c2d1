// mistake: remembered every route in a table of 8,192 slots on the stack, sized for the checks' days, where the heap budget cannot see it
// expect: correctness::a_long_day wrong
const SLOTS: usize = 8_192;

pub fn total_price(trips: &[u32], mut price: impl FnMut(u32) -> u64) -> u64 {
    let mut table = [None::<(u32, u64)>; SLOTS];
    let mut total = 0;
    for &route in trips {
        let home = (route as usize).wrapping_mul(0x9e37_79b9) % SLOTS;
        let mut cost = None;
        for probe in 0..SLOTS {
            match &mut table[(home + probe) % SLOTS] {
                Some((known, known_cost)) if *known == route => {
                    cost = Some(*known_cost);
                    break;
                }
                Some(_) => {}
                empty @ None => {
                    let fresh = price(route);
                    *empty = Some((route, fresh));
                    cost = Some(fresh);
                    break;
                }
            }
        }
        // A full table prices the route without keeping it.
        total += cost.unwrap_or_else(|| price(route));
    }
    total
}
