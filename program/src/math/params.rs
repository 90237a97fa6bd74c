//! Protocol-wide limits (protocol.md §3, §7; lib/math/params.ts PROTOCOL) and the per-market parameters the
//! formulas read. Per-market and per-custody values live in their accounts (set at initialisation, §3 tables).

/// 1.1x: the minimum initial leverage.
pub const MIN_LEVERAGE_BPS: u64 = 11_000;
/// $10: the minimum collateral of an open, an increase, an order, and what a partial close or a withdrawal leaves.
pub const MIN_COLLATERAL_USD: u64 = 10_000_000;
/// At most 16 limit orders per owner (§7): order accounts are PDAs of (owner, slot) with slot < 16.
pub const MAX_LIMIT_ORDERS_PER_OWNER: u8 = 16;

/// A market's §3 parameters (MarketParams of lib/math), as stored in its account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MarketParams {
    /// ALP markets: a long locks (and holds its collateral in) the market token; RWALP: USDC.
    pub long_locks_market_token: bool,
    pub max_initial_leverage_bps: u64,
    pub liquidation_leverage_bps: u64,
    pub close_fee_bps: u64,
    pub liquidation_fee_bps: u64,
    pub open_fee_bps: u64,
    pub max_position_usd: u64,
    pub open_interest_cap_usd: u64,
}
