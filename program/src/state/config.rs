//! `Config` (PDA `["config"]`): the admin, the oracle authority and how prices are read.
use super::{key_at, program_data, u64_at, u8_at, Writer};
use crate::error::Result;
use crate::sdk::pubkey::Pubkey;
use crate::sdk::AccountView;

pub const DISCRIMINATOR: [u8; 8] = *b"pp:confg";
pub const LEN: usize = 96;
pub const SEED: &[u8] = b"config";

/// Prices come from this program's price accounts, written by the oracle authority (the local chain).
pub const ORACLE_LOCAL: u8 = 0;
/// Prices come from Pyth `PriceUpdateV2` accounts of the Pyth receiver (real clusters).
pub const ORACLE_PYTH: u8 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    pub admin: Pubkey,
    pub oracle_authority: Pubkey,
    pub oracle_kind: u8,
    pub bump: u8,
    /// Bump of the transfer authority PDA `["authority"]` (owner of every vault, LP mint authority).
    pub authority_bump: u8,
    pub max_price_age_s: u64,
}

impl Config {
    pub fn load(view: &AccountView, program_id: &Pubkey) -> Result<Config> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        Ok(Config {
            admin: key_at(d, 8),
            oracle_authority: key_at(d, 40),
            oracle_kind: u8_at(d, 72),
            bump: u8_at(d, 73),
            authority_bump: u8_at(d, 74),
            max_price_age_s: u64_at(d, 80),
        })
    }

    pub fn write(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.bytes(0, &DISCRIMINATOR)?;
        w.key(8, &self.admin)?;
        w.key(40, &self.oracle_authority)?;
        w.u8(72, self.oracle_kind)?;
        w.u8(73, self.bump)?;
        w.u8(74, self.authority_bump)?;
        w.u64(80, self.max_price_age_s)
    }
}
