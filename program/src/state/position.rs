//! `Position` (PDA `["position", owner, market, side]`): one owner's position on one market and side (§3: one
//! per owner and side; opening again increases it). Its address is the position id of the API.
use super::{i64_at, key_at, program_data, u64_at, u8_at, Writer};
use crate::error::{Error, Result};
use crate::math::position::{PositionState, Side};
use crate::sdk::pubkey::Pubkey;
use crate::sdk::AccountView;

pub const DISCRIMINATOR: [u8; 8] = *b"pp:posit";
pub const LEN: usize = 216;
pub const SEED: &[u8] = b"position";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub owner: Pubkey,
    pub market: Pubkey,
    /// The custody it locks and holds its collateral in.
    pub custody: Pubkey,
    pub bump: u8,
    pub state: PositionState,
    /// 0: none.
    pub take_profit: u64,
    /// 0: none.
    pub stop_loss: u64,
    pub opened_at: i64,
    pub updated_at: i64,
}

impl Position {
    pub fn load(view: &AccountView, program_id: &Pubkey) -> Result<Position> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        let side = Side::from_u8(u8_at(d, 104)).ok_or(Error::InvalidAccount)?;
        Ok(Position {
            owner: key_at(d, 8),
            market: key_at(d, 40),
            custody: key_at(d, 72),
            bump: u8_at(d, 105),
            state: PositionState {
                side,
                size_usd: u64_at(d, 112),
                collateral_usd: u64_at(d, 120),
                collateral_amount: u64_at(d, 128),
                entry_price: u64_at(d, 136),
                lock_amount: u64_at(d, 144),
                exit_fee_usd: u64_at(d, 152),
                liquidation_fee_usd: u64_at(d, 160),
                carried_interest_usd: u64_at(d, 168),
                interest_snapshot: u64_at(d, 176),
            },
            take_profit: u64_at(d, 184),
            stop_loss: u64_at(d, 192),
            opened_at: i64_at(d, 200),
            updated_at: i64_at(d, 208),
        })
    }

    pub fn write(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.bytes(0, &DISCRIMINATOR)?;
        w.key(8, &self.owner)?;
        w.key(40, &self.market)?;
        w.key(72, &self.custody)?;
        w.u8(104, self.state.side as u8)?;
        w.u8(105, self.bump)?;
        let s = &self.state;
        for (o, v) in [
            (112, s.size_usd),
            (120, s.collateral_usd),
            (128, s.collateral_amount),
            (136, s.entry_price),
            (144, s.lock_amount),
            (152, s.exit_fee_usd),
            (160, s.liquidation_fee_usd),
            (168, s.carried_interest_usd),
            (176, s.interest_snapshot),
            (184, self.take_profit),
            (192, self.stop_loss),
        ] {
            w.u64(o, v)?;
        }
        w.i64(200, self.opened_at)?;
        w.i64(208, self.updated_at)
    }
}
