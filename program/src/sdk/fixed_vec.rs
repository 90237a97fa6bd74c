//! A fixed-capacity vector that never zero-fills its storage. The BPF backend cannot call `memset`/`memcpy`, and
//! LLVM turns the zeroing of an array over 1 KiB (four custodies, three markets) into exactly such a call; a
//! `FixedVec` only ever writes the elements pushed.
use core::mem::MaybeUninit;

pub struct FixedVec<T: Copy, const N: usize> {
    items: [MaybeUninit<T>; N],
    len: usize,
}

impl<T: Copy, const N: usize> FixedVec<T, N> {
    pub fn new() -> Self {
        FixedVec { items: [const { MaybeUninit::uninit() }; N], len: 0 }
    }

    /// Appends `item`; false (and nothing written) when full.
    pub fn push(&mut self, item: T) -> bool {
        if self.len == N {
            return false;
        }
        self.items[self.len].write(item);
        self.len += 1;
        true
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_slice(&self) -> &[T] {
        // SAFETY: the first `len` items were written by `push`; MaybeUninit<T> has T's layout.
        unsafe { core::slice::from_raw_parts(self.items.as_ptr() as *const T, self.len) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as `as_slice`.
        unsafe { core::slice::from_raw_parts_mut(self.items.as_mut_ptr() as *mut T, self.len) }
    }
}

impl<T: Copy, const N: usize> Default for FixedVec<T, N> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pushes_up_to_capacity() {
        let mut v: FixedVec<u64, 2> = FixedVec::new();
        assert!(v.is_empty());
        assert!(v.push(1));
        assert!(v.push(2));
        assert!(!v.push(3));
        assert_eq!(v.as_slice(), &[1, 2]);
        v.as_mut_slice()[0] = 9;
        assert_eq!(v.as_slice(), &[9, 2]);
        assert_eq!(v.len(), 2);
    }
}
