//! Opening a position: the quote and its checks (protocol.md §5, lib/math/open.ts).
use super::convert::{token_to_usd, usd_to_tokens};
use super::liquidation::{liquidation_price, LiquidationInput};
use super::params::{MarketParams, MIN_COLLATERAL_USD, MIN_LEVERAGE_BPS};
use super::position::Side;
use super::scales::BPS;
use super::wide::{mul_div_u64, Rounding};
use crate::error::{overflow, Error, Result};

pub struct OpenInput {
    pub side: Side,
    /// In the position's collateral token (an ALP long posted in USDC: the market token out of the swap).
    pub collateral_amount: u64,
    pub collateral_low: u64,
    pub collateral_decimals: u8,
    pub leverage_bps: u64,
    /// Oracle mid of the market: the entry price.
    pub price: u64,
    /// Oracle low of the lock token (used for ALP longs, which lock the market token).
    pub lock_low: u64,
    pub lock_decimals: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenResult {
    pub collateral_amount: u64,
    pub collateral_usd: u64,
    pub size_usd: u64,
    pub entry_price: u64,
    pub lock_amount: u64,
    pub open_fee_usd: u64,
    pub exit_fee_usd: u64,
    pub liquidation_fee_usd: u64,
    pub liquidation_price: u64,
}

/// §5: `collateralUsd = floor(usd(amount, low, dec))`; `sizeUsd = floor(collateralUsd × leverage / 10000)`;
/// entry = mid; lock (ALP long) `ceil(tokens(sizeUsd, lockLow, lockDec))` of the market token, otherwise `sizeUsd`
/// USDC units; exit and liquidation fees `ceil(sizeUsd × bps / 10000)`; the open fee (0 bps) comes out of the
/// collateral as GMX does. The liquidation price is the one right after opening (no borrow fee yet).
pub fn compute_open(market: &MarketParams, i: &OpenInput) -> Result<OpenResult> {
    let gross = token_to_usd(i.collateral_amount, i.collateral_low, i.collateral_decimals, Rounding::Floor)?;
    let size_usd = overflow(mul_div_u64(gross, i.leverage_bps, BPS, Rounding::Floor))?;
    let lock_amount = if market.long_locks_market_token && i.side == Side::Long {
        usd_to_tokens(size_usd, i.lock_low, i.lock_decimals, Rounding::Ceil)?
    } else {
        size_usd
    };
    let fee = |bps: u64| overflow(mul_div_u64(size_usd, bps, BPS, Rounding::Ceil));
    let open_fee_usd = fee(market.open_fee_bps)?;
    let exit_fee_usd = fee(market.close_fee_bps)?;
    let liquidation_fee_usd = fee(market.liquidation_fee_bps)?;
    let collateral_usd = overflow(gross.checked_sub(open_fee_usd))?;
    let liquidation_price = liquidation_price(&LiquidationInput {
        side: i.side,
        size_usd,
        collateral_usd,
        entry_price: i.price,
        liquidation_leverage_bps: market.liquidation_leverage_bps,
        liquidation_fee_usd,
        borrow_fee_usd: 0,
    })?;
    Ok(OpenResult {
        collateral_amount: i.collateral_amount,
        collateral_usd,
        size_usd,
        entry_price: i.price,
        lock_amount,
        open_fee_usd,
        exit_fee_usd,
        liquidation_fee_usd,
        liquidation_price,
    })
}

pub struct OpenChecks {
    pub side: Side,
    pub leverage_bps: u64,
    pub collateral_usd: u64,
    pub size_usd: u64,
    pub entry_price: u64,
    pub lock_amount: u64,
    /// 0: none.
    pub acceptable_price: u64,
    /// `owned − locked` of the lock custody, in lock-token units (after the swap of an ALP long posted in USDC).
    pub free_liquidity: u64,
    /// Open interest of this market and side before this open.
    pub open_interest_usd: u64,
    /// Size of the position this open increases (0 for a new one).
    pub existing_size_usd: u64,
}

/// The leverage range alone (LEVERAGE_TOO_LOW, LEVERAGE_TOO_HIGH; inclusive): also what placing an order checks.
pub fn check_leverage(market: &MarketParams, leverage_bps: u64) -> Result<()> {
    if leverage_bps < MIN_LEVERAGE_BPS {
        return Err(Error::LeverageTooLow);
    }
    if leverage_bps > market.max_initial_leverage_bps {
        return Err(Error::LeverageTooHigh);
    }
    Ok(())
}

/// §5 checks after market hours and staleness (checked by the caller first), in lib/math's order:
/// LEVERAGE_TOO_LOW, LEVERAGE_TOO_HIGH, COLLATERAL_TOO_SMALL (this deposit ≥ $10, also when increasing),
/// POSITION_TOO_LARGE, OPEN_INTEREST_CAP, INSUFFICIENT_LIQUIDITY, SLIPPAGE.
pub fn validate_open(market: &MarketParams, c: &OpenChecks) -> Result<()> {
    check_leverage(market, c.leverage_bps)?;
    if c.collateral_usd < MIN_COLLATERAL_USD {
        return Err(Error::CollateralTooSmall);
    }
    if overflow(c.existing_size_usd.checked_add(c.size_usd))? > market.max_position_usd {
        return Err(Error::PositionTooLarge);
    }
    if overflow(c.open_interest_usd.checked_add(c.size_usd))? > market.open_interest_cap_usd {
        return Err(Error::OpenInterestCap);
    }
    if c.free_liquidity < c.lock_amount {
        return Err(Error::InsufficientLiquidity);
    }
    check_entry_slippage(c.side, c.entry_price, c.acceptable_price)
}

/// §5.2: SLIPPAGE if a long's entry is above, or a short's below, `acceptable_price` (0 = not given).
pub fn check_entry_slippage(side: Side, price: u64, acceptable_price: u64) -> Result<()> {
    if acceptable_price == 0 {
        return Ok(());
    }
    let moved = match side {
        Side::Long => price > acceptable_price,
        Side::Short => price < acceptable_price,
    };
    if moved {
        Err(Error::Slippage)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const SOL: MarketParams = MarketParams {
        long_locks_market_token: true,
        max_initial_leverage_bps: 1_000_000,
        liquidation_leverage_bps: 2_000_000,
        close_fee_bps: 10,
        liquidation_fee_bps: 20,
        open_fee_bps: 0,
        max_position_usd: 1_000_000_000_000,
        open_interest_cap_usd: 3_000_000_000_000,
    };

    #[test]
    fn a_10x_short_of_1000_usdc() {
        let r = compute_open(
            &SOL,
            &OpenInput {
                side: Side::Short,
                collateral_amount: 1_000_000_000,
                collateral_low: 10_000_000_000,
                collateral_decimals: 6,
                leverage_bps: 100_000,
                price: 1_500_000_000_000,
                lock_low: 10_000_000_000,
                lock_decimals: 6,
            },
        )
        .unwrap();
        assert_eq!(r.size_usd, 10_000_000_000);
        assert_eq!(r.lock_amount, 10_000_000_000);
        assert_eq!(r.exit_fee_usd, 10_000_000);
        assert_eq!(r.liquidation_fee_usd, 20_000_000);
        assert_eq!(r.liquidation_price, 1_639_500_000_000);
    }

    #[test]
    fn a_long_locks_the_market_token_at_low() {
        // 10 SOL at low 149.625 = $1496.25 × 5 = $7481.25; lock ceil(7481.25 / 149.625) = 50 SOL.
        let r = compute_open(
            &SOL,
            &OpenInput {
                side: Side::Long,
                collateral_amount: 10_000_000_000,
                collateral_low: 1_496_250_000_000,
                collateral_decimals: 9,
                leverage_bps: 50_000,
                price: 1_500_000_000_000,
                lock_low: 1_496_250_000_000,
                lock_decimals: 9,
            },
        )
        .unwrap();
        assert_eq!(r.collateral_usd, 1_496_250_000);
        assert_eq!(r.size_usd, 7_481_250_000);
        assert_eq!(r.lock_amount, 50_000_000_000);
    }

    #[test]
    fn checks_in_order() {
        let ok = OpenChecks {
            side: Side::Long,
            leverage_bps: 100_000,
            collateral_usd: 10_000_000,
            size_usd: 100_000_000,
            entry_price: 100,
            lock_amount: 5,
            acceptable_price: 100,
            free_liquidity: 5,
            open_interest_usd: 0,
            existing_size_usd: 0,
        };
        assert_eq!(validate_open(&SOL, &ok), Ok(()));
        assert_eq!(validate_open(&SOL, &OpenChecks { leverage_bps: 10_999, ..ok }), Err(Error::LeverageTooLow));
        assert_eq!(validate_open(&SOL, &OpenChecks { leverage_bps: 1_000_001, ..ok }), Err(Error::LeverageTooHigh));
        assert_eq!(validate_open(&SOL, &OpenChecks { collateral_usd: 9_999_999, ..ok }), Err(Error::CollateralTooSmall));
        assert_eq!(validate_open(&SOL, &OpenChecks { existing_size_usd: 999_900_000_001, ..ok }), Err(Error::PositionTooLarge));
        assert_eq!(validate_open(&SOL, &OpenChecks { open_interest_usd: 2_999_900_000_001, ..ok }), Err(Error::OpenInterestCap));
        assert_eq!(validate_open(&SOL, &OpenChecks { free_liquidity: 4, ..ok }), Err(Error::InsufficientLiquidity));
        assert_eq!(validate_open(&SOL, &OpenChecks { acceptable_price: 99, ..ok }), Err(Error::Slippage));
        assert_eq!(check_entry_slippage(Side::Short, 99, 100), Err(Error::Slippage));
        assert_eq!(check_entry_slippage(Side::Short, 100, 100), Ok(()));
    }
}
