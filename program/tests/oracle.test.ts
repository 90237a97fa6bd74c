/**
 * Prices (§2, chain.md Oracle): the local price accounts and Pyth's PriceUpdateV2 behind one interface. Pyth's
 * owner, discriminator, verification level, feed id and exponent are checked; staleness against the Clock sysvar
 * with the config's limit; an account at the right address but owned by someone else, or of another feed, is
 * refused.
 */
import { describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { FEED_ID_BYTES } from '@/lib/chain/feeds';
import { PYTH_RECEIVER, SYSTEM_PROGRAM } from '@/lib/chain/program-ids';
import { closeIx, openIx, positionOf } from '@/lib/chain/testing/actions';
import { positionAt } from '@/lib/chain/testing/model';
import { PRICE_UPDATE_V2_DISCRIMINATOR, writePythPrice, type PythPrice } from '@/lib/chain/testing/pyth';
import type { World } from '@/lib/chain/testing/world';
import { genesis, ok, ONE, openAndCheck, refused, settleAndCheck } from './support';

const local = genesis();
const pyth = genesis({ oracle: 'pyth' });
const patient = genesis({ maxPriceAgeS: 60n });

const short = { market: 'SOL' as const, side: 'short' as const, amount: 100n * ONE.USDC, leverageBps: 100_000n };

function solPyth(w: World, p: Partial<PythPrice> = {}, owner: Address = PYTH_RECEIVER): void {
  writePythPrice(w.svm, w.addresses.oracles.SOL, { feedId: FEED_ID_BYTES.SOL, price: 15_025_000_000n, exponent: -8, publishTime: w.nowS(), ...p }, owner);
}

describe('Pyth PriceUpdateV2 (real clusters)', () => {
  it('opens and closes with exact figures; the exponent is scaled to 10 decimals ($150.25 at −8)', async () => {
    const w = await pyth();
    solPyth(w);
    const t = await w.trader({ USDC: 100n * ONE.USDC });
    const { position } = await openAndCheck(w, t, short);
    expect(positionAt(w, position)!.state.entryPrice).toBe(1_502_500_000_000n);
    solPyth(w, { price: 1_490_000_000_000_000n, exponent: -13 });
    await settleAndCheck(w, { t, market: 'SOL', side: 'short', reason: 'close', signers: [t.signer], ix: await closeIx(w, t, 'SOL', 'short') });
  });

  it.each<{ name: string; code: 'INVALID_ORACLE' | 'INVALID_PRICE' | 'ORACLE_STALE'; write: (w: World) => void }>([
    { name: 'a partially verified update', code: 'INVALID_ORACLE', write: (w) => solPyth(w, { verification: { partial: 5 } }) },
    { name: 'the BTC feed at SOL’s address', code: 'INVALID_ORACLE', write: (w) => solPyth(w, { feedId: FEED_ID_BYTES.BTC }) },
    { name: 'an account not owned by the Pyth receiver', code: 'INVALID_ORACLE', write: (w) => solPyth(w, {}, SYSTEM_PROGRAM) },
    { name: 'an account owned by this program', code: 'INVALID_ORACLE', write: (w) => solPyth(w, {}, w.addresses.programId) },
    { name: 'a negative price', code: 'INVALID_PRICE', write: (w) => solPyth(w, { price: -15_025_000_000n }) },
    { name: 'a price that scales to 0', code: 'INVALID_PRICE', write: (w) => solPyth(w, { price: 1n, exponent: -12 }) },
    { name: 'a publish time 31 s old', code: 'ORACLE_STALE', write: (w) => solPyth(w, { publishTime: w.nowS() - 31n }) },
    {
      name: 'another discriminator',
      code: 'INVALID_ORACLE',
      write: (w) => {
        solPyth(w);
        const acc = w.svm.getAccount(w.addresses.oracles.SOL);
        if (!acc.exists) throw new Error('no account');
        const data = Uint8Array.from(acc.data);
        data[0] = PRICE_UPDATE_V2_DISCRIMINATOR[0]! ^ 1;
        w.svm.setAccount({ ...acc, data });
      },
    },
  ])('$name: $code', async ({ code, write }) => {
    const w = await pyth();
    const t = await w.trader({ USDC: 100n * ONE.USDC });
    write(w);
    await refused(w, [await openIx(w, t, short)], [t.signer], code);
  });
});

describe('the local price accounts', () => {
  it('an account at SOL’s price address owned by someone else, or holding BTC’s feed: INVALID_ORACLE', async () => {
    const w = await local();
    const t = await w.trader({ USDC: 100n * ONE.USDC });
    const acc = w.svm.getAccount(w.addresses.oracles.SOL);
    if (!acc.exists) throw new Error('no price account');
    w.svm.setAccount({ ...acc, programAddress: SYSTEM_PROGRAM });
    await refused(w, [await openIx(w, t, short)], [t.signer], 'INVALID_ORACLE');
    const btc = w.svm.getAccount(w.addresses.oracles.BTC);
    if (!btc.exists) throw new Error('no price account');
    w.svm.setAccount({ ...btc, address: w.addresses.oracles.SOL });
    await refused(w, [await openIx(w, t, short)], [t.signer], 'INVALID_ORACLE');
  });

  it('a Pyth account in a local deployment is not a price: INVALID_ORACLE', async () => {
    const w = await local();
    const t = await w.trader({ USDC: 100n * ONE.USDC });
    solPyth(w);
    await refused(w, [await openIx(w, t, short)], [t.signer], 'INVALID_ORACLE');
  });

  it('staleness follows the config’s limit (60 s here): 60 s old is fresh, 61 s stale', async () => {
    const w = await patient();
    const t = await w.trader({ USDC: 200n * ONE.USDC });
    w.advance(61n);
    await refused(w, [await openIx(w, t, short)], [t.signer], 'ORACLE_STALE');
    w.advance(-1n);
    await ok(w, [await openIx(w, t, short)], [t.signer]);
    expect(await positionOf(w, t.address, 'SOL', 'short')).toBeDefined();
  });
});
