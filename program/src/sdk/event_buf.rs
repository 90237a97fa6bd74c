//! The buffer an event is written into before `sol_log_data`: never zero-filled (a 400-byte memset would be a
//! call the BPF backend cannot make), appended in constant-size pieces.
use core::mem::MaybeUninit;

pub const EVENT_CAPACITY: usize = 400;

pub struct EventBuf {
    buf: [MaybeUninit<u8>; EVENT_CAPACITY],
    len: usize,
}

impl EventBuf {
    pub fn new() -> Self {
        EventBuf { buf: [const { MaybeUninit::uninit() }; EVENT_CAPACITY], len: 0 }
    }

    /// Appends `N` bytes; an event that would overflow is cut (never written out of bounds).
    pub fn put<const N: usize>(&mut self, bytes: [u8; N]) {
        if self.len + N > EVENT_CAPACITY {
            return;
        }
        for (slot, b) in self.buf[self.len..self.len + N].iter_mut().zip(bytes) {
            slot.write(b);
        }
        self.len += N;
    }

    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were written by `put`; MaybeUninit<u8> has u8's layout.
        unsafe { core::slice::from_raw_parts(self.buf.as_ptr() as *const u8, self.len) }
    }
}

impl Default for EventBuf {
    fn default() -> Self {
        Self::new()
    }
}
