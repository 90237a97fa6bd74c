/**
 * Direct API access for test set-up (api.md): reads, the local network controls, and transactions built by the
 * server, signed in Node with a burner seed (the same bytes the browser's burner wallet signs) and sent to the chain.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { APIRequestContext } from '@playwright/test';
import bs58 from 'bs58';
import { PRICE_DECIMALS, toUnits } from './units';
import type { AccountWire, ActionName, HealthWire, MarketWire, PoolWire } from '@/lib/client/wire';
import type { FeedId, TokenId } from '@/lib/math/ids';

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

/** A fresh random burner seed (base58), usable with `chainAction` and `useBurnerSeed`. */
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
    /** POST /api/dev/faucet: one token (or the basket) to `owner`'s token accounts, SOL for fees. */
    faucet: async (owner: string, token?: TokenId, amount?: string) =>
      json<{ signature: string }>(await request.post('/api/dev/faucet', { data: { owner, ...(token ? { token } : {}), ...(amount ? { amount } : {}) } }), 'POST /api/dev/faucet'),
    /**
     * Acts on chain as the owner of `seed` (api.md § Acting): `POST /api/transactions/{action}` builds the unsigned
     * transaction, signed here with the seed (the same bytes the browser's burner signs), sent to `POST /api/rpc`
     * and confirmed. `params` values must already be wire strings. A refusal is returned, not thrown.
     */
    chainAction: async ({ seed, action, params }: { seed: string; action: ActionName; params: Record<string, unknown> }): Promise<ChainActed> => {
      const secret = bs58.decode(seed);
      const owner = bs58.encode(ed25519.getPublicKey(secret));
      const built = await request.post(`/api/transactions/${action}`, { data: { owner, params } });
      const body = (await built.json().catch(() => null)) as { transaction?: string; accounts?: ChainActed['accounts'] } | null;
      if (!built.ok() || !body?.transaction) return { ok: false, status: built.status(), body, accounts: {} };
      const wire = Buffer.from(body.transaction, 'base64');
      if (wire[0] !== 1) throw new Error(`expected one signature slot (the owner's), got ${wire[0]}`);
      ed25519.sign(wire.subarray(65), secret).forEach((b, i) => (wire[1 + i] = b));
      const sent = await rpc<string>(request, 'sendTransaction', [wire.toString('base64'), { encoding: 'base64' }]);
      if ('error' in sent) return { ok: false, status: 422, body: sent.error, accounts: {} };
      const signature = sent.result;
      for (let i = 0; i < 100; i++) {
        const st = await rpc<{ value: ({ err: unknown; confirmationStatus: string | null } | null)[] }>(request, 'getSignatureStatuses', [[signature]]);
        const status = 'result' in st ? st.result.value[0] : null;
        if (status?.err) return { ok: false, status: 422, body: status.err, signature, accounts: {} };
        if (status?.confirmationStatus === 'confirmed' || status?.confirmationStatus === 'finalized') return { ok: true, status: 200, body, signature, accounts: body.accounts ?? {} };
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${action} ${signature} was not confirmed in 20 s`);
    },
  };
}

/** What `chainAction` did: confirmed (`ok`), or the builder's refusal (its status and body) or the chain's error. */
export interface ChainActed {
  ok: boolean;
  status: number;
  body: unknown;
  signature?: string;
  accounts: { position?: string; order?: string };
}

async function rpc<T>(request: APIRequestContext, method: string, params: unknown[]): Promise<{ result: T } | { error: unknown }> {
  const res = await request.post('/api/rpc', { data: { jsonrpc: '2.0', id: 1, method, params } });
  const answer = (await res.json()) as { result?: T; error?: unknown };
  return answer.error !== undefined ? { error: answer.error } : { result: answer.result as T };
}
