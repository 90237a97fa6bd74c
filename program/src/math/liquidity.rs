//! LP token price and add/remove-liquidity quotes (protocol.md §8, lib/math/liquidity.ts).
use super::convert::{token_to_usd, usd_to_tokens};
use super::scales::{BPS, LP_ONE};
use super::wide::{mul_div_u64, Rounding};
use crate::error::{overflow, Error, Result};

/// §8: `floor(AUM × 10^6 / supply)` USD per LP token; $1 when the supply is 0.
pub fn lp_price_usd(aum_usd: u64, supply: u64) -> Result<u64> {
    if supply == 0 {
        return Ok(LP_ONE);
    }
    overflow(mul_div_u64(aum_usd, LP_ONE, supply, Rounding::Floor))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddQuote {
    pub fee_amount: u64,
    pub value_usd: u64,
    pub lp_out: u64,
}

/// §8 add: `fee = ceil(a × addFeeBps / 10000)`; `valueUsd = floor(usd(a − fee, low))`; `lpOut = supply = 0 ?
/// valueUsd : floor(valueUsd × supply / AUM)`. POOL_EMPTY when LP exists but AUM is 0; AMOUNT_TOO_SMALL when no
/// LP token would be minted.
#[inline(always)]
pub fn add_liquidity_quote(amount: u64, add_fee_bps: u64, low: u64, decimals: u8, aum_usd: u64, supply: u64) -> Result<AddQuote> {
    let fee_amount = overflow(mul_div_u64(amount, add_fee_bps, BPS, Rounding::Ceil))?;
    let value_usd = token_to_usd(overflow(amount.checked_sub(fee_amount))?, low, decimals, Rounding::Floor)?;
    if supply > 0 && aum_usd == 0 {
        return Err(Error::PoolEmpty);
    }
    let lp_out = if supply == 0 { value_usd } else { overflow(mul_div_u64(value_usd, supply, aum_usd, Rounding::Floor))? };
    if lp_out == 0 {
        return Err(Error::AmountTooSmall);
    }
    Ok(AddQuote { fee_amount, value_usd, lp_out })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RemoveQuote {
    pub usd_out: u64,
    pub gross_amount: u64,
    pub fee_amount: u64,
    pub amount_out: u64,
}

/// §8 remove: `usdOut = floor(AUM × lp / supply)`; `gross = floor(tokens(usdOut, high))`; `fee = ceil(gross ×
/// removeFeeBps / 10000)`; `out = gross − fee`. POOL_EMPTY (no supply), INSUFFICIENT_BALANCE (lp > supply),
/// AMOUNT_TOO_SMALL (nothing paid).
#[inline(always)]
pub fn remove_liquidity_quote(lp_amount: u64, aum_usd: u64, supply: u64, high: u64, decimals: u8, remove_fee_bps: u64) -> Result<RemoveQuote> {
    if supply == 0 {
        return Err(Error::PoolEmpty);
    }
    if lp_amount > supply {
        return Err(Error::InsufficientBalance);
    }
    let usd_out = overflow(mul_div_u64(aum_usd, lp_amount, supply, Rounding::Floor))?;
    let gross_amount = usd_to_tokens(usd_out, high, decimals, Rounding::Floor)?;
    let fee_amount = overflow(mul_div_u64(gross_amount, remove_fee_bps, BPS, Rounding::Ceil))?;
    let amount_out = gross_amount - fee_amount;
    if lp_amount == 0 || amount_out == 0 {
        return Err(Error::AmountTooSmall);
    }
    Ok(RemoveQuote { usd_out, gross_amount, fee_amount, amount_out })
}

/// MIN_OUT_NOT_MET when `amount_out < min_amount_out` (equal passes).
pub fn check_min_out(amount_out: u64, min_amount_out: u64) -> Result<()> {
    if amount_out < min_amount_out {
        Err(Error::MinOutNotMet)
    } else {
        Ok(())
    }
}

/// INSUFFICIENT_LIQUIDITY unless `owned − locked ≥ amount`.
pub fn check_free_liquidity(owned: u64, locked: u64, amount: u64) -> Result<()> {
    if (owned as i128) - (locked as i128) < amount as i128 {
        Err(Error::InsufficientLiquidity)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes() {
        assert_eq!(lp_price_usd(10_000_000_000_000, 10_000_000_000_000), Ok(1_000_000));
        assert_eq!(lp_price_usd(5, 0), Ok(1_000_000));
        // 1,000 USDC into a pool at $1.02 per LP: 1000 / 1.02 = 980.392156.
        let q = add_liquidity_quote(1_000_000_000, 0, 10_000_000_000, 6, 10_200_000_000_000, 10_000_000_000_000).unwrap();
        assert_eq!(q.lp_out, 980_392_156);
        assert_eq!(add_liquidity_quote(1, 0, 1, 6, 0, 5), Err(Error::PoolEmpty));
        assert_eq!(add_liquidity_quote(1, 0, 1, 6, 10, 0), Err(Error::AmountTooSmall));
        let r = remove_liquidity_quote(980_392_156, 10_200_000_000_000, 10_000_000_000_000, 10_000_000_000, 6, 10).unwrap();
        assert_eq!(r.usd_out, 999_999_999);
        assert_eq!(r.fee_amount, 1_000_000);
        assert_eq!(r.amount_out, 998_999_999);
        assert_eq!(remove_liquidity_quote(6, 1, 5, 1, 6, 0), Err(Error::InsufficientBalance));
        assert_eq!(check_min_out(5, 6), Err(Error::MinOutNotMet));
        assert_eq!(check_free_liquidity(10, 5, 6), Err(Error::InsufficientLiquidity));
        assert_eq!(check_free_liquidity(5, 10, 0), Err(Error::InsufficientLiquidity));
    }
}
