//! `PlaceLimitOrder` (25): escrows the collateral and records a limit order in one of the owner's 16 slots (§7).
//! It checks every rule of an open that does not depend on the fill price, so an order that can never fill cannot
//! be placed: trigger (positive, on the waiting side of the mark, within 100x of it), collateral token, amount,
//! leverage range, the slot, collateral that can be worth $10 at some fill and a size within the maximum position
//! (order_checks.rs). Accounts: owner [signer, writable], config, market, order [writable] (PDA `["order", owner,
//! slot]`), the posted token's custody, funding token account [writable], escrow vault [writable], token program,
//! system program, the side's lock custody (the posted one again unless an ALP long posts USDC), then the price
//! accounts.
//! Data: side u8, slot u8, amount u64, leverage_bps u64, trigger_price u64, acceptable_price u64, take_profit u64,
//! stop_loss u64. Emits OrderPlaced.
use super::accounts::{expect_key, Cursor};
use super::context::{signer, Ctx};
use super::order_checks::{check_fillable, Fillable};
use super::position_account::{find_position_bump, PositionKey};
use crate::error::{Error, Result};
use crate::events::{Event, ORDER_PLACED};
use crate::math::open::check_leverage;
use crate::math::params::MAX_LIMIT_ORDERS_PER_OWNER;
use crate::math::position::Side;
use crate::math::triggers::validate_limit_trigger;
use crate::oracle::Oracles;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::sdk::pda::find_program_address;
use crate::sdk::pubkey::keys_eq;
use crate::state::config::Config;
use crate::state::custody::Custody;
use crate::state::market::Market;
use crate::state::order::{self, Order};
use crate::token::cpi::{create_pda_account, transfer, TokenCall, CreatePda};
use crate::token::{check_token_program, funding_account};

struct Args {
    side: Side,
    slot: u8,
    amount: u64,
    leverage_bps: u64,
    trigger_price: u64,
    acceptable_price: u64,
    take_profit: u64,
    stop_loss: u64,
}

fn parse(data: &[u8]) -> Result<Args> {
    let mut r = Reader::new(data);
    let (Some(side), Some(slot), Some(amount), Some(leverage_bps), Some(trigger_price), Some(acceptable_price), Some(take_profit), Some(stop_loss)) =
        (r.u8(), r.u8(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64())
    else {
        return Err(Error::InvalidInstruction);
    };
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    let side = Side::from_u8(side).ok_or(Error::InvalidInstruction)?;
    Ok(Args { side, slot, amount, leverage_bps, trigger_price, acceptable_price, take_profit, stop_loss })
}

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let args = parse(data)?;
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.writable_signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let market_view = accounts.next()?;
    let market = Market::load(market_view, input.program_id)?;
    let order_view = accounts.writable()?;
    let custody_view = accounts.next()?;
    let custody = Custody::load(custody_view, input.program_id)?;
    let funding = accounts.writable()?;
    let escrow = accounts.writable()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let system = accounts.next()?;
    let lock_view = accounts.next()?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);

    if args.trigger_price == 0 {
        return Err(Error::InvalidTrigger);
    }
    let is_lock = keys_eq(custody_view.key(), market.lock_custody(args.side));
    let is_swapped_long = args.side == Side::Long && market.params.long_locks_market_token && keys_eq(custody_view.key(), &market.short_custody);
    if !is_lock && !is_swapped_long {
        return Err(Error::UnsupportedCollateral);
    }
    expect_key(lock_view, market.lock_custody(args.side))?;
    let lock = Custody::load(lock_view, input.program_id)?;
    if args.amount == 0 {
        return Err(Error::AmountTooSmall);
    }
    check_leverage(&market.params, args.leverage_bps)?;
    if args.slot >= MAX_LIMIT_ORDERS_PER_OWNER {
        return Err(Error::TooManyOrders);
    }
    if order_view.data_len() != 0 {
        return Err(Error::OrderSlotTaken);
    }
    let mark = oracles.mid(&market.oracle, &market.feed_id)?;
    validate_limit_trigger(args.side, mark, args.trigger_price)?;
    check_fillable(&Fillable {
        market: &market,
        posted: &custody,
        lock: &lock,
        swapped: is_swapped_long,
        side: args.side,
        amount: args.amount,
        leverage_bps: args.leverage_bps,
        trigger_price: args.trigger_price,
        posted_low_now: oracles.custody_quote(&custody)?.low,
    })?;
    funding_account(funding, &custody.mint, owner.key(), args.amount)?;
    expect_key(escrow, &custody.escrow)?;

    let slot = [args.slot];
    let (key, bump) = find_program_address(&[order::SEED, owner.key(), &slot], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(order_view, &key)?;
    let b = [bump];
    let seeds: [&[u8]; 4] = [order::SEED, owner.key(), &slot, &b];
    create_pda_account(&CreatePda { system, payer: owner, account: order_view, space: order::LEN, owner: input.program_id }, &signer(&seeds))?;
    let position_bump = find_position_bump(input.program_id, &PositionKey { owner: owner.key(), market: market_view.key(), side: args.side as u8 })?;
    let o = Order {
        owner: *owner.key(),
        market: *market_view.key(),
        collateral_custody: *custody_view.key(),
        escrow: custody.escrow,
        side: args.side,
        bump,
        slot: args.slot,
        position_bump,
        collateral_amount: args.amount,
        leverage_bps: args.leverage_bps,
        trigger_price: args.trigger_price,
        acceptable_price: args.acceptable_price,
        take_profit: args.take_profit,
        stop_loss: args.stop_loss,
        created_at: ctx.now_s,
    };
    o.write(order_view.data_mut())?;
    transfer(&TokenCall::owner(token_program, owner), funding, escrow, args.amount)?;
    Event::new(ORDER_PLACED)
        .key(owner.key())
        .key(order_view.key())
        .key(market_view.key())
        .u8(args.side as u8)
        .u8(args.slot)
        .key(&custody.mint)
        .u64(args.amount)
        .u64(args.leverage_bps)
        .u64(args.trigger_price)
        .u64(args.acceptable_price)
        .u64(args.take_profit)
        .u64(args.stop_loss)
        .emit();
    Ok(())
}
