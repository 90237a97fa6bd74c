//! `PriceAccount` (PDA `["price", feed_id]`): one feed's price on the local chain, written by the oracle
//! authority's `update_prices`. On a real cluster the program reads Pyth's `PriceUpdateV2` instead (oracle/pyth.rs).
use super::{i64_at, key_at, program_data, u64_at, u8_at, Writer};
use crate::error::Result;
use crate::sdk::pubkey::Pubkey;
use crate::sdk::AccountView;

pub const DISCRIMINATOR: [u8; 8] = *b"pp:price";
pub const LEN: usize = 72;
pub const SEED: &[u8] = b"price";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceAccount {
    /// The feed's id (Pyth's 32-byte feed id, also on the local chain).
    pub feed_id: [u8; 32],
    /// Mid price, 10 decimals (§1).
    pub price: u64,
    pub publish_time: i64,
    pub slot: u64,
    pub bump: u8,
}

impl PriceAccount {
    pub fn load(view: &AccountView, program_id: &Pubkey) -> Result<PriceAccount> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        Ok(PriceAccount { feed_id: key_at(d, 8), price: u64_at(d, 40), publish_time: i64_at(d, 48), slot: u64_at(d, 56), bump: u8_at(d, 64) })
    }

    pub fn write(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.bytes(0, &DISCRIMINATOR)?;
        w.key(8, &self.feed_id)?;
        w.u64(40, self.price)?;
        w.i64(48, self.publish_time)?;
        w.u64(56, self.slot)?;
        w.u8(64, self.bump)
    }
}
