//! `CancelOrder` (26): the owner cancels a limit order; the escrow comes back and the account closes (§7).
//! Accounts: owner [signer, writable], config, order [writable], escrow vault [writable], receiving token account
//! [writable], transfer authority, token program. Data: none. Emits OrderCancelled.
use super::accounts::{expect_key, Cursor};
use crate::error::{Error, Result};
use crate::events::{Event, ORDER_CANCELLED};
use crate::sdk::entrypoint::Input;
use crate::sdk::pubkey::keys_eq;
use crate::state::config::Config;
use crate::state::order::Order;
use crate::token::cpi::{close_account, transfer, TokenCall};
use crate::token::{check_token_program, owned_token_account, token_account_mint};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    if !data.is_empty() {
        return Err(Error::InvalidInstruction);
    }
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.writable_signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let order_view = accounts.writable()?;
    if order_view.data_len() == 0 {
        return Err(Error::NotFound);
    }
    let order = Order::load(order_view, input.program_id)?;
    if !keys_eq(&order.owner, owner.key()) {
        return Err(Error::NotOwner);
    }
    let escrow = accounts.writable()?;
    expect_key(escrow, &order.escrow)?;
    let receiver = accounts.writable()?;
    owned_token_account(receiver, &token_account_mint(escrow)?, owner.key())?;
    let authority = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    transfer(&TokenCall::authority(token_program, authority, config.authority_bump), escrow, receiver, order.collateral_amount)?;
    close_account(order_view, owner)?;
    Event::new(ORDER_CANCELLED)
        .key(owner.key())
        .key(order_view.key())
        .key(&order.market)
        .u8(order.side as u8)
        .u64(order.collateral_amount)
        .u64(order.trigger_price)
        .emit();
    Ok(())
}
