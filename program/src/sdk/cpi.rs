//! Cross-program invocation through `sol_invoke_signed_c`, with the C-ABI structs of the runtime
//! (`SolInstruction`, `SolAccountMeta`, `SolAccountInfo`). Account infos point into the input buffer, so the
//! runtime's updates after the call (lamports, data, length) are what the views read next.
use super::account::{AccountView, DATA_LEN_OFFSET, DATA_OFFSET, KEY_OFFSET, LAMPORTS_OFFSET, OWNER_OFFSET};
use super::bytes::load_u64;
use super::pubkey::Pubkey;
use super::syscalls::{self, SolBytes, SolSignerSeeds};

/// Most accounts one CPI passes (SPL Token transfers take 3, system create 2).
pub const MAX_CPI_ACCOUNTS: usize = 4;
/// Most seeds of one PDA signer (a position's: prefix, owner, market, side, bump).
pub const MAX_SEEDS: usize = 6;

#[repr(C)]
struct SolAccountMeta {
    pubkey: *const Pubkey,
    is_writable: bool,
    is_signer: bool,
}

#[repr(C)]
struct SolInstruction {
    program_id: *const Pubkey,
    accounts: *const SolAccountMeta,
    account_len: u64,
    data: *const u8,
    data_len: u64,
}

#[repr(C)]
struct SolAccountInfo {
    key: *const Pubkey,
    lamports: *mut u64,
    data_len: u64,
    data: *mut u8,
    owner: *const Pubkey,
    rent_epoch: u64,
    is_signer: bool,
    is_writable: bool,
    executable: bool,
}

/// One account of a CPI: the view, and whether the callee gets it writable and signed.
#[derive(Clone, Copy)]
pub struct CpiAccount<'a> {
    pub view: &'a AccountView,
    pub writable: bool,
    pub signer: bool,
}

/// The seeds of one PDA signer (at most MAX_SEEDS, bump included).
pub struct Signer<'a> {
    pub seeds: &'a [&'a [u8]],
}

/// Why a CPI failed before or in the callee.
#[derive(Debug, PartialEq, Eq)]
pub enum CpiError {
    TooManyAccounts,
    Failed(u64),
}

/// One cross-program call: the callee, its accounts (metas and infos in that order), data and PDA signers.
pub struct Call<'a> {
    pub program: &'a AccountView,
    pub accounts: &'a [CpiAccount<'a>],
    pub data: &'a [u8],
    pub signers: &'a [Signer<'a>],
}

/// Invokes `call.program` with its accounts and data, signing for its PDA signers.
pub fn invoke_signed(call: &Call) -> Result<(), CpiError> {
    let (program, accounts, data, signers) = (call.program, call.accounts, call.data, call.signers);
    if accounts.len() > MAX_CPI_ACCOUNTS || signers.len() > 2 {
        return Err(CpiError::TooManyAccounts);
    }
    let mut metas = [const { SolAccountMeta { pubkey: core::ptr::null(), is_writable: false, is_signer: false } }; MAX_CPI_ACCOUNTS];
    let mut infos = [const { core::mem::MaybeUninit::<SolAccountInfo>::uninit() }; MAX_CPI_ACCOUNTS];
    for (i, acc) in accounts.iter().enumerate() {
        let raw = acc.view.raw();
        // SAFETY: `raw` is a valid account header (AccountView invariant); every pointer below lies inside it.
        unsafe {
            metas[i] = SolAccountMeta { pubkey: raw.add(KEY_OFFSET) as *const Pubkey, is_writable: acc.writable, is_signer: acc.signer };
            infos[i].write(SolAccountInfo {
                key: raw.add(KEY_OFFSET) as *const Pubkey,
                lamports: raw.add(LAMPORTS_OFFSET) as *mut u64,
                data_len: load_u64(raw.add(DATA_LEN_OFFSET)),
                data: raw.add(DATA_OFFSET),
                owner: raw.add(OWNER_OFFSET) as *const Pubkey,
                rent_epoch: 0,
                is_signer: acc.view.is_signer(),
                is_writable: acc.view.is_writable(),
                executable: acc.view.executable(),
            });
        }
    }
    let instruction = SolInstruction {
        program_id: program.key() as *const Pubkey,
        accounts: metas.as_ptr(),
        account_len: accounts.len() as u64,
        data: data.as_ptr(),
        data_len: data.len() as u64,
    };
    let empty = SolBytes { addr: core::ptr::null(), len: 0 };
    let mut seed_bytes = [[empty; MAX_SEEDS]; 2];
    let mut seeds = [SolSignerSeeds { addr: core::ptr::null(), len: 0 }; 2];
    for (s, signer) in signers.iter().enumerate() {
        if signer.seeds.len() > MAX_SEEDS {
            return Err(CpiError::TooManyAccounts);
        }
        for (j, seed) in signer.seeds.iter().enumerate() {
            seed_bytes[s][j] = SolBytes { addr: seed.as_ptr(), len: seed.len() as u64 };
        }
        seeds[s] = SolSignerSeeds { addr: seed_bytes[s].as_ptr(), len: signer.seeds.len() as u64 };
    }
    // SAFETY: `instruction`, `infos[..n]` (initialised above), and `seeds[..signers.len()]` are valid C-ABI values
    // whose pointers refer to live memory for the duration of the call.
    let rc = unsafe {
        syscalls::sol_invoke_signed_c(
            &instruction as *const SolInstruction as *const u8,
            infos.as_ptr() as *const u8,
            accounts.len() as u64,
            seeds.as_ptr(),
            signers.len() as u64,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(CpiError::Failed(rc))
    }
}
