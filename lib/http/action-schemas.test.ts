import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { actionParamSchemas, quoteOpenSchema } from './action-schemas';
import { devClockSchema, devPricesSchema } from './dev-schemas';
import { parseOr400 } from './parse';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (e instanceof HttpError) return `${e.status} ${e.code}`;
    throw e;
  }
}

const open = { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '100000', acceptablePrice: '2000000000000' };

describe('action params', () => {
  it('parses open params into bigints, with absent or null triggers as undefined', () => {
    expect(parseOr400(actionParamSchemas.openPosition, { ...open, takeProfit: null })).toEqual({
      market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: 100_000_000n, leverageBps: 100_000n,
      acceptablePrice: 2_000_000_000_000n, takeProfit: undefined, stopLoss: undefined,
    });
  });

  it('defaults fractionBps to 10000 and keeps ids as canonical strings', () => {
    expect(parseOr400(actionParamSchemas.closePosition, { positionId: '07', acceptablePrice: '0' })).toEqual({
      positionId: '7', fractionBps: 10_000n, acceptablePrice: 0n,
    });
  });

  it.each([
    ['openPosition', { ...open, market: 'DOGE' }, '400 UNKNOWN_MARKET'],
    ['openPosition', { ...open, collateralToken: 'ETH' }, '400 UNKNOWN_TOKEN'],
    ['openPosition', { ...open, side: 'up' }, '400 INVALID_REQUEST'],
    ['openPosition', { ...open, leverageBps: '0' }, '400 NUMBER_OUT_OF_RANGE'],
    ['openPosition', { ...open, leverageBps: 100000 }, '400 INVALID_REQUEST'],
    ['openPosition', { ...open, collateralAmount: '0' }, '400 NUMBER_OUT_OF_RANGE'],
    ['openPosition', { ...open, extra: '1' }, '400 INVALID_REQUEST'],
    ['openPosition', { ...open, takeProfit: '0' }, '400 NUMBER_OUT_OF_RANGE'],
    ['openPosition', { market: 'SOL' }, '400 INVALID_REQUEST'],
    ['openPosition', { ...open, leverageBps: '5000' }, 'ok'],
    ['closePosition', { positionId: '1', fractionBps: '10001', acceptablePrice: '1' }, '400 NUMBER_OUT_OF_RANGE'],
    ['closePosition', { positionId: '1', fractionBps: '0', acceptablePrice: '1' }, '400 NUMBER_OUT_OF_RANGE'],
    ['closePosition', { positionId: 'abc', acceptablePrice: '1' }, '400 INVALID_NUMBER'],
    ['setTpSl', { positionId: '1', takeProfit: null, stopLoss: null }, 'ok'],
    ['setTpSl', { positionId: '1', takeProfit: null }, '400 INVALID_REQUEST'],
    ['placeLimitOrder', { ...open, triggerPrice: '0' }, '400 NUMBER_OUT_OF_RANGE'],
    ['cancelOrder', { orderId: '-1' }, '400 INVALID_NUMBER'],
    ['addLiquidity', { pool: 'XLP', token: 'USDC', amount: '1', minLpOut: '0' }, '400 UNKNOWN_POOL'],
    ['removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: '1', minAmountOut: '0' }, 'ok'],
    ['swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: '1.5', minAmountOut: '0' }, '400 INVALID_NUMBER'],
    ['faucet', { token: 'USDC', amount: '1e3' }, '400 INVALID_NUMBER'],
    ['faucet', { token: 'USDC', amount: '0x10' }, '400 INVALID_NUMBER'],
    ['faucet', [], '400 INVALID_REQUEST'],
  ] as const)('%s %j → %s', (action, params, expected) => {
    expect(codeOf(() => parseOr400(actionParamSchemas[action], params, 'params'))).toBe(expected);
  });

  it('quote body is the five open fields only', () => {
    const { acceptablePrice: _omit, ...quote } = open;
    expect(codeOf(() => parseOr400(quoteOpenSchema, quote))).toBe('ok');
    expect(codeOf(() => parseOr400(quoteOpenSchema, open))).toBe('400 INVALID_REQUEST');
  });
});

describe('dev bodies', () => {
  it.each([
    [{ SOL: '1500000000000', BTC: '950000000000000' }, 'ok'],
    [{}, '400 INVALID_REQUEST'],
    [{ WBTC: '1' }, '400 UNKNOWN_FEED'],
    [{ SOL: 150 }, '400 INVALID_REQUEST'],
    [{ SOL: '0' }, '400 NUMBER_OUT_OF_RANGE'],
    [[], '400 INVALID_REQUEST'],
  ])('prices %j → %s', (body, expected) => {
    expect(codeOf(() => parseOr400(devPricesSchema, body))).toBe(expected);
  });

  it.each([
    [{ advanceSeconds: 3600 }, 'ok'],
    [{ advanceSeconds: '3600' }, 'ok'],
    [{ advanceSeconds: 0 }, '400 INVALID_REQUEST'],
    [{ advanceSeconds: 1.5 }, '400 INVALID_REQUEST'],
    [{ advanceSeconds: 1e20 }, '400 INVALID_REQUEST'],
    [{}, '400 INVALID_REQUEST'],
  ])('clock %j → %s', (body, expected) => {
    expect(codeOf(() => parseOr400(devClockSchema, body))).toBe(expected);
  });
});
