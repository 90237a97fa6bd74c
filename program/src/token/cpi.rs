//! CPIs to SPL Token (owner-signed in, PDA-signed out) and to the System Program (account creation).
use crate::error::{Error, Result};
use crate::sdk::clock::minimum_balance;
use crate::sdk::cpi::{invoke_signed, Call, CpiAccount, Signer};
use crate::sdk::pubkey::{keys_eq, Pubkey, SYSTEM_PROGRAM_ID};
use crate::sdk::AccountView;

fn acc(view: &AccountView, writable: bool, signer: bool) -> CpiAccount<'_> {
    CpiAccount { view, writable, signer }
}

fn token_call(program: &AccountView, accounts: &[CpiAccount], data: &[u8], signers: &[Signer]) -> Result<()> {
    invoke_signed(&Call { program, accounts, data, signers }).map_err(|_| Error::TokenTransferFailed)
}

/// Seed of the transfer authority PDA `["authority", bump]`: owner of every vault, mint authority of the LP mints.
pub const AUTHORITY_SEED: &[u8] = b"authority";

/// Who authorises a token CPI: an owner who signed the transaction, or the transfer authority PDA by its seeds.
pub struct TokenCall<'a> {
    pub program: &'a AccountView,
    pub authority: &'a AccountView,
    /// The transfer authority's bump when the program signs.
    pub authority_bump: Option<u8>,
}

impl<'a> TokenCall<'a> {
    /// Tokens of `owner`, who signed.
    pub fn owner(program: &'a AccountView, owner: &'a AccountView) -> Self {
        TokenCall { program, authority: owner, authority_bump: None }
    }
    /// Tokens of a vault (or LP mint authority), signed by the transfer authority PDA.
    pub fn authority(program: &'a AccountView, authority: &'a AccountView, bump: u8) -> Self {
        TokenCall { program, authority, authority_bump: Some(bump) }
    }
    fn invoke(&self, first: &AccountView, second: &AccountView, data: &[u8]) -> Result<()> {
        let accounts = [acc(first, true, false), acc(second, true, false), acc(self.authority, false, true)];
        match self.authority_bump {
            None => token_call(self.program, &accounts, data, &[]),
            Some(bump) => {
                let b = [bump];
                let seeds: [&[u8]; 2] = [AUTHORITY_SEED, &b];
                token_call(self.program, &accounts, data, &[Signer { seeds: &seeds }])
            }
        }
    }
}

fn amount_data(tag: u8, amount: u64) -> [u8; 9] {
    let mut data = [0u8; 9];
    data[0] = tag;
    data[1..9].copy_from_slice(&amount.to_le_bytes());
    data
}

/// SPL Token `Transfer` (3) of `amount` from `source` to `dest`.
pub fn transfer(call: &TokenCall, source: &AccountView, dest: &AccountView, amount: u64) -> Result<()> {
    call.invoke(source, dest, &amount_data(3, amount))
}

/// SPL Token `MintTo` (7).
pub fn mint_to(call: &TokenCall, mint: &AccountView, dest: &AccountView, amount: u64) -> Result<()> {
    call.invoke(mint, dest, &amount_data(7, amount))
}

/// SPL Token `Burn` (8) of the owner's tokens, signed by the owner.
pub fn burn(call: &TokenCall, account: &AccountView, mint: &AccountView, amount: u64) -> Result<()> {
    call.invoke(account, mint, &amount_data(8, amount))
}

/// SPL Token `InitializeAccount3` (18): `account` of `mint` owned by `owner`.
pub fn initialize_account3(token_program: &AccountView, account: &AccountView, mint: &AccountView, owner: &Pubkey) -> Result<()> {
    let mut data = [0u8; 33];
    data[0] = 18;
    data[1..33].copy_from_slice(owner);
    token_call(token_program, &[acc(account, true, false), acc(mint, false, false)], &data, &[])
}

