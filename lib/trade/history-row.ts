/**
 * What a history row says in words (the History tab, /portfolio, on desktop and phone): a partial close apart from
 * a full one, the collateral added or removed, the TP/SL prices set, the pool and amounts of liquidity rows, what
 * test funds brought. From the event's `details` (decimal strings of integers, protocol.md §1); never a float.
 */
import { formatBps, formatLeverage } from '@/lib/format/percent';
import { formatPrice } from '@/lib/format/price';
import { formatTokenAmount } from '@/lib/format/token';
import { formatUsd } from '@/lib/format/usd';
import { isMarketId, isPoolId, isTokenId } from '@/lib/math/ids';
import type { MarketId, PoolId, TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { parseInteger } from '@/lib/math/parse';
import { BPS, LP_DECIMALS } from '@/lib/math/scales';

export interface HistoryRowInput {
  kind: string;
  market: string | undefined;
  details: Record<string, string | number | null>;
}

export interface HistoryRowText {
  label: string;
  /** One sentence of what happened; undefined when the columns say it all. */
  detail: string | undefined;
  tone: 'long' | 'short' | 'accent' | 'neutral';
}

const int = (v: string | number | null | undefined): bigint | undefined => (typeof v === 'string' ? parseInteger(v) : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined);
const token = (v: unknown): TokenId | undefined => (typeof v === 'string' && isTokenId(v) ? v : undefined);
const amountOf = (value: bigint | undefined, t: TokenId | undefined): string | undefined => (value === undefined || !t ? undefined : formatTokenAmount(value, TOKENS[t].decimals, { maxDigits: 6, symbol: t }));
const lpOf = (value: bigint | undefined, pool: PoolId | undefined): string | undefined => (value === undefined ? undefined : formatTokenAmount(value, LP_DECIMALS, { symbol: pool ?? 'LP' }));
const join = (...parts: (string | undefined)[]): string | undefined => parts.filter((p): p is string => p !== undefined).join(' · ') || undefined;

const CLOSE_REASONS: Record<string, string> = { takeProfit: 'by take profit', stopLoss: 'by stop loss' };

/**
 * The pool of a liquidity row: `details.pool` when the API gives it; otherwise the one pool holding a non-USDC token
 * (ALP); for USDC, the pool whose AUM now is nearest (by ratio) to the AUM the event recorded.
 */
export function liquidityPool({ details, aumNowUsd }: { details: HistoryRowInput['details']; aumNowUsd: Partial<Record<PoolId, bigint>> }): PoolId | undefined {
  if (typeof details.pool === 'string' && isPoolId(details.pool)) return details.pool;
  const t = token(details.token);
  if (t && t !== 'USDC') return 'ALP';
  const aum = int(details.aumUsd);
  if (aum === undefined || aum <= 0n) return undefined;
  let best: { pool: PoolId; hi: bigint; lo: bigint } | undefined;
  for (const [pool, now] of Object.entries(aumNowUsd) as [PoolId, bigint][]) {
    if (now <= 0n) continue;
    const [hi, lo] = now > aum ? [now, aum] : [aum, now];
    if (!best || hi * best.lo < best.hi * lo) best = { pool, hi, lo };
  }
  return best?.pool;
}

export function describeHistoryRow(e: HistoryRowInput, { aumNowUsd = {} }: { aumNowUsd?: Partial<Record<PoolId, bigint>> } = {}): HistoryRowText {
  const d = e.details;
  const market: MarketId | undefined = e.market && isMarketId(e.market) ? e.market : undefined;
  const price = (v: bigint | undefined) => (v === undefined ? undefined : formatPrice(v, market ? { market } : {}));
  switch (e.kind) {
    case 'opened':
    case 'increased':
    case 'filled': {
      const posted = amountOf(int(d.postedAmount), token(d.postedToken));
      const held = token(d.collateralToken) !== token(d.postedToken) ? amountOf(int(d.collateralAmount), token(d.collateralToken)) : undefined;
      const lev = int(d.leverageBps);
      const label = e.kind === 'opened' ? 'Opened' : e.kind === 'increased' ? 'Increased' : 'Limit filled';
      return { label, detail: join(posted && `${posted} posted${held ? ` → ${held} held` : ''}`, lev === undefined ? undefined : `at ${formatLeverage(lev)}`), tone: 'neutral' };
    }
    case 'closed':
    case 'liquidated': {
      const fraction = int(d.fractionBps);
      const partial = e.kind === 'closed' && fraction !== undefined && fraction < BPS;
      const by = typeof d.reason === 'string' ? CLOSE_REASONS[d.reason] : undefined;
      const label = e.kind === 'liquidated' ? 'Liquidated' : partial ? `Partly closed (${formatBps(fraction, { digits: 0 })})` : by ? `Closed ${by}` : 'Closed';
      const paid = amountOf(int(d.payoutAmount), token(d.payoutToken));
      const usd = int(d.payoutUsd);
      return { label, detail: paid === undefined ? undefined : `Paid out ${paid}${usd === undefined ? '' : ` (${formatUsd(usd)})`}`, tone: e.kind === 'liquidated' ? 'short' : 'accent' };
    }
    case 'collateral': {
      const before = int(d.collateralUsdBefore);
      const after = int(d.collateralUsdAfter);
      const added = before !== undefined && after !== undefined ? after >= before : int(d.addedUsd) !== undefined;
      const delta = before !== undefined && after !== undefined ? after - before : undefined;
      const moved = amountOf(int(added ? d.amount : d.amountOut), token(d.token));
      const usd = delta === undefined ? undefined : `${delta >= 0n ? '+' : '−'}${formatUsd(delta < 0n ? -delta : delta)}`;
      return { label: added ? 'Collateral added' : 'Collateral removed', detail: join(usd && moved ? `${usd} (${moved})` : (usd ?? moved), before !== undefined && after !== undefined ? `${formatUsd(before)} → ${formatUsd(after)}` : undefined), tone: 'neutral' };
    }
    case 'tpsl':
      return { label: 'TP/SL set', detail: `TP ${price(int(d.takeProfit)) ?? 'none'} · SL ${price(int(d.stopLoss)) ?? 'none'}`, tone: 'neutral' };
    case 'order_placed': {
      const escrow = amountOf(int(d.collateralAmount), token(d.collateralToken));
      const lev = int(d.leverageBps);
      return { label: 'Order placed', detail: join(escrow && `${escrow} held for the order`, lev === undefined ? undefined : `at ${formatLeverage(lev)}`), tone: 'neutral' };
    }
    case 'order_cancelled':
      return { label: 'Order cancelled', detail: join(amountOf(int(d.collateralAmount), token(d.collateralToken)) && `${amountOf(int(d.collateralAmount), token(d.collateralToken))} returned`), tone: 'neutral' };
    case 'liquidity_added': {
      const pool = liquidityPool({ details: d, aumNowUsd });
      return { label: `Liquidity added${pool ? ` to ${pool}` : ''}`, detail: join(amountOf(int(d.amount), token(d.token)) && `${amountOf(int(d.amount), token(d.token))} → ${lpOf(int(d.lpOut), pool)}`), tone: 'neutral' };
    }
    case 'liquidity_removed': {
      const pool = liquidityPool({ details: d, aumNowUsd });
      return { label: `Liquidity removed${pool ? ` from ${pool}` : ''}`, detail: join(lpOf(int(d.lpAmount), pool) && `${lpOf(int(d.lpAmount), pool)} → ${amountOf(int(d.amountOut), token(d.token))}`), tone: 'neutral' };
    }
    case 'swap':
      return { label: 'Swap', detail: join(amountOf(int(d.amountIn), token(d.tokenIn)) && `${amountOf(int(d.amountIn), token(d.tokenIn))} → ${amountOf(int(d.amountOut), token(d.tokenOut))}`), tone: 'neutral' };
    case 'faucet':
      return { label: 'Test funds', detail: amountOf(int(d.amount), token(d.token)) && `Received ${amountOf(int(d.amount), token(d.token))}`, tone: 'neutral' };
    default:
      return { label: e.kind, detail: undefined, tone: 'neutral' };
  }
}
