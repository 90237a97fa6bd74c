//! The runtime's syscalls used by the program (`extern "C"`, resolved by the loader through the dynamic symbol
//! table by the murmur3 hash of each name). Off the BPF target (host tests) they are stubs: host tests exercise
//! the math, the layouts and the input parser, never a syscall.

/// A byte slice as the C ABI passes it (`SolBytes`, also `SolSignerSeed`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SolBytes {
    pub addr: *const u8,
    pub len: u64,
}

/// One signer's seeds (`SolSignerSeeds`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SolSignerSeeds {
    pub addr: *const SolBytes,
    pub len: u64,
}

#[cfg(target_arch = "bpf")]
extern "C" {
    pub fn sol_log_(message: *const u8, len: u64);
    pub fn sol_log_64_(a: u64, b: u64, c: u64, d: u64, e: u64);
    pub fn sol_log_data(data: *const SolBytes, len: u64);
    pub fn sol_log_compute_units_();
    pub fn sol_set_return_data(data: *const u8, len: u64);
    pub fn sol_get_clock_sysvar(addr: *mut u8) -> u64;
    pub fn sol_get_rent_sysvar(addr: *mut u8) -> u64;
    pub fn sol_create_program_address(seeds: *const SolBytes, seeds_len: u64, program_id: *const u8, address: *mut u8) -> u64;
    pub fn sol_try_find_program_address(seeds: *const SolBytes, seeds_len: u64, program_id: *const u8, address: *mut u8, bump: *mut u8) -> u64;
    pub fn sol_invoke_signed_c(
        instruction: *const u8,
        account_infos: *const u8,
        account_infos_len: u64,
        signers_seeds: *const SolSignerSeeds,
        signers_seeds_len: u64,
    ) -> u64;
    pub fn sol_panic_(file: *const u8, len: u64, line: u64, column: u64) -> !;
}

#[cfg(not(target_arch = "bpf"))]
mod host {
    //! Host stand-ins: logging does nothing, everything else reports failure.
    use super::{SolBytes, SolSignerSeeds};
    pub unsafe fn sol_log_(_: *const u8, _: u64) {}
    pub unsafe fn sol_log_64_(_: u64, _: u64, _: u64, _: u64, _: u64) {}
    pub unsafe fn sol_log_data(_: *const SolBytes, _: u64) {}
    pub unsafe fn sol_log_compute_units_() {}
    pub unsafe fn sol_set_return_data(_: *const u8, _: u64) {}
    pub unsafe fn sol_get_clock_sysvar(_: *mut u8) -> u64 {
        1
    }
    pub unsafe fn sol_get_rent_sysvar(_: *mut u8) -> u64 {
        1
    }
    pub unsafe fn sol_create_program_address(_: *const SolBytes, _: u64, _: *const u8, _: *mut u8) -> u64 {
        1
    }
    pub unsafe fn sol_try_find_program_address(_: *const SolBytes, _: u64, _: *const u8, _: *mut u8, _: *mut u8) -> u64 {
        1
    }
    pub unsafe fn sol_invoke_signed_c(_: *const u8, _: *const u8, _: u64, _: *const SolSignerSeeds, _: u64) -> u64 {
        1
    }
}
#[cfg(not(target_arch = "bpf"))]
pub use host::*;
