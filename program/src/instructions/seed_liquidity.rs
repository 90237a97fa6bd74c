//! `SeedLiquidity` (6): §9's genesis, admin only and only while the LP supply is 0: the admin's tokens go into
//! every custody's `owned`, and `lp_supply` LP tokens are minted to the genesis account. Accounts: admin
//! [signer], config, pool, lp_mint [writable], genesis LP token account [writable], transfer authority, token
//! program, then per custody in pool order: custody [writable], vault [writable], admin's token account
//! [writable]. Data: lp_supply u64, then one amount u64 per custody.
use super::accounts::{expect_key, Cursor};
use super::admin::admin_config;
use super::context::Ctx;
use crate::error::{Error, Result};
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::sdk::pubkey::keys_eq;
use crate::state::custody::Custody;
use crate::state::pool::Pool;
use crate::state::writable_data;
use crate::token::cpi::{mint_to, transfer, TokenCall};
use crate::token::{check_token_program, funding_account, mint_info, token_account};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    let admin = accounts.signer()?;
    let config = admin_config(accounts.next()?, admin, input.program_id)?;
    let pool = Pool::load(accounts.next()?, input.program_id)?;
    let lp_mint = accounts.writable()?;
    expect_key(lp_mint, &pool.lp_mint)?;
    let lp_dest = accounts.writable()?;
    let authority = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let mut r = Reader::new(data);
    let lp_supply = r.u64().ok_or(Error::InvalidInstruction)?;
    let (supply, _) = mint_info(lp_mint)?;
    if supply != 0 {
        return Err(Error::AlreadyInitialized);
    }
    token_account(lp_dest, &pool.lp_mint)?;
    for i in 0..pool.custody_count as usize {
        let custody_view = accounts.writable()?;
        let vault = accounts.writable()?;
        let funding = accounts.writable()?;
        let amount = r.u64().ok_or(Error::InvalidInstruction)?;
        if !keys_eq(custody_view.key(), &pool.custodies[i]) {
            return Err(Error::InvalidAccount);
        }
        let mut custody = Custody::load(custody_view, input.program_id)?;
        expect_key(vault, &custody.vault)?;
        funding_account(funding, &custody.mint, admin.key(), amount)?;
        custody.accrue(ctx.now_s)?;
        custody.add_owned(amount as i128)?;
        custody.settle_rate()?;
        custody.write_state(writable_data(custody_view)?)?;
        if amount > 0 {
            transfer(&TokenCall::owner(token_program, admin), funding, vault, amount)?;
        }
    }
    if !r.finished() || lp_supply == 0 {
        return Err(Error::InvalidInstruction);
    }
    mint_to(&TokenCall::authority(token_program, authority, config.authority_bump), lp_mint, lp_dest, lp_supply)
}
