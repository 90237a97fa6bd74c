//! Price PnL of a position (protocol.md §6, lib/math/pnl.ts).
use super::position::Side;
use super::wide::{mul_div_signed, narrow_i64, Rounding};
use crate::error::{overflow, Error, Result};

/// §6 price PnL in USD: long `sizeUsd × (P − P0) / P0`, short `sizeUsd × (P0 − P) / P0`, floored toward −∞ (a
/// profit rounds down, a loss up by magnitude). A short's profit is capped at `sizeUsd`.
pub fn price_pnl_usd(side: Side, size_usd: u64, entry_price: u64, price: u64) -> Result<i64> {
    if entry_price == 0 {
        return Err(Error::InvalidPrice);
    }
    let movement = match side {
        Side::Long => price as i128 - entry_price as i128,
        Side::Short => entry_price as i128 - price as i128,
    };
    let pnl = overflow(narrow_i64(overflow(mul_div_signed(movement, size_usd as u128, entry_price as u128, Rounding::Floor))?))?;
    Ok(match side {
        Side::Short if pnl > size_usd as i64 => size_usd as i64,
        _ => pnl,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_profit_and_ceils_loss() {
        // $1000 long from $150 to $151: 6.666… → 6.666666 (floor); to $149: −6.666667.
        assert_eq!(price_pnl_usd(Side::Long, 1_000_000_000, 1_500_000_000_000, 1_510_000_000_000), Ok(6_666_666));
        assert_eq!(price_pnl_usd(Side::Long, 1_000_000_000, 1_500_000_000_000, 1_490_000_000_000), Ok(-6_666_667));
        assert_eq!(price_pnl_usd(Side::Short, 1_000_000_000, 1_500_000_000_000, 1_490_000_000_000), Ok(6_666_666));
        // A short's profit stops at its size (price → 0 gives exactly the size).
        assert_eq!(price_pnl_usd(Side::Short, 1_000_000_000, 1_500_000_000_000, 1), Ok(999_999_999));
        assert_eq!(price_pnl_usd(Side::Long, 1, 0, 1), Err(Error::InvalidPrice));
    }
}
