//! Current leverage of a position (protocol.md §6, lib/math/leverage.ts).
use super::scales::BPS;
use super::wide::{mul_div, narrow, Rounding};
use crate::error::{overflow, Result};

/// §6: `sizeUsd × 10000 / (collateralUsd + pricePnlUsd − borrowFeeUsd)` in bps, rounded up; None (infinite) when
/// the equity is ≤ 0.
pub fn current_leverage_bps(size_usd: u64, collateral_usd: u64, price_pnl_usd: i64, borrow_fee_usd: u64) -> Result<Option<u64>> {
    let equity = collateral_usd as i128 + price_pnl_usd as i128 - borrow_fee_usd as i128;
    if equity <= 0 {
        return Ok(None);
    }
    let lev = overflow(mul_div(size_usd as u128, BPS as u128, equity as u128, Rounding::Ceil))?;
    Ok(Some(overflow(narrow(lev))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_up_and_knows_infinity() {
        assert_eq!(current_leverage_bps(10_000_000_000, 1_000_000_000, 0, 0), Ok(Some(100_000)));
        assert_eq!(current_leverage_bps(10_000_000_000, 3_000_000_000, 0, 0), Ok(Some(33_334)));
        assert_eq!(current_leverage_bps(10, 5, -5, 0), Ok(None));
        assert_eq!(current_leverage_bps(10, 5, 0, 6), Ok(None));
    }
}
