//! Fixed-point scales of protocol.md §1 (the twin of lib/math/scales.ts).

/// Prices carry 10 decimals: $150.25 = 1_502_500_000_000.
pub const PRICE_DECIMALS: u32 = 10;
/// USD amounts carry 6 decimals: $10 = 10_000_000.
pub const USD_DECIMALS: u32 = 6;
/// Basis points: 10_000 = 100%; leverage 10_000 = 1x.
pub const BPS: u64 = 10_000;
/// 1e9 = 100% for rates and cumulative interest.
pub const RATE_ONE: u64 = 1_000_000_000;
pub const USD_ONE: u64 = 1_000_000;
pub const PRICE_ONE: u64 = 10_000_000_000;
pub const LP_ONE: u64 = 1_000_000;
pub const SECONDS_PER_HOUR: u64 = 3_600;
/// PRICE_DECIMALS − USD_DECIMALS: `usd = amount × price / 10^(dec + 4)`.
pub const PRICE_TO_USD_DECIMALS: u32 = PRICE_DECIMALS - USD_DECIMALS;

/// 10^0 … 10^38 (a table: LLVM turns shift-and-add loops back into a u128 multiply the BPF backend refuses).
const POW10: [u128; 39] = [
    1,
    10,
    100,
    1000,
    10000,
    100000,
    1000000,
    10000000,
    100000000,
    1000000000,
    10000000000,
    100000000000,
    1000000000000,
    10000000000000,
    100000000000000,
    1000000000000000,
    10000000000000000,
    100000000000000000,
    1000000000000000000,
    10000000000000000000,
    100000000000000000000,
    1000000000000000000000,
    10000000000000000000000,
    100000000000000000000000,
    1000000000000000000000000,
    10000000000000000000000000,
    100000000000000000000000000,
    1000000000000000000000000000,
    10000000000000000000000000000,
    100000000000000000000000000000,
    1000000000000000000000000000000,
    10000000000000000000000000000000,
    100000000000000000000000000000000,
    1000000000000000000000000000000000,
    10000000000000000000000000000000000,
    100000000000000000000000000000000000,
    1000000000000000000000000000000000000,
    10000000000000000000000000000000000000,
    100000000000000000000000000000000000000,
];

/// 10^n for n ≤ 38.
pub fn pow10(n: u32) -> Option<u128> {
    POW10.get(n as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow10_is_exact() {
        for n in 0..=38u32 {
            assert_eq!(pow10(n), Some(10u128.pow(n)));
        }
        assert_eq!(pow10(39), None);
    }
}
