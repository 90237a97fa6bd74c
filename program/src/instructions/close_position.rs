//! `ClosePosition` (21): the owner closes the whole position or a fraction (§6), paid in the collateral token.
//! Accounts: owner [signer, writable], config, market [writable], position [writable], custody [writable], vault
//! [writable], receiving token account [writable], transfer authority, token program, then the price accounts.
//! Data: fraction_bps u64 (1..10000, else INVALID_AMOUNT before anything else), acceptable_price u64 (0: none).
//! Emits PositionClosed.
use super::accounts::Cursor;
use super::context::{Ctx, Env};
use super::position_account::load_position;
use super::settle::{settle, SettleAccounts, SettleArgs};
use crate::error::{Error, Result};
use crate::events::REASON_CLOSE;
use crate::math::scales::BPS;
use crate::oracle::Oracles;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::state::config::Config;
use crate::token::check_token_program;

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let ctx = Ctx::new(input.program_id)?;
    let mut r = Reader::new(data);
    let (Some(fraction_bps), Some(acceptable_price)) = (r.u64(), r.u64()) else {
        return Err(Error::InvalidInstruction);
    };
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    // The fraction first, as the engine's closePosition: INVALID_AMOUNT before the position is even loaded.
    if fraction_bps == 0 || fraction_bps > BPS {
        return Err(Error::InvalidAmount);
    }
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.writable_signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let market = accounts.writable()?;
    let position_view = accounts.writable()?;
    let position = load_position(position_view, input.program_id, owner.key())?;
    let a = SettleAccounts {
        market,
        position: position_view,
        custody: accounts.writable()?,
        vault: accounts.writable()?,
        receiver: accounts.writable()?,
        owner,
        authority: accounts.next()?,
        token_program: accounts.next()?,
    };
    check_token_program(a.token_program)?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    settle(&Env { ctx: &ctx, config: &config, oracles: &oracles }, &a, &position, &SettleArgs { fraction_bps, acceptable_price, reason: REASON_CLOSE })
}
