//! `Order` (PDA `["order", owner, slot]`, slot 0..15): a limit order with its collateral escrowed in the escrow
//! vault of the posted token. The 16 slots are §7's cap of 16 orders per owner (Adrena's per-user book). The
//! account is as large as a position, so its rent pays for the position it opens when filled.
use super::{i64_at, key_at, program_data, u64_at, u8_at, Writer};
use crate::error::{Error, Result};
use crate::math::position::Side;
use crate::sdk::pubkey::Pubkey;
use crate::sdk::AccountView;

pub const DISCRIMINATOR: [u8; 8] = *b"pp:order";
pub const LEN: usize = 216;
pub const SEED: &[u8] = b"order";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Order {
    pub owner: Pubkey,
    pub market: Pubkey,
    /// The custody of the posted token (the market token, or USDC).
    pub collateral_custody: Pubkey,
    /// The escrow vault holding `collateral_amount`.
    pub escrow: Pubkey,
    pub side: Side,
    pub bump: u8,
    pub slot: u8,
    /// The canonical bump of the position PDA `["position", owner, market, side]` the fill opens or increases,
    /// found once by PlaceLimitOrder so that the keeper's fill derives it with one `create_program_address`
    /// instead of a search (issue 16: 1,500 CU per bump tried). 0: not recorded (an order placed before it was).
    pub position_bump: u8,
    pub collateral_amount: u64,
    pub leverage_bps: u64,
    pub trigger_price: u64,
    /// 0: none.
    pub acceptable_price: u64,
    pub take_profit: u64,
    pub stop_loss: u64,
    pub created_at: i64,
}

impl Order {
    pub fn load(view: &AccountView, program_id: &Pubkey) -> Result<Order> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        Ok(Order {
            owner: key_at(d, 8),
            market: key_at(d, 40),
            collateral_custody: key_at(d, 72),
            escrow: key_at(d, 104),
            side: Side::from_u8(u8_at(d, 136)).ok_or(Error::InvalidAccount)?,
            bump: u8_at(d, 137),
            slot: u8_at(d, 138),
            position_bump: u8_at(d, 139),
            collateral_amount: u64_at(d, 144),
            leverage_bps: u64_at(d, 152),
            trigger_price: u64_at(d, 160),
            acceptable_price: u64_at(d, 168),
            take_profit: u64_at(d, 176),
            stop_loss: u64_at(d, 184),
            created_at: i64_at(d, 192),
        })
    }

    pub fn write(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.bytes(0, &DISCRIMINATOR)?;
        w.key(8, &self.owner)?;
        w.key(40, &self.market)?;
        w.key(72, &self.collateral_custody)?;
        w.key(104, &self.escrow)?;
        w.u8(136, self.side as u8)?;
        w.u8(137, self.bump)?;
        w.u8(138, self.slot)?;
        w.u8(139, self.position_bump)?;
        for (o, v) in [
            (144, self.collateral_amount),
            (152, self.leverage_bps),
            (160, self.trigger_price),
            (168, self.acceptable_price),
            (176, self.take_profit),
            (184, self.stop_loss),
        ] {
            w.u64(o, v)?;
        }
        w.i64(192, self.created_at)
    }
}
