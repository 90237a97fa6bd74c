//! Program-derived addresses: `create_program_address` to verify a stored bump (one hash), and
//! `find_program_address` to find the canonical bump when an account is created (at most 256 hashes).
use super::pubkey::Pubkey;
use super::syscalls::{self, SolBytes};

fn seed_bytes(seeds: &[&[u8]], out: &mut [SolBytes; 5]) -> Option<usize> {
    if seeds.len() > out.len() {
        return None;
    }
    for (slot, seed) in out.iter_mut().zip(seeds.iter()) {
        if seed.len() > 32 {
            return None;
        }
        *slot = SolBytes { addr: seed.as_ptr(), len: seed.len() as u64 };
    }
    Some(seeds.len())
}

/// The address of `seeds` (bump included) under `program_id`, or None if the seeds land on the curve.
pub fn create_program_address(seeds: &[&[u8]], program_id: &Pubkey) -> Option<Pubkey> {
    let mut bytes = [SolBytes { addr: core::ptr::null(), len: 0 }; 5];
    let n = seed_bytes(seeds, &mut bytes)?;
    let mut address = [0u8; 32];
    // SAFETY: `bytes[..n]` describe live slices; `address` has room for 32 bytes; program_id is 32 bytes.
    let rc = unsafe { syscalls::sol_create_program_address(bytes.as_ptr(), n as u64, program_id.as_ptr(), address.as_mut_ptr()) };
    if rc == 0 {
        Some(address)
    } else {
        None
    }
}

/// The canonical (highest-bump) address of `seeds` under `program_id`, with its bump.
pub fn find_program_address(seeds: &[&[u8]], program_id: &Pubkey) -> Option<(Pubkey, u8)> {
    let mut bytes = [SolBytes { addr: core::ptr::null(), len: 0 }; 5];
    let n = seed_bytes(seeds, &mut bytes)?;
    let mut address = [0u8; 32];
    let mut bump = 0u8;
    // SAFETY: as in create_program_address; `bump` receives one byte.
    let rc = unsafe {
        syscalls::sol_try_find_program_address(bytes.as_ptr(), n as u64, program_id.as_ptr(), address.as_mut_ptr(), &mut bump as *mut u8)
    };
    if rc == 0 {
        Some((address, bump))
    } else {
        None
    }
}
