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
    let amount_out = usd_to_tokens(i.amount_usd, i.high, i.decimals, Rounding::Floor)?.min(p.collateral_amount);
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
