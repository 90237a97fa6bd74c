//! `InitEscrow` (5): creates the escrow vault of a mint (PDA `["escrow", mint]`, owned by the transfer
//! authority), where limit orders' collateral waits. Accounts: admin [signer, writable], config, escrow
//! [writable], mint, system program, token program. Data: none.
use super::accounts::{expect_key, Cursor};
use super::admin::{admin_config, expect_uninitialized};
use super::context::{signer, AUTHORITY_SEED};
use crate::error::{Error, Result};
use crate::sdk::entrypoint::Input;
use crate::sdk::pda::{create_program_address, find_program_address};
use crate::sdk::pubkey::TOKEN_PROGRAM_ID;
use crate::state::custody::ESCROW_SEED;
use crate::token::cpi::{create_pda_account, initialize_account3, CreatePda};
use crate::token::{check_token_program, mint_info, TOKEN_ACCOUNT_LEN};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let mut accounts = Cursor::new(input.accounts);
    let admin = accounts.writable_signer()?;
    let config = admin_config(accounts.next()?, admin, input.program_id)?;
    let escrow = accounts.writable()?;
    let mint = accounts.next()?;
    let system = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    if !data.is_empty() {
        return Err(Error::InvalidInstruction);
    }
    mint_info(mint)?;
    expect_uninitialized(escrow)?;
    let (key, bump) = find_program_address(&[ESCROW_SEED, mint.key()], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(escrow, &key)?;
    let ab = [config.authority_bump];
    let authority = create_program_address(&[AUTHORITY_SEED, &ab], input.program_id).ok_or(Error::InvalidAccount)?;
    let b = [bump];
    let seeds: [&[u8]; 3] = [ESCROW_SEED, mint.key(), &b];
    create_pda_account(&CreatePda { system, payer: admin, account: escrow, space: TOKEN_ACCOUNT_LEN, owner: &TOKEN_PROGRAM_ID }, &signer(&seeds))?;
    initialize_account3(token_program, escrow, mint, &authority)
}
