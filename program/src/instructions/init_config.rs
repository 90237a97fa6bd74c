//! `InitConfig` (0): creates the config PDA with the admin (the signer), the oracle authority, the oracle kind and
//! the staleness limit. Only the program's upgrade authority may (so nobody can front-run a deploy and become its
//! admin). Accounts: admin [signer, writable], config [writable], system program, program data (the loader's
//! `ProgramData` of this program). Data: oracle_authority [32], oracle_kind u8, max_price_age_s u64.
use super::accounts::{expect_key, Cursor};
use super::admin::expect_uninitialized;
use super::context::AUTHORITY_SEED;
use crate::error::{Error, Result};
use crate::sdk::bytes::{read_key, read_u32, read_u8, Reader};
use crate::sdk::pda::find_program_address;
use crate::sdk::pubkey::{keys_eq, Pubkey, BPF_LOADER_UPGRADEABLE_ID};
use crate::sdk::{entrypoint::Input, AccountView};
use crate::state::config::{self, Config};
use crate::token::cpi::{create_pda_account, CreatePda};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let mut accounts = Cursor::new(input.accounts);
    let admin = accounts.writable_signer()?;
    let config_view = accounts.writable()?;
    let system = accounts.next()?;
    check_upgrade_authority(accounts.next()?, admin.key(), input.program_id)?;
    let mut r = Reader::new(data);
    let oracle_authority = r.key().ok_or(Error::InvalidInstruction)?;
    let oracle_kind = r.u8().ok_or(Error::InvalidInstruction)?;
    let max_price_age_s = r.u64().ok_or(Error::InvalidInstruction)?;
    if !r.finished() || oracle_kind > config::ORACLE_PYTH || max_price_age_s == 0 {
        return Err(Error::InvalidInstruction);
    }
    expect_uninitialized(config_view)?;
    let (address, bump) = find_program_address(&[config::SEED], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(config_view, &address)?;
    let (_, authority_bump) = find_program_address(&[AUTHORITY_SEED], input.program_id).ok_or(Error::InvalidAccount)?;
    create(system, admin, config_view, bump, input)?;
    Config { admin: *admin.key(), oracle_authority, oracle_kind, bump, authority_bump, max_price_age_s }.write(config_view.data_mut())
}

/// The loader's ProgramData of this program (PDA `[program_id]` of the upgradeable loader): `[tag u32 = 3, slot
/// u64, Option<Pubkey> upgrade authority]`; the signer must be that authority (UNAUTHORIZED).
fn check_upgrade_authority(program_data: &AccountView, admin: &Pubkey, program_id: &Pubkey) -> Result<()> {
    let (expected, _) = find_program_address(&[program_id], &BPF_LOADER_UPGRADEABLE_ID).ok_or(Error::InvalidAccount)?;
    if !keys_eq(program_data.key(), &expected) || !keys_eq(program_data.owner(), &BPF_LOADER_UPGRADEABLE_ID) {
        return Err(Error::InvalidAccount);
    }
    let d = program_data.data();
    if read_u32(d, 0) != Some(3) || read_u8(d, 12) != Some(1) || read_key(d, 13).as_ref() != Some(admin) {
        return Err(Error::Unauthorized);
    }
    Ok(())
}

fn create(system: &AccountView, admin: &AccountView, config_view: &AccountView, bump: u8, input: &Input) -> Result<()> {
    let bump = [bump];
    let seeds: [&[u8]; 2] = [config::SEED, &bump];
    create_pda_account(&CreatePda { system, payer: admin, account: config_view, space: config::LEN, owner: input.program_id }, &super::context::signer(&seeds))
}
