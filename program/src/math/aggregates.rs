//! Per (market, side) aggregates, so AUM costs O(markets) instead of O(positions) (protocol.md §8,
//! lib/math/aggregates.ts; GMX v1's global average price on both sides).
use super::position::{PositionState, Side};
use super::scales::RATE_ONE;
use super::wide::{checked_mul_u128, div_signed, div_u128, mul_64, mul_div, Rounding};
use crate::error::{overflow, Error, Result};

/// Scale of `size_over_entry`: size (1e6) × 1e20 / price (1e10).
pub const AGGREGATE_SCALE: u128 = 100_000_000_000_000_000_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SideAggregate {
    /// Σ sizeUsd (the side's open interest).
    pub size_usd: u64,
    /// Σ sizeUsd × SCALE / entryPrice, each term ceiled for longs and floored for shorts.
    pub size_over_entry: u128,
    /// Σ carriedInterestUsd.
    pub carried_interest_usd: u64,
    /// Σ sizeUsd × interestSnapshot.
    pub size_times_snapshot: u128,
    pub count: u64,
}

/// One position's terms: `size_over_entry` ceiled for a long, floored for a short, so the aggregate trader PnL is
/// never below Σ per-position PnL.
pub fn aggregate_terms(p: &PositionState) -> Result<SideAggregate> {
    if p.entry_price == 0 {
        return Err(Error::InvalidPrice);
    }
    let scaled = overflow(checked_mul_u128(p.size_usd as u128, AGGREGATE_SCALE))?;
    let rounding = if p.side == Side::Long { Rounding::Ceil } else { Rounding::Floor };
    Ok(SideAggregate {
        size_usd: p.size_usd,
        size_over_entry: overflow(div_u128(scaled, p.entry_price as u128, rounding))?,
        carried_interest_usd: p.carried_interest_usd,
        size_times_snapshot: mul_64(p.size_usd, p.interest_snapshot),
        count: 1,
    })
}

/// Adds a position's terms (exact sums).
pub fn add_to_aggregate(agg: &SideAggregate, p: &PositionState) -> Result<SideAggregate> {
    let t = aggregate_terms(p)?;
    Ok(SideAggregate {
        size_usd: overflow(agg.size_usd.checked_add(t.size_usd))?,
        size_over_entry: overflow(agg.size_over_entry.checked_add(t.size_over_entry))?,
        carried_interest_usd: overflow(agg.carried_interest_usd.checked_add(t.carried_interest_usd))?,
        size_times_snapshot: overflow(agg.size_times_snapshot.checked_add(t.size_times_snapshot))?,
        count: overflow(agg.count.checked_add(1))?,
    })
}

/// Removes a position's terms: the exact inverse of `add_to_aggregate` for the same stored state.
pub fn remove_from_aggregate(agg: &SideAggregate, p: &PositionState) -> Result<SideAggregate> {
    let t = aggregate_terms(p)?;
    Ok(SideAggregate {
        size_usd: overflow(agg.size_usd.checked_sub(t.size_usd))?,
        size_over_entry: overflow(agg.size_over_entry.checked_sub(t.size_over_entry))?,
        carried_interest_usd: overflow(agg.carried_interest_usd.checked_sub(t.carried_interest_usd))?,
        size_times_snapshot: overflow(agg.size_times_snapshot.checked_sub(t.size_times_snapshot))?,
        count: overflow(agg.count.checked_sub(1))?,
    })
}

/// §8 aggregate trader price PnL: long `floor(price × soe / SCALE) − size`, short `size − ceil(price × soe /
/// SCALE)`.
pub fn aggregate_price_pnl_usd(side: Side, agg: &SideAggregate, price: u64) -> Result<i128> {
    let rounding = if side == Side::Long { Rounding::Floor } else { Rounding::Ceil };
    let value = overflow(mul_div(price as u128, agg.size_over_entry, AGGREGATE_SCALE, rounding))?;
    let value = overflow(super::wide::to_i128(value))?;
    Ok(match side {
        Side::Long => value - agg.size_usd as i128,
        Side::Short => agg.size_usd as i128 - value,
    })
}

/// §4/§8 accrued, unpaid borrow fees of the side: `Σ carried + max(0, ceil((cum × Σ size − Σ size × snapshot) /
/// 1e9))`.
pub fn aggregate_borrow_fee_usd(agg: &SideAggregate, cumulative_interest: u64) -> Result<i128> {
    let total = mul_64(cumulative_interest, agg.size_usd);
    let diff = overflow(super::wide::to_i128(total))? - overflow(super::wide::to_i128(agg.size_times_snapshot))?;
    let accrued = overflow(div_signed(diff, RATE_ONE as u128, Rounding::Ceil))?;
    Ok(agg.carried_interest_usd as i128 + if accrued > 0 { accrued } else { 0 })
}
