import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { runMigrations } from '@/lib/db/migrations';
import { LocalChain, SqlChainStore } from '@/lib/validator';
import { decodeCustody, decodeMarket, decodeMintSupply, decodePrice } from '@/lib/chain/accounts';
import { custodyOf } from '@/lib/chain/addresses';
import { GENESIS } from '@/lib/math/params';
import { ensureLocalDeployment } from './local';

describe('the local chain first start', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('deploys the program through the loader, initialises every account and seeds §9 genesis; a restart keeps it', async () => {
    const nowS = () => BigInt(Math.floor(Date.now() / 1000));
    const chain = await LocalChain.open(new SqlChainStore(db), () => Number(nowS()), { autoTick: false });
    const steps: string[] = [];
    const d = await ensureLocalDeployment(chain, db.sql, { nowS, onStep: (s) => steps.push(s) });
    expect(steps.at(-1)).toBe('local chain ready');
    const a = d.addresses;
    const data = (addr: Parameters<typeof chain.getAccount>[0]) => chain.getAccount(addr)?.data ?? new Uint8Array();
    expect(decodeCustody(data(custodyOf(a, 'ALP', 'SOL'))).owned).toBe(GENESIS.pools.ALP.custodies.SOL);
    expect(decodeCustody(data(custodyOf(a, 'RWALP', 'USDC'))).owned).toBe(GENESIS.pools.RWALP.custodies.USDC);
    expect(decodeMintSupply(data(a.lpMints.ALP)).supply).toBe(GENESIS.pools.ALP.lpSupply);
    expect(decodeMarket(data(a.markets.XAU)).hours).toBe(1);
    expect(decodePrice(data(a.oracles.SOL)).price).toBe(GENESIS.prices.SOL);
    await chain.close();

    const again = await LocalChain.open(new SqlChainStore(db), () => Number(nowS()), { autoTick: false });
    const d2 = await ensureLocalDeployment(again, db.sql, { nowS });
    expect(d2.addresses.programId).toBe(a.programId);
    expect(d2.keeper.address).toBe(d.keeper.address);
    expect(decodeCustody(again.getAccount(custodyOf(a, 'ALP', 'USDC'))!.data).owned).toBe(GENESIS.pools.ALP.custodies.USDC);
    await again.close();
  }, 180_000);
});
