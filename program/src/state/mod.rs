//! Program state: each account type with its discriminator and explicit little-endian byte layout (the offsets
//! are `docs/program.md`'s tables and `lib/chain/accounts/*.ts`'s decoders). Loading checks the owner (this
//! program), the discriminator and the length, so an account of one type is never accepted as another; where an
//! account must be a particular one (a market's custody, a pool's mint) the instruction also checks its address.
pub mod config;
pub mod custody;
pub mod market;
pub mod order;
pub mod pool;
pub mod position;
pub mod price;

use crate::error::{Error, Result};
use crate::sdk::bytes;
use crate::sdk::pubkey::{keys_eq, Pubkey};
use crate::sdk::AccountView;

/// The data of a program account of one type, after the owner, length and discriminator checks.
pub fn program_data<'a>(view: &'a AccountView, program_id: &Pubkey, discriminator: &[u8; 8], len: usize) -> Result<&'a [u8]> {
    if !keys_eq(view.owner(), program_id) {
        return Err(Error::InvalidAccount);
    }
    let data = view.data();
    if data.len() < len || data[..8] != discriminator[..] {
        return Err(Error::InvalidAccount);
    }
    Ok(data)
}

/// Writable data of an account already loaded through `program_data`.
pub fn writable_data(view: &AccountView) -> Result<&mut [u8]> {
    if !view.is_writable() {
        return Err(Error::AccountNotWritable);
    }
    Ok(view.data_mut())
}

// Readers of a buffer whose length was checked by `program_data`: out of range cannot happen, so they read 0
// instead of panicking.
#[inline(always)]
pub fn u8_at(d: &[u8], o: usize) -> u8 {
    bytes::read_u8(d, o).unwrap_or(0)
}
#[inline(always)]
pub fn u64_at(d: &[u8], o: usize) -> u64 {
    bytes::read_u64(d, o).unwrap_or(0)
}
#[inline(always)]
pub fn i64_at(d: &[u8], o: usize) -> i64 {
    bytes::read_i64(d, o).unwrap_or(0)
}
#[inline(always)]
pub fn u128_at(d: &[u8], o: usize) -> u128 {
    bytes::read_u128(d, o).unwrap_or(0)
}
#[inline(always)]
pub fn key_at(d: &[u8], o: usize) -> Pubkey {
    bytes::read_key(d, o).unwrap_or([0; 32])
}

/// Writers for a buffer of checked length; a short buffer (impossible after the checks) is an error.
pub struct Writer<'a>(pub &'a mut [u8]);

impl Writer<'_> {
    pub fn u8(&mut self, o: usize, v: u8) -> Result<()> {
        bytes::write_u8(self.0, o, v).ok_or(Error::InvalidAccount)
    }
    pub fn u64(&mut self, o: usize, v: u64) -> Result<()> {
        bytes::write_u64(self.0, o, v).ok_or(Error::InvalidAccount)
    }
    pub fn i64(&mut self, o: usize, v: i64) -> Result<()> {
        bytes::write_i64(self.0, o, v).ok_or(Error::InvalidAccount)
    }
    pub fn u128(&mut self, o: usize, v: u128) -> Result<()> {
        bytes::write_u128(self.0, o, v).ok_or(Error::InvalidAccount)
    }
    pub fn key(&mut self, o: usize, v: &Pubkey) -> Result<()> {
        bytes::write_key(self.0, o, v).ok_or(Error::InvalidAccount)
    }
    pub fn bytes(&mut self, o: usize, v: &[u8]) -> Result<()> {
        self.0.get_mut(o..o + v.len()).ok_or(Error::InvalidAccount)?.copy_from_slice(v);
        Ok(())
    }
}
