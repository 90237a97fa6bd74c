//! `Custody` (PDA `["custody", pool, mint]`): one token of a pool, its vault and escrow vault, oracle, §3/§4/§8
//! parameters and state (`owned` LP assets, `locked` for positions, `collateral` of traders, borrow interest).
use super::{i64_at, key_at, program_data, u64_at, u8_at, Writer};
use crate::error::{overflow, Result};
use crate::math::borrow_rate::{borrow_rate_hourly, utilization_bps, BorrowCurve};
use crate::math::interest::accrue_cumulative_interest;
use crate::sdk::pubkey::{Pubkey, ZERO_KEY};
use crate::sdk::AccountView;

pub const DISCRIMINATOR: [u8; 8] = *b"pp:custd";
pub const LEN: usize = 336;
pub const SEED: &[u8] = b"custody";
pub const VAULT_SEED: &[u8] = b"vault";
pub const ESCROW_SEED: &[u8] = b"escrow";

/// Fixed at initialisation (§3, §4, §8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CustodyParams {
    pub band_bps: u64,
    pub target_bps: u64,
    pub min_bps: u64,
    pub max_bps: u64,
    pub add_fee_bps: u64,
    pub remove_fee_bps: u64,
    pub swap_fee_bps: u64,
    pub curve: BorrowCurve,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Custody {
    pub pool: Pubkey,
    pub mint: Pubkey,
    pub vault: Pubkey,
    /// The escrow vault of this mint (limit orders' collateral), shared by every custody of the mint.
    pub escrow: Pubkey,
    /// The price account; all zeros for USDC, which is $1 exactly (§1).
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
    pub decimals: u8,
    pub bump: u8,
    pub vault_bump: u8,
    /// Position in the pool's custody list.
    pub index: u8,
    pub params: CustodyParams,
    pub owned: u64,
    pub locked: u64,
    pub collateral: u64,
    pub cumulative_interest: u64,
    pub rate_hourly: u64,
    pub last_accrual_s: i64,
}

impl Custody {
    pub fn load(view: &AccountView, program_id: &Pubkey) -> Result<Custody> {
        let d = program_data(view, program_id, &DISCRIMINATOR, LEN)?;
        Ok(Custody {
            pool: key_at(d, 8),
            mint: key_at(d, 40),
            vault: key_at(d, 72),
            escrow: key_at(d, 104),
            oracle: key_at(d, 136),
            feed_id: key_at(d, 168),
            decimals: u8_at(d, 200),
            bump: u8_at(d, 201),
            vault_bump: u8_at(d, 202),
            index: u8_at(d, 203),
            params: CustodyParams {
                band_bps: u64_at(d, 208),
                target_bps: u64_at(d, 216),
                min_bps: u64_at(d, 224),
                max_bps: u64_at(d, 232),
                add_fee_bps: u64_at(d, 240),
                remove_fee_bps: u64_at(d, 248),
                swap_fee_bps: u64_at(d, 256),
                curve: BorrowCurve { u_opt_bps: u64_at(d, 264), rate_at_opt_hourly: u64_at(d, 272), rate_max_hourly: u64_at(d, 280) },
            },
            owned: u64_at(d, 288),
            locked: u64_at(d, 296),
            collateral: u64_at(d, 304),
            cumulative_interest: u64_at(d, 312),
            rate_hourly: u64_at(d, 320),
            last_accrual_s: i64_at(d, 328),
        })
    }

    /// Writes every field (initialisation).
    pub fn write(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.bytes(0, &DISCRIMINATOR)?;
        w.key(8, &self.pool)?;
        w.key(40, &self.mint)?;
        w.key(72, &self.vault)?;
        w.key(104, &self.escrow)?;
        w.key(136, &self.oracle)?;
        w.key(168, &self.feed_id)?;
        w.u8(200, self.decimals)?;
        w.u8(201, self.bump)?;
        w.u8(202, self.vault_bump)?;
        w.u8(203, self.index)?;
        let p = &self.params;
        for (o, v) in [
            (208, p.band_bps),
            (216, p.target_bps),
            (224, p.min_bps),
            (232, p.max_bps),
            (240, p.add_fee_bps),
            (248, p.remove_fee_bps),
            (256, p.swap_fee_bps),
            (264, p.curve.u_opt_bps),
            (272, p.curve.rate_at_opt_hourly),
            (280, p.curve.rate_max_hourly),
        ] {
            w.u64(o, v)?;
        }
        self.write_state(w.0)
    }

    /// Writes the state fields only (every instruction that changes a custody).
    pub fn write_state(&self, data: &mut [u8]) -> Result<()> {
        let mut w = Writer(data);
        w.u64(288, self.owned)?;
        w.u64(296, self.locked)?;
        w.u64(304, self.collateral)?;
        w.u64(312, self.cumulative_interest)?;
        w.u64(320, self.rate_hourly)?;
        w.i64(328, self.last_accrual_s)
    }

    /// True for the $1 stable custody (USDC): no oracle.
    pub fn is_stable(&self) -> bool {
        self.oracle == ZERO_KEY
    }

    /// The cumulative interest accrued up to `now_s` (§4), without writing it: what reads and checks use.
    pub fn interest_now(&self, now_s: i64) -> Result<u64> {
        accrue_cumulative_interest(self.cumulative_interest, self.rate_hourly, now_s.saturating_sub(self.last_accrual_s))
    }

    /// §4 before changing `owned` or `locked` (or `collateral`): accrue to now and move the accrual time. Call
    /// `settle_rate` after the change, before storing.
    pub fn accrue(&mut self, now_s: i64) -> Result<()> {
        self.cumulative_interest = self.interest_now(now_s)?;
        self.last_accrual_s = now_s;
        Ok(())
    }

    /// §4 after the change: the rate from the new utilization.
    pub fn settle_rate(&mut self) -> Result<()> {
        self.rate_hourly = borrow_rate_hourly(utilization_bps(self.locked, self.owned)?, &self.params.curve)?;
        Ok(())
    }

    pub fn add_owned(&mut self, delta: i128) -> Result<()> {
        let next = self.owned as i128 + delta;
        self.owned = overflow(u64::try_from(next).ok())?;
        Ok(())
    }
}
