//! `QueryPool` (40), read-only: AUM, LP supply and LP price of a pool now (§8), as return data
//! `[aum_usd u64, supply u64, lp_price_usd u64]` (and a log line). Simulated by previews and by the differential
//! tests; changes nothing. Accounts: config, pool, lp_mint, the pool's custodies, its markets, the price accounts.
use super::accounts::{expect_key, Cursor};
use super::context::Ctx;
use super::pool_state::{Markets, PoolState};
use crate::error::{Error, Result};
use crate::math::liquidity::lp_price_usd;
use crate::oracle::Oracles;
use crate::sdk::entrypoint::Input;
use crate::sdk::log::{log_u64, set_return_data};
use crate::state::config::Config;
use crate::state::pool::Pool;
use crate::token::mint_info;

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    if !data.is_empty() {
        return Err(Error::InvalidInstruction);
    }
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    let config = Config::load(accounts.next()?, input.program_id)?;
    let pool = Pool::load(accounts.next()?, input.program_id)?;
    let lp_mint = accounts.next()?;
    expect_key(lp_mint, &pool.lp_mint)?;
    let mut state = PoolState::new(accounts.take(pool.custody_count as usize)?);
    state.load(&pool, input.program_id)?;
    let mut markets = Markets::new();
    markets.load(&pool, accounts.take(pool.market_count as usize)?, input.program_id)?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    state.load_quotes(&oracles)?;
    let aum = state.aum(&markets, &oracles, ctx.now_s)?;
    let (supply, _) = mint_info(lp_mint)?;
    let price = lp_price_usd(aum, supply)?;
    let mut out = [0u8; 24];
    out[..8].copy_from_slice(&aum.to_le_bytes());
    out[8..16].copy_from_slice(&supply.to_le_bytes());
    out[16..].copy_from_slice(&price.to_le_bytes());
    set_return_data(&out);
    log_u64(aum, supply, price, 0, 0);
    Ok(())
}
