//! The local chain's price accounts (state/price.rs), owned by this program and written by the oracle authority.
use super::OraclePrice;
use crate::error::{Error, Result};
use crate::sdk::pubkey::Pubkey;
use crate::sdk::AccountView;
use crate::state::price::PriceAccount;

pub fn read(view: &AccountView, program_id: &Pubkey, feed_id: &[u8; 32]) -> Result<OraclePrice> {
    let p = PriceAccount::load(view, program_id).map_err(|_| Error::InvalidOracle)?;
    if &p.feed_id != feed_id {
        return Err(Error::InvalidOracle);
    }
    Ok(OraclePrice { price: p.price, publish_time: p.publish_time })
}
