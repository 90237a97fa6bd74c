//! Zero-copy views of the accounts in the loader's input buffer (the aligned serialization of BPF Loader
//! Upgradeable): per account a header `[dup u8, is_signer u8, is_writable u8, executable u8, resize delta 4 bytes]`,
//! then `key [32]`, `owner [32]`, `lamports u64`, `data_len u64`, the data, 10 KiB of realloc room, padding to 8,
//! and `rent_epoch u64`.
use super::bytes::{load_u64, store_u64};
use super::pubkey::Pubkey;

pub(crate) const KEY_OFFSET: usize = 8;
pub(crate) const OWNER_OFFSET: usize = 40;
pub(crate) const LAMPORTS_OFFSET: usize = 72;
pub(crate) const DATA_LEN_OFFSET: usize = 80;
pub(crate) const DATA_OFFSET: usize = 88;
/// Bytes an account's data may grow by in one instruction (MAX_PERMITTED_DATA_INCREASE).
pub const MAX_DATA_INCREASE: usize = 10 * 1024;

/// One account of the instruction. Copyable: a duplicate account in the input is the same view twice.
///
/// The views hand out slices of the input buffer. The program's discipline, which makes them sound, is that a
/// slice of one account's data is never held across another borrow of the same account: state is loaded by
/// copying fields out, and stored by copying them back.
#[derive(Clone, Copy)]
pub struct AccountView {
    raw: *mut u8,
}

impl AccountView {
    /// SAFETY: `raw` must point at an account header in the loader's input buffer (or a buffer of the same
    /// layout in tests), valid for the whole instruction.
    pub(crate) unsafe fn from_raw(raw: *mut u8) -> Self {
        AccountView { raw }
    }

    #[inline(always)]
    fn byte(&self, offset: usize) -> u8 {
        // SAFETY: offsets below DATA_OFFSET lie inside the fixed account header (see from_raw).
        unsafe { *self.raw.add(offset) }
    }

    #[inline(always)]
    pub fn key(&self) -> &Pubkey {
        // SAFETY: the key is 32 bytes at KEY_OFFSET of a valid header; [u8; 32] has alignment 1.
        unsafe { &*(self.raw.add(KEY_OFFSET) as *const Pubkey) }
    }

    #[inline(always)]
    pub fn owner(&self) -> &Pubkey {
        // SAFETY: as `key`, at OWNER_OFFSET.
        unsafe { &*(self.raw.add(OWNER_OFFSET) as *const Pubkey) }
    }

    #[inline(always)]
    pub fn is_signer(&self) -> bool {
        self.byte(1) != 0
    }

    #[inline(always)]
    pub fn is_writable(&self) -> bool {
        self.byte(2) != 0
    }

    #[inline(always)]
    pub fn executable(&self) -> bool {
        self.byte(3) != 0
    }

    #[inline(always)]
    pub fn lamports(&self) -> u64 {
        // SAFETY: the u64 at LAMPORTS_OFFSET lies inside the fixed account header (see from_raw).
        unsafe { load_u64(self.raw.add(LAMPORTS_OFFSET)) }
    }

    /// Sets the lamports; the runtime checks at the end of the instruction that no lamport was created.
    #[inline(always)]
    pub fn set_lamports(&self, lamports: u64) {
        // SAFETY: as `lamports`; the buffer is writable memory of the VM (the runtime rejects writes to
        // accounts that are not writable or not owned by the program when the instruction ends).
        unsafe { store_u64(self.raw.add(LAMPORTS_OFFSET), lamports) }
    }

    #[inline(always)]
    pub fn data_len(&self) -> usize {
        // SAFETY: as `lamports`, at DATA_LEN_OFFSET. The runtime keeps it current after a CPI.
        unsafe { load_u64(self.raw.add(DATA_LEN_OFFSET)) as usize }
    }

    #[inline(always)]
    pub fn data(&self) -> &[u8] {
        // SAFETY: `data_len` bytes follow DATA_OFFSET in the input buffer.
        unsafe { core::slice::from_raw_parts(self.raw.add(DATA_OFFSET), self.data_len()) }
    }

    /// The account's data for writing. See the type's doc for the borrowing discipline.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn data_mut(&self) -> &mut [u8] {
        // SAFETY: as `data`; writes go to VM memory that the runtime validates at the end of the instruction.
        unsafe { core::slice::from_raw_parts_mut(self.raw.add(DATA_OFFSET), self.data_len()) }
    }

    /// Shortens the data to `new_len` bytes (closing an account shrinks it to 0; nothing here grows data: a
    /// growing resize would have to zero the new bytes, a memset the BPF backend cannot call).
    pub fn truncate(&self, new_len: usize) {
        if new_len < self.data_len() {
            // SAFETY: as `data_len`; a shorter length stays inside the account's data.
            unsafe { store_u64(self.raw.add(DATA_LEN_OFFSET), new_len as u64) }
        }
    }

    /// Hands the account to `owner` (the runtime allows it only for a writable account this program owns whose
    /// data is zeroed).
    pub fn assign(&self, owner: &Pubkey) {
        // SAFETY: the owner field is 32 bytes at OWNER_OFFSET of a valid header.
        unsafe { core::ptr::copy_nonoverlapping(owner.as_ptr(), self.raw.add(OWNER_OFFSET), 32) }
    }

    /// Raw pointer to the header, for building C-ABI account infos (cpi.rs).
    pub(crate) fn raw(&self) -> *mut u8 {
        self.raw
    }
}
