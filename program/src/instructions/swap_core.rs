//! The §8 swap through a pool, planned then applied: used by `Swap` and by an ALP long posted in USDC (the
//! engine's planSwap / applySwap).
use super::pool_state::PoolState;
use crate::error::{Error, Result};
use crate::math::convert::token_to_usd;
use crate::math::liquidity::{check_free_liquidity, check_min_out};
use crate::math::swap::{swap_fee_bps, swap_quote};
use crate::math::wide::Rounding;
use crate::oracle::Oracles;

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

/// Plans a swap without writing, in the engine's order (planSwap): the custodies, the amount, two different tokens,
/// then the two tokens' prices (ORACLE_STALE), the fee at the larger swap fee and out at `lowIn / highOut`, the free
/// liquidity of the out custody and `min_amount_out`; only the ratio rule reads every other custody's price.
pub fn plan_swap(state: &mut PoolState, oracles: &Oracles, r: &SwapRequest) -> Result<SwapPlan> {
    let (token_in, token_out, amount_in, min_amount_out) = (r.token_in, r.token_out, r.amount_in, r.min_amount_out);
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
    state.load_quote(oracles, token_in)?;
    state.load_quote(oracles, token_out)?;
    let (low_in, high_out) = (state.quotes[token_in].low, state.quotes[token_out].high);
    let (cin, cout) = (state.custody(token_in), state.custody(token_out));
    let fee_bps = swap_fee_bps(cin.params.swap_fee_bps, cout.params.swap_fee_bps);
    let q = swap_quote(amount_in, fee_bps, low_in, cin.decimals, high_out, cout.decimals)?;
    check_free_liquidity(cout.owned, cout.locked, q.amount_out)?;
    check_min_out(q.amount_out, min_amount_out)?;
    let fee_usd = token_to_usd(q.fee_amount, low_in, cin.decimals, Rounding::Floor)?;
    state.load_quotes(oracles)?;
    state.check_ratios(&[(token_in, amount_in as i128), (token_out, -(q.amount_out as i128))])?;
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
