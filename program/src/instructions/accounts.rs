//! Walking an instruction's account list in its documented order, with the signer and writable checks.
use crate::error::{Error, Result};
use crate::sdk::AccountView;

pub struct Cursor<'a> {
    list: &'a [AccountView],
    at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(list: &'a [AccountView]) -> Self {
        Cursor { list, at: 0 }
    }

    /// The next account (INVALID_ACCOUNT when the list is short).
    pub fn next(&mut self) -> Result<&'a AccountView> {
        let view = self.list.get(self.at).ok_or(Error::InvalidAccount)?;
        self.at += 1;
        Ok(view)
    }

    /// The next account, which must have signed (MISSING_SIGNATURE).
    pub fn signer(&mut self) -> Result<&'a AccountView> {
        let view = self.next()?;
        if !view.is_signer() {
            return Err(Error::MissingSignature);
        }
        Ok(view)
    }

    /// The next account, which must be writable (ACCOUNT_NOT_WRITABLE).
    pub fn writable(&mut self) -> Result<&'a AccountView> {
        let view = self.next()?;
        if !view.is_writable() {
            return Err(Error::AccountNotWritable);
        }
        Ok(view)
    }

    /// A signer that is also writable (pays rent or receives it back).
    pub fn writable_signer(&mut self) -> Result<&'a AccountView> {
        let view = self.signer()?;
        if !view.is_writable() {
            return Err(Error::AccountNotWritable);
        }
        Ok(view)
    }

    /// The next `n` accounts.
    pub fn take(&mut self, n: usize) -> Result<&'a [AccountView]> {
        let end = self.at.checked_add(n).ok_or(Error::InvalidAccount)?;
        let run = self.list.get(self.at..end).ok_or(Error::InvalidAccount)?;
        self.at = end;
        Ok(run)
    }

    /// Everything not taken yet (the price accounts at the end of every list).
    pub fn rest(&self) -> &'a [AccountView] {
        self.list.get(self.at..).unwrap_or(&[])
    }
}

/// The address must be `expected` (a vault, mint, custody or market named by the state): INVALID_ACCOUNT.
pub fn expect_key(view: &AccountView, expected: &[u8; 32]) -> Result<()> {
    if crate::sdk::pubkey::keys_eq(view.key(), expected) {
        Ok(())
    } else {
        Err(Error::InvalidAccount)
    }
}
