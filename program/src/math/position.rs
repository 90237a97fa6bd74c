//! The state of one open position (protocol.md §5–6, lib/math/position.ts).
use super::interest::borrow_fee_usd;
use crate::error::Result;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    #[default]
    Long = 0,
    Short = 1,
}

impl Side {
    pub fn from_u8(v: u8) -> Option<Side> {
        match v {
            0 => Some(Side::Long),
            1 => Some(Side::Short),
            _ => None,
        }
    }
}

/// A position's numbers (PositionState of lib/math): USD in 6 decimals, prices in 10, amounts in token units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PositionState {
    pub side: Side,
    pub size_usd: u64,
    pub collateral_usd: u64,
    pub collateral_amount: u64,
    pub entry_price: u64,
    pub lock_amount: u64,
    pub exit_fee_usd: u64,
    pub liquidation_fee_usd: u64,
    pub carried_interest_usd: u64,
    pub interest_snapshot: u64,
}

/// The position's borrow fee as if accrued up to `cumulative_interest` (§4), rounded up.
pub fn position_borrow_fee_usd(position: &PositionState, cumulative_interest: u64) -> Result<u64> {
    borrow_fee_usd(position.carried_interest_usd, cumulative_interest, position.interest_snapshot, position.size_usd)
}
