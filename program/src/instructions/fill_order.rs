//! `FillLimitOrder` (32): permissionless keeper instruction. Fills a limit order whose trigger the on-chain mid
//! has reached (§7: a long when `price ≤ trigger`, a short when `price ≥ trigger`), at that price, from its escrow;
//! the order's rent pays the new position's. Accounts: keeper [signer], config, market [writable], order
//! [writable], position [writable], owner [writable], lock custody [writable], escrow vault [writable], receiving
//! vault [writable], transfer authority, token program, system program; for an ALP long posted in USDC then the
//! pool and all its custodies in pool order; then the price accounts. Data: none. Emits PositionOpened with the order's
//! address.
use super::accounts::{expect_key, Cursor};
use super::context::{Ctx, Env};
use super::open_core::{execute_open, Funding, OpenAccounts, OpenArgs};
use super::position_account::RentPayer;
use crate::error::{Error, Result};
use crate::math::triggers::is_limit_order_hit;
use crate::oracle::Oracles;
use crate::sdk::entrypoint::Input;
use crate::sdk::pubkey::keys_eq;
use crate::state::config::Config;
use crate::state::market::Market;
use crate::state::order::Order;
use crate::state::pool::Pool;
use crate::token::cpi::close_account;
use crate::token::{check_token_program, token_account_mint};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    if !data.is_empty() {
        return Err(Error::InvalidInstruction);
    }
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let market_view = accounts.writable()?;
    let order_view = accounts.writable()?;
    if order_view.data_len() == 0 {
        return Err(Error::NotFound);
    }
    let order = Order::load(order_view, input.program_id)?;
    expect_key(market_view, &order.market)?;
    let position = accounts.writable()?;
    let owner = accounts.writable()?;
    expect_key(owner, &order.owner)?;
    let lock_custody = accounts.writable()?;
    let escrow = accounts.writable()?;
    expect_key(escrow, &order.escrow)?;
    let receiving_vault = accounts.writable()?;
    let authority = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let system_program = accounts.next()?;
    let swap = if keys_eq(&order.collateral_custody, lock_custody.key()) {
        None
    } else {
        let pool = accounts.next()?;
        let count = Pool::load_custody_count(pool, input.program_id)?;
        Some((pool, accounts.take(count)?))
    };
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    let market = Market::load(market_view, input.program_id)?;
    let price = oracles.mid(&market.oracle, &market.feed_id)?;
    if !is_limit_order_hit(order.side, price, order.trigger_price) {
        return Err(Error::InvalidTrigger);
    }
    let a = OpenAccounts {
        owner: order.owner,
        market: market_view,
        position,
        lock_custody,
        receiving_vault,
        token_program,
        system_program,
        posted_mint: token_account_mint(escrow)?,
        swap,
        rent: RentPayer::Order(order_view, order.position_bump),
    };
    let args = OpenArgs {
        side: order.side,
        amount: order.collateral_amount,
        leverage_bps: order.leverage_bps,
        acceptable_price: order.acceptable_price,
        take_profit: order.take_profit,
        stop_loss: order.stop_loss,
    };
    execute_open(&Env { ctx: &ctx, config: &config, oracles: &oracles }, &a, &args, &Funding::Escrow { escrow, authority, order: *order_view.key() })?;
    close_account(order_view, owner)
}
