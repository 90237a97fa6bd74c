//! `OpenPosition` (20): opens or increases the owner's position on a market and side (§5), from the owner's
//! token account. Accounts: owner [signer, writable], config, market [writable], position [writable] (PDA
//! `["position", owner, market, side]`), lock custody [writable], funding token account [writable], receiving vault
//! [writable], token program, system program; with `swap` = 1 (an ALP long posted in USDC) then the pool and all the
//! pool's custodies in pool order (the lock custody again; USDC writable); then the price accounts.
//! Data: side u8, swap u8, amount u64, leverage_bps u64, acceptable_price u64, take_profit u64, stop_loss u64
//! (0: none). Emits PositionOpened.
use super::accounts::Cursor;
use super::context::{Ctx, Env};
use super::open_core::{execute_open, Funding, OpenAccounts, OpenArgs};
use super::position_account::RentPayer;
use crate::error::{Error, Result};
use crate::math::position::Side;
use crate::oracle::Oracles;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::state::config::Config;
use crate::state::pool::Pool;
use crate::token::{check_token_program, token_account_mint};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let ctx = Ctx::new(input.program_id)?;
    let mut r = Reader::new(data);
    let (Some(side), Some(swap), Some(amount), Some(leverage_bps), Some(acceptable_price), Some(take_profit), Some(stop_loss)) =
        (r.u8(), r.u8(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64())
    else {
        return Err(Error::InvalidInstruction);
    };
    let side = Side::from_u8(side).ok_or(Error::InvalidInstruction)?;
    if !r.finished() || swap > 1 {
        return Err(Error::InvalidInstruction);
    }
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.writable_signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let market = accounts.writable()?;
    let position = accounts.writable()?;
    let lock_custody = accounts.writable()?;
    let funding = accounts.writable()?;
    let receiving_vault = accounts.writable()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let system_program = accounts.next()?;
    let swap_accounts = if swap == 1 {
        let pool = accounts.next()?;
        let count = Pool::load_custody_count(pool, input.program_id)?;
        Some((pool, accounts.take(count)?))
    } else {
        None
    };
    let a = OpenAccounts {
        owner: *owner.key(),
        market,
        position,
        lock_custody,
        receiving_vault,
        token_program,
        system_program,
        posted_mint: token_account_mint(funding)?,
        swap: swap_accounts,
        rent: RentPayer::Owner(owner),
    };
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    let args = OpenArgs { side, amount, leverage_bps, acceptable_price, take_profit, stop_loss };
    execute_open(&Env { ctx: &ctx, config: &config, oracles: &oracles }, &a, &args, &Funding::Wallet { owner, account: funding })
}
