//! Limit orders, take profit and stop loss (protocol.md §7, lib/math/triggers.ts). All compare against the mid.
use super::position::Side;
use crate::error::{Error, Result};

/// §7: a long's take profit fires when `price ≥ tp`, a short's when `price ≤ tp`.
pub fn is_take_profit_hit(side: Side, price: u64, trigger: u64) -> bool {
    match side {
        Side::Long => price >= trigger,
        Side::Short => price <= trigger,
    }
}

/// §7: a long's stop loss fires when `price ≤ sl`, a short's when `price ≥ sl`.
pub fn is_stop_loss_hit(side: Side, price: u64, trigger: u64) -> bool {
    match side {
        Side::Long => price <= trigger,
        Side::Short => price >= trigger,
    }
}

/// §7: a long limit order fills when `price ≤ trigger`, a short one when `price ≥ trigger`.
pub fn is_limit_order_hit(side: Side, price: u64, trigger: u64) -> bool {
    match side {
        Side::Long => price <= trigger,
        Side::Short => price >= trigger,
    }
}

/// §7: TP strictly beyond the mark (long above; short below and above 0); SL strictly between the liquidation
/// price and the mark. 0 = not set (not checked).
pub fn validate_tp_sl(side: Side, mark: u64, liquidation_price: u64, take_profit: u64, stop_loss: u64) -> Result<()> {
    let long = side == Side::Long;
    if take_profit != 0 && (if long { take_profit <= mark } else { take_profit >= mark }) {
        return Err(Error::InvalidTakeProfit);
    }
    if stop_loss != 0 && (if long { stop_loss >= mark || stop_loss <= liquidation_price } else { stop_loss <= mark || stop_loss >= liquidation_price }) {
        return Err(Error::InvalidStopLoss);
    }
    Ok(())
}

/// How far from the mark a limit trigger may lie when the order is placed: a factor of 100 either way.
pub const LIMIT_TRIGGER_RANGE: u64 = 100;

/// §7 at placement, so an order that can never fill cannot be placed (what the issue asks; lib/math's
/// validateLimitTrigger plus the side and range rules): the trigger must be positive, on the side of the mark where
/// a limit order waits (a long at or below the mark, a short at or above it: Adrena and GMX limit orders), and
/// within LIMIT_TRIGGER_RANGE of the mark (a short at 10^30 would never fill). INVALID_TRIGGER otherwise.
pub fn validate_limit_trigger(side: Side, mark: u64, trigger: u64) -> Result<()> {
    if trigger == 0 {
        return Err(Error::InvalidTrigger);
    }
    let ok = match side {
        Side::Long => trigger <= mark && trigger >= mark / LIMIT_TRIGGER_RANGE,
        Side::Short => trigger >= mark && trigger / LIMIT_TRIGGER_RANGE <= mark,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidTrigger)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(is_take_profit_hit(Side::Long, 10, 10));
        assert!(!is_take_profit_hit(Side::Short, 11, 10));
        assert!(is_stop_loss_hit(Side::Short, 10, 10));
        assert!(is_limit_order_hit(Side::Long, 9, 10));
        assert_eq!(validate_tp_sl(Side::Long, 100, 80, 101, 81), Ok(()));
        assert_eq!(validate_tp_sl(Side::Long, 100, 80, 100, 0), Err(Error::InvalidTakeProfit));
        assert_eq!(validate_tp_sl(Side::Long, 100, 80, 0, 80), Err(Error::InvalidStopLoss));
        assert_eq!(validate_tp_sl(Side::Short, 100, 120, 99, 119), Ok(()));
        assert_eq!(validate_tp_sl(Side::Short, 100, 120, 0, 120), Err(Error::InvalidStopLoss));
        assert_eq!(validate_limit_trigger(Side::Long, 100, 100), Ok(()));
        assert_eq!(validate_limit_trigger(Side::Long, 100, 101), Err(Error::InvalidTrigger));
        assert_eq!(validate_limit_trigger(Side::Long, 1_000, 9), Err(Error::InvalidTrigger));
        assert_eq!(validate_limit_trigger(Side::Short, 100, 10_099), Ok(()));
        assert_eq!(validate_limit_trigger(Side::Short, 100, 10_100), Err(Error::InvalidTrigger));
        assert_eq!(validate_limit_trigger(Side::Short, 100, 0), Err(Error::InvalidTrigger));
    }
}
