/**
 * POST /api/transactions/{openPosition, closePosition, addCollateral, removeCollateral, setTpSl} and
 * POST /api/quote/open on the local chain: each answered transaction, signed by the owner and sent, leaves the
 * accounts lib/math says (to the unit), the quote equals the opened position, and every refusal answers its
 * status and code and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import { tokenToUsd, usdToTokens } from '@/lib/math/convert';
import { COMPUTE_BUDGET_PROGRAM } from '@/lib/chain/program-ids';
import { getCompiledTransactionMessageDecoder } from '@solana/kit';
import { decodeAnswer, startChainHarness, type ChainHarness } from './harness';
import { expectedClose, expectedOpen, liquidationNow, quoteOf } from './expected';

let h: ChainHarness;
beforeAll(async () => {
  h = await startChainHarness();
}, 120_000);
afterAll(async () => h.close());

const ONE_SOL = 1_000_000_000n;
const usdc = (dollars: number) => BigInt(Math.round(dollars * 1e6));

interface OpenCase {
  market: MarketId;
  side: Side;
  token: TokenId;
  amount: bigint;
  leverageBps: bigint;
}

const openParams = (c: OpenCase, extra: Record<string, string> = {}) => ({
  market: c.market,
  side: c.side,
  collateralToken: c.token,
  collateralAmount: c.amount.toString(),
  leverageBps: c.leverageBps.toString(),
  acceptablePrice: '0',
  ...extra,
});

/** A wallet holding `amount` of `token` (SOL as native lamports, beside 1 SOL for fees and rent). */
async function walletFor(token: TokenId, amount: bigint) {
  return h.wallet({ lamports: ONE_SOL + (token === 'SOL' ? amount : 0n), ...(token === 'SOL' ? {} : { [token]: amount }) });
}

async function open(c: OpenCase) {
  const w = await walletFor(c.token, c.amount);
  const answer = await h.act(w, 'openPosition', openParams(c));
  return { w, position: answer.accounts.position!, answer };
}

