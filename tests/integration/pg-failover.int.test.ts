/**
 * Issue 9, an instance dies: two `next start` instances on one PostgreSQL database; one is SIGKILLed in the
 * middle of a burst of actions. The survivor keeps answering (no 5xx, every action it accepts is kept), and its
 * keeper takes the lease over: a position made liquidatable after the kill is liquidated. The ledger balances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner, type Signer } from '@/lib/auth/sign-intent';
import type { AccountWire, HistoryEventWire } from '@/lib/client/wire';
import { startServer, type BuiltServer } from './support/built-server';
import { createDatabase, keeperLeaseHolder, ledgerOf, TEST_DATABASE_URL } from './support/databases';
import { act, getJson, postJson, price, usd, type Answer } from './support/http';

const WALLETS = 16;
const HUGE = (10n ** 30n).toString();

if (!TEST_DATABASE_URL) console.warn('pg-failover.int: SKIPPED (set TEST_DATABASE_URL to a PostgreSQL server to run it)');

describe.skipIf(!TEST_DATABASE_URL)('SIGKILL of one of two PostgreSQL instances', () => {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let victim: BuiltServer | undefined;
  let survivor: BuiltServer | undefined;
  const wallets: Signer[] = Array.from({ length: WALLETS }, () => newSigner());

  beforeAll(async () => {
    database = await createDatabase('ledger_failover');
    const env = { DATABASE_URL: database.url, DEVNET: '1', ORACLE: 'manual' };
    [victim, survivor] = await Promise.all([startServer({ ...env, PGAPPNAME: 'ledger-one' }), startServer({ ...env, PGAPPNAME: 'ledger-two' })]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([victim?.stop(), survivor?.stop()]);
    await database?.drop();
  });

  it('keeps serving on the survivor, whose keeper liquidates after the kill', async () => {
    // The victim is whichever instance leads the keeper, so the survivor must really take the lease over.
    await expect.poll(() => keeperLeaseHolder(database?.url ?? ''), { timeout: 30_000 }).toMatch(/^ledger-/);
    if ((await keeperLeaseHolder(database?.url ?? '')) === 'ledger-two') [victim, survivor] = [survivor, victim];
    const survivorName = (await keeperLeaseHolder(database?.url ?? '')) === 'ledger-one' ? 'ledger-two' : 'ledger-one';
    const a = victim?.url ?? '';
    const b = survivor?.url ?? '';
    const funded = await Promise.all(wallets.map((w, i) => act(i % 2 ? a : b, w, 'faucet', { token: 'USDC', amount: usd(10_000) })));
    expect(funded.map((r) => r.status)).toEqual(wallets.map(() => 200));

    // The burst: each wallet deposits again and again on both instances; the victim dies after 40 acknowledgements.
    const onSurvivor: Answer[] = [];
    let acked = 0;
    let killing: Promise<void> | undefined;
    await Promise.all(
      wallets.map(async (w, i) => {
        for (let k = 0; k < 8; k++) {
          const base = (i + k) % 2 ? a : b;
          const r = await act(base, w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usd(50), minLpOut: '0' }).catch(() => undefined);
          if (base === b && r) onSurvivor.push(r);
          if (r?.status === 200 && ++acked >= 40 && !killing) killing = victim?.kill();
        }
      }),
    );
    await killing;
    expect(victim?.exited()).toBe(true);
    expect(onSurvivor.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);

    // After the kill: a 10x SOL long on the survivor, then SOL halves. Only a leading keeper liquidates; the
    // survivor takes the lease within its retry period. Re-posting the price gives the keeper updates to act on.
    const trader = wallets[0] as Signer;
    await postJson(b, '/api/dev/prices', { SOL: price(150) });
    const opened = await act(b, trader, 'openPosition', { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: usd(200), leverageBps: '100000', acceptablePrice: HUGE });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    let tick = 0;
    await expect
      .poll(async () => {
        tick += 1;
        await postJson(b, '/api/dev/prices', { SOL: (75n * 10_000_000_000n + BigInt(tick)).toString() });
        const acc = await getJson<AccountWire>(b, `/api/accounts/${trader.owner}`);
        return acc.body.positions.filter((p) => p.market === 'SOL' && p.side === 'long').length;
      }, { timeout: 60_000, interval: 1_000 })
      .toBe(0);
    const history = await getJson<HistoryEventWire[]>(b, `/api/history/${trader.owner}`);
    expect(history.body.map((e) => e.kind)).toContain('liquidated');
    expect(await keeperLeaseHolder(database?.url ?? '')).toBe(survivorName);

    const ledger = await ledgerOf(database?.url ?? '');
    expect(ledger.ok, ledger.text).toBe(true);
  });
});
