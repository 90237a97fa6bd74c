//! The pool's confidence band and staleness rule (protocol.md §2, lib/math/oracle-band.ts).
use super::scales::BPS;
use super::wide::{mul_div_u64, Rounding};
use crate::error::{overflow, Result};

/// Mid, low and high of one token or feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub price: u64,
    pub low: u64,
    pub high: u64,
}

/// §2: `low = floor(price × (10000 − band) / 10000)`, `high = ceil(price × (10000 + band) / 10000)`.
pub fn price_band(price: u64, band_bps: u64) -> Result<Quote> {
    let down = overflow(BPS.checked_sub(band_bps))?;
    Ok(Quote {
        price,
        low: overflow(mul_div_u64(price, down, BPS, Rounding::Floor))?,
        high: overflow(mul_div_u64(price, overflow(BPS.checked_add(band_bps))?, BPS, Rounding::Ceil))?,
    })
}

/// §2: stale when `publish_time < now − max_age` (a price exactly `max_age` old is still fresh).
pub fn is_price_stale(publish_time: i64, now: i64, max_age_s: i64) -> bool {
    publish_time < now.saturating_sub(max_age_s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_of_25_bps() {
        assert_eq!(
            price_band(1_500_000_000_000, 25),
            Ok(Quote { price: 1_500_000_000_000, low: 1_496_250_000_000, high: 1_503_750_000_000 })
        );
        // Rounding: 3 × 9975 / 10000 = 2.99… → 2; 3 × 10025 / 10000 = 3.0075 → 4.
        assert_eq!(price_band(3, 25).map(|q| (q.low, q.high)), Ok((2, 4)));
        assert!(is_price_stale(69, 100, 30));
        assert!(!is_price_stale(70, 100, 30));
    }
}