describe('openPosition', () => {
  const cases: OpenCase[] = [
    { market: 'SOL', side: 'long', token: 'SOL', amount: 2n * ONE_SOL, leverageBps: 100_000n },
    { market: 'SOL', side: 'long', token: 'USDC', amount: usdc(500), leverageBps: 200_000n },
    { market: 'SOL', side: 'short', token: 'USDC', amount: usdc(300), leverageBps: 50_000n },
    { market: 'BTC', side: 'long', token: 'WBTC', amount: 1_000_000n, leverageBps: 1_000_000n },
    { market: 'BTC', side: 'long', token: 'USDC', amount: usdc(1_000), leverageBps: 30_000n },
    { market: 'BTC', side: 'short', token: 'USDC', amount: usdc(200), leverageBps: 500_000n },
    { market: 'BONK', side: 'long', token: 'BONK', amount: 1_000_000_000_000n, leverageBps: 500_000n },
    { market: 'BONK', side: 'short', token: 'USDC', amount: usdc(100), leverageBps: 20_000n },
    { market: 'XAU', side: 'long', token: 'USDC', amount: usdc(100), leverageBps: 500_000n },
    { market: 'XAG', side: 'short', token: 'USDC', amount: usdc(100), leverageBps: 11_000n },
    { market: 'WTI', side: 'long', token: 'USDC', amount: usdc(50), leverageBps: 250_000n },
  ];

  it.each(cases)('$market $side posted in $token: the position is lib/math\'s and the quote equals it to the unit', async (c) => {
    const w = await walletFor(c.token, c.amount);
    const quote = await h.quote({ market: c.market, side: c.side, collateralToken: c.token, collateralAmount: c.amount.toString(), leverageBps: c.leverageBps.toString() });
    expect(quote.status).toBe(200);
    const expected = expectedOpen(h.snapshot(), { ...c });
    const lamportsBefore = h.lamports(w.address);
    const answer = await h.act(w, 'openPosition', openParams(c));
    const position = h.position(answer.accounts.position!)!;
    expect(position.owner).toBe(w.address);
    expect(position.market).toBe(h.chain.addresses.markets[c.market]);
    expect(position.state).toEqual(expected.next);
    // The quote is what opening did, to the unit.
    const s = h.snapshot();
    const lock = s.custody(MARKETS[c.market].pool, lockToken(c.market, c.side));
    expect(quote.body).toEqual({
      collateralUsd: position.state.collateralUsd.toString(),
      sizeUsd: position.state.sizeUsd.toString(),
      entryPrice: position.state.entryPrice.toString(),
      liquidationPrice: liquidationNow(s, c.market, position.state).toString(),
      openFeeUsd: '0',
      exitFeeUsd: position.state.exitFeeUsd.toString(),
      liquidationFeeUsd: position.state.liquidationFeeUsd.toString(),
      borrowRateHourly: lock.rateHourly.toString(),
      lockAmount: position.state.lockAmount.toString(),
      swapFeeAmount: (expected.swap?.feeAmount ?? 0n).toString(),
      collateralAmountAfterSwap: position.state.collateralAmount.toString(),
    });
    // The collateral left the wallet; SOL was wrapped from native lamports in the same transaction.
    expect(h.balance(w.address, c.token)).toBe(0n);
    if (c.token === 'SOL') {
      const rent = h.chain.local!.minimumBalanceForRentExemption(165n) + h.chain.local!.minimumBalanceForRentExemption(216n);
      expect(h.lamports(w.address)).toBe(lamportsBefore - c.amount - 5_000n - rent);
    }
  });

  it('answers one v0 transaction: compute budget first (the units answered), fee payer the owner, no signatures, a recent blockhash', async () => {
    const c: OpenCase = { market: 'SOL', side: 'long', token: 'SOL', amount: ONE_SOL, leverageBps: 20_000n };
    const w = await walletFor('SOL', c.amount);
    const answer = await h.post('openPosition', { owner: w.address, params: openParams(c) });
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(Object.keys(body).sort()).toEqual(['accounts', 'computeUnits', 'fee', 'transaction']);
    expect(body.fee).toBe('5000');
    const tx = decodeAnswer(body.transaction);
    expect(Object.keys(tx.signatures)).toEqual([w.address]);
    const wire = Buffer.from(body.transaction, 'base64');
    expect(wire[0]).toBe(1); // one signature slot, empty
    expect(wire.subarray(1, 65).every((b) => b === 0)).toBe(true);
    expect(wire.length).toBeLessThanOrEqual(1232);
    const message = getCompiledTransactionMessageDecoder().decode(tx.messageBytes) as ReturnType<ReturnType<typeof getCompiledTransactionMessageDecoder>['decode']> & { version: 0 };
    expect(message.version).toBe(0);
    expect(message.staticAccounts[0]).toBe(w.address);
    expect(message.lifetimeToken).toBe(h.chain.local!.latestBlockhash().blockhash);
    const programs = message.instructions.map((ix) => message.staticAccounts[ix.programAddressIndex]);
    // compute budget, create the wSOL account, transfer, sync native, open.
    expect(programs[0]).toBe(COMPUTE_BUDGET_PROGRAM);
    expect(programs.at(-1)).toBe(h.chain.addresses.programId);
    expect(programs).toHaveLength(5);
    const limit = message.instructions[0]!.data!;
    expect(limit[0]).toBe(2);
    const units = new DataView(limit.buffer, limit.byteOffset).getUint32(1, true);
    expect(BigInt(units).toString()).toBe(body.computeUnits);
    expect(units).toBeGreaterThan(20_000);
    expect(units).toBeLessThan(200_000);
    const result = await h.signAndSend(w, body.transaction);
    expect(result.err).toBeNull();
  });

  it('increases an open position: sizes add, the entry is the harmonic mean, the borrow fee is carried', async () => {
    const first: OpenCase = { market: 'SOL', side: 'short', token: 'USDC', amount: usdc(100), leverageBps: 100_000n };
    const w = await h.wallet({ lamports: ONE_SOL, USDC: usdc(400) });
    const a1 = await h.act(w, 'openPosition', openParams(first));
    h.advance(3_600);
    await h.setPrices({ SOL: 1_450_000_000_000n });
    const second: OpenCase = { ...first, amount: usdc(200), leverageBps: 50_000n };
    const quote = await h.quote({ market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: second.amount.toString(), leverageBps: '50000' });
    const expected = expectedOpen(h.snapshot(), second, h.position(a1.accounts.position!));
    expect(expected.next.carriedInterestUsd).toBeGreaterThan(0n);
    const a2 = await h.act(w, 'openPosition', openParams(second));
    expect(a2.accounts.position).toBe(a1.accounts.position);
    expect(h.position(a2.accounts.position!)!.state).toEqual(expected.next);
    expect(quote.body.sizeUsd).toBe(expected.opened.sizeUsd.toString());
    await h.setPrices({ SOL: 1_500_000_000_000n });
  });

  it('stores the take profit and stop loss given at open', async () => {
    const c: OpenCase = { market: 'SOL', side: 'long', token: 'USDC', amount: usdc(100), leverageBps: 50_000n };
    const w = await walletFor('USDC', c.amount);
    const answer = await h.act(w, 'openPosition', openParams(c, { takeProfit: '1600000000000', stopLoss: '1400000000000' }));
    const p = h.position(answer.accounts.position!)!;
    expect([p.takeProfit, p.stopLoss]).toEqual([1_600_000_000_000n, 1_400_000_000_000n]);
  });

  describe('refusals answer their code and change nothing', () => {
    const base: OpenCase = { market: 'SOL', side: 'short', token: 'USDC', amount: usdc(100), leverageBps: 100_000n };
    let w: Awaited<ReturnType<typeof h.wallet>>;
    beforeAll(async () => {
      w = await h.wallet({ lamports: ONE_SOL, USDC: usdc(1_000), WBTC: 1_000_000n, BONK: 100_000n });
    });

    it('UNSUPPORTED_COLLATERAL', async () => {
      const m = await h.refused(w, 'openPosition', openParams({ ...base, market: 'BTC', side: 'long', token: 'BONK', amount: 100_000n }), 422, 'UNSUPPORTED_COLLATERAL');
      expect(m).toBe('A BTC long takes WBTC or USDC as collateral, not BONK.');
      await h.refused(w, 'openPosition', openParams({ ...base, market: 'XAU', side: 'long', token: 'WBTC', amount: 1_000n }), 422, 'UNSUPPORTED_COLLATERAL');
      await h.refused(w, 'openPosition', openParams({ ...base, side: 'short', token: 'WBTC', amount: 1_000n }), 422, 'UNSUPPORTED_COLLATERAL');
    });

    it('LEVERAGE_TOO_LOW and LEVERAGE_TOO_HIGH', async () => {
      expect(await h.refused(w, 'openPosition', openParams({ ...base, leverageBps: 10_999n }), 422, 'LEVERAGE_TOO_LOW')).toBe('Leverage 1.0999x is below the minimum of 1.1x.');
      expect(await h.refused(w, 'openPosition', openParams({ ...base, leverageBps: 1_500_000n }), 422, 'LEVERAGE_TOO_HIGH')).toBe("Leverage 150x is above this market's maximum of 100x.");
      expect(await h.refused(w, 'openPosition', openParams({ ...base, market: 'BONK', leverageBps: 500_001n }), 422, 'LEVERAGE_TOO_HIGH')).toBe(
        "Leverage 50.0001x is above this market's maximum of 50x.",
      );
      // A leverage whose size overflows a u64 is still LEVERAGE_TOO_HIGH (the program checks the range first).
      await h.refused(w, 'openPosition', openParams({ ...base, leverageBps: 18_446_744_073_709_551_615n }), 422, 'LEVERAGE_TOO_HIGH');
    });

    it('COLLATERAL_TOO_SMALL and POSITION_TOO_LARGE', async () => {
      expect(await h.refused(w, 'openPosition', openParams({ ...base, amount: usdc(9.99) }), 422, 'COLLATERAL_TOO_SMALL')).toBe(
        'Collateral worth $9.99 is below the minimum of $10; add more collateral.',
      );
      const rich = await h.wallet({ lamports: ONE_SOL, USDC: usdc(2_001) });
      expect(await h.refused(rich, 'openPosition', openParams({ ...base, market: 'XAU', amount: usdc(2_001), leverageBps: 500_000n }), 422, 'POSITION_TOO_LARGE')).toBe(
        'A XAU position of $100,050 is above the maximum of $100,000; lower the size.',
      );
    });

    it('AMOUNT_TOO_SMALL: a USDC-posted BTC long whose swap pays out nothing', async () => {
      expect(await h.refused(w, 'openPosition', openParams({ ...base, market: 'BTC', side: 'long', amount: 1n }), 422, 'AMOUNT_TOO_SMALL')).toBe(
        'This swap is too small to pay out any token; swap more.',
      );
    });

    it('RATIO_OUT_OF_BAND: the swap of a USDC-posted BTC long takes WBTC below its band', async () => {
      const whale = await h.wallet({ lamports: ONE_SOL, USDC: usdc(700_000) });
      const m = await h.refused(whale, 'openPosition', openParams({ market: 'BTC', side: 'long', token: 'USDC', amount: usdc(700_000), leverageBps: 11_000n }), 422, 'RATIO_OUT_OF_BAND');
      expect(m).toMatch(/^WBTC would be 1\d(\.\d+)?% of ALP; the minimum is 20%\.$/);
    });

    it('SLIPPAGE', async () => {
      expect(await h.refused(w, 'openPosition', openParams(base, { acceptablePrice: '1500000000001' }), 422, 'SLIPPAGE')).toBe(
        'The price moved to $150, beyond your acceptable $150.0000000001; review the price and try again.',
      );
      await h.refused(w, 'openPosition', openParams({ ...base, side: 'long', token: 'USDC' }, { acceptablePrice: '1499999999999' }), 422, 'SLIPPAGE');
    });

    it('INVALID_TAKE_PROFIT and INVALID_STOP_LOSS', async () => {
      expect(await h.refused(w, 'openPosition', openParams(base, { takeProfit: '1500000000000' }), 422, 'INVALID_TAKE_PROFIT')).toBe(
        "A short's take profit must be below the mark price of $150 and above $0.",
      );
      expect(await h.refused(w, 'openPosition', openParams(base, { stopLoss: '1400000000000' }), 422, 'INVALID_STOP_LOSS')).toMatch(
        /^A short's stop loss must lie between the liquidation price of \$[\d.]+ and the mark price of \$150\.$/,
      );
    });

    it('INSUFFICIENT_BALANCE: tokens, and SOL counting what can be wrapped', async () => {
      expect(await h.refused(w, 'openPosition', openParams({ ...base, amount: usdc(1_000.5) }), 422, 'INSUFFICIENT_BALANCE')).toBe(
        'Not enough USDC in your wallet for this collateral: you have 1,000, this needs 1,000.5.',
      );
      const poor = await h.wallet({ lamports: 2n * ONE_SOL });
      const m = await h.refused(poor, 'openPosition', openParams({ market: 'SOL', side: 'long', token: 'SOL', amount: 5n * ONE_SOL, leverageBps: 20_000n }), 422, 'INSUFFICIENT_BALANCE');
      expect(m).toMatch(/^Not enough SOL in your wallet for this collateral: you have 1\.99\d+ \(wrapped and native, after the fee\), this needs 5\.$/);
      // A wallet that never received the token: its account is created in the simulation, the program says balance.
      await h.refused(poor, 'openPosition', openParams({ ...base, amount: usdc(10) }), 422, 'INSUFFICIENT_BALANCE');
    });

    it('INSUFFICIENT_SOL: a wallet without SOL for the fee is told so before simulating', async () => {
      const dry = await h.wallet({ lamports: 0n, USDC: usdc(100) });
      const m = await h.refused(dry, 'openPosition', openParams(base), 422, 'INSUFFICIENT_SOL');
      expect(m).toMatch(/^This wallet has 0 SOL; this transaction needs 0\.00\d+ SOL for its fee and the accounts it creates\. Get some SOL first/);
      const thin = await h.wallet({ lamports: 1_000_000n, USDC: usdc(100) });
      await h.refused(thin, 'openPosition', openParams(base), 422, 'INSUFFICIENT_SOL');
    });
  });
});

