//! `UpdatePrices` (7): the oracle authority writes one or more feeds' prices (all changed feeds of a tick in one
//! transaction). Accounts: authority [signer], config, then the price accounts [writable] in data order.
//! Data: count u8, then count × (price u64, publish_time i64). Emits PricesUpdated.
use super::accounts::Cursor;
use super::context::Ctx;
use crate::error::{Error, Result};
use crate::events::{Event, PRICES_UPDATED};
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::sdk::pubkey::keys_eq;
use crate::state::config::Config;
use crate::state::price::PriceAccount;
use crate::state::writable_data;

pub const MAX_FEEDS_PER_UPDATE: u8 = 7;

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    let authority = accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    if !keys_eq(authority.key(), &config.oracle_authority) {
        return Err(Error::Unauthorized);
    }
    let mut r = Reader::new(data);
    let count = r.u8().ok_or(Error::InvalidInstruction)?;
    if count == 0 || count > MAX_FEEDS_PER_UPDATE {
        return Err(Error::InvalidInstruction);
    }
    let mut event = Event::new(PRICES_UPDATED);
    event.u8(count);
    for _ in 0..count {
        let view = accounts.writable()?;
        let price = r.u64().ok_or(Error::InvalidInstruction)?;
        let publish_time = r.i64().ok_or(Error::InvalidInstruction)?;
        if price == 0 {
            return Err(Error::InvalidPrice);
        }
        let mut account = PriceAccount::load(view, input.program_id)?;
        account.price = price;
        account.publish_time = publish_time;
        account.slot = ctx.slot;
        account.write(writable_data(view)?)?;
        event.key(view.key()).u64(price).i64(publish_time);
    }
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    event.emit();
    Ok(())
}
