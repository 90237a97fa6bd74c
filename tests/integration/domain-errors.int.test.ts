/**
 * Refusals keep their status in a built server. The services are built once by instrumentation.ts and shared on
 * globalThis, while each route is its own bundle: a refusal thrown by the engine must still be recognised by the
 * route's error mapping (lib/http/handle.ts), not fall through to 500 INTERNAL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner } from '@/lib/auth/sign-intent';
import { startServer, type BuiltServer } from './support/built-server';
import { act, codeOf, usd } from './support/http';

describe('engine refusals through a built server', () => {
  let server: BuiltServer | undefined;
  let dataDir = '';
  const alice = newSigner();
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ledger-errors-'));
    server = await startServer({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'manual' });
    await act(server.url, alice, 'faucet', { token: 'USDC', amount: usd(1_000) });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const cases: [string, string, Record<string, unknown>, number, string][] = [
    ['an EngineError (faucet cooldown)', 'faucet', { token: 'USDC', amount: usd(1) }, 429, 'FAUCET_COOLDOWN'],
    ['a ProtocolError (leverage too high)', 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(100), leverageBps: '9000000', acceptablePrice: '0' }, 422, 'LEVERAGE_TOO_HIGH'],
    ['an EngineError (not enough balance)', 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usd(5_000), minLpOut: '0' }, 422, 'INSUFFICIENT_BALANCE'],
    ['a missing position', 'closePosition', { positionId: '999999', acceptablePrice: '0' }, 404, 'NOT_FOUND'],
  ];

  it.each(cases)('%s keeps its status and code', async (_name, action, params, status, code) => {
    const a = await act(server?.url ?? '', alice, action as 'faucet', params);
    expect([a.status, codeOf(a)], server?.logs().slice(-2_000)).toEqual([status, code]);
  });
});
