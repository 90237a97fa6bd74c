//! `Market` (PDA `["market", index]`): one perpetual market (0 SOL, 1 BTC, 2 BONK, 3 XAU, 4 XAG, 5 WTI), its pool,
//! the custodies its sides lock, its price account, §3 parameters and the per-side aggregates of §8. Opening on
//! one market writes this account and one custody, never another market's nor the pool.
use super::{key_at, program_data, u128_at, u64_at, u8_at, Writer};
use crate::error::Result;
use crate::math::aggregates::SideAggregate;
use crate::math::params::MarketParams;
use crate::math::position::Side;
use crate::sdk::pubkey::Pubkey;
use crate::sdk::AccountView;

pub const DISCRIMINATOR: [u8; 8] = *b"pp:markt";
pub const LEN: usize = 344;
pub const SEED: &[u8] = b"market";
const LONG_AT: usize = 232;
const SHORT_AT: usize = 288;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Market {
    pub pool: Pubkey,
    /// The custody a long locks and holds collateral in (ALP: the market token; RWALP: USDC).
    pub long_custody: Pubkey,
    /// The custody a short locks (USDC).
    pub short_custody: Pubkey,
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
    pub index: u8,
    pub bump: u8,
    /// market_hours::HOURS_ALWAYS or HOURS_RWA.
    pub hours: u8,
    pub params: MarketParams,
    pub long: SideAggregate,
    pub short: SideAggregate,
}

fn read_agg(d: &[u8], at: usize) -> SideAggregate {
    SideAggregate {
        size_usd: u64_at(d, at),
        size_over_entry: u128_at(d, at + 8),
        carried_interest_usd: u64_at(d, at + 24),
        size_times_snapshot: u128_at(d, at + 32),
        count: u64_at(d, at + 48),
    }
}

fn write_agg(w: &mut Writer, at: usize, a: &SideAggregate) -> Result<()> {
    w.u64(at, a.size_usd)?;
    w.u128(at + 8, a.size_over_entry)?;
    w.u64(at + 24, a.carried_interest_usd)?;
    w.u128(at + 32, a.size_times_snapshot)?;
    w.u64(at + 48, a.count)
}

impl Market {
    pub fn load(view: &AccountView, program_id: &Pubkey) -> Result<Market> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        Ok(Market {
            pool: key_at(d, 8),
            long_custody: key_at(d, 40),
            short_custody: key_at(d, 72),
            oracle: key_at(d, 104),
            feed_id: key_at(d, 136),
            index: u8_at(d, 168),
            bump: u8_at(d, 169),
            hours: u8_at(d, 170),
            params: MarketParams {
                long_locks_market_token: u8_at(d, 171) != 0,
                max_initial_leverage_bps: u64_at(d, 176),
                liquidation_leverage_bps: u64_at(d, 184),
                close_fee_bps: u64_at(d, 192),
                liquidation_fee_bps: u64_at(d, 200),
                open_fee_bps: u64_at(d, 208),
                max_position_usd: u64_at(d, 216),
                open_interest_cap_usd: u64_at(d, 224),
            },
            long: read_agg(d, LONG_AT),
            short: read_agg(d, SHORT_AT),
        })
    }

    pub fn write(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.bytes(0, &DISCRIMINATOR)?;
        w.key(8, &self.pool)?;
        w.key(40, &self.long_custody)?;
        w.key(72, &self.short_custody)?;
        w.key(104, &self.oracle)?;
        w.key(136, &self.feed_id)?;
        w.u8(168, self.index)?;
        w.u8(169, self.bump)?;
        w.u8(170, self.hours)?;
        w.u8(171, self.params.long_locks_market_token as u8)?;
        let p = &self.params;
        for (o, v) in [
            (176, p.max_initial_leverage_bps),
            (184, p.liquidation_leverage_bps),
            (192, p.close_fee_bps),
            (200, p.liquidation_fee_bps),
            (208, p.open_fee_bps),
            (216, p.max_position_usd),
            (224, p.open_interest_cap_usd),
        ] {
            w.u64(o, v)?;
        }
        self.write_aggregates(w.0)
    }

    /// Writes the two aggregates only (opens, closes, liquidations).
    pub fn write_aggregates(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        write_agg(&mut w, LONG_AT, &self.long)?;
        write_agg(&mut w, SHORT_AT, &self.short)
    }

    pub fn aggregate(&self, side: Side) -> &SideAggregate {
        match side {
            Side::Long => &self.long,
            Side::Short => &self.short,
        }
    }

    pub fn aggregate_mut(&mut self, side: Side) -> &mut SideAggregate {
        match side {
            Side::Long => &mut self.long,
            Side::Short => &mut self.short,
        }
    }

    /// The custody a side locks (and pays borrow interest to): long → `long_custody`, short → `short_custody`.
    pub fn lock_custody(&self, side: Side) -> &Pubkey {
        match side {
            Side::Long => &self.long_custody,
            Side::Short => &self.short_custody,
        }
    }
}