/// SPL Token `InitializeMint2` (20): `decimals`, mint authority, no freeze authority.
pub fn initialize_mint2(token_program: &AccountView, mint: &AccountView, decimals: u8, authority: &Pubkey) -> Result<()> {
    let mut data = [0u8; 35];
    data[0] = 20;
    data[1] = decimals;
    data[2..34].copy_from_slice(authority);
    data[34] = 0;
    token_call(token_program, &[acc(mint, true, false)], &data, &[])
}

fn system_call(system: &AccountView, accounts: &[CpiAccount], data: &[u8], signers: &[Signer]) -> Result<()> {
    if !keys_eq(system.key(), &SYSTEM_PROGRAM_ID) {
        return Err(Error::InvalidAccount);
    }
    invoke_signed(&Call { program: system, accounts, data, signers }).map_err(|_| Error::InvalidAccount)
}

/// A PDA account to create: `space` bytes owned by `owner`, rent paid by `payer`.
pub struct CreatePda<'a> {
    pub system: &'a AccountView,
    pub payer: &'a AccountView,
    pub account: &'a AccountView,
    pub space: usize,
    pub owner: &'a Pubkey,
}

/// Creates the PDA (its seeds in `signer`). An address that already holds lamports (sent to it to block the
/// creation) is topped up, allocated and assigned instead of created, as Anchor's `init` does.
pub fn create_pda_account(c: &CreatePda, signer: &Signer) -> Result<()> {
    let rent = minimum_balance(c.space).ok_or(Error::InvalidAccount)?;
    let current = c.account.lamports();
    if current == 0 {
        let mut data = [0u8; 52];
        data[4..12].copy_from_slice(&rent.to_le_bytes());
        data[12..20].copy_from_slice(&(c.space as u64).to_le_bytes());
        data[20..52].copy_from_slice(c.owner);
        return system_call(c.system, &[acc(c.payer, true, true), acc(c.account, true, true)], &data, core::slice::from_ref(signer));
    }
    if current < rent {
        let mut data = [0u8; 12];
        data[0] = 2;
        data[4..12].copy_from_slice(&(rent - current).to_le_bytes());
        system_call(c.system, &[acc(c.payer, true, true), acc(c.account, true, false)], &data, &[])?;
    }
    allocate_and_assign(c, signer)
}

/// System `Allocate` (8) then `Assign` (1) of a PDA that already holds its rent, signed by its seeds.
pub fn allocate_and_assign(c: &CreatePda, signer: &Signer) -> Result<()> {
    let mut alloc = [0u8; 12];
    alloc[0] = 8;
    alloc[4..12].copy_from_slice(&(c.space as u64).to_le_bytes());
    system_call(c.system, &[acc(c.account, true, true)], &alloc, core::slice::from_ref(signer))?;
    let mut assign = [0u8; 36];
    assign[0] = 1;
    assign[4..36].copy_from_slice(c.owner);
    system_call(c.system, &[acc(c.account, true, true)], &assign, core::slice::from_ref(signer))
}

/// Closes a program account: its lamports to `dest`, its data emptied, handed back to the System Program.
pub fn close_account(account: &AccountView, dest: &AccountView) -> Result<()> {
    let lamports = account.lamports();
    let total = dest.lamports().checked_add(lamports).ok_or(Error::MathOverflow)?;
    dest.set_lamports(total);
    account.set_lamports(0);
    // Emptied (length 0), so the runtime lets the owner change: nothing of the old state survives.
    account.truncate(0);
    account.assign(&SYSTEM_PROGRAM_ID);
    Ok(())
}

/// Moves `lamports` between two writable accounts when the program owns `from` (fills fund a position's rent from
/// the order account).
pub fn move_lamports(from: &AccountView, to: &AccountView, lamports: u64) -> Result<()> {
    let left = from.lamports().checked_sub(lamports).ok_or(Error::MathOverflow)?;
    let total = to.lamports().checked_add(lamports).ok_or(Error::MathOverflow)?;
    from.set_lamports(left);
    to.set_lamports(total);
    Ok(())
}
