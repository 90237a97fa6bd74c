//! One price interface over two sources (chain.md): the oracle authority's price accounts on the local chain
//! (local.rs) and Pyth's `PriceUpdateV2` on real clusters (pyth.rs). Which one is read is the config's
//! `oracle_kind`; the account is checked by address (the market's or custody's `oracle`), owner and feed id.
//! Staleness (§2) is checked on every read against the Clock sysvar.
pub mod local;
pub mod pyth;

use crate::error::{Error, Result};
use crate::math::oracle_band::{is_price_stale, price_band, Quote};
use crate::math::scales::PRICE_ONE;
use crate::sdk::pubkey::{keys_eq, Pubkey};
use crate::sdk::AccountView;
use crate::state::config::{Config, ORACLE_LOCAL};
use crate::state::custody::Custody;

/// A price at 10 decimals with its publish time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OraclePrice {
    pub price: u64,
    pub publish_time: i64,
}

/// The instruction's price accounts ("any order" at the end of the account list), read on demand by address.
pub struct Oracles<'a> {
    views: &'a [AccountView],
    config: &'a Config,
    program_id: &'a Pubkey,
    now_s: i64,
}

impl<'a> Oracles<'a> {
    pub fn new(views: &'a [AccountView], config: &'a Config, program_id: &'a Pubkey, now_s: i64) -> Self {
        Oracles { views, config, program_id, now_s }
    }

    /// The fresh mid of the price account at `address` with feed `feed_id`: INVALID_ORACLE when it was not passed
    /// or is not a valid price account of that feed, INVALID_PRICE when 0, ORACLE_STALE when older than the limit.
    pub fn mid(&self, address: &Pubkey, feed_id: &[u8; 32]) -> Result<u64> {
        let view = self.views.iter().find(|v| keys_eq(v.key(), address)).ok_or(Error::InvalidOracle)?;
        let p = if self.config.oracle_kind == ORACLE_LOCAL {
            local::read(view, self.program_id, feed_id)?
        } else {
            pyth::read(view, feed_id)?
        };
        if p.price == 0 {
            return Err(Error::InvalidPrice);
        }
        if is_price_stale(p.publish_time, self.now_s, self.config.max_price_age_s as i64) {
            return Err(Error::OracleStale);
        }
        Ok(p.price)
    }

    /// Mid, low and high of a custody's token (§2): USDC is $1 exactly (§1); others from their feed and band.
    pub fn custody_quote(&self, custody: &Custody) -> Result<Quote> {
        if custody.is_stable() {
            return Ok(Quote { price: PRICE_ONE, low: PRICE_ONE, high: PRICE_ONE });
        }
        price_band(self.mid(&custody.oracle, &custody.feed_id)?, custody.params.band_bps)
    }
}
