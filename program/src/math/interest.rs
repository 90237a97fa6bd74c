//! Cumulative borrow interest and a position's borrow fee (protocol.md §4, lib/math/interest.ts).
use super::scales::{RATE_ONE, SECONDS_PER_HOUR};
use super::wide::{mul_div, mul_div_u64, narrow, Rounding};
use crate::error::{overflow, Result};

/// §4: `cumulativeInterest + ceil(elapsedS × rateHourly / 3600)` (rounded up: the pool charges it); a
/// non-positive elapsed time or a zero rate accrues nothing.
pub fn accrue_cumulative_interest(cumulative_interest: u64, rate_hourly: u64, elapsed_s: i64) -> Result<u64> {
    if elapsed_s <= 0 || rate_hourly == 0 {
        return Ok(cumulative_interest);
    }
    let accrued = overflow(mul_div_u64(elapsed_s as u64, rate_hourly, SECONDS_PER_HOUR, Rounding::Ceil))?;
    overflow(cumulative_interest.checked_add(accrued))
}

/// §4: `carriedInterestUsd + ceil((cumulativeInterest − snapshot) × borrowSizeUsd / 1e9)`, rounded up; a
/// cumulative at or below the snapshot accrues nothing.
pub fn borrow_fee_usd(carried_interest_usd: u64, cumulative_interest: u64, interest_snapshot: u64, borrow_size_usd: u64) -> Result<u64> {
    if cumulative_interest <= interest_snapshot {
        return Ok(carried_interest_usd);
    }
    let delta = cumulative_interest - interest_snapshot;
    let fee = overflow(narrow(overflow(mul_div(delta as u128, borrow_size_usd as u128, RATE_ONE as u128, Rounding::Ceil))?))?;
    overflow(carried_interest_usd.checked_add(fee))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accrual_and_fee() {
        // One hour at 160/h: +160; one second: ceil(160 / 3600) = 1.
        assert_eq!(accrue_cumulative_interest(1_000, 160, 3_600), Ok(1_160));
        assert_eq!(accrue_cumulative_interest(1_000, 160, 1), Ok(1_001));
        assert_eq!(accrue_cumulative_interest(1_000, 160, 0), Ok(1_000));
        assert_eq!(accrue_cumulative_interest(1_000, 160, -5), Ok(1_000));
        // $10,000 for 1610 units of 1e-9: ceil(1610 × 10_000_000_000 / 1e9) = 16_100.
        assert_eq!(borrow_fee_usd(0, 1_610, 0, 10_000_000_000), Ok(16_100));
        assert_eq!(borrow_fee_usd(5, 1_610, 1_610, 10_000_000_000), Ok(5));
        assert_eq!(borrow_fee_usd(0, 1, 0, 1), Ok(1));
    }
}
