//! Pyth's pull-oracle price accounts (`PriceUpdateV2` of the Pyth Solana receiver), for real clusters. Borsh
//! layout: discriminator [8], write_authority [32], verification_level (tag u8: 0 Partial + num_signatures u8,
//! 1 Full), then PriceFeedMessage { feed_id [32], price i64, conf u64, exponent i32, publish_time i64,
//! prev_publish_time i64, ema_price i64, ema_conf u64 }, posted_slot u64. Only fully verified updates count.
use super::OraclePrice;
use crate::error::{Error, Result};
use crate::math::scales::{pow10, PRICE_DECIMALS};
use crate::math::wide::{checked_mul_u128, div_u128, narrow, Rounding};
use crate::sdk::bytes::{read_i32, read_i64, read_key, read_u8};
use crate::sdk::pubkey::{keys_eq, PYTH_RECEIVER_ID};
use crate::sdk::AccountView;

pub const PRICE_UPDATE_V2_DISCRIMINATOR: [u8; 8] = [34, 241, 35, 99, 157, 126, 244, 205];
const VERIFICATION_FULL: u8 = 1;

pub fn read(view: &AccountView, feed_id: &[u8; 32]) -> Result<OraclePrice> {
    if !keys_eq(view.owner(), &PYTH_RECEIVER_ID) {
        return Err(Error::InvalidOracle);
    }
    let d = view.data();
    if d.len() < 8 || d[..8] != PRICE_UPDATE_V2_DISCRIMINATOR {
        return Err(Error::InvalidOracle);
    }
    if read_u8(d, 40) != Some(VERIFICATION_FULL) {
        return Err(Error::InvalidOracle);
    }
    let m = 41;
    if read_key(d, m).as_ref() != Some(feed_id) {
        return Err(Error::InvalidOracle);
    }
    let price = read_i64(d, m + 32).ok_or(Error::InvalidOracle)?;
    let exponent = read_i32(d, m + 48).ok_or(Error::InvalidOracle)?;
    let publish_time = read_i64(d, m + 52).ok_or(Error::InvalidOracle)?;
    Ok(OraclePrice { price: scale_price(price, exponent)?, publish_time })
}

/// Pyth's `price × 10^exponent` → 10 decimals (lib/oracle/pyth-convert.ts): multiply by `10^(exponent + 10)`, or
/// divide by `10^(−10 − exponent)` flooring. A price ≤ 0 is INVALID_PRICE.
pub fn scale_price(price: i64, exponent: i32) -> Result<u64> {
    if price <= 0 {
        return Err(Error::InvalidPrice);
    }
    let shift = exponent + PRICE_DECIMALS as i32;
    let raw = price as u128;
    let scaled = if shift >= 0 {
        checked_mul_u128(raw, pow10(shift as u32).ok_or(Error::InvalidPrice)?)
    } else {
        div_u128(raw, pow10((-shift) as u32).ok_or(Error::InvalidPrice)?, Rounding::Floor)
    };
    match scaled.and_then(narrow) {
        Some(p) if p > 0 => Ok(p),
        _ => Err(Error::InvalidPrice),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_like_pyth_convert() {
        assert_eq!(scale_price(15_025_000_000, -8), Ok(1_502_500_000_000));
        assert_eq!(scale_price(2_500, -8), Ok(250_000));
        assert_eq!(scale_price(123_456_789_012, -12), Ok(1_234_567_890));
        assert_eq!(scale_price(1, -12), Err(Error::InvalidPrice));
        assert_eq!(scale_price(0, -8), Err(Error::InvalidPrice));
        assert_eq!(scale_price(-5, -8), Err(Error::InvalidPrice));
    }
}
