//! Custody utilization and the two-slope hourly borrow rate (protocol.md §4, lib/math/borrow-rate.ts).
use super::scales::BPS;
use super::wide::{mul_div_u64, Rounding};
use crate::error::{overflow, Result};

/// §4: `utilization = floor(locked × 10000 / owned)` in bps; 0 when `owned` or `locked` is 0.
pub fn utilization_bps(locked: u64, owned: u64) -> Result<u64> {
    if owned == 0 || locked == 0 {
        return Ok(0);
    }
    overflow(mul_div_u64(locked, BPS, owned, Rounding::Floor))
}

/// A custody's borrow curve (1e9 per hour).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BorrowCurve {
    pub u_opt_bps: u64,
    pub rate_at_opt_hourly: u64,
    pub rate_max_hourly: u64,
}

/// §4, hourly rate in 1e9, rounded up: `u ≤ uOpt`: `ceil(rateAtOpt × u / uOpt)`; `u > uOpt`:
/// `rateAtOpt + ceil((rateMax − rateAtOpt) × (u − uOpt) / (10000 − uOpt))`. Utilization over 100% counts as 100%.
pub fn borrow_rate_hourly(utilization_bps: u64, curve: &BorrowCurve) -> Result<u64> {
    let util = utilization_bps.min(BPS);
    if util <= curve.u_opt_bps {
        if curve.u_opt_bps == 0 {
            return Ok(curve.rate_at_opt_hourly);
        }
        return overflow(mul_div_u64(curve.rate_at_opt_hourly, util, curve.u_opt_bps, Rounding::Ceil));
    }
    let span = overflow(curve.rate_max_hourly.checked_sub(curve.rate_at_opt_hourly))?;
    let above = overflow(mul_div_u64(span, util - curve.u_opt_bps, BPS - curve.u_opt_bps, Rounding::Ceil))?;
    overflow(curve.rate_at_opt_hourly.checked_add(above))
}

#[cfg(test)]
mod tests {
    use super::*;
    const STANDARD: BorrowCurve = BorrowCurve { u_opt_bps: 8_000, rate_at_opt_hourly: 22_831, rate_max_hourly: 91_895 };

    #[test]
    fn the_tables_of_lib_math() {
        assert_eq!(utilization_bps(0, 0), Ok(0));
        assert_eq!(utilization_bps(56, 10_000), Ok(56));
        assert_eq!(utilization_bps(1, 3), Ok(3333));
        // 56 bps: ceil(22831 × 56 / 8000) = ceil(159.817) = 160.
        assert_eq!(borrow_rate_hourly(56, &STANDARD), Ok(160));
        assert_eq!(borrow_rate_hourly(0, &STANDARD), Ok(0));
        assert_eq!(borrow_rate_hourly(8_000, &STANDARD), Ok(22_831));
        assert_eq!(borrow_rate_hourly(10_000, &STANDARD), Ok(91_895));
        assert_eq!(borrow_rate_hourly(20_000, &STANDARD), Ok(91_895));
        // 9000: 22831 + ceil(69064 × 1000 / 2000) = 22831 + 34532.
        assert_eq!(borrow_rate_hourly(9_000, &STANDARD), Ok(57_363));
    }
}
