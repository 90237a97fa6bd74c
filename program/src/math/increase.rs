//! Increasing a position (protocol.md §5.6, lib/math/increase.ts).
use super::open::OpenResult;
use super::position::{position_borrow_fee_usd, PositionState, Side};
use super::wide::{checked_mul_u128, mul_64, mul_div, narrow, Rounding};
use crate::error::{overflow, Error, Result};

/// §5.6 (GMX's average price): `(S1 + S2) × P1 × P2 / (S1 × P2 + S2 × P1)`, up for a long, down for a short.
pub fn average_entry_price(side: Side, size_a: u64, price_a: u64, size_b: u64, price_b: u64) -> Result<u64> {
    if price_a == 0 || price_b == 0 {
        return Err(Error::InvalidPrice);
    }
    let den = overflow(mul_64(size_a, price_b).checked_add(mul_64(size_b, price_a)))?;
    if den == 0 {
        return Ok(price_b);
    }
    let sizes = overflow(size_a.checked_add(size_b))?;
    let num = overflow(checked_mul_u128(sizes as u128, price_a as u128))?;
    let rounding = if side == Side::Long { Rounding::Ceil } else { Rounding::Floor };
    overflow(narrow(overflow(mul_div(num, price_b as u128, den, rounding))?))
}

/// §5.6: sizes, collateral, lock and the fixed fees add; the entry becomes the average; the borrow fee accrued up
/// to `cumulative_interest` moves into `carried_interest_usd` and the snapshot resets (§4: no fee is lost).
pub fn increase_position(existing: &PositionState, added: &OpenResult, cumulative_interest: u64) -> Result<PositionState> {
    let add = |a: u64, b: u64| overflow(a.checked_add(b));
    Ok(PositionState {
        side: existing.side,
        size_usd: add(existing.size_usd, added.size_usd)?,
        collateral_usd: add(existing.collateral_usd, added.collateral_usd)?,
        collateral_amount: add(existing.collateral_amount, added.collateral_amount)?,
        entry_price: average_entry_price(existing.side, existing.size_usd, existing.entry_price, added.size_usd, added.entry_price)?,
        lock_amount: add(existing.lock_amount, added.lock_amount)?,
        exit_fee_usd: add(existing.exit_fee_usd, added.exit_fee_usd)?,
        liquidation_fee_usd: add(existing.liquidation_fee_usd, added.liquidation_fee_usd)?,
        carried_interest_usd: position_borrow_fee_usd(existing, cumulative_interest)?,
        interest_snapshot: cumulative_interest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harmonic_mean_rounded_against_the_trader() {
        // $1000 at $100 and $1000 at $200: 2000 / (10 + 5) = 133.33…
        assert_eq!(average_entry_price(Side::Long, 1_000, 100, 1_000, 200), Ok(134));
        assert_eq!(average_entry_price(Side::Short, 1_000, 100, 1_000, 200), Ok(133));
        assert_eq!(average_entry_price(Side::Long, 0, 100, 0, 200), Ok(200));
        // Full-scale values need the 256-bit product: $1M at BTC $95,000 twice.
        assert_eq!(
            average_entry_price(Side::Long, 1_000_000_000_000, 950_000_000_000_000, 1_000_000_000_000, 950_000_000_000_000),
            Ok(950_000_000_000_000)
        );
    }
}
