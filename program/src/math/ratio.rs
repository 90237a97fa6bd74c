//! Custody ratios and the ratio rule of liquidity and swaps (protocol.md §8, lib/math/ratio.ts).
use super::scales::BPS;
use super::wide::{mul_div, Rounding};
use crate::error::{overflow, Error, Result};

/// §8: a custody's share `floor(value × 10000 / Σ values)` in bps (0 when the pool is empty).
pub fn ratio_bps(value_usd: u64, total_usd: u128) -> Result<u64> {
    if total_usd == 0 {
        return Ok(0);
    }
    Ok(overflow(mul_div(value_usd as u128, BPS as u128, total_usd, Rounding::Floor))? as u64)
}

/// How far `ratio_bps` lies outside [min, max] (0 inside).
pub fn distance_from_band_bps(ratio_bps: u64, min_bps: u64, max_bps: u64) -> u64 {
    if ratio_bps < min_bps {
        min_bps - ratio_bps
    } else if ratio_bps > max_bps {
        ratio_bps - max_bps
    } else {
        0
    }
}

/// §8 ratio rule: RATIO_OUT_OF_BAND when the ratio ends outside [min, max] (inclusive) and further from the band
/// than before; moving an out-of-band custody toward its band is allowed.
pub fn check_ratio_rule(before_bps: u64, after_bps: u64, min_bps: u64, max_bps: u64) -> Result<()> {
    let after = distance_from_band_bps(after_bps, min_bps, max_bps);
    if after == 0 || after <= distance_from_band_bps(before_bps, min_bps, max_bps) {
        Ok(())
    } else {
        Err(Error::RatioOutOfBand)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule() {
        assert_eq!(ratio_bps(1, 3), Ok(3333));
        assert_eq!(ratio_bps(1, 0), Ok(0));
        assert_eq!(check_ratio_rule(3900, 4000, 2500, 4000), Ok(()));
        assert_eq!(check_ratio_rule(3900, 4001, 2500, 4000), Err(Error::RatioOutOfBand));
        assert_eq!(check_ratio_rule(4200, 4100, 2500, 4000), Ok(()));
        assert_eq!(check_ratio_rule(2400, 2300, 2500, 4000), Err(Error::RatioOutOfBand));
    }
}
