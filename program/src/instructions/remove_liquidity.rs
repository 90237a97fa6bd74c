//! `RemoveLiquidity` (11): LP tokens burnt at AUM / supply, paid in one custody's token at high, less the fee
//! (§8). Accounts: owner [signer], config, pool, lp_mint [writable], LP token account [writable], receiving token
//! account [writable], custody vault [writable], transfer authority, token program, the pool's custodies in pool
//! order (the paying one writable), the pool's markets, then the price accounts.
//! Data: custody index u8, lp_amount u64, min_amount_out u64. Emits LiquidityRemoved.
use super::accounts::{expect_key, Cursor};
use super::context::Ctx;
use super::pool_state::{Markets, PoolState};
use crate::error::{Error, Result};
use crate::events::{Event, LIQUIDITY_REMOVED};
use crate::math::convert::token_to_usd;
use crate::math::liquidity::{check_free_liquidity, check_min_out, remove_liquidity_quote};
use crate::math::wide::Rounding;
use crate::oracle::Oracles;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::state::config::Config;
use crate::state::pool::Pool;
use crate::token::cpi::{burn, transfer, TokenCall};
use crate::token::{check_token_program, funding_account, mint_info, owned_token_account};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let ctx = Ctx::new(input.program_id)?;
    let mut r = Reader::new(data);
    let (Some(index), Some(lp_amount), Some(min_amount_out)) = (r.u8(), r.u64(), r.u64()) else {
        return Err(Error::InvalidInstruction);
    };
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    let index = index as usize;
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let pool_view = accounts.next()?;
    let pool = Pool::load(pool_view, input.program_id)?;
    let lp_mint = accounts.writable()?;
    expect_key(lp_mint, &pool.lp_mint)?;
    let lp_account = accounts.writable()?;
    let receiver = accounts.writable()?;
    let vault = accounts.writable()?;
    let authority = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let mut state = PoolState::new(accounts.take(pool.custody_count as usize)?);
    state.load(&pool, input.program_id)?;
    let mut markets = Markets::new();
    markets.load(&pool, accounts.take(pool.market_count as usize)?, input.program_id)?;
    if index >= state.n {
        return Err(Error::UnsupportedCollateral);
    }
    if lp_amount == 0 {
        return Err(Error::AmountTooSmall);
    }
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    let custody = *state.custody(index);
    expect_key(vault, &custody.vault)?;
    state.load_quotes(&oracles)?;
    let aum = state.aum(&markets, &oracles, ctx.now_s)?;
    let (supply, _) = mint_info(lp_mint)?;
    let q = remove_liquidity_quote(lp_amount, aum, supply, state.quotes[index].high, custody.decimals, custody.params.remove_fee_bps)?;
    check_free_liquidity(custody.owned, custody.locked, q.amount_out)?;
    check_min_out(q.amount_out, min_amount_out)?;
    state.check_ratios(&[(index, -(q.amount_out as i128))])?;
    funding_account(lp_account, &pool.lp_mint, owner.key(), lp_amount)?;
    owned_token_account(receiver, &custody.mint, owner.key())?;

    let c = state.custody_mut(index);
    c.accrue(ctx.now_s)?;
    c.add_owned(-(q.amount_out as i128))?;
    c.settle_rate()?;
    state.store(index)?;
    burn(&TokenCall::owner(token_program, owner), lp_account, lp_mint, lp_amount)?;
    transfer(&TokenCall::authority(token_program, authority, config.authority_bump), vault, receiver, q.amount_out)?;

    let fee_usd = token_to_usd(q.fee_amount, state.quotes[index].high, custody.decimals, Rounding::Floor)?;
    Event::new(LIQUIDITY_REMOVED)
        .key(owner.key())
        .key(pool_view.key())
        .key(&pool.custodies[index])
        .u64(lp_amount)
        .u64(q.amount_out)
        .u64(q.fee_amount)
        .u64(fee_usd)
        .u64(q.usd_out)
        .u64(aum)
        .u64(supply - lp_amount)
        .emit();
    Ok(())
}
