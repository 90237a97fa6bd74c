//! Liquidation price and the liquidation test (protocol.md §6, lib/math/liquidation.ts).
use super::position::Side;
use super::scales::BPS;
use super::wide::{mul_div_signed, mul_div_u64, Rounding};
use crate::error::{overflow, Result};

/// §6: `maxLossUsd = ceil(sizeUsd × 10000 / liquidationLeverage) + liquidationFeeUsd + borrowFeeUsd`.
pub fn max_loss_usd(size_usd: u64, liquidation_leverage_bps: u64, liquidation_fee_usd: u64, borrow_fee_usd: u64) -> Result<u64> {
    let margin = overflow(mul_div_u64(size_usd, BPS, liquidation_leverage_bps, Rounding::Ceil))?;
    overflow(margin.checked_add(liquidation_fee_usd).and_then(|x| x.checked_add(borrow_fee_usd)))
}

/// Inputs of the liquidation price.
#[derive(Clone, Copy, Debug)]
pub struct LiquidationInput {
    pub side: Side,
    pub size_usd: u64,
    pub collateral_usd: u64,
    pub entry_price: u64,
    pub liquidation_leverage_bps: u64,
    pub liquidation_fee_usd: u64,
    pub borrow_fee_usd: u64,
}

/// §6 in one division: long `ceil(P0 × (S − C + M) / S)`, short `floor(P0 × (S + C − M) / S)`, clamped at 0
/// (`Δ = (C − M) × P0 / S`; long `ceil(P0 − Δ)`, short `floor(P0 + Δ)`). Rounded toward the mark. 0 for `S = 0`.
/// A short's price beyond u64 (collateral hundreds of times its size) saturates at u64::MAX: never reached.
pub fn liquidation_price(i: &LiquidationInput) -> Result<u64> {
    if i.size_usd == 0 {
        return Ok(0);
    }
    let m = max_loss_usd(i.size_usd, i.liquidation_leverage_bps, i.liquidation_fee_usd, i.borrow_fee_usd)? as i128;
    let (s, c) = (i.size_usd as i128, i.collateral_usd as i128);
    let (factor, rounding) = match i.side {
        Side::Long => (s - c + m, Rounding::Ceil),
        Side::Short => (s + c - m, Rounding::Floor),
    };
    let price = overflow(mul_div_signed(factor, i.entry_price as u128, i.size_usd as u128, rounding))?;
    Ok(if price <= 0 {
        0
    } else if price > u64::MAX as i128 {
        u64::MAX
    } else {
        price as u64
    })
}

/// §6: a long is liquidatable when `price ≤ liquidationPrice`, a short when `price ≥ liquidationPrice`.
pub fn is_liquidatable(side: Side, price: u64, liquidation_price: u64) -> bool {
    match side {
        Side::Long => price <= liquidation_price,
        Side::Short => price >= liquidation_price,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_10x_short_of_sol_at_150() {
        // The engine scenario: 1,000 USDC at 10x short, entry $150: liquidation $163.95 (README).
        let i = LiquidationInput {
            side: Side::Short,
            size_usd: 10_000_000_000,
            collateral_usd: 1_000_000_000,
            entry_price: 1_500_000_000_000,
            liquidation_leverage_bps: 2_000_000,
            liquidation_fee_usd: 20_000_000,
            borrow_fee_usd: 0,
        };
        assert_eq!(liquidation_price(&i), Ok(1_639_500_000_000));
        assert!(is_liquidatable(Side::Short, 1_639_500_000_000, 1_639_500_000_000));
        assert!(!is_liquidatable(Side::Short, 1_639_499_999_999, 1_639_500_000_000));
        let long = LiquidationInput { side: Side::Long, ..i };
        assert_eq!(liquidation_price(&long), Ok(1_360_500_000_000));
        assert_eq!(liquidation_price(&LiquidationInput { size_usd: 0, ..i }), Ok(0));
    }
}
