//! `Liquidate` (30) and `ExecuteTpSl` (31): permissionless keeper instructions; the program checks the condition
//! itself at the on-chain price (§6, §7) and settles the whole position. Accounts: keeper [signer], config,
//! market [writable], position [writable], custody [writable], vault [writable], the owner's receiving token
//! account [writable], the owner [writable] (rent), transfer authority, token program, then the price accounts.
//! Data: Liquidate none; ExecuteTpSl kind u8 (0 take profit, 1 stop loss). Emits PositionClosed.
use super::accounts::Cursor;
use super::context::{Ctx, Env};
use super::settle::{settle, SettleAccounts, SettleArgs};
use crate::error::{Error, Result};
use crate::events::{REASON_LIQUIDATION, REASON_STOP_LOSS, REASON_TAKE_PROFIT};
use crate::oracle::Oracles;
use crate::math::scales::BPS;
use crate::sdk::entrypoint::Input;
use crate::state::config::Config;
use crate::state::position::Position;
use crate::token::check_token_program;

#[inline(never)]
pub fn liquidate(input: &Input, data: &[u8]) -> Result<()> {
    if !data.is_empty() {
        return Err(Error::InvalidInstruction);
    }
    run(input, REASON_LIQUIDATION)
}

#[inline(never)]
pub fn execute_tp_sl(input: &Input, data: &[u8]) -> Result<()> {
    let reason = match data {
        [0] => REASON_TAKE_PROFIT,
        [1] => REASON_STOP_LOSS,
        _ => return Err(Error::InvalidInstruction),
    };
    run(input, reason)
}

fn run(input: &Input, reason: u8) -> Result<()> {
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let market = accounts.writable()?;
    let position_view = accounts.writable()?;
    if position_view.data_len() == 0 {
        return Err(Error::NotFound);
    }
    let position = Position::load(position_view, input.program_id)?;
    let custody = accounts.writable()?;
    let vault = accounts.writable()?;
    let receiver = accounts.writable()?;
    let owner = accounts.writable()?;
    let a = SettleAccounts { market, position: position_view, custody, vault, receiver, owner, authority: accounts.next()?, token_program: accounts.next()? };
    check_token_program(a.token_program)?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    settle(&Env { ctx: &ctx, config: &config, oracles: &oracles }, &a, &position, &SettleArgs { fraction_bps: BPS, acceptable_price: 0, reason })
}
