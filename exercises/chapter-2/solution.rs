// ANCHOR: solution
/// The running totals of `values`: element `i` of the result is the sum of `values[0..=i]`.
///
/// `running_totals(&[3, 1, 4])` is `[3, 4, 8]`, and an empty slice gives an empty `Vec`.
/// Totals use plain `+`: a total that does not fit in a `u64` is a bug, and panics in a debug
/// build. The checks only use inputs whose totals fit.
pub fn running_totals(values: &[u64]) -> Vec<u64> {
    // One request, for exactly one total per value. No push below ever finds it full.
    let mut totals = Vec::with_capacity(values.len());
    let mut total = 0;
    for &value in values {
        total += value;
        totals.push(total);
    }
    totals
}
// ANCHOR_END: solution
