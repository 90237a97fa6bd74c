//! `InitPrice` (4): creates a feed's price account (PDA `["price", feed_id]`) on the local chain. Accounts: admin
//! [signer, writable], config, price [writable], system program. Data: feed_id [32].
use super::accounts::{expect_key, Cursor};
use super::admin::{admin_config, expect_uninitialized};
use super::context::signer;
use crate::error::{Error, Result};
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::sdk::pda::find_program_address;
use crate::state::price::{self, PriceAccount};
use crate::token::cpi::{create_pda_account, CreatePda};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let mut accounts = Cursor::new(input.accounts);
    let admin = accounts.writable_signer()?;
    admin_config(accounts.next()?, admin, input.program_id)?;
    let price_view = accounts.writable()?;
    let system = accounts.next()?;
    let mut r = Reader::new(data);
    let feed_id = r.key().ok_or(Error::InvalidInstruction)?;
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    expect_uninitialized(price_view)?;
    let (key, bump) = find_program_address(&[price::SEED, &feed_id], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(price_view, &key)?;
    let b = [bump];
    let seeds: [&[u8]; 3] = [price::SEED, &feed_id, &b];
    create_pda_account(&CreatePda { system, payer: admin, account: price_view, space: price::LEN, owner: input.program_id }, &signer(&seeds))?;
    PriceAccount { feed_id, price: 0, publish_time: 0, slot: 0, bump }.write(price_view.data_mut())
}
