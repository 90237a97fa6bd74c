/**
 * What lib/math says the program must do, from the chain's own state: prices read from the price accounts,
 * custodies with interest accrued to the chain's clock, AUM, and the expected result of an open or a close. The
 * tests compare the program's accounts and events with these figures to the unit (lib/math is the preview;
 * the program must execute exactly what it previews).
 */
import type { Address } from '@solana/kit';
import type { FeedId, MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import { MARKET_IDS } from '@/lib/math/ids';
import { MARKETS, POOLS, TOKENS, custodyParams, lockToken } from '@/lib/math/params';
import { tokenPrices } from '@/lib/math/oracle-band';
import { accrueCumulativeInterest } from '@/lib/math/interest';
import { borrowRateHourly, utilizationBps } from '@/lib/math/borrow-rate';
import { aumUsd, type AumSide } from '@/lib/math/aum';
import { computeOpen, type OpenResult } from '@/lib/math/open';
import { increasePosition } from '@/lib/math/increase';
import { liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { closePosition, type CloseResult } from '@/lib/math/close';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import { tokenToUsd } from '@/lib/math/convert';
import { BPS } from '@/lib/math/scales';
import { custodyOf } from '../addresses';
import { decodeCustody, decodeMarket, decodeMintSupply, decodePosition, decodePrice, type CustodyAccount, type MarketAccount, type PositionAccount } from '../accounts';
import { Reader } from '../bytes';
import type { World } from './world';

/** The mid of a feed as the program reads it (local price account, or a Pyth PriceUpdateV2 scaled to 1e10). */
export function feedPrice(w: World, feed: FeedId): bigint {
  const data = w.data(w.addresses.oracles[feed]);
  if (!data) throw new Error(`no ${feed} price account`);
  if (w.oracle === 'local') return decodePrice(data).price;
  const r = new Reader(data);
  const price = r.i64(73);
  const shift = r.i32(89) + 10;
  return shift >= 0 ? price * 10n ** BigInt(shift) : price / 10n ** BigInt(-shift);
}

/** Mid, low and high of a token (§2; USDC $1). */
export function tokenQuote(w: World, token: TokenId): { price: bigint; low: bigint; high: bigint } {
  return tokenPrices({ token, price: token === 'USDC' ? 10n ** 10n : feedPrice(w, TOKENS[token].feed) });
}

export function marketPrice(w: World, market: MarketId): bigint {
  return feedPrice(w, MARKETS[market].feed);
}

export function custody(w: World, pool: PoolId, token: TokenId): CustodyAccount {
  return decodeCustody(w.data(custodyOf(w.addresses, pool, token))!);
}

export function market(w: World, id: MarketId): MarketAccount {
  return decodeMarket(w.data(w.addresses.markets[id])!);
}

export function positionAt(w: World, address: Address): PositionAccount | undefined {
  const d = w.data(address);
  return d && d.length > 0 ? decodePosition(d) : undefined;
}

export function lpSupply(w: World, pool: PoolId): bigint {
  return decodeMintSupply(w.data(w.addresses.lpMints[pool])!).supply;
}

/** A custody with its interest accrued to the chain's clock (§4), as reads and checks see it. */
export function custodyNow(w: World, pool: PoolId, token: TokenId): CustodyAccount {
  const c = custody(w, pool, token);
  const cumulativeInterest = accrueCumulativeInterest({ cumulativeInterest: c.cumulativeInterest, rateHourly: c.rateHourly, elapsedS: w.nowS() - c.lastAccrualS });
  return { ...c, cumulativeInterest, lastAccrualS: w.nowS() };
}

/** §4 after an action: accrued to now, the change applied, the rate recomputed from lib/math's curve. */
export function custodyAfter(w: World, pool: PoolId, token: TokenId, change: { owned?: bigint; locked?: bigint; collateral?: bigint }): CustodyAccount {
  const c = custodyNow(w, pool, token);
  const owned = c.owned + (change.owned ?? 0n);
  const locked = c.locked + (change.locked ?? 0n);
  return {
    ...c,
    owned,
    locked,
    collateral: c.collateral + (change.collateral ?? 0n),
    rateHourly: borrowRateHourly({ utilizationBps: utilizationBps({ locked, owned }), ...custodyParams(pool, token).borrow }),
  };
}

/** §8 AUM now: custodies at low, every non-empty side at its market's mid with interest accrued to now. */
export function aumNow(w: World, pool: PoolId): bigint {
  const custodies = POOLS[pool].custodies.map((t) => ({ owned: custody(w, pool, t).owned, low: tokenQuote(w, t).low, decimals: TOKENS[t].decimals }));
  const sides: AumSide[] = [];
  for (const id of MARKET_IDS) {
    if (MARKETS[id].pool !== pool) continue;
    const m = market(w, id);
    for (const side of ['long', 'short'] as const) {
      const agg = m[side];
      if (agg.sizeUsd === 0n && agg.carriedInterestUsd === 0n) continue;
      sides.push({ side, agg, price: marketPrice(w, id), cumulativeInterest: custodyNow(w, pool, lockToken(id, side)).cumulativeInterest });
    }
  }
  return aumUsd({ custodies, sides });
}

/** §8 custody values at low and their sum (ratio inputs). */
export function custodyValues(w: World, pool: PoolId, deltas: Partial<Record<TokenId, bigint>> = {}): Record<string, bigint> {
  return Object.fromEntries(
    POOLS[pool].custodies.map((t) => [t, tokenToUsd({ amount: custody(w, pool, t).owned + (deltas[t] ?? 0n), price: tokenQuote(w, t).low, decimals: TOKENS[t].decimals }, 'floor')]),
  );
}

export interface ExpectedOpen {
  swap: { feeAmount: bigint; feeUsd: bigint; amountOut: bigint } | undefined;
  opened: OpenResult;
  existing: PositionAccount | undefined;
  next: PositionState;
  price: bigint;
  cumulativeInterest: bigint;
  liquidationPrice: bigint;
}

/** lib/math's open (the engine's planOpen) against the chain's state now. */
export function expectedOpen(
  w: World,
  a: { market: MarketId; side: Side; token?: TokenId; amount: bigint; leverageBps: bigint; position: Address },
): ExpectedOpen {
  const params = MARKETS[a.market];
  const lock = lockToken(a.market, a.side);
  const posted = a.token ?? lock;
  let collateralAmount = a.amount;
  let swap: ExpectedOpen['swap'];
  if (posted !== lock) {
    const q = swapQuote({
      amountIn: a.amount,
      feeBps: swapFeeBps(posted, lock),
      lowIn: tokenQuote(w, posted).low,
      decIn: TOKENS[posted].decimals,
      highOut: tokenQuote(w, lock).high,
      decOut: TOKENS[lock].decimals,
    });
    swap = { ...q, feeUsd: tokenToUsd({ amount: q.feeAmount, price: tokenQuote(w, posted).low, decimals: TOKENS[posted].decimals }, 'floor') };
    collateralAmount = q.amountOut;
  }
  const price = marketPrice(w, a.market);
  const lockQuote = tokenQuote(w, lock);
  const opened = computeOpen({
    market: a.market,
    side: a.side,
    collateralAmount,
    collateralLow: lockQuote.low,
    collateralDecimals: TOKENS[lock].decimals,
    leverageBps: a.leverageBps,
    price,
    lockLow: lockQuote.low,
    lockDecimals: TOKENS[lock].decimals,
  });
  const cumulativeInterest = custodyNow(w, params.pool, lock).cumulativeInterest;
  const existing = positionAt(w, a.position);
  const next: PositionState = existing
    ? increasePosition(existing.state, opened, { cumulativeInterest })
    : { ...opened, side: a.side, carriedInterestUsd: 0n, interestSnapshot: cumulativeInterest };
  const fresh: PositionState = {
    side: next.side,
    sizeUsd: next.sizeUsd,
    collateralUsd: next.collateralUsd,
    collateralAmount: next.collateralAmount,
    entryPrice: next.entryPrice,
    lockAmount: next.lockAmount,
    exitFeeUsd: next.exitFeeUsd,
    liquidationFeeUsd: next.liquidationFeeUsd,
    carriedInterestUsd: next.carriedInterestUsd,
    interestSnapshot: next.interestSnapshot,
  };
  return { swap, opened, existing, next: fresh, price, cumulativeInterest, liquidationPrice: positionLiquidationPrice(a.market, fresh, cumulativeInterest) };
}

/** §6 liquidation price of a position with its borrow fee accrued to `cumulativeInterest`. */
export function positionLiquidationPrice(id: MarketId, p: PositionState, cumulativeInterest: bigint): bigint {
  return liquidationPrice({
    side: p.side,
    sizeUsd: p.sizeUsd,
    collateralUsd: p.collateralUsd,
    entryPrice: p.entryPrice,
    liquidationLeverageBps: MARKETS[id].liquidationLeverageBps,
    liquidationFeeUsd: p.liquidationFeeUsd,
    borrowFeeUsd: positionBorrowFeeUsd({ position: p, cumulativeInterest }),
  });
}

/** The current liquidation price of the position at `address` (interest accrued to now). */
export function liquidationPriceNow(w: World, id: MarketId, address: Address): bigint {
  const p = positionAt(w, address);
  if (!p) throw new Error('no position');
  return positionLiquidationPrice(id, p.state, custodyNow(w, MARKETS[id].pool, lockToken(id, p.state.side)).cumulativeInterest);
}

/** lib/math's close of the position at `address` now (fee kind by reason). */
export function expectedClose(w: World, id: MarketId, address: Address, fractionBps: bigint = BPS, feeKind: 'exit' | 'liquidation' = 'exit'): CloseResult {
  const p = positionAt(w, address);
  if (!p) throw new Error('no position');
  const lock = lockToken(id, p.state.side);
  const cumulativeInterest = custodyNow(w, MARKETS[id].pool, lock).cumulativeInterest;
  return closePosition({
    position: p.state,
    fractionBps,
    price: marketPrice(w, id),
    payoutHigh: tokenQuote(w, lock).high,
    collateralDecimals: TOKENS[lock].decimals,
    borrowFeeUsd: positionBorrowFeeUsd({ position: p.state, cumulativeInterest }),
    cumulativeInterest,
    feeKind,
  });
}
