//! The program's entrypoint: parses the loader's input into account views, instruction data and the program id,
//! calls the processor, and turns its error into the return value (a custom program error number).
use super::account::{AccountView, DATA_LEN_OFFSET, DATA_OFFSET, MAX_DATA_INCREASE};
use super::bytes::load_u64;
use super::pubkey::Pubkey;

/// Most accounts one instruction may receive (the largest, liquidity on ALP, takes about 20).
pub const MAX_ACCOUNTS: usize = 40;
const NON_DUP_MARKER: u8 = u8::MAX;

/// What the processor receives.
pub struct Input<'a> {
    pub program_id: &'a Pubkey,
    pub accounts: &'a [AccountView],
    pub data: &'a [u8],
}

/// Why the input could not be parsed.
#[derive(Debug, PartialEq, Eq)]
pub enum InputError {
    TooManyAccounts,
    BadDuplicate,
}

/// Room for the views; only the first `count` are ever handed out.
pub struct Views([AccountView; MAX_ACCOUNTS]);

impl Views {
    pub fn new() -> Self {
        // SAFETY: a null view is a placeholder that `parse` overwrites before exposing any slot.
        Views([unsafe { AccountView::from_raw(core::ptr::null_mut()) }; MAX_ACCOUNTS])
    }
}

impl Default for Views {
    fn default() -> Self {
        Self::new()
    }
}

/// Parses the aligned serialization. A duplicate (the same account passed twice) becomes a copy of the first view.
///
/// SAFETY: `input` must point at a buffer laid out by the loader (or by the host tests' serializer), living for
/// `'a`.
pub unsafe fn parse<'a>(input: *mut u8, views: &'a mut Views) -> Result<Input<'a>, InputError> {
    let count = load_u64(input) as usize;
    if count > MAX_ACCOUNTS {
        return Err(InputError::TooManyAccounts);
    }
    let mut at = input.add(8);
    for i in 0..count {
        let dup = *at;
        if dup == NON_DUP_MARKER {
            views.0[i] = AccountView::from_raw(at);
            let data_len = load_u64(at.add(DATA_LEN_OFFSET)) as usize;
            let end = (DATA_OFFSET + data_len + MAX_DATA_INCREASE + 7) & !7;
            at = at.add(end + 8);
        } else {
            let original = dup as usize;
            if original >= i {
                return Err(InputError::BadDuplicate);
            }
            views.0[i] = views.0[original];
            at = at.add(8);
        }
    }
    let data_len = load_u64(at) as usize;
    let data = core::slice::from_raw_parts(at.add(8), data_len);
    let program_id = &*(at.add(8 + data_len) as *const Pubkey);
    Ok(Input { program_id, accounts: &views.0[..count], data })
}

/// The runtime's builtin `InvalidArgument` error (`2 << 32`), returned when the input itself cannot be parsed.
pub const INVALID_ARGUMENT: u64 = 2 << 32;

/// Defines the exported `entrypoint` symbol: parse, then `$process(&Input) -> u64` (0 on success, else the
/// program error number it chose).
#[macro_export]
macro_rules! entrypoint {
    ($process:path) => {
        /// SAFETY: called by the loader with its input buffer.
        #[cfg(target_arch = "bpf")]
        #[no_mangle]
        #[allow(unsafe_code)]
        pub unsafe extern "C" fn entrypoint(input: *mut u8) -> u64 {
            let mut views = $crate::sdk::entrypoint::Views::new();
            match $crate::sdk::entrypoint::parse(input, &mut views) {
                Ok(parsed) => $process(&parsed),
                Err(_) => $crate::sdk::entrypoint::INVALID_ARGUMENT,
            }
        }
    };
}

/// Aborts the program on a panic (the program returns errors; a panic is a bug and fails the transaction).
#[cfg(target_arch = "bpf")]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    let msg = b"panicked";
    // SAFETY: `sol_panic_` takes a message pointer and length and never returns.
    unsafe { super::syscalls::sol_panic_(msg.as_ptr(), msg.len() as u64, 0, 0) }
}

