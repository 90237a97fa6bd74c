//! The Clock sysvar, read by syscall (no account needed).
use super::syscalls;

/// The fields of `Clock` the program uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub slot: u64,
    pub unix_timestamp: i64,
}

/// Reads the Clock sysvar: `{ slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp }`.
pub fn clock() -> Option<Clock> {
    let mut raw = [0u64; 5];
    // SAFETY: the syscall writes the 40-byte Clock struct into `raw`, which is 40 bytes and 8-aligned.
    let rc = unsafe { syscalls::sol_get_clock_sysvar(raw.as_mut_ptr() as *mut u8) };
    if rc != 0 {
        return None;
    }
    Some(Clock { slot: raw[0], unix_timestamp: raw[4] as i64 })
}

/// The Rent sysvar's minimum balance for `data_len` bytes: `(128 + len) × lamports_per_byte_year × threshold`.
pub fn minimum_balance(data_len: usize) -> Option<u64> {
    // Rent { lamports_per_byte_year: u64, exemption_threshold: f64, burn_percent: u8 } = 17 bytes, padded to 24.
    let mut raw = [0u64; 3];
    // SAFETY: the syscall writes the Rent struct into `raw` (24 bytes, 8-aligned).
    let rc = unsafe { syscalls::sol_get_rent_sysvar(raw.as_mut_ptr() as *mut u8) };
    if rc != 0 {
        return None;
    }
    let per_byte_year = raw[0];
    let threshold_bits = raw[1];
    // The threshold is 2.0 on every cluster (exemption after two years); it is an f64 in the sysvar. Decode the two
    // values the runtime has ever used without floating point: 2.0 = 0x4000_0000_0000_0000, 1.0 = 0x3FF0_...
    let years = match threshold_bits {
        0x4000_0000_0000_0000 => 2,
        0x3FF0_0000_0000_0000 => 1,
        _ => return None,
    };
    let bytes = (128 + data_len) as u64;
    // Plain multiplies: checked 64-bit multiplication needs a 128-bit product the BPF backend cannot form; the
    // bounds keep the product far below 2^64.
    if per_byte_year >= 1 << 32 || bytes >= 1 << 24 {
        return None;
    }
    Some(bytes.wrapping_mul(per_byte_year).wrapping_mul(years))
}
