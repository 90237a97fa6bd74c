//! Public keys as 32 bytes, and the well-known program and mint addresses the program checks against.

/// An ed25519 public key or a program-derived address.
pub type Pubkey = [u8; 32];

/// Compares two keys as four 64-bit words (cheaper in compute units than 32 byte compares). Where both keys are
/// 8-aligned (the keys of the loader's input buffer are: account keys and owners, and account data's keys at
/// multiples of 8) each word is one 8-byte load; otherwise `read_unaligned`, which the BPF backend splits into
/// byte loads (sdk/bytes.rs `read_u64`).
#[inline(always)]
pub fn keys_eq(a: &Pubkey, b: &Pubkey) -> bool {
    if (a.as_ptr() as usize | b.as_ptr() as usize) & 7 == 0 {
        let w = |k: &Pubkey, i: usize| {
            // SAFETY: i ∈ {0, 1, 2, 3}, so the 8 bytes at 8·i lie inside the 32-byte key, and the key is 8-aligned.
            unsafe { core::ptr::read((k.as_ptr() as *const u64).add(i)) }
        };
        return w(a, 0) == w(b, 0) && w(a, 1) == w(b, 1) && w(a, 2) == w(b, 2) && w(a, 3) == w(b, 3);
    }
    let w = |k: &Pubkey, i: usize| {
        // SAFETY: i ∈ {0, 8, 16, 24}, so 8 bytes from i lie inside the 32-byte key; read_unaligned has no
        // alignment requirement.
        unsafe { core::ptr::read_unaligned(k.as_ptr().add(i) as *const u64) }
    };
    w(a, 0) == w(b, 0) && w(a, 8) == w(b, 8) && w(a, 16) == w(b, 16) && w(a, 24) == w(b, 24)
}

/// The all-zero key: the System Program, and "none" in optional key fields of program state.
pub const ZERO_KEY: Pubkey = [0; 32];
pub const SYSTEM_PROGRAM_ID: Pubkey = ZERO_KEY;

/// `TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA`
pub const TOKEN_PROGRAM_ID: Pubkey = [
    6, 221, 246, 225, 215, 101, 161, 147, 217, 203, 225, 70, 206, 235, 121, 172, 28, 180, 133, 237, 95, 91, 55, 145, 58, 140, 245, 133, 126, 255, 0,
    169,
];

/// `rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ`: the Pyth Solana receiver, owner of `PriceUpdateV2` accounts.
pub const PYTH_RECEIVER_ID: Pubkey = [
    12, 183, 250, 187, 82, 247, 166, 72, 187, 91, 49, 125, 154, 1, 139, 144, 87, 203, 2, 71, 116, 250, 254, 1, 230, 196, 223, 152, 204, 56, 88, 129,
];

/// `BPFLoaderUpgradeab1e11111111111111111111111`: the loader the program is deployed with.
pub const BPF_LOADER_UPGRADEABLE_ID: Pubkey = [
    2, 168, 246, 145, 78, 136, 161, 176, 226, 16, 21, 62, 247, 99, 174, 43, 0, 194, 185, 61, 22, 193, 36, 210, 192, 83, 122, 16, 4, 128, 0, 0,
];

/// `So11111111111111111111111111111111111111112`: wrapped SOL.
pub const NATIVE_MINT: Pubkey = [
    6, 155, 136, 87, 254, 171, 129, 132, 251, 104, 127, 99, 70, 24, 192, 53, 218, 196, 57, 220, 26, 235, 59, 85, 152, 160, 240, 0, 0, 0, 0, 1,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_eq_compares_every_byte() {
        let a = TOKEN_PROGRAM_ID;
        assert!(keys_eq(&a, &a));
        for i in 0..32 {
            let mut b = a;
            b[i] ^= 1;
            assert!(!keys_eq(&a, &b), "byte {i}");
        }
    }

    #[test]
    fn keys_eq_is_the_same_on_aligned_and_unaligned_keys() {
        #[repr(align(8))]
        struct Aligned([u8; 72]);
        let mut buf = Aligned([0; 72]);
        for offset in [0usize, 8, 1, 3, 7] {
            buf.0[offset..offset + 32].copy_from_slice(&TOKEN_PROGRAM_ID);
            let key: &Pubkey = buf.0[offset..offset + 32].try_into().unwrap();
            assert_eq!((key.as_ptr() as usize % 8 == 0), offset % 8 == 0);
            assert!(keys_eq(key, &TOKEN_PROGRAM_ID), "offset {offset}");
            for i in 0..32 {
                let mut other = TOKEN_PROGRAM_ID;
                other[i] ^= 0x80;
                assert!(!keys_eq(key, &other), "offset {offset}, byte {i}");
            }
            buf.0.fill(0);
        }
    }
}
