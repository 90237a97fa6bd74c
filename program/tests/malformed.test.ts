/**
 * Malformed input to every instruction: unknown tags, empty data, data one byte short or long, the account list cut
 * short; and a transfer authority that is not the program's PDA (the token CPI cannot be signed: the runtime
 * refuses it). Each refused with nothing changed.
 */
import { describe, expect, it } from 'vitest';
import type { Instruction, TransactionSigner } from '@solana/kit';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { initPoolInstruction, queryPoolInstruction, seedLiquidityInstruction, updatePricesInstruction } from '@/lib/chain/instructions';
import {
  addCollateralIx,
  addLiquidityIx,
  cancelOrderIx,
  closeIx,
  executeTpSlIx,
  fillIx,
  liquidateIx,
  openIx,
  placeOrderIx,
  removeCollateralIx,
  removeLiquidityIx,
  setTpSlIx,
  swapIx,
} from '@/lib/chain/testing/actions';
import { addressesOf, changedAccounts, snapshot } from '@/lib/chain/testing/snapshot';
import { truncated, withAccount, withData } from '@/lib/chain/testing/tamper';
import { traderFor, type Trader, type World } from '@/lib/chain/testing/world';
import { poolAddress, lpMintAddress } from '@/lib/chain/pda';
import { genesis, ok, ONE, refused } from './support';

const fresh = genesis();
const order = { market: 'SOL' as const, side: 'short' as const, slot: 0, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 1_600_000_000_000n };

interface Scene {
  w: World;
  t: Trader;
  admin: Trader;
}

async function scene(): Promise<Scene> {
  const w = await fresh();
  const t = await w.trader({ USDC: 10_000n * ONE.USDC, SOL: 10n * ONE.SOL });
  await ok(w, [await openIx(w, t, { market: 'SOL', side: 'short', amount: 200n * ONE.USDC, leverageBps: 100_000n }), await placeOrderIx(w, t, order), addLiquidityIx(w, t, 'ALP', 'USDC', 100n * ONE.USDC)], [t.signer]);
  await ok(w, [await setTpSlIx(w, t, 'SOL', 'short', 1_400_000_000_000n, null)], [t.signer]);
  return { w, t, admin: await traderFor(w, w.admin, {}) };
}

/** One valid instruction of each kind (valid but for what each test breaks), and who signs it. */
async function every(s: Scene): Promise<{ name: string; ix: Instruction; signer: TransactionSigner }[]> {
  const { w, t, admin } = s;
  const a = w.addresses;
  const pool = await poolAddress(a.programId, 2);
  return [
    { name: 'initPool', ix: initPoolInstruction({ programId: a.programId, admin: w.admin.address, config: a.config, pool, lpMint: await lpMintAddress(a.programId, pool), index: 2 }), signer: w.admin },
    {
      name: 'seedLiquidity',
      ix: seedLiquidityInstruction({
        programId: a.programId,
        admin: w.admin.address,
        config: a.config,
        pool: a.pools.RWALP,
        lpMint: a.lpMints.RWALP,
        lpDestination: admin.lpAccounts.RWALP,
        authority: a.authority,
        lpSupply: 1n,
        custodies: [{ custody: custodyOf(a, 'RWALP', 'USDC'), vault: vaultOf(a, 'RWALP', 'USDC'), funding: admin.tokenAccounts.USDC, amount: 0n }],
      }),
      signer: w.admin,
    },
    { name: 'updatePrices', ix: updatePricesInstruction({ programId: a.programId, authority: w.oracleAuthority.address, config: a.config, updates: [{ account: a.oracles.SOL, price: 1n, publishTime: w.nowS() }] }), signer: w.oracleAuthority },
    { name: 'addLiquidity', ix: addLiquidityIx(w, t, 'ALP', 'USDC', ONE.USDC), signer: t.signer },
    { name: 'removeLiquidity', ix: removeLiquidityIx(w, t, 'ALP', 'USDC', ONE.USDC), signer: t.signer },
    { name: 'swap', ix: swapIx(w, t, 'USDC', 'SOL', ONE.USDC), signer: t.signer },
    { name: 'openPosition', ix: await openIx(w, t, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }), signer: t.signer },
    { name: 'closePosition', ix: await closeIx(w, t, 'SOL', 'short'), signer: t.signer },
    { name: 'addCollateral', ix: await addCollateralIx(w, t, 'SOL', 'short', ONE.USDC), signer: t.signer },
    { name: 'removeCollateral', ix: await removeCollateralIx(w, t, 'SOL', 'short', ONE.USDC), signer: t.signer },
    { name: 'setTpSl', ix: await setTpSlIx(w, t, 'SOL', 'short', null, null), signer: t.signer },
    { name: 'placeLimitOrder', ix: await placeOrderIx(w, t, { ...order, slot: 1 }), signer: t.signer },
    { name: 'cancelOrder', ix: await cancelOrderIx(w, t, 0, 'USDC'), signer: t.signer },
    { name: 'liquidate', ix: await liquidateIx(w, t, 'SOL', 'short'), signer: w.keeper },
    { name: 'executeTpSl', ix: await executeTpSlIx(w, t, 'SOL', 'short', 'takeProfit'), signer: w.keeper },
    { name: 'fillLimitOrder', ix: await fillIx(w, t, 0, order), signer: w.keeper },
  ];
}

