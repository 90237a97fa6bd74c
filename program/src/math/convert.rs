//! Token ↔ USD conversions of protocol.md §1 (lib/math/convert.ts): `usd = amount × price / 10^(dec + 4)` and
//! `tokens = usd × 10^(dec + 4) / price`. Exact rationals; the caller names the rounding (what the pool receives or
//! locks: ceil; what it credits or pays: floor).
use super::scales::{pow10, PRICE_TO_USD_DECIMALS};
use super::wide::{mul_div, narrow, Rounding};
use crate::error::{overflow, Error, Result};

/// `amount × price / 10^(decimals + 4)` in USD (6 decimals), rounded as asked.
pub fn token_to_usd(amount: u64, price: u64, decimals: u8, rounding: Rounding) -> Result<u64> {
    let scale = overflow(pow10(decimals as u32 + PRICE_TO_USD_DECIMALS))?;
    overflow(narrow(overflow(mul_div(amount as u128, price as u128, scale, rounding))?))
}

/// `usd × 10^(decimals + 4) / price` in token units, rounded as asked. INVALID_PRICE when price = 0.
pub fn usd_to_tokens(usd: u64, price: u64, decimals: u8, rounding: Rounding) -> Result<u64> {
    if price == 0 {
        return Err(Error::InvalidPrice);
    }
    let scale = overflow(pow10(decimals as u32 + PRICE_TO_USD_DECIMALS))?;
    overflow(narrow(overflow(mul_div(usd as u128, scale, price as u128, rounding))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_of_lib_math() {
        // 1 SOL at $150 = $150; $150 at $150 = 1 SOL.
        assert_eq!(token_to_usd(1_000_000_000, 1_500_000_000_000, 9, Rounding::Floor), Ok(150_000_000));
        assert_eq!(usd_to_tokens(150_000_000, 1_500_000_000_000, 9, Rounding::Floor), Ok(1_000_000_000));
        // $1 of SOL at $150.25: 6_655_574.04… lamports.
        assert_eq!(usd_to_tokens(1_000_000, 1_502_500_000_000, 9, Rounding::Floor), Ok(6_655_574));
        assert_eq!(usd_to_tokens(1_000_000, 1_502_500_000_000, 9, Rounding::Ceil), Ok(6_655_575));
        assert_eq!(usd_to_tokens(1, 0, 9, Rounding::Floor), Err(Error::InvalidPrice));
        assert_eq!(token_to_usd(u64::MAX, u64::MAX, 0, Rounding::Floor), Err(Error::MathOverflow));
    }
}
