//! Little-endian field access on account data and instruction data, bounds-checked: a short buffer is an error
//! (`None`), never a panic. Fixed-offset reads of a validated account compile to single loads.

#[inline(always)]
pub fn read_u8(data: &[u8], offset: usize) -> Option<u8> {
    data.get(offset).copied()
}

#[inline(always)]
pub fn read_u16(data: &[u8], offset: usize) -> Option<u16> {
    let b = data.get(offset..offset.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

#[inline(always)]
pub fn read_u32(data: &[u8], offset: usize) -> Option<u32> {
    let b = data.get(offset..offset.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The u64 at `p`: one 8-byte load where `p` is 8-aligned (account data and headers start 8-aligned in the
/// loader's input, and the program's u64 fields sit at multiples of 8), byte loads otherwise. Upstream LLVM's BPF
/// backend assumes strict alignment: `read_unaligned` and `from_le_bytes` are eight byte loads there, ~20
/// instructions per field (issue 16, bench/README.md § 1: account loads were 29% of all CU). Little-endian, as BPF.
///
/// SAFETY: `p` must be valid for reading 8 bytes.
#[inline(always)]
pub(crate) unsafe fn load_u64(p: *const u8) -> u64 {
    if (p as usize) & 7 == 0 {
        core::ptr::read(p as *const u64)
    } else {
        core::ptr::read_unaligned(p as *const u64)
    }
}

/// `load_u64`'s store. SAFETY: `p` must be valid for writing 8 bytes.
#[inline(always)]
pub(crate) unsafe fn store_u64(p: *mut u8, v: u64) {
    if (p as usize) & 7 == 0 {
        core::ptr::write(p as *mut u64, v)
    } else {
        core::ptr::write_unaligned(p as *mut u64, v)
    }
}

/// A little-endian u64: one 8-byte load where its address is 8-aligned (as `load_u64`), `from_le_bytes` otherwise.
/// Not `load_u64` itself: with its `read_unaligned` fallback on this hot path the binary grew 36 kB and an open cost
/// 640 CU more (measured 2026-12-04), while the header reads it serves compile to the same bytes either way.
#[inline(always)]
pub fn read_u64(data: &[u8], offset: usize) -> Option<u64> {
    let b = data.get(offset..offset.checked_add(8)?)?;
    let p = b.as_ptr();
    if (p as usize) & 7 == 0 {
        // SAFETY: `b` is 8 readable bytes (the bounds-checked `get` above) and `p` is 8-aligned.
        return Some(u64::from_le(unsafe { core::ptr::read(p as *const u64) }));
    }
    Some(u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
}

#[inline(always)]
pub fn read_i64(data: &[u8], offset: usize) -> Option<i64> {
    read_u64(data, offset).map(|v| v as i64)
}

#[inline(always)]
pub fn read_i32(data: &[u8], offset: usize) -> Option<i32> {
    read_u32(data, offset).map(|v| v as i32)
}

/// A u128 stored as two little-endian u64 words (low word first).
#[inline(always)]
pub fn read_u128(data: &[u8], offset: usize) -> Option<u128> {
    let lo = read_u64(data, offset)?;
    let hi = read_u64(data, offset.checked_add(8)?)?;
    Some(((hi as u128) << 64) | lo as u128)
}

#[inline(always)]
pub fn read_key(data: &[u8], offset: usize) -> Option<[u8; 32]> {
    let b = data.get(offset..offset.checked_add(32)?)?;
    let mut k = [0u8; 32];
    k.copy_from_slice(b);
    Some(k)
}

#[inline(always)]
pub fn write_u8(data: &mut [u8], offset: usize, v: u8) -> Option<()> {
    *data.get_mut(offset)? = v;
    Some(())
}

/// A little-endian u64 written (`store_u64` after the bounds check).
#[inline(always)]
pub fn write_u64(data: &mut [u8], offset: usize, v: u64) -> Option<()> {
    let b = data.get_mut(offset..offset.checked_add(8)?)?;
    // SAFETY: `b` is 8 writable bytes (the bounds-checked `get_mut` above, borrowed mutably).
    unsafe { store_u64(b.as_mut_ptr(), v.to_le()) };
    Some(())
}

#[inline(always)]
pub fn write_i64(data: &mut [u8], offset: usize, v: i64) -> Option<()> {
    write_u64(data, offset, v as u64)
}

#[inline(always)]
pub fn write_u128(data: &mut [u8], offset: usize, v: u128) -> Option<()> {
    write_u64(data, offset, v as u64)?;
    write_u64(data, offset.checked_add(8)?, (v >> 64) as u64)
}

#[inline(always)]
pub fn write_key(data: &mut [u8], offset: usize, k: &[u8; 32]) -> Option<()> {
    data.get_mut(offset..offset.checked_add(32)?)?.copy_from_slice(k);
    Some(())
}

/// A sequential reader of instruction data: each field in order, little-endian; any short read is `None`.
pub struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, at: 0 }
    }
    pub fn u8(&mut self) -> Option<u8> {
        let v = read_u8(self.data, self.at)?;
        self.at += 1;
        Some(v)
    }
    pub fn u16(&mut self) -> Option<u16> {
        let v = read_u16(self.data, self.at)?;
        self.at += 2;
        Some(v)
    }
    pub fn u64(&mut self) -> Option<u64> {
        let v = read_u64(self.data, self.at)?;
        self.at += 8;
        Some(v)
    }
    pub fn i64(&mut self) -> Option<i64> {
        self.u64().map(|v| v as i64)
    }
    pub fn key(&mut self) -> Option<[u8; 32]> {
        let v = read_key(self.data, self.at)?;
        self.at += 32;
        Some(v)
    }
    /// True when every byte was read: trailing bytes make an instruction malformed.
    pub fn finished(&self) -> bool {
        self.at == self.data.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_bounds() {
        let mut d = [0u8; 40];
        write_u64(&mut d, 3, 0x0102_0304_0506_0708).unwrap();
        assert_eq!(read_u64(&d, 3), Some(0x0102_0304_0506_0708));
        assert_eq!(d[3], 8);
        write_u128(&mut d, 16, (7u128 << 64) | 9).unwrap();
        assert_eq!(read_u128(&d, 16), Some((7u128 << 64) | 9));
        assert_eq!(read_u64(&d, 33), None);
        assert_eq!(read_u64(&d, usize::MAX - 2), None);
        assert!(write_u64(&mut d, 33, 1).is_none());
        assert_eq!(read_i64(&(-5i64).to_le_bytes(), 0), Some(-5));
    }

    #[test]
    fn aligned_and_unaligned_offsets_read_and_write_the_same_bytes() {
        // An 8-aligned buffer, so offsets 0, 8, 16… take the one-load path and every other offset the byte path.
        #[repr(align(8))]
        struct Aligned([u8; 48]);
        let mut buf = Aligned([0; 48]);
        let d = &mut buf.0;
        assert_eq!(d.as_ptr() as usize % 8, 0);
        for offset in 0..=40 {
            d.fill(0);
            let v = 0x8877_6655_4433_2211u64.rotate_left(offset as u32);
            write_u64(d, offset, v).unwrap();
            assert_eq!(&d[offset..offset + 8], &v.to_le_bytes(), "write at {offset}");
            assert_eq!(read_u64(d, offset), Some(v), "read at {offset}");
            assert_eq!(d.iter().filter(|b| **b != 0).count(), 8, "nothing else written at {offset}");
        }
        assert_eq!(read_u64(d, 41), None);
        assert!(write_u64(d, 41, 1).is_none());
    }

    #[test]
    fn reader_reads_in_order_and_knows_the_end() {
        let mut d = [0u8; 11];
        d[0] = 4;
        d[1..9].copy_from_slice(&77u64.to_le_bytes());
        d[9..11].copy_from_slice(&513u16.to_le_bytes());
        let mut r = Reader::new(&d);
        assert_eq!(r.u8(), Some(4));
        assert_eq!(r.u64(), Some(77));
        assert!(!r.finished());
        assert_eq!(r.u16(), Some(513));
        assert!(r.finished());
        assert_eq!(r.u8(), None);
    }
}