describe('closePosition', () => {
  it('closes a fraction, then the rest: payouts and the remaining position are lib/math\'s', async () => {
    const { w, position } = await open({ market: 'SOL', side: 'short', token: 'USDC', amount: usdc(200), leverageBps: 100_000n });
    h.advance(600);
    await h.setPrices({ SOL: 1_480_000_000_000n });
    const before = h.balance(w.address, 'USDC');
    const half = expectedClose(h.snapshot(), 'SOL', h.position(position)!.state, 5_000n);
    const answer = await h.act(w, 'closePosition', { positionId: position, fractionBps: '5000', acceptablePrice: '0' });
    expect(answer.accounts.position).toBe(position);
    expect(h.position(position)!.state).toEqual(half.remaining);
    expect(h.balance(w.address, 'USDC')).toBe(before + half.payoutAmount);
    const rest = expectedClose(h.snapshot(), 'SOL', h.position(position)!.state, 10_000n);
    await h.act(w, 'closePosition', { positionId: position, acceptablePrice: '1490000000000' });
    expect(h.position(position)).toBeUndefined();
    expect(h.balance(w.address, 'USDC')).toBe(before + half.payoutAmount + rest.payoutAmount);
    await h.setPrices({ SOL: 1_500_000_000_000n });
  });

  it('pays a SOL long in wrapped SOL, into the wSOL account it creates if missing', async () => {
    const { w, position } = await open({ market: 'SOL', side: 'long', token: 'USDC', amount: usdc(100), leverageBps: 50_000n });
    expect(h.balance(w.address, 'SOL')).toBe(0n);
    const expected = expectedClose(h.snapshot(), 'SOL', h.position(position)!.state, 10_000n);
    await h.act(w, 'closePosition', { positionId: position, acceptablePrice: '0' });
    expect(h.balance(w.address, 'SOL')).toBe(expected.payoutAmount);
    expect(expected.payoutAmount).toBeGreaterThan(0n);
  });

  it('a SOL deposit uses the wrapped balance first and wraps only the shortfall', async () => {
    const w = await h.wallet({ lamports: 3n * ONE_SOL });
    await h.act(w, 'swap', { pool: 'ALP', tokenIn: 'SOL', tokenOut: 'USDC', amountIn: ONE_SOL.toString(), minAmountOut: '0' });
    // USDC → SOL pays wrapped SOL into the wSOL account.
    await h.act(w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: h.balance(w.address, 'USDC').toString(), minAmountOut: '0' });
    const wrapped = h.balance(w.address, 'SOL');
    expect(wrapped).toBeGreaterThan(900_000_000n);
    const programs = (answer: { transaction: string }) => {
      const tx = decodeAnswer(answer.transaction);
      const m = getCompiledTransactionMessageDecoder().decode(tx.messageBytes) as ReturnType<ReturnType<typeof getCompiledTransactionMessageDecoder>['decode']> & { version: 0 };
      return m.instructions.map((ix) => m.staticAccounts[ix.programAddressIndex]);
    };
    const within = await h.post('openPosition', { owner: w.address, params: openParams({ market: 'SOL', side: 'long', token: 'SOL', amount: wrapped, leverageBps: 20_000n }) });
    expect(programs(within.body)).toEqual([COMPUTE_BUDGET_PROGRAM, h.chain.addresses.programId]);
    const lamports = h.lamports(w.address);
    await h.act(w, 'openPosition', openParams({ market: 'SOL', side: 'long', token: 'SOL', amount: wrapped + 100_000_000n, leverageBps: 20_000n }));
    expect(h.balance(w.address, 'SOL')).toBe(0n);
    const rent = h.chain.local!.minimumBalanceForRentExemption(216n);
    expect(h.lamports(w.address)).toBe(lamports - 100_000_000n - 5_000n - rent);
  });

  it('refusals: NOT_FOUND, NOT_OWNER, SLIPPAGE, REMAINING_COLLATERAL_TOO_SMALL', async () => {
    const { w, position } = await open({ market: 'SOL', side: 'short', token: 'USDC', amount: usdc(20), leverageBps: 20_000n });
    const other = await h.wallet();
    const stranger = (await h.wallet()).address;
    expect(await h.refused(w, 'closePosition', { positionId: stranger, acceptablePrice: '0' }, 404, 'NOT_FOUND')).toBe(`Position ${stranger} does not exist (it may have been closed).`);
    expect(await h.refused(other, 'closePosition', { positionId: position, acceptablePrice: '0' }, 403, 'NOT_OWNER')).toBe(`Position ${position} belongs to another wallet.`);
    expect(await h.refused(w, 'closePosition', { positionId: position, acceptablePrice: '1499999999999' }, 422, 'SLIPPAGE')).toBe(
      'The price moved to $150, beyond your acceptable $149.9999999999; review the price and try again.',
    );
    expect(await h.refused(w, 'closePosition', { positionId: position, fractionBps: '9000', acceptablePrice: '0' }, 422, 'REMAINING_COLLATERAL_TOO_SMALL')).toMatch(
      /^This would leave \$2 of collateral, under the minimum of \$10; close a smaller part or all of it\.$/,
    );
    // A closed position is NOT_FOUND.
    await h.act(w, 'closePosition', { positionId: position, acceptablePrice: '0' });
    await h.refused(w, 'closePosition', { positionId: position, acceptablePrice: '0' }, 404, 'NOT_FOUND');
  });
});

