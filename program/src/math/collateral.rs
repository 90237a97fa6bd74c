//! Adding and removing collateral on an open position (protocol.md §6, lib/math/collateral.ts).
use super::convert::{token_to_usd, usd_to_tokens};
use super::leverage::current_leverage_bps;
use super::params::MIN_COLLATERAL_USD;
use super::position::PositionState;
use super::wide::Rounding;
use crate::error::{overflow, Error, Result};

/// §6: a deposit valued at low, `addedUsd = floor(usd(amount, low, dec))`; AMOUNT_TOO_SMALL when worth nothing.
pub fn add_collateral(position: &PositionState, amount: u64, low: u64, decimals: u8) -> Result<(PositionState, u64)> {
    let added_usd = token_to_usd(amount, low, decimals, Rounding::Floor)?;
    if amount == 0 || added_usd == 0 {
        return Err(Error::AmountTooSmall);
    }
    let next = PositionState {
        collateral_usd: overflow(position.collateral_usd.checked_add(added_usd))?,
        collateral_amount: overflow(position.collateral_amount.checked_add(amount))?,
        ..*position
    };
    Ok((next, added_usd))
}

pub struct RemoveCollateralInput {
    pub position: PositionState,
    pub amount_usd: u64,
    /// Oracle high of the collateral token (paid at high, §2).
    pub high: u64,
    pub decimals: u8,
    pub price_pnl_usd: i64,
    pub borrow_fee_usd: u64,
    pub max_initial_leverage_bps: u64,
}

/// §6: pays `floor(tokens(amountUsd, high))` (at most the collateral held); refused in order AMOUNT_TOO_SMALL,
/// REMAINING_COLLATERAL_TOO_SMALL (under $10 left), LEVERAGE_TOO_HIGH when
/// `sizeUsd / (collateral + min(pricePnl, 0) − borrowFee)` exceeds the maximum (GMX v1: a profit backs nothing).
pub fn remove_collateral(i: &RemoveCollateralInput) -> Result<(PositionState, u64)> {
    let p = &i.position;
    // `min(tokens, collateralAmount)`: tokens beyond a u64 are more than any collateral held, so an overflow is the
    // cap (lib/math's bigint answer), and the refusal is REMAINING_COLLATERAL_TOO_SMALL, not MATH_OVERFLOW.
    let amount_out = match usd_to_tokens(i.amount_usd, i.high, i.decimals, Rounding::Floor) {
        Ok(tokens) => tokens.min(p.collateral_amount),
        Err(Error::MathOverflow) => p.collateral_amount,
        Err(e) => return Err(e),
    };
    if i.amount_usd == 0 || amount_out == 0 {
        return Err(Error::AmountTooSmall);
    }
    if p.collateral_usd < i.amount_usd || p.collateral_usd - i.amount_usd < MIN_COLLATERAL_USD {
        return Err(Error::RemainingCollateralTooSmall);
    }
    let collateral_usd = p.collateral_usd - i.amount_usd;
    let loss = if i.price_pnl_usd < 0 { i.price_pnl_usd } else { 0 };
    match current_leverage_bps(p.size_usd, collateral_usd, loss, i.borrow_fee_usd)? {
        Some(lev) if lev <= i.max_initial_leverage_bps => {}
        _ => return Err(Error::LeverageTooHigh),
    }
    Ok((PositionState { collateral_usd, collateral_amount: p.collateral_amount - amount_out, ..*p }, amount_out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::position::Side;

    fn sol_long() -> PositionState {
        PositionState {
            side: Side::Long,
            size_usd: 3_000_000_000,
            collateral_usd: 1_496_250_000,
            collateral_amount: 10_000_000_000,
            entry_price: 1_500_000_000_000,
            lock_amount: 20_050_125_314,
            exit_fee_usd: 3_000_000,
            liquidation_fee_usd: 6_000_000,
            carried_interest_usd: 0,
            interest_snapshot: 0,
        }
    }

    fn input(amount_usd: u64) -> RemoveCollateralInput {
        RemoveCollateralInput { position: sol_long(), amount_usd, high: 1_503_750_000_000, decimals: 9, price_pnl_usd: 0, borrow_fee_usd: 0, max_initial_leverage_bps: 1_000_000 }
    }

    #[test]
    fn pays_at_high_and_refuses_in_lib_math_order() {
        // $100 at $150.375: floor(100 × 10^13 / 1_503_750_000_000) = 665_004_156 lamports.
        let (next, out) = remove_collateral(&input(100_000_000)).unwrap();
        assert_eq!(out, 665_004_156);
        assert_eq!(next.collateral_usd, 1_396_250_000);
        assert_eq!(remove_collateral(&input(0)).err(), Some(Error::AmountTooSmall));
        assert_eq!(remove_collateral(&input(1_486_250_001)).err(), Some(Error::RemainingCollateralTooSmall));
        // Tokens that do not fit a u64 are capped at the collateral held, as lib/math's bigint min does.
        assert_eq!(remove_collateral(&input(u64::MAX)).err(), Some(Error::RemainingCollateralTooSmall));
    }
}
