//! Swaps through the ALP pool (protocol.md §8, lib/math/swap.ts).
use super::scales::{pow10, BPS};
use super::wide::{checked_mul_u128, mul_64, mul_div, mul_div_u64, narrow, Rounding};
use crate::error::{overflow, Error, Result};

/// §8: the larger of the two custodies' swap fees (USDC 0, SOL and WBTC 20, BONK 60).
pub fn swap_fee_bps(fee_in_bps: u64, fee_out_bps: u64) -> u64 {
    fee_in_bps.max(fee_out_bps)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapQuote {
    pub fee_amount: u64,
    pub amount_out: u64,
}

/// §8: `fee = ceil(in × bps / 10000)` tokens in (stays in the pool); `out = floor((in − fee) × lowIn × 10^decOut /
/// (highOut × 10^decIn))`. AMOUNT_TOO_SMALL when nothing would be paid.
#[inline(always)]
pub fn swap_quote(amount_in: u64, fee_bps: u64, low_in: u64, dec_in: u8, high_out: u64, dec_out: u8) -> Result<SwapQuote> {
    if high_out == 0 {
        return Err(Error::InvalidPrice);
    }
    let fee_amount = overflow(mul_div_u64(amount_in, fee_bps, BPS, Rounding::Ceil))?;
    let net = overflow(amount_in.checked_sub(fee_amount))?;
    let num = mul_64(net, low_in);
    let den = overflow(checked_mul_u128(high_out as u128, overflow(pow10(dec_in as u32))?))?;
    let amount_out = overflow(narrow(overflow(mul_div(num, overflow(pow10(dec_out as u32))?, den, Rounding::Floor))?))?;
    if amount_in == 0 || amount_out == 0 {
        return Err(Error::AmountTooSmall);
    }
    Ok(SwapQuote { fee_amount, amount_out })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usdc_to_sol() {
        // 1,500 USDC at high $150.375: 1500 / 150.375 = 9.975062344 SOL.
        let q = swap_quote(1_500_000_000, 20, 10_000_000_000, 6, 1_503_750_000_000, 9).unwrap();
        assert_eq!(q.fee_amount, 3_000_000);
        assert_eq!(q.amount_out, 9_955_112_219);
        assert_eq!(swap_quote(0, 0, 1, 6, 1, 6), Err(Error::AmountTooSmall));
    }
}
