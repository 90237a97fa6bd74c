//! `Pool` (PDA `["pool", index]`): an LP pool (0 = ALP, 1 = RWALP), its LP mint and, in order, its custodies and
//! markets. Written only at initialisation: liquidity and trades write custodies and markets, never the pool.
use super::{key_at, program_data, u8_at, Writer};
use crate::error::Result;
use crate::sdk::pubkey::Pubkey;
use crate::sdk::AccountView;

pub const DISCRIMINATOR: [u8; 8] = *b"pp:pool_";
pub const LEN: usize = 272;
pub const SEED: &[u8] = b"pool";
pub const LP_MINT_SEED: &[u8] = b"lp_mint";
pub const MAX_CUSTODIES: usize = 4;
pub const MAX_MARKETS: usize = 3;
const CUSTODIES_AT: usize = 48;
const MARKETS_AT: usize = 176;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pool {
    pub index: u8,
    pub bump: u8,
    pub lp_mint_bump: u8,
    pub custody_count: u8,
    pub market_count: u8,
    pub lp_mint: Pubkey,
    pub custodies: [Pubkey; MAX_CUSTODIES],
    pub markets: [Pubkey; MAX_MARKETS],
}

/// The stored custody count, clamped to the capacity (as every reader of it must see it).
fn custody_count_at(d: &[u8]) -> u8 {
    u8_at(d, 11).min(MAX_CUSTODIES as u8)
}

impl Pool {
    pub fn load(view: &AccountView, program_id: &Pubkey) -> Result<Pool> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        let mut custodies = [[0u8; 32]; MAX_CUSTODIES];
        for (i, c) in custodies.iter_mut().enumerate() {
            *c = key_at(d, CUSTODIES_AT + 32 * i);
        }
        let mut markets = [[0u8; 32]; MAX_MARKETS];
        for (i, m) in markets.iter_mut().enumerate() {
            *m = key_at(d, MARKETS_AT + 32 * i);
        }
        Ok(Pool {
            index: u8_at(d, 8),
            bump: u8_at(d, 9),
            lp_mint_bump: u8_at(d, 10),
            custody_count: custody_count_at(d),
            market_count: u8_at(d, 12).min(MAX_MARKETS as u8),
            lp_mint: key_at(d, 16),
            custodies,
            markets,
        })
    }

    /// The checks of `load` (owner, discriminator, length) and the custody count alone: what an instruction needs
    /// to find a pool's custodies in its account list before `PoolState::load` reads them (the whole load copies
    /// ten keys, ~1,800 CU).
    pub fn load_custody_count(view: &AccountView, program_id: &Pubkey) -> Result<usize> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        Ok(custody_count_at(d) as usize)
    }

    pub fn write(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.bytes(0, &DISCRIMINATOR)?;
        w.u8(8, self.index)?;
        w.u8(9, self.bump)?;
        w.u8(10, self.lp_mint_bump)?;
        w.u8(11, self.custody_count)?;
        w.u8(12, self.market_count)?;
        w.key(16, &self.lp_mint)?;
        for (i, c) in self.custodies.iter().enumerate() {
            w.key(CUSTODIES_AT + 32 * i, c)?;
        }
        for (i, m) in self.markets.iter().enumerate() {
            w.key(MARKETS_AT + 32 * i, m)?;
        }
        Ok(())
    }
}