describe('addCollateral and removeCollateral', () => {
  it('adds at low and removes at high, as lib/math says', async () => {
    const { w, position } = await open({ market: 'BTC', side: 'long', token: 'WBTC', amount: 1_000_000n, leverageBps: 500_000n });
    await h.fund(w.address, { WBTC: 100_000n });
    const p0 = h.position(position)!.state;
    const low = quoteOf(h.snapshot(), 'WBTC').low;
    const added = tokenToUsd({ amount: 100_000n, price: low, decimals: 8 }, 'floor');
    await h.act(w, 'addCollateral', { positionId: position, amount: '100000' });
    const p1 = h.position(position)!.state;
    expect(p1).toEqual({ ...p0, collateralUsd: p0.collateralUsd + added, collateralAmount: p0.collateralAmount + 100_000n });
    expect(h.balance(w.address, 'WBTC')).toBe(0n);
    const high = quoteOf(h.snapshot(), 'WBTC').high;
    const out = usdToTokens({ usd: usdc(50), price: high, decimals: 8 }, 'floor');
    await h.act(w, 'removeCollateral', { positionId: position, amountUsd: usdc(50).toString() });
    expect(h.position(position)!.state).toEqual({ ...p1, collateralUsd: p1.collateralUsd - usdc(50), collateralAmount: p1.collateralAmount - out });
    expect(h.balance(w.address, 'WBTC')).toBe(out);
  });

  it('refusals: NOT_FOUND, NOT_OWNER, AMOUNT_TOO_SMALL, INSUFFICIENT_BALANCE, REMAINING_COLLATERAL_TOO_SMALL, LEVERAGE_TOO_HIGH', async () => {
    const btc = await open({ market: 'BTC', side: 'long', token: 'WBTC', amount: 1_000_000n, leverageBps: 1_000_000n });
    const bonk = await open({ market: 'BONK', side: 'long', token: 'BONK', amount: 100_000_000_000n, leverageBps: 20_000n });
    await h.fund(bonk.w.address, { BONK: 1n });
    const other = await h.wallet({ lamports: ONE_SOL, WBTC: 1_000n });
    const nowhere = (await h.wallet()).address;
    await h.refused(btc.w, 'addCollateral', { positionId: nowhere, amount: '1' }, 404, 'NOT_FOUND');
    await h.refused(other, 'addCollateral', { positionId: btc.position, amount: '1000' }, 403, 'NOT_OWNER');
    await h.refused(other, 'removeCollateral', { positionId: btc.position, amountUsd: '1000000' }, 403, 'NOT_OWNER');
    expect(await h.refused(bonk.w, 'addCollateral', { positionId: bonk.position, amount: '1' }, 422, 'AMOUNT_TOO_SMALL')).toBe(
      'This deposit is worth less than $0.000001; deposit more.',
    );
    expect(await h.refused(btc.w, 'addCollateral', { positionId: btc.position, amount: '5' }, 422, 'INSUFFICIENT_BALANCE')).toBe(
      'Not enough WBTC in your wallet for this deposit: you have 0, this needs 0.00000005.',
    );
    expect(await h.refused(btc.w, 'removeCollateral', { positionId: btc.position, amountUsd: '1' }, 422, 'AMOUNT_TOO_SMALL')).toBe(
      'This withdrawal is too small to pay out any token; withdraw more.',
    );
    const c = h.position(btc.position)!.state.collateralUsd;
    expect(await h.refused(btc.w, 'removeCollateral', { positionId: btc.position, amountUsd: (c - usdc(5)).toString() }, 422, 'REMAINING_COLLATERAL_TOO_SMALL')).toMatch(
      /^You can withdraw at most \$[\d,.]+: at least \$10 of collateral must stay\.$/,
    );
    expect(await h.refused(btc.w, 'removeCollateral', { positionId: btc.position, amountUsd: usdc(1).toString() }, 422, 'LEVERAGE_TOO_HIGH')).toMatch(
      /^Withdrawing \$1 would raise leverage to [\d.]+x, above this market's maximum of 100x; withdraw less\.$/,
    );
  });
});

