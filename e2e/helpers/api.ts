/**
 * Direct API access for test set-up (api.md): reads, the local network controls, and signed actions made in
 * Node with a burner seed (the same bytes the browser's burner wallet signs).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { APIRequestContext } from '@playwright/test';
import bs58 from 'bs58';
import { PRICE_DECIMALS, toUnits } from './units';
import type { AccountWire, ActionName, HealthWire, MarketWire, PoolWire } from '@/lib/client/wire';
import type { FeedId } from '@/lib/math/ids';

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Prices as human decimals ("150.25") or integer strings already in 1e10 (`{raw: true}`). */
export type PriceMap = Partial<Record<FeedId, string>>;

/** POST /api/dev/prices with human prices: `setPrices(request, {SOL: "150"})` sets SOL to $150 (manual feed). */
export async function setPrices(request: APIRequestContext, prices: PriceMap, { raw = false }: { raw?: boolean } = {}): Promise<void> {
  const body: Record<string, string> = {};
  for (const [feed, price] of Object.entries(prices)) if (price !== undefined) body[feed] = raw ? price : toUnits(price, PRICE_DECIMALS);
  await json(await request.post('/api/dev/prices', { data: body }), 'POST /api/dev/prices');
}

/** A fresh random burner seed (base58), usable with `signedAction` and `useBurnerSeed`. */
export function newBurnerSeed(): string {
  return bs58.encode(ed25519.utils.randomSecretKey());
}

export function ownerOfSeed(seed: string): string {
  return bs58.encode(ed25519.getPublicKey(bs58.decode(seed)));
}

export function api(request: APIRequestContext) {
  return {
    health: async () => json<HealthWire>(await request.get('/api/health'), 'GET /api/health'),
    markets: async () => json<MarketWire[]>(await request.get('/api/markets'), 'GET /api/markets'),
    pools: async () => json<PoolWire[]>(await request.get('/api/pools'), 'GET /api/pools'),
    account: async (owner: string) => json<AccountWire>(await request.get(`/api/accounts/${owner}`), 'GET /api/accounts'),
    setPrices: (prices: PriceMap, opts?: { raw?: boolean }) => setPrices(request, prices, opts),
    advanceClock: async (advanceSeconds: number) => json(await request.post('/api/dev/clock', { data: { advanceSeconds } }), 'POST /api/dev/clock'),
    /**
     * Signs and posts an action as the owner of `seed`; `params` values must already be wire strings. Returns the
     * raw response so tests can assert on refusals (status and `error.code`).
     */
    signedAction: async ({ seed, action, params, domain }: { seed: string; action: ActionName; params: Record<string, unknown>; domain?: string }) => {
      const secret = bs58.decode(seed);
      const owner = bs58.encode(ed25519.getPublicKey(secret));
      const host = domain ?? new URL((await request.get('/api/health')).url()).host;
      const nonce = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      const message = JSON.stringify({ v: 1, domain: host, owner, nonce, expiresAt: Date.now() + 120_000, action, params });
      const signature = bs58.encode(ed25519.sign(new TextEncoder().encode(message), secret));
      return request.post('/api/actions', { data: { message, signature, publicKey: owner } });
    },
  };
}
