//! `InitMarket` (3): adds a market to a pool. Accounts: admin [signer, writable], config, pool [writable], market
//! [writable], long custody, short custody, system program. Data: index u8, hours u8 (0 always, 1 RWA), long
//! locks the market token u8, then max initial leverage, liquidation leverage, close fee, liquidation fee, open fee
//! (bps), max position, open-interest cap (USD) as u64, then oracle [32] and feed_id [32].
use super::accounts::{expect_key, Cursor};
use super::admin::{admin_config, expect_uninitialized};
use super::context::signer;
use crate::error::{Error, Result};
use crate::math::aggregates::SideAggregate;
use crate::math::market_hours::HOURS_RWA;
use crate::math::params::{MarketParams, MIN_LEVERAGE_BPS};
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::sdk::pda::find_program_address;
use crate::sdk::pubkey::keys_eq;
use crate::state::custody::Custody;
use crate::state::market::{self, Market};
use crate::state::pool::{Pool, MAX_MARKETS};
use crate::token::cpi::{create_pda_account, CreatePda};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let mut accounts = Cursor::new(input.accounts);
    let admin = accounts.writable_signer()?;
    admin_config(accounts.next()?, admin, input.program_id)?;
    let pool_view = accounts.writable()?;
    let market_view = accounts.writable()?;
    let long_view = accounts.next()?;
    let short_view = accounts.next()?;
    let system = accounts.next()?;
    let mut r = Reader::new(data);
    let (index, hours, locks) = (r.u8(), r.u8(), r.u8());
    let params = (|| {
        Some(MarketParams {
            long_locks_market_token: locks? != 0,
            max_initial_leverage_bps: r.u64()?,
            liquidation_leverage_bps: r.u64()?,
            close_fee_bps: r.u64()?,
            liquidation_fee_bps: r.u64()?,
            open_fee_bps: r.u64()?,
            max_position_usd: r.u64()?,
            open_interest_cap_usd: r.u64()?,
        })
    })()
    .ok_or(Error::InvalidInstruction)?;
    let oracle = r.key().ok_or(Error::InvalidInstruction)?;
    let feed_id = r.key().ok_or(Error::InvalidInstruction)?;
    let (index, hours) = (index.ok_or(Error::InvalidInstruction)?, hours.ok_or(Error::InvalidInstruction)?);
    if !r.finished() || hours > HOURS_RWA || params.max_initial_leverage_bps < MIN_LEVERAGE_BPS || params.liquidation_leverage_bps < params.max_initial_leverage_bps {
        return Err(Error::InvalidInstruction);
    }
    let mut pool = Pool::load(pool_view, input.program_id)?;
    if pool.market_count as usize >= MAX_MARKETS {
        return Err(Error::InvalidInstruction);
    }
    for view in [long_view, short_view] {
        let c = Custody::load(view, input.program_id)?;
        if !keys_eq(&c.pool, pool_view.key()) {
            return Err(Error::InvalidAccount);
        }
    }
    expect_uninitialized(market_view)?;
    let idx = [index];
    let (key, bump) = find_program_address(&[market::SEED, &idx], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(market_view, &key)?;
    let b = [bump];
    let seeds: [&[u8]; 3] = [market::SEED, &idx, &b];
    create_pda_account(&CreatePda { system, payer: admin, account: market_view, space: market::LEN, owner: input.program_id }, &signer(&seeds))?;
    Market {
        pool: *pool_view.key(),
        long_custody: *long_view.key(),
        short_custody: *short_view.key(),
        oracle,
        feed_id,
        index,
        bump,
        hours,
        params,
        long: SideAggregate::default(),
        short: SideAggregate::default(),
    }
    .write(market_view.data_mut())?;
    pool.markets[pool.market_count as usize] = key;
    pool.market_count += 1;
    pool.write(pool_view.data_mut())
}
