//! The SDK layer: everything that touches the loader's raw memory or calls the runtime (entrypoint input parsing,
//! syscalls, cross-program invocation, PDAs, logs, the clock). Shapes follow `anza-xyz/pinocchio` (read, not
//! copied): accounts are zero-copy views over the input buffer, nothing allocates, and `unsafe` lives only here,
//! each use with its safety comment. The rest of the program is safe Rust over these views.
#![allow(unsafe_code)]

pub mod account;
pub mod bytes;
pub mod clock;
pub mod cpi;
pub mod entrypoint;
pub mod event_buf;
pub mod fixed_vec;
pub mod log;
pub mod pda;
pub mod pubkey;
pub mod syscalls;

pub use account::AccountView;
pub use pubkey::Pubkey;
