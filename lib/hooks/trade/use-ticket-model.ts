'use client';
/**
 * Everything the ticket shows, in one place: the form state parsed into bigints, the market and pool from the
 * API, the live mid price, the wallet's balance and existing position, and the preview of lib/trade (the same
 * lib/math functions the engine runs).
 */
import type { Market, Position } from '@/lib/client/types';
import { useAccount } from '@/lib/hooks/use-account';
import { useHealthData } from '@/lib/hooks/use-health';
import { useMarket } from '@/lib/hooks/use-markets';
import { useOwner } from '@/lib/hooks/use-owner';
import { usePool } from '@/lib/hooks/use-pools';
import { usePrice } from '@/lib/hooks/use-prices';
import { useSettings } from '@/lib/state/settings';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, PROTOCOL, TOKENS } from '@/lib/math/params';
import { parseUnits } from '@/lib/math/parse';
import { PRICE_DECIMALS } from '@/lib/math/scales';
import { defaultLeverageBps } from '@/lib/trade/leverage';
import { previewTicket } from '@/lib/trade/open-preview';
import type { OrderType, TicketIssue, TicketResult } from '@/lib/trade/ticket-types';
import { marketClosedMessage } from '@/lib/trade/market-hours-view';
import { nextOpenS } from '@/lib/math/market-hours';
import { tidyMessage } from '@/lib/format/message';
import { useServerNowS } from '@/lib/hooks/use-server-clock';
import { useTicketStore } from './ticket-store';

export interface TicketModel {
  marketId: MarketId;
  market: Market | undefined;
  price: bigint | undefined;
  side: Side;
  orderType: OrderType;
  collateralToken: TokenId;
  collateralTokens: readonly TokenId[];
  collateralDecimals: number;
  balance: bigint | undefined;
  leverageBps: bigint;
  maxLeverageBps: bigint;
  amount: bigint | undefined;
  triggerPrice: bigint | undefined;
  takeProfit: bigint | undefined;
  stopLoss: bigint | undefined;
  slippageBps: bigint;
  existing: Position | undefined;
  connected: boolean;
  /** The market trades now (the API's answer on the server's clock); crypto markets always. */
  marketOpen: boolean;
  /** The leverage lies in [1.1x, max]: only then are its liquidation price and size shown. */
  leverageValid: boolean;
  result: TicketResult | undefined;
}

const parsePrice = (text: string): bigint | undefined => (text.trim() === '' ? undefined : parseUnits(text.trim(), PRICE_DECIMALS));

export function useTicketModel(marketId: MarketId): TicketModel {
  const form = useTicketStore();
  const market = useMarket(marketId);
  const pool = usePool(MARKETS[marketId].pool);
  const live = usePrice(marketId);
  const owner = useOwner();
  const account = useAccount().data;
  const healthStale = useHealthData()?.oracle.stale ?? false;
  const slippageBps = BigInt(useSettings((s) => s.slippageBps));

  const collateralTokens = MARKETS[marketId].collateralTokens(form.side);
  const collateralToken = form.collateralToken && collateralTokens.includes(form.collateralToken) ? form.collateralToken : (collateralTokens[0] ?? 'USDC');
  const collateralDecimals = TOKENS[collateralToken].decimals;
  const maxLeverageBps = market?.maxInitialLeverageBps ?? MARKETS[marketId].maxInitialLeverageBps;
  /** As typed (the preview reports a leverage outside [1.1x, max]); the slider shows it clamped. */
  const leverageBps = form.leverageBps ?? defaultLeverageBps(maxLeverageBps);
  const amount = parseUnits(form.amountText.trim(), collateralDecimals);
  const triggerPrice = form.orderType === 'limit' ? parsePrice(form.triggerText) : undefined;
  const takeProfit = form.tpSlOpen ? parsePrice(form.takeProfitText) : undefined;
  const stopLoss = form.tpSlOpen ? parsePrice(form.stopLossText) : undefined;
  const balance = owner && account ? account.balances[collateralToken] : undefined;
  const existing = account?.positions.find((p) => p.market === marketId && p.side === form.side);
  const price = live?.price;
  const marketOpen = market?.open ?? true;
  const nowS = useServerNowS({ everyMs: 30_000 });

  const raw =
    market && price !== undefined
      ? previewTicket({
          market: { ...market, price, stale: market.stale || healthStale },
          side: form.side,
          orderType: form.orderType,
          triggerPrice,
          collateralToken,
          collateralAmount: amount,
          leverageBps,
          slippageBps,
          balance,
          custodies: pool?.custodies ?? [],
          existing,
          takeProfit,
          stopLoss,
        })
      : undefined;
  const result = raw && { ...raw, issue: raw.issue && plainIssue(raw.issue, { market, nowS }) };

  return {
    marketId,
    market,
    price,
    side: form.side,
    orderType: form.orderType,
    collateralToken,
    collateralTokens,
    collateralDecimals,
    balance,
    leverageBps,
    maxLeverageBps,
    amount,
    triggerPrice,
    takeProfit,
    stopLoss,
    slippageBps,
    existing,
    connected: owner !== undefined,
    marketOpen,
    leverageValid: leverageBps >= PROTOCOL.minLeverageBps && leverageBps <= maxLeverageBps,
    result,
  };
}

/**
 * The issue as the trader reads it: figures as the screen shows them, and a closed market's refusal with its
 * reopening on the server's clock.
 */
function plainIssue(issue: TicketIssue, { market, nowS }: { market: Market | undefined; nowS: number | undefined }): TicketIssue {
  if (issue.code === 'MARKET_CLOSED' && market && nowS !== undefined) {
    const reopensAtS = market.reopensAt ?? nextOpenS(market.id, nowS);
    return { code: issue.code, message: marketClosedMessage({ market: market.id, reopensAtS, nowS }) };
  }
  return { code: issue.code, message: tidyMessage(issue.message, { market: market?.id }) };
}
