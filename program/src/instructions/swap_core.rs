//! The §8 swap through a pool, planned then applied: used by `Swap` and by an ALP long posted in USDC (the
//! engine's planSwap / applySwap).
use super::pool_state::PoolState;
use crate::error::{Error, Result};
use crate::math::convert::token_to_usd;
use crate::math::liquidity::{check_free_liquidity, check_min_out};
use crate::math::swap::{swap_fee_bps, swap_quote};
use crate::math::wide::Rounding;

#[derive(Clone, Copy, Debug)]
pub struct SwapPlan {
    pub token_in: usize,
    pub token_out: usize,
    pub amount_in: u64,
    pub fee_amount: u64,
    /// The fee valued at the in-token's low (history).
    pub fee_usd: u64,
    pub amount_out: u64,
}

/// A swap to plan: custody indexes in the pool, amount in, and the least the trader accepts.
pub struct SwapRequest {
    pub token_in: usize,
    pub token_out: usize,
    pub amount_in: u64,
    pub min_amount_out: u64,
}

/// Plans a swap without writing: fee at the larger swap fee, out at `lowIn / highOut`, then free liquidity of the
/// out custody, `min_amount_out` and the ratio rule on both custodies (the engine's order of checks).
pub fn plan_swap(state: &PoolState, r: &SwapRequest) -> Result<SwapPlan> {
    let (token_in, token_out, amount_in, min_amount_out) = (r.token_in, r.token_out, r.amount_in, r.min_amount_out);
    let quotes = &state.quotes;
    if state.n < 2 {
        return Err(Error::InvalidSwap);
    }
    if token_in >= state.n || token_out >= state.n {
        return Err(Error::UnsupportedCollateral);
    }
    if amount_in == 0 {
        return Err(Error::AmountTooSmall);
    }
    if token_in == token_out {
        return Err(Error::InvalidSwap);
    }
    let (cin, cout) = (state.custody(token_in), state.custody(token_out));
    let fee_bps = swap_fee_bps(cin.params.swap_fee_bps, cout.params.swap_fee_bps);
    let q = swap_quote(amount_in, fee_bps, quotes[token_in].low, cin.decimals, quotes[token_out].high, cout.decimals)?;
    check_free_liquidity(cout.owned, cout.locked, q.amount_out)?;
    check_min_out(q.amount_out, min_amount_out)?;
    state.check_ratios(&[(token_in, amount_in as i128), (token_out, -(q.amount_out as i128))])?;
    let fee_usd = token_to_usd(q.fee_amount, quotes[token_in].low, cin.decimals, Rounding::Floor)?;
    Ok(SwapPlan { token_in, token_out, amount_in, fee_amount: q.fee_amount, fee_usd, amount_out: q.amount_out })
}

/// Moves the swap's tokens between the two custodies' `owned` (the fee stays in the pool), accruing both first.
/// The caller settles the rates and stores the custodies.
pub fn apply_swap(state: &mut PoolState, plan: &SwapPlan, now_s: i64) -> Result<()> {
    state.custody_mut(plan.token_in).accrue(now_s)?;
    state.custody_mut(plan.token_out).accrue(now_s)?;
    state.custody_mut(plan.token_in).add_owned(plan.amount_in as i128)?;
    state.custody_mut(plan.token_out).add_owned(-(plan.amount_out as i128))
}
