//! The pool program (protocol.md §3–§8 on Solana, chain.md, docs/program.md). `no_std`, no crates: the SDK layer
//! is `sdk`, the only module with `unsafe`; the formulas are `math` (the twin of lib/math); accounts are `state`.
#![cfg_attr(target_arch = "bpf", no_std)]
#![cfg_attr(target_arch = "bpf", no_main)]
#![deny(warnings)]
#![deny(unsafe_code)]

pub mod error;
pub mod events;
pub mod instructions;
pub mod math;
pub mod oracle;
pub mod sdk;
pub mod state;
pub mod token;

entrypoint!(instructions::process);
