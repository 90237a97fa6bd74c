/**
 * Compute units of every instruction kind (chain.md: each fits the default 200,000). One pass through the whole
 * program in a busy world (positions on both sides of every market, so AUM reads every side), printed as a table
 * and each asserted under the limit; the heavier variants (a USDC-posted long swapped through the pool, its fill,
 * liquidity on the four-custody ALP) are measured apart.
 */
import { describe, expect, it } from 'vitest';
import type { Instruction, TransactionSigner } from '@solana/kit';
import { MARKET_IDS } from '@/lib/math/ids';
import { TAG } from '@/lib/chain/tags';
import type { SendResult } from '@/lib/chain/testing/svm-send';
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
import { queryPool } from '@/lib/chain/testing/simulate';
import { createWorld } from '@/lib/chain/testing/world';
import { CU_LIMIT, ONE } from './support';

const NAMES = Object.fromEntries(Object.entries(TAG).map(([name, tag]) => [tag, name])) as Record<number, string>;

describe('compute units', () => {
  it('every instruction kind stays under 200,000 CU (table printed)', async () => {
    const byKind = new Map<string, bigint>();
    const variants = new Map<string, bigint>();
    const max = (table: Map<string, bigint>, name: string, cu: bigint) => table.set(name, cu > (table.get(name) ?? 0n) ? cu : (table.get(name) ?? 0n));
    const record = (name: string, cu: bigint) => max(variants, name, cu);
    const observe = (ixs: readonly Instruction[], r: SendResult) => {
      const tag = ixs[0]?.data?.[0];
      if (r.ok && ixs.length === 1 && tag !== undefined && NAMES[tag]) max(byKind, NAMES[tag], r.computeUnits);
    };
    const w = await createWorld({ observe });
    const send = async (label: string, ix: Instruction, signer: TransactionSigner) => {
      const r = await w.send([ix], [signer]);
      if (!r.ok) throw new Error(`${label} refused (${r.code}):\n${r.logs.join('\n')}`);
      record(label, r.computeUnits);
    };
    const t = await w.trader({ USDC: 2_000_000n * ONE.USDC, SOL: 1_000n * ONE.SOL, WBTC: 5n * ONE.WBTC, BONK: 1_000_000_000n * ONE.BONK });
    const k = await w.trader({ USDC: 10_000n * ONE.USDC });
    for (const market of MARKET_IDS) {
      for (const side of ['long', 'short'] as const) {
        const token = side === 'long' && (market === 'SOL' || market === 'BTC' || market === 'BONK') ? ({ SOL: 'SOL', BTC: 'WBTC', BONK: 'BONK' } as const)[market] : 'USDC';
        const amount = { USDC: 500n * ONE.USDC, SOL: 3n * ONE.SOL, WBTC: ONE.WBTC / 200n, BONK: 20_000_000n * ONE.BONK }[token];
        await send('openPosition (new)', await openIx(w, t, { market, side, token, amount, leverageBps: 100_000n }), t.signer);
      }
    }
    await send('openPosition (increase)', await openIx(w, t, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 50_000n }), t.signer);
    await send('openPosition (USDC swapped into SOL)', await openIx(w, k, { market: 'SOL', side: 'long', token: 'USDC', amount: 1_000n * ONE.USDC, leverageBps: 100_000n }), k.signer);
    await send('addCollateral', await addCollateralIx(w, t, 'SOL', 'long', ONE.SOL), t.signer);
    await send('removeCollateral', await removeCollateralIx(w, t, 'SOL', 'long', 10n * ONE.USDC), t.signer);
    await send('setTpSl', await setTpSlIx(w, t, 'SOL', 'short', 1_400_000_000_000n, 1_560_000_000_000n), t.signer);
    await send('placeLimitOrder', await placeOrderIx(w, t, { market: 'BTC', side: 'short', slot: 0, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 960_000_000_000_000n }), t.signer);
    await send('placeLimitOrder (USDC for a long)', await placeOrderIx(w, k, { market: 'BONK', side: 'long', token: 'USDC', slot: 1, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 249_000n }), k.signer);
    await send('placeLimitOrder', await placeOrderIx(w, t, { market: 'XAU', side: 'long', slot: 2, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 26_000_000_000_000n }), t.signer);
    await send('cancelOrder', await cancelOrderIx(w, t, 2, 'USDC'), t.signer);
    for (const pool of ['ALP', 'RWALP'] as const) {
      await send(`addLiquidity (${pool})`, addLiquidityIx(w, t, pool, 'USDC', 1_000n * ONE.USDC), t.signer);
      await send(`removeLiquidity (${pool})`, removeLiquidityIx(w, t, pool, 'USDC', 500n * ONE.USDC), t.signer);
      const cu = (await queryPool(w, pool)).computeUnits;
      record(`queryPool (${pool})`, cu);
      max(byKind, 'queryPool (simulated)', cu);
    }
    await send('swap', swapIx(w, t, 'SOL', 'WBTC', 10n * ONE.SOL), t.signer);
    await send('closePosition (partial)', await closeIx(w, t, 'BTC', 'long', 2_500n), t.signer);
    await send('closePosition (whole)', await closeIx(w, t, 'WTI', 'short'), t.signer);
    await w.setPrices({ BTC: 970_000_000_000_000n, BONK: 240_000n, SOL: 1_300_000_000_000n });
    await send('fillLimitOrder', await fillIx(w, t, 0, { market: 'BTC', side: 'short' }), w.keeper);
    await send('fillLimitOrder (USDC swapped)', await fillIx(w, k, 1, { market: 'BONK', side: 'long', token: 'USDC' }), w.keeper);
    await send('executeTpSl', await executeTpSlIx(w, t, 'SOL', 'short', 'takeProfit'), w.keeper);
    await send('liquidate', await liquidateIx(w, t, 'SOL', 'long'), w.keeper);

    const lines = (table: Map<string, bigint>) => [...table.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, cu]) => `  ${name.padEnd(38)} ${cu.toString().padStart(7)}`);
    console.log(`compute units per instruction kind (the most seen):\n${lines(byKind).join('\n')}\nby variant:\n${lines(variants).join('\n')}`);
    expect([...byKind.keys()].sort()).toEqual([...Object.keys(TAG), 'queryPool (simulated)'].filter((n) => n !== 'queryPool').sort());
    for (const [name, cu] of [...byKind, ...variants]) expect(cu, name).toBeLessThan(CU_LIMIT);
  });
});

