//! SPL Token: reading token accounts and mints (fixed layouts of the SPL Token program), and the CPIs the program
//! makes (cpi.rs). Every token account is checked by owner program, mint and, where it matters, its owner field.
pub mod cpi;

use crate::error::{Error, Result};
use crate::sdk::bytes::{read_key, read_u64, read_u8};
use crate::sdk::pubkey::{keys_eq, Pubkey, TOKEN_PROGRAM_ID};
use crate::sdk::AccountView;

pub const TOKEN_ACCOUNT_LEN: usize = 165;
pub const MINT_LEN: usize = 82;
const ACCOUNT_STATE_INITIALIZED: u8 = 1;

/// The fields of an SPL token account the program uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenAccount {
    pub mint: Pubkey,
    pub owner: Pubkey,
    pub amount: u64,
}

/// An initialised SPL token account of `mint` (INVALID_TOKEN_ACCOUNT otherwise).
pub fn token_account(view: &AccountView, mint: &Pubkey) -> Result<TokenAccount> {
    if !keys_eq(view.owner(), &TOKEN_PROGRAM_ID) {
        return Err(Error::InvalidTokenAccount);
    }
    let d = view.data();
    if d.len() != TOKEN_ACCOUNT_LEN || read_u8(d, 108) != Some(ACCOUNT_STATE_INITIALIZED) {
        return Err(Error::InvalidTokenAccount);
    }
    let account = TokenAccount {
        mint: read_key(d, 0).ok_or(Error::InvalidTokenAccount)?,
        owner: read_key(d, 32).ok_or(Error::InvalidTokenAccount)?,
        amount: read_u64(d, 64).ok_or(Error::InvalidTokenAccount)?,
    };
    if !keys_eq(&account.mint, mint) {
        return Err(Error::InvalidTokenAccount);
    }
    Ok(account)
}

/// A token account of `mint` whose owner field is `owner`: where a trader's tokens come from or go to.
pub fn owned_token_account(view: &AccountView, mint: &Pubkey, owner: &Pubkey) -> Result<TokenAccount> {
    let account = token_account(view, mint)?;
    if !keys_eq(&account.owner, owner) {
        return Err(Error::InvalidTokenAccount);
    }
    Ok(account)
}

/// A funding account of `owner` holding at least `amount` (INSUFFICIENT_BALANCE otherwise).
pub fn funding_account(view: &AccountView, mint: &Pubkey, owner: &Pubkey, amount: u64) -> Result<TokenAccount> {
    let account = owned_token_account(view, mint, owner)?;
    if account.amount < amount {
        return Err(Error::InsufficientBalance);
    }
    Ok(account)
}

/// The supply and decimals of an SPL mint.
pub fn mint_info(view: &AccountView) -> Result<(u64, u8)> {
    if !keys_eq(view.owner(), &TOKEN_PROGRAM_ID) {
        return Err(Error::InvalidAccount);
    }
    let d = view.data();
    if d.len() != MINT_LEN || read_u8(d, 45) != Some(1) {
        return Err(Error::InvalidAccount);
    }
    Ok((read_u64(d, 36).ok_or(Error::InvalidAccount)?, read_u8(d, 44).ok_or(Error::InvalidAccount)?))
}

/// The token program account passed for CPIs must be SPL Token itself.
pub fn check_token_program(view: &AccountView) -> Result<()> {
    if keys_eq(view.key(), &TOKEN_PROGRAM_ID) {
        Ok(())
    } else {
        Err(Error::InvalidAccount)
    }
}

/// The mint of an SPL token account (what a trader posts is named by its funding account).
pub fn token_account_mint(view: &AccountView) -> Result<Pubkey> {
    if !keys_eq(view.owner(), &TOKEN_PROGRAM_ID) || view.data_len() != TOKEN_ACCOUNT_LEN {
        return Err(Error::InvalidTokenAccount);
    }
    read_key(view.data(), 0).ok_or(Error::InvalidTokenAccount)
}