/// The host tests' serializer: lays accounts out exactly as the loader does.
#[cfg(test)]
pub mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    pub struct TestAccount {
        pub key: Pubkey,
        pub owner: Pubkey,
        pub lamports: u64,
        pub data: Vec<u8>,
        pub signer: bool,
        pub writable: bool,
        /// Some(i): a duplicate of account i.
        pub dup_of: Option<u8>,
    }

    pub fn serialize(accounts: &[TestAccount], data: &[u8], program_id: &Pubkey) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&(accounts.len() as u64).to_le_bytes());
        for a in accounts {
            if let Some(i) = a.dup_of {
                out.push(i);
                out.extend_from_slice(&[0; 7]);
                continue;
            }
            out.extend_from_slice(&[NON_DUP_MARKER, a.signer as u8, a.writable as u8, 0, 0, 0, 0, 0]);
            out.extend_from_slice(&a.key);
            out.extend_from_slice(&a.owner);
            out.extend_from_slice(&a.lamports.to_le_bytes());
            out.extend_from_slice(&(a.data.len() as u64).to_le_bytes());
            out.extend_from_slice(&a.data);
            out.extend(core::iter::repeat(0).take(MAX_DATA_INCREASE));
            while out.len() % 8 != 0 {
                out.push(0);
            }
            out.extend_from_slice(&u64::MAX.to_le_bytes());
        }
        out.extend_from_slice(&(data.len() as u64).to_le_bytes());
        out.extend_from_slice(data);
        out.extend_from_slice(program_id);
        out
    }

    fn account(seed: u8, data_len: usize, signer: bool, writable: bool) -> TestAccount {
        TestAccount {
            key: [seed; 32],
            owner: [seed.wrapping_add(100); 32],
            lamports: 1000 + seed as u64,
            data: (0..data_len).map(|i| (i as u8).wrapping_mul(seed)).collect(),
            signer,
            writable,
            dup_of: None,
        }
    }

    #[test]
    fn parses_every_field_for_many_data_lengths() {
        for len in [0usize, 1, 7, 8, 9, 100, 215, 216, 1000] {
            let accs = [account(1, len, true, false), account(2, len + 3, false, true), account(3, 0, false, false)];
            let mut buf = serialize(&accs, &[9, 8, 7], &[42; 32]);
            // The loader aligns the input to 16; Vec<u8> gives at least 8 for this size in practice, and the parser
            // uses unaligned reads, so alignment does not change the result here.
            let mut views = Views::new();
            let input = unsafe { parse(buf.as_mut_ptr(), &mut views) }.unwrap();
            assert_eq!(input.accounts.len(), 3);
            assert_eq!(input.data, &[9, 8, 7]);
            assert_eq!(input.program_id, &[42; 32]);
            for (view, acc) in input.accounts.iter().zip(accs.iter()) {
                assert_eq!(view.key(), &acc.key);
                assert_eq!(view.owner(), &acc.owner);
                assert_eq!(view.lamports(), acc.lamports);
                assert_eq!(view.data(), &acc.data[..]);
                assert_eq!(view.is_signer(), acc.signer);
                assert_eq!(view.is_writable(), acc.writable);
            }
        }
    }

    #[test]
    fn duplicates_are_the_same_view_and_forward_references_are_refused() {
        let mut dup = account(0, 0, false, false);
        dup.dup_of = Some(0);
        let accs = [account(5, 10, true, true), dup];
        let mut buf = serialize(&accs, &[], &[1; 32]);
        let mut views = Views::new();
        let input = unsafe { parse(buf.as_mut_ptr(), &mut views) }.unwrap();
        assert_eq!(input.accounts[1].key(), &[5; 32]);
        input.accounts[1].set_lamports(7);
        assert_eq!(input.accounts[0].lamports(), 7);

        let mut bad = account(0, 0, false, false);
        bad.dup_of = Some(1);
        let mut buf = serialize(&[bad, account(1, 0, false, false)], &[], &[1; 32]);
        let mut views = Views::new();
        assert_eq!(unsafe { parse(buf.as_mut_ptr(), &mut views) }.err(), Some(InputError::BadDuplicate));
    }

    #[test]
    fn refuses_more_accounts_than_it_has_room_for() {
        let accs: Vec<TestAccount> = (0..(MAX_ACCOUNTS as u8 + 1)).map(|i| account(i, 0, false, false)).collect();
        let mut buf = serialize(&accs, &[], &[1; 32]);
        let mut views = Views::new();
        assert_eq!(unsafe { parse(buf.as_mut_ptr(), &mut views) }.err(), Some(InputError::TooManyAccounts));
    }

    #[test]
    fn writes_reach_the_buffer_and_truncate_only_shortens() {
        let mut buf = serialize(&[account(3, 4, false, true)], &[], &[1; 32]);
        let mut views = Views::new();
        let input = unsafe { parse(buf.as_mut_ptr(), &mut views) }.unwrap();
        let a = input.accounts[0];
        a.data_mut()[0] = 200;
        a.truncate(12);
        assert_eq!(a.data_len(), 4);
        assert_eq!(a.data()[0], 200);
        a.assign(&[0; 32]);
        assert_eq!(a.owner(), &[0; 32]);
        a.truncate(0);
        assert_eq!(a.data().len(), 0);
    }
}
