//! What placing a limit order checks on top of §7's trigger rule, so an order that can never fill is never placed
//! (the keeper would retry it on every price update): the collateral must be able to reach $10 at some fill, and
//! collateral whose USD value does not depend on the price (USDC for its own lock) must not open more than the
//! market's maximum position. Both are bounds over every fill price: an order refused here fails at any fill.
use crate::error::{overflow, Error, Result};
use crate::math::convert::token_to_usd;
use crate::math::oracle_band::price_band;
use crate::math::params::MIN_COLLATERAL_USD;
use crate::math::position::Side;
use crate::math::scales::{BPS, PRICE_ONE};
use crate::math::swap::swap_fee_bps;
use crate::math::wide::{mul_div_u64, Rounding};
use crate::sdk::pubkey::keys_eq;
use crate::state::custody::Custody;
use crate::state::market::Market;

/// An order being placed, as the checks see it.
pub struct Fillable<'a> {
    pub market: &'a Market,
    /// The posted token's custody.
    pub posted: &'a Custody,
    /// The side's lock custody (the posted one, unless an ALP long posts USDC and is swapped at the fill).
    pub lock: &'a Custody,
    pub swapped: bool,
    pub side: Side,
    pub amount: u64,
    pub leverage_bps: u64,
    pub trigger_price: u64,
    /// The posted token's low now (used only for a token whose feed is not the market's).
    pub posted_low_now: u64,
}

/// The most the collateral can be worth at any fill, in USD at low as §5.1 values it:
/// - USDC for its own lock: `amount` ($1 exactly).
/// - USDC swapped into the market token (§8): the swap keeps `in − fee`, `fee = ceil(in × bps / 10000)` at the
///   larger swap fee, and at any price `out × low ≤ (in − fee) × low / high ≤ (in − fee) × (10000 − band) /
///   (10000 + band)` (the market token's band): floored, that bounds the value at every fill price.
/// - The market token for a long: a long fills at or below its trigger and `low` never falls as the price rises,
///   so `floor(usd(amount, low(trigger)))` is the most it can be worth (the low now if its feed is not the market's).
///
/// The open fee (0 bps, §3) is not subtracted, so the bound stays an upper bound whatever it is.
pub fn best_fill_collateral_usd(f: &Fillable) -> Result<u64> {
    let p = f.posted;
    if p.is_stable() {
        let usd = token_to_usd(f.amount, PRICE_ONE, p.decimals, Rounding::Floor)?;
        if !f.swapped {
            return Ok(usd);
        }
        let bps = swap_fee_bps(p.params.swap_fee_bps, f.lock.params.swap_fee_bps);
        let fee = overflow(mul_div_u64(f.amount, bps, BPS, Rounding::Ceil))?;
        let net = token_to_usd(overflow(f.amount.checked_sub(fee))?, PRICE_ONE, p.decimals, Rounding::Floor)?;
        let band = f.lock.params.band_bps;
        return overflow(mul_div_u64(net, overflow(BPS.checked_sub(band))?, overflow(BPS.checked_add(band))?, Rounding::Floor));
    }
    let same_feed = keys_eq(&p.oracle, &f.market.oracle) && p.feed_id == f.market.feed_id;
    let low = if same_feed && f.side == Side::Long { price_band(f.trigger_price, p.params.band_bps)?.low } else { f.posted_low_now };
    token_to_usd(f.amount, low, p.decimals, Rounding::Floor)
}

/// COLLATERAL_TOO_SMALL when even the best fill leaves under $10 of collateral; POSITION_TOO_LARGE when USDC
/// collateral for its own lock (a size fixed at `floor(amount × leverage / 10000)` whatever the price) is over the
/// market's maximum position.
pub fn check_fillable(f: &Fillable) -> Result<()> {
    let best = best_fill_collateral_usd(f)?;
    if best < MIN_COLLATERAL_USD {
        return Err(Error::CollateralTooSmall);
    }
    if f.posted.is_stable() && !f.swapped {
        let too_large = mul_div_u64(best, f.leverage_bps, BPS, Rounding::Floor).map_or(true, |size| size > f.market.params.max_position_usd);
        if too_large {
            return Err(Error::PositionTooLarge);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::custody::CustodyParams;

    const SOL_ORACLE: [u8; 32] = [7; 32];

    fn market() -> Market {
        let mut m = Market { oracle: SOL_ORACLE, feed_id: [1; 32], ..Market::default() };
        m.params.max_position_usd = 1_000_000_000_000;
        m
    }

    fn usdc() -> Custody {
        Custody { decimals: 6, ..Custody::default() }
    }

    fn sol() -> Custody {
        Custody { decimals: 9, oracle: SOL_ORACLE, feed_id: [1; 32], params: CustodyParams { band_bps: 25, swap_fee_bps: 20, ..CustodyParams::default() }, ..Custody::default() }
    }

    fn order<'a>(m: &'a Market, posted: &'a Custody, lock: &'a Custody, amount: u64) -> Fillable<'a> {
        Fillable { market: m, posted, lock, swapped: false, side: Side::Long, amount, leverage_bps: 100_000, trigger_price: 1_000_000_000_000, posted_low_now: 1_496_250_000_000 }
    }

    #[test]
    fn bounds_the_collateral_over_every_fill() {
        let (m, u, s) = (market(), usdc(), sol());
        assert_eq!(best_fill_collateral_usd(&order(&m, &u, &u, 10_000_000)), Ok(10_000_000));
        // $10 swapped: fee 20_000, then 9_980_000 × 9975 / 10025 = 9_930_224.9.
        assert_eq!(best_fill_collateral_usd(&Fillable { swapped: true, ..order(&m, &u, &s, 10_000_000) }), Ok(9_930_224));
        // 0.1 SOL at the low of a $100 trigger ($99.75), not at the low now ($149.625).
        assert_eq!(best_fill_collateral_usd(&order(&m, &s, &s, 100_000_000)), Ok(9_975_000));
        // A token on another feed: its low now.
        let other = Custody { oracle: [9; 32], ..sol() };
        assert_eq!(best_fill_collateral_usd(&order(&m, &other, &other, 100_000_000)), Ok(14_962_500));
    }

    #[test]
    fn refuses_what_can_never_fill() {
        let (m, u, s) = (market(), usdc(), sol());
        assert_eq!(check_fillable(&order(&m, &s, &s, 100_000_000)), Err(Error::CollateralTooSmall));
        assert_eq!(check_fillable(&order(&m, &s, &s, 100_300_752)), Ok(()));
        assert_eq!(check_fillable(&Fillable { swapped: true, ..order(&m, &u, &s, 10_000_000) }), Err(Error::CollateralTooSmall));
        assert_eq!(check_fillable(&Fillable { leverage_bps: 1_000_000, ..order(&m, &u, &u, 10_000_000_000) }), Ok(()));
        assert_eq!(check_fillable(&Fillable { leverage_bps: 1_000_000, ..order(&m, &u, &u, 10_000_000_001) }), Err(Error::PositionTooLarge));
        assert_eq!(check_fillable(&Fillable { leverage_bps: u64::MAX, ..order(&m, &u, &u, 10_000_000) }), Err(Error::PositionTooLarge));
    }
}
