//! Program logs: plain messages (`sol_log_`), numbers (`sol_log_64_`), events as base64 "Program data:" lines
//! (`sol_log_data`), return data for read-only query instructions, and a compute-unit probe for benchmarks.
use super::syscalls;

/// Logs a message.
#[inline(always)]
pub fn log(message: &[u8]) {
    // SAFETY: pointer and length of a live slice.
    unsafe { syscalls::sol_log_(message.as_ptr(), message.len() as u64) }
}

/// Logs five numbers (one line of hex values).
#[inline(always)]
pub fn log_u64(a: u64, b: u64, c: u64, d: u64, e: u64) {
    // SAFETY: plain values.
    unsafe { syscalls::sol_log_64_(a, b, c, d, e) }
}

/// Emits `parts` as one "Program data:" log line (each part base64-encoded, space separated).
pub fn log_data(parts: &[&[u8]]) {
    let mut bytes = [syscalls::SolBytes { addr: core::ptr::null(), len: 0 }; 4];
    let n = parts.len().min(bytes.len());
    for (slot, part) in bytes.iter_mut().zip(parts.iter()) {
        *slot = syscalls::SolBytes { addr: part.as_ptr(), len: part.len() as u64 };
    }
    // SAFETY: `bytes[..n]` describe live slices.
    unsafe { syscalls::sol_log_data(bytes.as_ptr(), n as u64) }
}

/// Sets the instruction's return data (read by `simulateTransaction`).
pub fn set_return_data(data: &[u8]) {
    // SAFETY: pointer and length of a live slice.
    unsafe { syscalls::sol_set_return_data(data.as_ptr(), data.len() as u64) }
}

/// Logs the compute units left (benchmarks only).
pub fn log_compute_units() {
    // SAFETY: no arguments.
    unsafe { syscalls::sol_log_compute_units_() }
}
