/**
 * Property: hostile bodies (wrong types, missing and extra fields, huge / negative / fractional / exponent / hex
 * numbers, unicode, control characters, long strings) against POST /api/actions and POST /api/quote/open always
 * get a 4xx with a stable code and never change the ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newSigner, signIntent, signMessage } from '@/lib/auth/sign-intent';
import * as quoteRoute from '@/app/api/quote/open/route';
import { BACKENDS, DOMAIN, startHarness, stateDigest, type Harness } from './harness';
import { errorOf, ledger, post, postSigned, type Answer } from './client';

/** Values that are never a valid decimal-string amount nor a valid id. */
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(
    1000, 0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, null, true, false, [], {}, ['1'], { n: '1' },
    '1e3', '0x10', '-1', '1.5', '', ' 1', '1 ', '+1', '١٢٣', '1\u0000', '\u202e1', '1_000', 'NaN', 'Infinity',
    '9'.repeat(79), (2n ** 128n).toString(), '1'.repeat(5000), 'SOL\n', 'sol', 'DOGE', '<script>', '💥', '\\u0031',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/^\d+$/.test(s) && !['long', 'short', 'SOL', 'BTC', 'BONK', 'XAU', 'XAG', 'WTI', 'USDC', 'WBTC', 'ALP', 'RWALP'].includes(s)),
  fc.double().filter((d) => !Number.isNaN(d)),
  fc.bigInt({ min: 2n ** 128n, max: 2n ** 300n }).map((n) => n.toString()),
);

const templates: Record<string, Record<string, unknown>> = {
  faucet: { token: 'USDC', amount: '1000000' },
  openPosition: { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '100000', acceptablePrice: '0' },
  closePosition: { positionId: '1', fractionBps: '10000', acceptablePrice: '0' },
  addCollateral: { positionId: '1', amount: '1000000' },
  removeCollateral: { positionId: '1', amountUsd: '1000000' },
  setTpSl: { positionId: '1', takeProfit: null, stopLoss: null },
  placeLimitOrder: { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '100000', acceptablePrice: '0', triggerPrice: '1' },
  cancelOrder: { orderId: '1' },
  addLiquidity: { pool: 'ALP', token: 'USDC', amount: '1000000', minLpOut: '0' },
  removeLiquidity: { pool: 'ALP', token: 'USDC', lpAmount: '1000000', minAmountOut: '0' },
  swap: { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: '1000000', minAmountOut: '0' },
};
/** Fields that may be absent or null (so deleting them or setting null is not hostile). */
const OPTIONAL = new Set(['fractionBps', 'takeProfit', 'stopLoss']);

type Mutation = { kind: 'set'; key: string; value: unknown } | { kind: 'delete'; key: string } | { kind: 'extra'; key: string; value: unknown };

const actionAndParams = fc.constantFrom(...Object.keys(templates)).chain((action) => {
  const template = templates[action] ?? {};
  const keys = Object.keys(template);
  const required = keys.filter((k) => !OPTIONAL.has(k));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...keys), value: hostileValue })
      .filter((m) => !(OPTIONAL.has(m.key) && m.value === null)),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...required) }),
    fc.record({ kind: fc.constant('extra' as const), key: fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k) && k !== '__proto__'), value: fc.jsonValue() }),
  );
  return fc.tuple(fc.constant(action), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([name, mutations]) => {
    const params: Record<string, unknown> = { ...template };
    for (const m of mutations) {
      if (m.kind === 'delete') delete params[m.key];
      else Object.defineProperty(params, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
    return { action: name, params };
  });
});

function expect4xx(a: Answer): void {
  const error = errorOf(a);
  expect(error.status, JSON.stringify(a.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(error.status).toBeLessThan(500);
  expect(error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(error.message.length).toBeGreaterThan(0);
}

describe.each(BACKENDS)('hostile bodies on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ backend });
  });
  afterAll(async () => {
    await h.close();
  });

  it('signed intents with hostile params get a 4xx and change nothing', async () => {
    const mallory = newSigner();
    const before = await ledger([mallory.owner]);
    const digest = await stateDigest(h.db);
    await fc.assert(
      fc.asyncProperty(actionAndParams, async ({ action, params }) => {
        const body = signIntent({ signer: mallory, domain: DOMAIN, action: action as never, params });
        expect4xx(await postSigned(body));
      }),
      { numRuns: 300 },
    );
    expect(await ledger([mallory.owner])).toEqual(before);
    expect(await stateDigest(h.db)).toEqual(digest);
  });

  it('hostile envelopes, messages and raw bytes get a 4xx and change nothing', async () => {
    const mallory = newSigner();
    const digest = await stateDigest(h.db);
    const hostileMessage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ v: hostileValue, domain: fc.constant(DOMAIN), owner: fc.constant(mallory.owner), nonce: hostileValue, expiresAt: hostileValue, action: hostileValue, params: hostileValue }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileMessage.map((m) => ({ raw: undefined, body: signMessage(mallory, m) })),
          fc.jsonValue().map((v) => ({ raw: undefined, body: v })),
          fc.record({ message: hostileValue, signature: hostileValue, publicKey: hostileValue }, { requiredKeys: [] }).map((v) => ({ raw: undefined, body: v })),
          fc.string({ unit: 'binary', maxLength: 300 }).map((s) => ({ raw: s, body: null })),
        ),
        async ({ raw, body }) => {
          expect4xx(await postSigned(body, raw === undefined ? {} : { raw }));
        },
      ),
      { numRuns: 300 },
    );
    expect(await stateDigest(h.db)).toEqual(digest);
  });

  it('hostile quote bodies get a 4xx and change nothing', async () => {
    const digest = await stateDigest(h.db);
    const template = { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '100000' };
    const keys = Object.keys(template);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ key: fc.constantFrom(...keys), value: hostileValue }).map(({ key, value }) => ({ ...template, [key]: value })),
          fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(template).filter(([k]) => k !== key))),
          fc.jsonValue(),
        ),
        async (body) => {
          expect4xx(await post(quoteRoute.POST as never, '/api/quote/open', body));
        },
      ),
      { numRuns: 200 },
    );
    expect(await stateDigest(h.db)).toEqual(digest);
  });
});
