//! Assets under management of a pool (protocol.md §8, lib/math/aum.ts).
use super::aggregates::{aggregate_borrow_fee_usd, aggregate_price_pnl_usd, SideAggregate};
use super::convert::token_to_usd;
use super::position::Side;
use super::wide::Rounding;
use crate::error::{overflow, Result};

/// One custody's part of AUM: its `owned`, valued at the oracle low.
#[derive(Clone, Copy, Debug)]
pub struct AumCustody {
    pub owned: u64,
    pub low: u64,
    pub decimals: u8,
}

/// One (market, side): its aggregate at the market mid, with the locked custody's cumulative interest now.
#[derive(Clone, Copy, Debug)]
pub struct AumSide {
    pub side: Side,
    pub agg: SideAggregate,
    pub price: u64,
    pub cumulative_interest: u64,
}

/// §8: `AUM = Σ floor(usd(owned, low, dec)) − Σ aggregate price PnL + Σ aggregate borrow fees`, clamped at 0 as
/// GMX v1 does.
pub fn aum_usd(custodies: &[AumCustody], sides: &[AumSide]) -> Result<u64> {
    let mut total: i128 = 0;
    for c in custodies {
        total = overflow(total.checked_add(token_to_usd(c.owned, c.low, c.decimals, Rounding::Floor)? as i128))?;
    }
    for s in sides {
        if s.agg.size_usd == 0 && s.agg.carried_interest_usd == 0 {
            continue;
        }
        total = overflow(total.checked_sub(aggregate_price_pnl_usd(s.side, &s.agg, s.price)?))?;
        total = overflow(total.checked_add(aggregate_borrow_fee_usd(&s.agg, s.cumulative_interest)?))?;
    }
    if total <= 0 {
        Ok(0)
    } else {
        overflow(u64::try_from(total).ok())
    }
}
