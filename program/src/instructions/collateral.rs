//! `AddCollateral` (22) and `RemoveCollateral` (23) on an open position (§6). Collateral is not part of the §8
//! aggregate, so the market account is not written.
//! AddCollateral accounts: owner [signer], config, position [writable], custody [writable], funding token
//! account [writable], vault [writable], token program, then the price accounts. Data: amount u64 (tokens).
//! RemoveCollateral accounts: owner [signer], config, market, position [writable], custody [writable], vault
//! [writable], receiving token account [writable], transfer authority, token program, then the price accounts.
//! Data: amount_usd u64. Both emit CollateralChanged.
use super::accounts::{expect_key, Cursor};
use super::context::Ctx;
use super::position_account::load_position;
use crate::error::{overflow, Error, Result};
use crate::events::{Event, COLLATERAL_CHANGED};
use crate::math::collateral::{add_collateral, remove_collateral, RemoveCollateralInput};
use crate::math::market_hours::is_market_open;
use crate::math::pnl::price_pnl_usd;
use crate::math::position::position_borrow_fee_usd;
use crate::oracle::Oracles;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::sdk::pubkey::Pubkey;
use crate::state::config::Config;
use crate::state::custody::Custody;
use crate::state::market::Market;
use crate::state::position::Position;
use crate::state::writable_data;
use crate::token::cpi::{transfer, TokenCall};
use crate::token::{check_token_program, funding_account, owned_token_account};

fn one_u64(data: &[u8]) -> Result<u64> {
    let mut r = Reader::new(data);
    match r.u64() {
        Some(v) if r.finished() => Ok(v),
        _ => Err(Error::InvalidInstruction),
    }
}

#[inline(never)]
pub fn add(input: &Input, data: &[u8]) -> Result<()> {
    let amount = one_u64(data)?;
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let position_view = accounts.writable()?;
    let position = load_position(position_view, input.program_id, owner.key())?;
    let custody_view = accounts.writable()?;
    expect_key(custody_view, &position.custody)?;
    let mut custody = Custody::load(custody_view, input.program_id)?;
    let funding = accounts.writable()?;
    let vault = accounts.writable()?;
    expect_key(vault, &custody.vault)?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    let low = oracles.custody_quote(&custody)?.low;
    let (next, added_usd) = add_collateral(&position.state, amount, low, custody.decimals)?;
    funding_account(funding, &custody.mint, owner.key(), amount)?;
    custody.accrue(ctx.now_s)?;
    custody.collateral = overflow(custody.collateral.checked_add(amount))?;
    custody.settle_rate()?;
    custody.write_state(writable_data(custody_view)?)?;
    Position { state: next, updated_at: ctx.now_s, ..position }.write(writable_data(position_view)?)?;
    transfer(&TokenCall::owner(token_program, owner), funding, vault, amount)?;
    emit(&position, position_view.key(), &Change { added: true, amount, amount_usd: added_usd, collateral_usd_after: next.collateral_usd });
    Ok(())
}

#[inline(never)]
pub fn remove(input: &Input, data: &[u8]) -> Result<()> {
    let amount_usd = one_u64(data)?;
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let market_view = accounts.next()?;
    let market = Market::load(market_view, input.program_id)?;
    let position_view = accounts.writable()?;
    let position = load_position(position_view, input.program_id, owner.key())?;
    expect_key(market_view, &position.market)?;
    let custody_view = accounts.writable()?;
    expect_key(custody_view, &position.custody)?;
    let mut custody = Custody::load(custody_view, input.program_id)?;
    let vault = accounts.writable()?;
    expect_key(vault, &custody.vault)?;
    let receiver = accounts.writable()?;
    owned_token_account(receiver, &custody.mint, owner.key())?;
    let authority = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    if !is_market_open(market.hours, ctx.now_s) {
        return Err(Error::MarketClosed);
    }
    let price = oracles.mid(&market.oracle, &market.feed_id)?;
    let s = &position.state;
    let (next, amount_out) = remove_collateral(&RemoveCollateralInput {
        position: *s,
        amount_usd,
        high: oracles.custody_quote(&custody)?.high,
        decimals: custody.decimals,
        price_pnl_usd: price_pnl_usd(s.side, s.size_usd, s.entry_price, price)?,
        borrow_fee_usd: position_borrow_fee_usd(s, custody.interest_now(ctx.now_s)?)?,
        max_initial_leverage_bps: market.params.max_initial_leverage_bps,
    })?;
    custody.accrue(ctx.now_s)?;
    custody.collateral = overflow(custody.collateral.checked_sub(amount_out))?;
    custody.settle_rate()?;
    custody.write_state(writable_data(custody_view)?)?;
    Position { state: next, updated_at: ctx.now_s, ..position }.write(writable_data(position_view)?)?;
    transfer(&TokenCall::authority(token_program, authority, config.authority_bump), vault, receiver, amount_out)?;
    emit(&position, position_view.key(), &Change { added: false, amount: amount_out, amount_usd, collateral_usd_after: next.collateral_usd });
    Ok(())
}

struct Change {
    added: bool,
    amount: u64,
    amount_usd: u64,
    collateral_usd_after: u64,
}

fn emit(position: &Position, key: &Pubkey, c: &Change) {
    Event::new(COLLATERAL_CHANGED)
        .key(&position.owner)
        .key(key)
        .key(&position.market)
        .u8(position.state.side as u8)
        .u8(c.added as u8)
        .u64(c.amount)
        .u64(c.amount_usd)
        .u64(position.state.collateral_usd)
        .u64(c.collateral_usd_after)
        .emit();
}
