//! What every instruction knows: the program id and the chain's clock (and, for the shared parts, the config and
//! the price accounts).
use crate::error::{Error, Result};
use crate::sdk::clock::clock;
use crate::sdk::cpi::Signer;
use crate::sdk::pubkey::Pubkey;

pub use crate::token::cpi::AUTHORITY_SEED;
use crate::oracle::Oracles;
use crate::state::config::Config;

pub struct Ctx<'a> {
    pub program_id: &'a Pubkey,
    /// The Clock sysvar's unix timestamp (on the local chain: the wall clock plus the dev offset).
    pub now_s: i64,
    pub slot: u64,
}

impl<'a> Ctx<'a> {
    pub fn new(program_id: &'a Pubkey) -> Result<Self> {
        let c = clock().ok_or(Error::InvalidInstruction)?;
        Ok(Ctx { program_id, now_s: c.unix_timestamp, slot: c.slot })
    }
}

/// What an instruction's shared parts read: the clock, the config and the price accounts.
pub struct Env<'a> {
    pub ctx: &'a Ctx<'a>,
    pub config: &'a Config,
    pub oracles: &'a Oracles<'a>,
}

/// Builds a `Signer` over seeds that live in the caller's frame.
pub fn signer<'a>(seeds: &'a [&'a [u8]]) -> Signer<'a> {
    Signer { seeds }
}
