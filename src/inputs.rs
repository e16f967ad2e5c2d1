//! Generated inputs for checks: the same sequence from the same seed on every machine, and a
//! fresh seed on every run for inputs whose content must not be guessable.

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

    /// A generator seeded anew on every run, from the operating system's randomness (through
    /// std's `RandomState`, which does not allocate after its first use on a thread).
    ///
    /// A budget check measures one input; if that input were the same on every run, a
    /// submission could recognise it and answer from a table. Draw its *content* from this
    /// generator and keep its *shape* (lengths, counts, widths of numbers) fixed, so that the
    /// figures stay the same on every run while the values do not. The seed comes from
    /// nowhere a reader's code can set: not the environment, not a file.
    ///
    /// ```
    /// use seek_and_destroy::Xorshift;
    ///
    /// let mut numbers = Xorshift::fresh();
    /// // Always eight digits, whatever the run's seed: the shape is fixed.
    /// let code = 10_000_000 + numbers.below(90_000_000);
    /// assert_eq!(code.to_string().len(), 8);
    /// ```
    pub fn fresh() -> Xorshift {
        use std::hash::{BuildHasher as _, Hasher as _};
        let seed = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        Xorshift::new(seed)
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

    /// xorshift64 (shifts 13, 7, 17) from the seed 1, as its published first outputs.
    const XORSHIFT64_FROM_1: [u64; 3] = [
        1_082_269_761,
        1_152_992_998_833_853_505,
        11_177_516_664_432_764_457,
    ];

    /// Fixed vectors: the exact budgets depend on this sequence, so a change to the
    /// generator must fail here, not only in the chapters' figures.
    #[test]
    fn the_sequence_is_xorshift64_from_the_seed() {
        let mut numbers = Xorshift::new(1);
        let got: Vec<u64> = (0..3).map(|_| numbers.next_u64()).collect();
        assert_eq!(got, XORSHIFT64_FROM_1);
    }

    #[test]
    fn fresh_generators_differ() {
        let first = Xorshift::fresh().next_u64();
        assert!((0..8).any(|_| Xorshift::fresh().next_u64() != first));
    }

    #[test]
    fn zero_is_not_a_dead_end() {
        assert_ne!(Xorshift::new(0).next_u64(), 0);
    }
}
