//! A pool's custodies (and markets) as one instruction sees them: loaded in pool order and checked against the
//! pool's lists, their prices read once, and the two pool-wide computations of §8 on top: the ratio rule and AUM.
use crate::error::{overflow, Error, Result};
use crate::math::aggregates::SideAggregate;
use crate::math::aum::{aum_usd, AumCustody, AumSide};
use crate::math::convert::token_to_usd;
use crate::math::oracle_band::Quote;
use crate::math::position::Side;
use crate::math::ratio::{check_ratio_rule, ratio_bps};
use crate::math::wide::Rounding;
use crate::oracle::Oracles;
use crate::sdk::fixed_vec::FixedVec;
use crate::sdk::pubkey::{keys_eq, Pubkey};
use crate::sdk::AccountView;
use crate::state::custody::Custody;
use crate::state::market::Market;
use crate::state::pool::{Pool, MAX_CUSTODIES, MAX_MARKETS};
use crate::state::writable_data;

pub struct PoolState<'a> {
    pub n: usize,
    views: &'a [AccountView],
    pub custodies: FixedVec<Custody, MAX_CUSTODIES>,
    /// Each custody's mid/low/high, read once by `load_quotes`.
    pub quotes: [Quote; MAX_CUSTODIES],
}

impl<'a> PoolState<'a> {
    /// An empty state over `views` (the pool's custodies, in pool order); `load` fills it in place (the state is
    /// over 1 KiB: built where it lives, never moved, since a move is a `memcpy` the BPF backend cannot call).
    #[inline(always)]
    pub fn new(views: &'a [AccountView]) -> PoolState<'a> {
        PoolState { n: 0, views, custodies: FixedVec::new(), quotes: [Quote { price: 0, low: 0, high: 0 }; MAX_CUSTODIES] }
    }

    /// Loads every custody of `pool`, each checked to be the pool's custody at its index.
    #[inline(never)]
    pub fn load(&mut self, pool: &Pool, program_id: &Pubkey) -> Result<()> {
        let n = pool.custody_count as usize;
        if self.views.len() != n {
            return Err(Error::InvalidAccount);
        }
        for (i, view) in self.views.iter().enumerate() {
            if !keys_eq(view.key(), &pool.custodies[i]) {
                return Err(Error::InvalidAccount);
            }
            self.custodies.push(Custody::load(view, program_id)?);
        }
        self.n = n;
        Ok(())
    }

    /// Reads every custody's price not read yet (ORACLE_STALE if any is stale, as the engine's `tokenQuote` of each).
    #[inline(never)]
    pub fn load_quotes(&mut self, oracles: &Oracles) -> Result<()> {
        for i in 0..self.n {
            self.load_quote(oracles, i)?;
        }
        Ok(())
    }

    /// Reads custody `i`'s price once (a read quote has a positive price: USDC's is $1, a feed's is never 0).
    pub fn load_quote(&mut self, oracles: &Oracles, i: usize) -> Result<()> {
        if self.quotes[i].price == 0 {
            self.quotes[i] = oracles.custody_quote(&self.custodies.as_slice()[i])?;
        }
        Ok(())
    }

    pub fn custody(&self, i: usize) -> &Custody {
        &self.custodies.as_slice()[i]
    }

    pub fn custody_mut(&mut self, i: usize) -> &mut Custody {
        &mut self.custodies.as_mut_slice()[i]
    }

    /// The index of the custody at `key`.
    pub fn index_of(&self, key: &Pubkey) -> Result<usize> {
        (0..self.n).find(|&i| keys_eq(self.views[i].key(), key)).ok_or(Error::InvalidAccount)
    }

    /// §8 custody values `floor(usd(owned + delta, low))` and their sum.
    fn values(&self, deltas: &[(usize, i128)]) -> Result<([u64; MAX_CUSTODIES], u128)> {
        let mut values = [0u64; MAX_CUSTODIES];
        let mut total = 0u128;
        for i in 0..self.n {
            let mut owned = self.custody(i).owned as i128;
            for (j, d) in deltas {
                if *j == i {
                    owned += *d;
                }
            }
            let owned = overflow(u64::try_from(owned).ok())?;
            values[i] = token_to_usd(owned, self.quotes[i].low, self.custody(i).decimals, Rounding::Floor)?;
            total = overflow(total.checked_add(values[i] as u128))?;
        }
        Ok((values, total))
    }

    /// §8 ratio rule on each custody whose `owned` changes by `deltas` (skipped for a one-custody pool).
    #[inline(never)]
    pub fn check_ratios(&self, deltas: &[(usize, i128)]) -> Result<()> {
        if self.n < 2 {
            return Ok(());
        }
        let (before, before_total) = self.values(&[])?;
        let (after, after_total) = self.values(deltas)?;
        for &(i, _) in deltas {
            let p = &self.custody(i).params;
            check_ratio_rule(ratio_bps(before[i], before_total)?, ratio_bps(after[i], after_total)?, p.min_bps, p.max_bps)?;
        }
        Ok(())
    }

    /// §8 AUM: custodies at low, each non-empty side of each market at its mid with its locked custody's interest
    /// accrued to `now_s` (a market whose sides are empty needs no price, as in the engine). A market's price is read
    /// once for its two sides (`market_mid`).
    #[inline(never)]
    pub fn aum(&self, markets: &Markets, oracles: &Oracles, now_s: i64) -> Result<u64> {
        let mut custodies = [AumCustody { owned: 0, low: 0, decimals: 0 }; MAX_CUSTODIES];
        for (i, c) in custodies.iter_mut().enumerate().take(self.n) {
            *c = AumCustody { owned: self.custody(i).owned, low: self.quotes[i].low, decimals: self.custody(i).decimals };
        }
        let mut sides = [AumSide { side: Side::Long, agg: Default::default(), price: 0, cumulative_interest: 0 }; 2 * MAX_MARKETS];
        let mut k = 0;
        for m in markets.list.as_slice() {
            let mut price = 0;
            for (side, agg, lock_key) in [(Side::Long, m.long, &m.long_custody), (Side::Short, m.short, &m.short_custody)] {
                if agg.size_usd == 0 && agg.carried_interest_usd == 0 {
                    continue;
                }
                if price == 0 {
                    price = self.market_mid(m, oracles)?;
                }
                let lock = self.custody(self.index_of(lock_key)?);
                sides[k] = AumSide { side, agg, price, cumulative_interest: lock.interest_now(now_s)? };
                k += 1;
            }
        }
        aum_usd(&custodies[..self.n], &sides[..k])
    }

    /// A market's mid: a custody quote already read from the same price account and feed (SOL's market and SOL's
    /// custody, BTC's and WBTC's) is that very read, so it is reused; otherwise the account is read and checked
    /// (`Oracles::mid`). Same instruction, same clock, same account: the same price and the same staleness verdict.
    /// An ALP liquidity instruction read 9 prices for 3 feeds before, ~740 CU each (bench/README.md § 1).
    fn market_mid(&self, m: &MarketSides, oracles: &Oracles) -> Result<u64> {
        for i in 0..self.n {
            let c = self.custody(i);
            if self.quotes[i].price != 0 && !c.is_stable() && keys_eq(&c.oracle, &m.oracle) && c.feed_id == m.feed_id {
                return Ok(self.quotes[i].price);
            }
        }
        oracles.mid(&m.oracle, &m.feed_id)
    }

    /// Writes custody `i`'s state back (it must be writable).
    pub fn store(&self, i: usize) -> Result<()> {
        self.custody(i).write_state(writable_data(&self.views[i])?)
    }
}

/// What AUM needs of one market: its price account and its two sides with the custodies they lock.
#[derive(Clone, Copy)]
pub struct MarketSides {
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
    pub long_custody: Pubkey,
    pub short_custody: Pubkey,
    pub long: SideAggregate,
    pub short: SideAggregate,
}

/// The pool's markets, passed in pool order.
pub struct Markets {
    pub list: FixedVec<MarketSides, MAX_MARKETS>,
}

impl Markets {
    #[inline(always)]
    pub fn new() -> Markets {
        Markets { list: FixedVec::new() }
    }

    /// Loads the pool's markets, passed in pool order (built in place, as PoolState).
    #[inline(never)]
    pub fn load(&mut self, pool: &Pool, views: &[AccountView], program_id: &Pubkey) -> Result<()> {
        if views.len() != pool.market_count as usize {
            return Err(Error::InvalidAccount);
        }
        for (i, view) in views.iter().enumerate() {
            if !keys_eq(view.key(), &pool.markets[i]) {
                return Err(Error::InvalidAccount);
            }
            let m = Market::load(view, program_id)?;
            self.list.push(MarketSides { oracle: m.oracle, feed_id: m.feed_id, long_custody: m.long_custody, short_custody: m.short_custody, long: m.long, short: m.short });
        }
        Ok(())
    }
}

impl Default for Markets {
    fn default() -> Self {
        Self::new()
    }
}
