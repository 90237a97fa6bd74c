/**
 * The only module of the browser that talks to the HTTP API (api.md). Each fetcher returns app types
 * (`lib/client/types.ts`, bigints); a refusal throws `ApiError` with the API's code and sentence.
 */
import { ApiError } from '@/lib/client/api-error';
import {
  decodeAccount,
  decodeCandle,
  decodeHealth,
  decodeHistoryEvent,
  decodeMarket,
  decodeOpenQuote,
  decodePool,
} from '@/lib/client/decode';
import type {
  AccountWire,
  ApiErrorBody,
  CandleWire,
  HealthWire,
  HistoryEventWire,
  MarketWire,
  OpenQuoteWire,
  PoolWire,
} from '@/lib/client/wire';
import type { Account, Candle, CandleInterval, Health, HistoryEvent, Market, OpenQuote, OpenQuoteRequest, Pool } from '@/lib/client/types';
import type { FeedId, MarketId } from '@/lib/math/ids';

const isErrorBody = (b: unknown): b is ApiErrorBody =>
  typeof b === 'object' && b !== null && 'error' in b && typeof (b as ApiErrorBody).error?.code === 'string';

/** GET or POST JSON; non-2xx answers become `ApiError` with the body's code and message. */
export async function requestJson<T>(path: string, init?: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init?.signal,
      cache: 'no-store',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the server. Check your connection.' });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    if (isErrorBody(body)) throw new ApiError({ status: res.status, code: body.error.code, message: body.error.message });
    throw new ApiError({ status: res.status, code: 'HTTP_' + res.status, message: `The server answered ${res.status}.` });
  }
  if (body === undefined) throw new ApiError({ status: res.status, code: 'BAD_RESPONSE', message: 'The server sent an unreadable answer.' });
  return body as T;
}

type Opts = { signal?: AbortSignal };

/** Whether a missing `devnet` field means "on": yes outside production builds (issue 2). */
const DEVNET_DEFAULT = process.env.NODE_ENV !== 'production';

export async function getHealth(o?: Opts): Promise<Health> {
  return decodeHealth(await requestJson<HealthWire>('/api/health', o), { devDefault: DEVNET_DEFAULT });
}

export async function getMarkets(o?: Opts): Promise<Market[]> {
  return (await requestJson<MarketWire[]>('/api/markets', o)).map(decodeMarket);
}

export async function getPools(o?: Opts): Promise<Pool[]> {
  return (await requestJson<PoolWire[]>('/api/pools', o)).map(decodePool);
}

export async function getAccount(owner: string, o?: Opts): Promise<Account> {
  return decodeAccount(await requestJson<AccountWire>(`/api/accounts/${encodeURIComponent(owner)}`, o));
}

export async function getHistory(owner: string, o?: Opts): Promise<HistoryEvent[]> {
  return (await requestJson<HistoryEventWire[]>(`/api/history/${encodeURIComponent(owner)}`, o)).map(decodeHistoryEvent);
}

export async function getCandles(q: { market: MarketId; interval: CandleInterval; limit: number }, o?: Opts): Promise<Candle[]> {
  const qs = new URLSearchParams({ market: q.market, interval: q.interval, limit: String(q.limit) });
  return (await requestJson<CandleWire[]>(`/api/candles?${qs.toString()}`, o)).map(decodeCandle);
}

export async function quoteOpen(req: OpenQuoteRequest, o?: Opts): Promise<OpenQuote> {
  const body = { ...req, collateralAmount: req.collateralAmount.toString(), leverageBps: req.leverageBps.toString() };
  return decodeOpenQuote(await requestJson<OpenQuoteWire>('/api/quote/open', { method: 'POST', body, signal: o?.signal }));
}

/** Local network faucet: §9's basket to `owner` in one transaction; resolves to its signature. */
export function drawTestFunds(owner: string): Promise<{ signature: string }> {
  return requestJson<{ signature: string }>('/api/dev/faucet', { method: 'POST', body: { owner } });
}

/** Local network: set manual prices per feed (1e10). */
export async function devSetPrices(prices: Partial<Record<FeedId, bigint>>): Promise<unknown> {
  const body: Record<string, string> = {};
  for (const [feed, price] of Object.entries(prices)) if (price !== undefined) body[feed] = price.toString();
  return requestJson<unknown>('/api/dev/prices', { method: 'POST', body });
}

/** Local network: move the chain's clock forward. */
export async function devAdvanceClock(advanceSeconds: number): Promise<unknown> {
  return requestJson<unknown>('/api/dev/clock', { method: 'POST', body: { advanceSeconds } });
}