describe('setTpSl', () => {
  it('sets and clears the take profit and stop loss', async () => {
    const { w, position } = await open({ market: 'SOL', side: 'short', token: 'USDC', amount: usdc(100), leverageBps: 50_000n });
    await h.act(w, 'setTpSl', { positionId: position, takeProfit: '1300000000000', stopLoss: '1600000000000' });
    expect([h.position(position)!.takeProfit, h.position(position)!.stopLoss]).toEqual([1_300_000_000_000n, 1_600_000_000_000n]);
    await h.act(w, 'setTpSl', { positionId: position, takeProfit: null, stopLoss: '1550000000000' });
    expect([h.position(position)!.takeProfit, h.position(position)!.stopLoss]).toEqual([null, 1_550_000_000_000n]);
    await h.act(w, 'setTpSl', { positionId: position, takeProfit: null, stopLoss: null });
    expect([h.position(position)!.takeProfit, h.position(position)!.stopLoss]).toEqual([null, null]);
  });

  it('refusals: INVALID_TAKE_PROFIT, INVALID_STOP_LOSS, NOT_FOUND, NOT_OWNER', async () => {
    const { w, position } = await open({ market: 'SOL', side: 'long', token: 'USDC', amount: usdc(100), leverageBps: 100_000n });
    const liq = liquidationNow(h.snapshot(), 'SOL', h.position(position)!.state);
    expect(await h.refused(w, 'setTpSl', { positionId: position, takeProfit: '1499000000000', stopLoss: null }, 422, 'INVALID_TAKE_PROFIT')).toBe(
      "A long's take profit must be above the mark price of $150.",
    );
    const m = await h.refused(w, 'setTpSl', { positionId: position, takeProfit: null, stopLoss: liq.toString() }, 422, 'INVALID_STOP_LOSS');
    expect(m).toContain('liquidation price of $');
    await h.refused(w, 'setTpSl', { positionId: (await h.wallet()).address, takeProfit: null, stopLoss: null }, 404, 'NOT_FOUND');
    await h.refused(await h.wallet(), 'setTpSl', { positionId: position, takeProfit: null, stopLoss: null }, 403, 'NOT_OWNER');
  });
});
