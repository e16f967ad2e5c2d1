//! Generated inputs for checks, the same on every run and every machine.

/// A small generator of numbers for a check's inputs: xorshift64, so the same seed gives the
/// same sequence everywhere.
///
/// Checks test generated inputs beside their fixed ones, so that code that special-cases the
/// fixed ones cannot pass. Budgets are exact, so those inputs must not change from run to run:
/// a seed makes them reproducible. It is not for anything that needs real randomness.
///
/// ```
/// use seek_and_destroy::Xorshift;
///
/// let mut numbers = Xorshift::new(42);
/// let dice: Vec<u64> = (0..5).map(|_| numbers.below(6) + 1).collect();
/// assert!(dice.iter().all(|face| (1..=6).contains(face)));
/// assert_eq!(dice, {
///     let mut again = Xorshift::new(42);
///     (0..5).map(|_| again.below(6) + 1).collect::<Vec<_>>()
/// });
/// ```
#[derive(Clone, Debug)]
pub struct Xorshift {
    state: u64,
}

impl Xorshift {
    /// A generator that starts from `seed`. Zero, the one seed xorshift cannot leave, counts
    /// as 1.
    pub fn new(seed: u64) -> Xorshift {
        Xorshift { state: seed.max(1) }
    }

    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// The next number, reduced to `0..bound`. Slightly uneven for a bound that is not a power
    /// of two, which does not matter for test data.
    ///
    /// # Panics
    ///
    /// If `bound` is 0.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    /// An index into a slice of `len` items.
    ///
    /// # Panics
    ///
    /// If `len` is 0.
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_xorshift64_from_the_seed() {
        let mut state: u64 = 0x5eed;
        let mut expected = Vec::new();
        for _ in 0..4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            expected.push(state);
        }
        let mut numbers = Xorshift::new(0x5eed);
        let got: Vec<u64> = (0..4).map(|_| numbers.next_u64()).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn zero_is_not_a_dead_end() {
        assert_ne!(Xorshift::new(0).next_u64(), 0);
    }
}
