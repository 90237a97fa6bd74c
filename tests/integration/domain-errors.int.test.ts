/**
 * Refusals keep their status in a built server. The services are built once by instrumentation.ts and shared on
 * globalThis, while each route is its own bundle: a refusal thrown in the services' bundle (the faucet's
 * ServiceError, the transaction builder's ProtocolError, a refused simulation) must still be recognised by the
 * route's error mapping (lib/http/handle.ts), not fall through to 500 INTERNAL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyPairSigner } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTx, codeOf, faucet, newWallet, startChainServer, usd, type BuiltServer } from './chain/support';

describe('refusals through a built server', () => {
  let server: BuiltServer | undefined;
  let dataDir = '';
  let alice: KeyPairSigner;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'refusals-'));
    server = await startChainServer({ DATA_DIR: dataDir });
    alice = await newWallet();
    expect((await faucet(server.url, alice.address)).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a ServiceError (the faucet drawn again within its cooldown) answers 429 FAUCET_COOLDOWN', async () => {
    const again = await faucet(server?.url ?? '', alice.address);
    expect([again.status, codeOf(again)], server?.logs().slice(-2_000)).toEqual([429, 'FAUCET_COOLDOWN']);
  });

  const cases: [string, string, Record<string, unknown>, number, string][] = [
    ['a ProtocolError (leverage too high)', 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(100), leverageBps: '9000000', acceptablePrice: '0' }, 422, 'LEVERAGE_TOO_HIGH'],
    ['an unknown market', 'openPosition', { market: 'DOGE', side: 'short', collateralToken: 'USDC', collateralAmount: usd(100), leverageBps: '20000', acceptablePrice: '0' }, 400, 'UNKNOWN_MARKET'],
    ['a missing position', 'closePosition', { positionId: '11111111111111111111111111111112', acceptablePrice: '0' }, 404, 'NOT_FOUND'],
  ];

  it.each(cases)('%s keeps its status and code', async (_name, action, params, status, code) => {
    const a = await buildTx(server?.url ?? '', action, alice.address, params);
    expect([a.status, codeOf(a)], `${JSON.stringify(a.body)} ${server?.logs().slice(-2_000) ?? ''}`).toEqual([status, code]);
  });
});