describe('malformed instructions', () => {
  it('unknown tags and empty data: INVALID_INSTRUCTION', async () => {
    const { w, t } = await scene();
    const ix = await closeIx(w, t, 'SOL', 'short');
    for (const tag of [8, 9, 13, 27, 33, 39, 41, 99, 255]) await refused(w, [withData(ix, Uint8Array.of(tag))], [t.signer], 'INVALID_INSTRUCTION');
    await refused(w, [withData(ix, new Uint8Array())], [t.signer], 'INVALID_INSTRUCTION');
    await refused(w, [withData(queryPoolInstruction(w.addresses, 'ALP'), Uint8Array.of(40, 0))], [t.signer], 'INVALID_INSTRUCTION');
  });

  it('every instruction: data one byte long or short, INVALID_INSTRUCTION', async () => {
    const s = await scene();
    // SeedLiquidity reads its amounts as it goes and refuses a seeded pool (ALREADY_INITIALIZED) first.
    for (const { name, ix, signer } of (await every(s)).filter((e) => e.name !== 'seedLiquidity')) {
      const data = Uint8Array.from(ix.data ?? []);
      await refused(s.w, [withData(ix, Uint8Array.from([...data, 0]))], [signer], 'INVALID_INSTRUCTION').catch((e: Error) => {
        throw new Error(`${name} + 1 byte: ${e.message}`);
      });
      await refused(s.w, [withData(ix, data.slice(0, -1))], [signer], 'INVALID_INSTRUCTION').catch((e: Error) => {
        throw new Error(`${name} − 1 byte: ${e.message}`);
      });
    }
  });

  it('every instruction: only its first account, INVALID_ACCOUNT', async () => {
    const s = await scene();
    for (const { name, ix, signer } of await every(s)) {
      await refused(s.w, [truncated(ix, 1)], [signer], 'INVALID_ACCOUNT').catch((e: Error) => {
        throw new Error(`${name}: ${e.message}`);
      });
    }
  });

  it('a transfer authority that is not the program’s PDA: the token CPI is refused (by the runtime, or by SPL Token for a signer), nothing changes', async () => {
    const { w, t } = await scene();
    for (const [ix, at, authority, error] of [
      [await closeIx(w, t, 'SOL', 'short'), 7, w.keeper.address, 'PrivilegeEscalation'],
      [await closeIx(w, t, 'SOL', 'short'), 7, t.address, '{"Custom":4}'],
      [await removeCollateralIx(w, t, 'SOL', 'short', ONE.USDC), 7, w.keeper.address, 'PrivilegeEscalation'],
      [removeLiquidityIx(w, t, 'ALP', 'USDC', ONE.USDC), 7, w.keeper.address, 'PrivilegeEscalation'],
      [await cancelOrderIx(w, t, 0, 'USDC'), 5, t.address, '{"Custom":4}'],
    ] as const) {
      const bad = withAccount(ix, at, authority);
      const watched = addressesOf([bad]);
      const before = snapshot(w, watched);
      const r = await w.send([bad], [t.signer]);
      // SPL Token's OwnerMismatch (4) or the runtime's PrivilegeEscalation: not a program error number.
      expect({ ok: r.ok, code: r.code }).toEqual({ ok: false, code: undefined });
      expect(JSON.stringify(r.err)).toContain(error);
      expect(changedAccounts(before, snapshot(w, watched), { feePayer: t.address, fee: 5_000n })).toEqual([]);
    }
  });
});
