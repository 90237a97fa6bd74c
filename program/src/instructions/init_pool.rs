//! `InitPool` (1): creates a pool (0 = ALP, 1 = RWALP) and its LP mint (6 decimals, mint authority the transfer
//! authority PDA). Accounts: admin [signer, writable], config, pool [writable], lp_mint [writable], system
//! program, token program. Data: index u8.
use super::accounts::{expect_key, Cursor};
use super::admin::{admin_config, expect_uninitialized};
use super::context::{signer, AUTHORITY_SEED};
use crate::error::{Error, Result};
use crate::sdk::bytes::Reader;
use crate::sdk::pda::{create_program_address, find_program_address};
use crate::sdk::pubkey::TOKEN_PROGRAM_ID;
use crate::sdk::entrypoint::Input;
use crate::state::pool::{self, Pool};
use crate::token::cpi::{create_pda_account, initialize_mint2, CreatePda};
use crate::token::{check_token_program, MINT_LEN};

pub const LP_DECIMALS: u8 = 6;

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let mut accounts = Cursor::new(input.accounts);
    let admin = accounts.writable_signer()?;
    let config = admin_config(accounts.next()?, admin, input.program_id)?;
    let pool_view = accounts.writable()?;
    let mint_view = accounts.writable()?;
    let system = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let mut r = Reader::new(data);
    let index = r.u8().ok_or(Error::InvalidInstruction)?;
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    expect_uninitialized(pool_view)?;
    expect_uninitialized(mint_view)?;
    let idx = [index];
    let (pool_key, bump) = find_program_address(&[pool::SEED, &idx], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(pool_view, &pool_key)?;
    let (mint_key, mint_bump) = find_program_address(&[pool::LP_MINT_SEED, &pool_key], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(mint_view, &mint_key)?;
    let authority_bump = [config.authority_bump];
    let authority = create_program_address(&[AUTHORITY_SEED, &authority_bump], input.program_id).ok_or(Error::InvalidAccount)?;

    let b = [bump];
    let pool_seeds: [&[u8]; 3] = [pool::SEED, &idx, &b];
    create_pda_account(&CreatePda { system, payer: admin, account: pool_view, space: pool::LEN, owner: input.program_id }, &signer(&pool_seeds))?;
    let mb = [mint_bump];
    let mint_seeds: [&[u8]; 3] = [pool::LP_MINT_SEED, &pool_key, &mb];
    create_pda_account(&CreatePda { system, payer: admin, account: mint_view, space: MINT_LEN, owner: &TOKEN_PROGRAM_ID }, &signer(&mint_seeds))?;
    initialize_mint2(token_program, mint_view, LP_DECIMALS, &authority)?;
    Pool { index, bump, lp_mint_bump: mint_bump, custody_count: 0, market_count: 0, lp_mint: mint_key, custodies: [[0; 32]; 4], markets: [[0; 32]; 3] }
        .write(pool_view.data_mut())
}
