//! Closing a position, whole or a fraction, and liquidation settlement (protocol.md §6, lib/math/close.ts).
use super::convert::{token_to_usd, usd_to_tokens};
use super::params::MIN_COLLATERAL_USD;
use super::pnl::price_pnl_usd;
use super::position::{PositionState, Side};
use super::scales::BPS;
use super::wide::{mul_div_u64, Rounding};
use crate::error::{overflow, Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeeKind {
    Exit,
    Liquidation,
}

pub struct CloseInput {
    pub position: PositionState,
    /// 1..10000; 10000 closes the whole position.
    pub fraction_bps: u64,
    /// Oracle mid of the market: the exit price.
    pub price: u64,
    /// Oracle high of the collateral token (payouts are converted at high, §2).
    pub payout_high: u64,
    pub collateral_decimals: u8,
    /// The position's whole borrow fee accrued up to now.
    pub borrow_fee_usd: u64,
    /// The lock custody's cumulative interest now: the remaining part's new snapshot.
    pub cumulative_interest: u64,
    pub fee_kind: FeeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CloseResult {
    pub closed_size_usd: u64,
    pub closed_collateral_usd: u64,
    pub closed_collateral_amount: u64,
    pub released_lock_amount: u64,
    pub price_pnl_usd: i64,
    /// The exit or liquidation fee charged on the closed part.
    pub fee_usd: u64,
    pub borrow_fee_paid_usd: u64,
    pub payout_usd: u64,
    pub payout_amount: u64,
    /// `closed_collateral_amount − payout_amount`: the change of the custody's `owned` (negative on profit).
    pub owned_delta: i128,
    /// `payout_usd − closed_collateral_usd`.
    pub realized_pnl_usd: i64,
    pub remaining: Option<PositionState>,
}

/// §6 close, pro rata for `f = fraction_bps` (GMX/Adrena): size, collateral and released lock are
/// `floor(x × f / 10000)`; the fixed fees and the accrued borrow fee `ceil(x × f / 10000)`; the rest stays exactly.
/// `payoutUsd = max(0, closedCollateral + pricePnl − fee − borrowFeePaid)`, paid as `floor(tokens(payout, high))`
/// capped at released lock + closed collateral; when capped, `payoutUsd = floor(usd(payoutAmount, high))`.
pub fn close_position(i: &CloseInput) -> Result<CloseResult> {
    let f = i.fraction_bps;
    if f == 0 || f > BPS {
        return Err(Error::InvalidAmount);
    }
    let p = &i.position;
    let down = |x: u64| overflow(mul_div_u64(x, f, BPS, Rounding::Floor));
    let up = |x: u64| overflow(mul_div_u64(x, f, BPS, Rounding::Ceil));
    let closed_size_usd = down(p.size_usd)?;
    let closed_collateral_usd = down(p.collateral_usd)?;
    let closed_collateral_amount = down(p.collateral_amount)?;
    let released_lock_amount = down(p.lock_amount)?;
    let exit_fee_usd = up(p.exit_fee_usd)?;
    let liquidation_fee_usd = up(p.liquidation_fee_usd)?;
    let borrow_fee_paid_usd = up(i.borrow_fee_usd)?;
    let fee_usd = if i.fee_kind == FeeKind::Exit { exit_fee_usd } else { liquidation_fee_usd };
    let pnl = price_pnl_usd(p.side, closed_size_usd, p.entry_price, i.price)?;

    let owed = closed_collateral_usd as i128 + pnl as i128 - fee_usd as i128 - borrow_fee_paid_usd as i128;
    let owed_usd = if owed > 0 { overflow(u64::try_from(owed).ok())? } else { 0 };
    let uncapped = usd_to_tokens(owed_usd, i.payout_high, i.collateral_decimals, Rounding::Floor)?;
    let cap = overflow(released_lock_amount.checked_add(closed_collateral_amount))?;
    let payout_amount = uncapped.min(cap);
    let payout_usd = if payout_amount < uncapped {
        token_to_usd(payout_amount, i.payout_high, i.collateral_decimals, Rounding::Floor)?
    } else {
        owed_usd
    };

    let remaining = if f == BPS {
        None
    } else {
        Some(PositionState {
            side: p.side,
            size_usd: p.size_usd - closed_size_usd,
            collateral_usd: p.collateral_usd - closed_collateral_usd,
            collateral_amount: p.collateral_amount - closed_collateral_amount,
            entry_price: p.entry_price,
            lock_amount: p.lock_amount - released_lock_amount,
            exit_fee_usd: p.exit_fee_usd - exit_fee_usd,
            liquidation_fee_usd: p.liquidation_fee_usd - liquidation_fee_usd,
            carried_interest_usd: i.borrow_fee_usd - borrow_fee_paid_usd,
            interest_snapshot: i.cumulative_interest,
        })
    };
    Ok(CloseResult {
        closed_size_usd,
        closed_collateral_usd,
        closed_collateral_amount,
        released_lock_amount,
        price_pnl_usd: pnl,
        fee_usd,
        borrow_fee_paid_usd,
        payout_usd,
        payout_amount,
        owned_delta: closed_collateral_amount as i128 - payout_amount as i128,
        realized_pnl_usd: overflow(i64::try_from(payout_usd as i128 - closed_collateral_usd as i128).ok())?,
        remaining,
    })
}

/// §6 close checks in order: SLIPPAGE (a long closing below, a short above, `acceptable_price`; 0 = none), then
/// REMAINING_COLLATERAL_TOO_SMALL (a partial close must leave ≥ $10). Market hours are the caller's, first.
pub fn validate_close(side: Side, price: u64, acceptable_price: u64, remaining: &Option<PositionState>) -> Result<()> {
    if acceptable_price != 0 {
        let moved = match side {
            Side::Long => price < acceptable_price,
            Side::Short => price > acceptable_price,
        };
        if moved {
            return Err(Error::Slippage);
        }
    }
    if let Some(r) = remaining {
        if r.collateral_usd < MIN_COLLATERAL_USD {
            return Err(Error::RemainingCollateralTooSmall);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short_10x() -> PositionState {
        PositionState {
            side: Side::Short,
            size_usd: 10_000_000_000,
            collateral_usd: 1_000_000_000,
            collateral_amount: 1_000_000_000,
            entry_price: 1_500_000_000_000,
            lock_amount: 10_000_000_000,
            exit_fee_usd: 10_000_000,
            liquidation_fee_usd: 20_000_000,
            carried_interest_usd: 0,
            interest_snapshot: 0,
        }
    }

    #[test]
    fn whole_close_in_profit() {
        // Short from $150 to $140: pnl = 10000 × 10/150 = 666.666666; payout = 1000 + 666.666666 − 10 − 1.61.
        let r = close_position(&CloseInput {
            position: short_10x(),
            fraction_bps: 10_000,
            price: 1_400_000_000_000,
            payout_high: 10_000_000_000,
            collateral_decimals: 6,
            borrow_fee_usd: 1_610_000,
            cumulative_interest: 161,
            fee_kind: FeeKind::Exit,
        })
        .unwrap();
        assert_eq!(r.price_pnl_usd, 666_666_666);
        assert_eq!(r.payout_amount, 1_655_056_666);
        assert_eq!(r.owned_delta, 1_000_000_000 - 1_655_056_666);
        assert_eq!(r.realized_pnl_usd, 655_056_666);
        assert!(r.remaining.is_none());
    }

    #[test]
    fn partial_close_rounds_fees_up_and_keeps_the_rest_exact() {
        let r = close_position(&CloseInput {
            position: PositionState { exit_fee_usd: 3, liquidation_fee_usd: 3, ..short_10x() },
            fraction_bps: 3_333,
            price: 1_500_000_000_000,
            payout_high: 10_000_000_000,
            collateral_decimals: 6,
            borrow_fee_usd: 7,
            cumulative_interest: 50,
            fee_kind: FeeKind::Exit,
        })
        .unwrap();
        assert_eq!(r.closed_size_usd, 3_333_000_000);
        assert_eq!(r.fee_usd, 1);
        assert_eq!(r.borrow_fee_paid_usd, 3);
        let rest = r.remaining.unwrap();
        assert_eq!(rest.exit_fee_usd, 2);
        assert_eq!(rest.carried_interest_usd, 4);
        assert_eq!(rest.interest_snapshot, 50);
        assert_eq!(validate_close(Side::Short, 100, 99, &None), Err(Error::Slippage));
        assert_eq!(validate_close(Side::Short, 100, 0, &Some(PositionState { collateral_usd: 9_999_999, ..rest })), Err(Error::RemainingCollateralTooSmall));
        assert_eq!(close_position(&CloseInput { fraction_bps: 0, ..CloseInput { position: short_10x(), fraction_bps: 1, price: 1, payout_high: 1, collateral_decimals: 6, borrow_fee_usd: 0, cumulative_interest: 0, fee_kind: FeeKind::Exit } }).err(), Some(Error::InvalidAmount));
    }
}
