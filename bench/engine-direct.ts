/**
 * The engine alone, in process, on PGlite (no HTTP, no signature check): the same openPosition → addLiquidity →
 * closePosition cycle run sequentially, to separate the database-transaction cost from the server's. Also the
 * ed25519 verification rate (what each signed request adds in the server).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { newSigner, signIntent } from '@/lib/auth/sign-intent';
import { createTestWorld } from '@/lib/engine/test-support';
import { decodeBase58Exact } from '@/lib/auth/base58';
import { median, nowMs, row, type BenchRow } from './stats';

const CYCLES = 60;
const RUNS = 3;

export async function benchEngineDirect(): Promise<BenchRow[]> {
  const w = await createTestWorld('pglite');
  const rates: number[] = [];
  try {
    await w.reset();
    await w.act('bench', 'faucet', { token: 'USDC', amount: 10_000_000_000n });
    for (let r = 0; r < RUNS; r++) {
      const t0 = nowMs();
      for (let i = 0; i < CYCLES; i++) {
        const open = await w.act('bench', 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 50_000_000n, leverageBps: 30_000n, acceptablePrice: 0n });
        await w.act('bench', 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: 20_000_000n, minLpOut: 0n });
        if (open.action === 'openPosition') await w.act('bench', 'closePosition', { positionId: open.position.id, fractionBps: 10_000n, acceptablePrice: 10n ** 20n });
      }
      rates.push((CYCLES * 3) / ((nowMs() - t0) / 1000));
    }
  } finally {
    await w.close();
  }
  const signer = newSigner();
  const signed = signIntent({ signer, domain: 'bench.local', action: 'faucet', params: { token: 'USDC', amount: '1' } });
  const message = new TextEncoder().encode(signed.message);
  const signature = decodeBase58Exact(signed.signature, 64);
  const publicKey = decodeBase58Exact(signed.publicKey, 32);
  if (!signature || !publicKey) throw new Error('bad base58');
  const verifyRates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = nowMs();
    for (let i = 0; i < 300; i++) ed25519.verify(signature, message, publicKey);
    verifyRates.push(300 / ((nowMs() - t0) / 1000));
  }
  return [
    row({ section: 'api', name: 'engine in process (PGlite, sequential, no HTTP): actions/s', value: median(rates), unit: '/s', target: '', note: 'open / addLiquidity / close cycle' }),
    row({ section: 'api', name: 'ed25519 verifications/s (one per signed request)', value: median(verifyRates), unit: '/s', target: '' }),
  ];
}
