import { describe, expect, it } from 'vitest';
import { checkOrderCount, isLimitOrderHit, isStopLossHit, isTakeProfitHit, validateLimitTrigger, validateTpSl } from './triggers';

const P = 1_500_000_000_000n;

describe('trigger tests (§7)', () => {
  it.each([
    ['long', P, P, true, true, true],
    ['long', P + 1n, P, true, false, false],
    ['long', P - 1n, P, false, true, true],
    ['short', P, P, true, true, true],
    ['short', P + 1n, P, false, true, true],
    ['short', P - 1n, P, true, false, false],
  ] as const)('%s at %s, trigger %s → TP %s, SL %s, limit %s', (side, price, trigger, tp, sl, limit) => {
    expect(isTakeProfitHit({ side, price, trigger })).toBe(tp);
    expect(isStopLossHit({ side, price, trigger })).toBe(sl);
    expect(isLimitOrderHit({ side, price, trigger })).toBe(limit);
  });
});

describe('validateTpSl (§7)', () => {
  const LIQ_LONG = 1_210_500_000_000n;
  const LIQ_SHORT = 1_800_000_000_000n;
  it.each([
    ['long', LIQ_LONG, P + 1n, LIQ_LONG + 1n],
    ['long', LIQ_LONG, P + 1n, P - 1n],
    ['short', LIQ_SHORT, P - 1n, P + 1n],
    ['short', LIQ_SHORT, 1n, LIQ_SHORT - 1n],
    ['long', LIQ_LONG, undefined, undefined],
  ] as const)('accepts a %s (liq %s) with TP %s, SL %s', (side, liquidationPrice, takeProfit, stopLoss) => {
    expect(() => validateTpSl({ side, markPrice: P, liquidationPrice, takeProfit, stopLoss })).not.toThrow();
  });

  it.each([
    ['long', LIQ_LONG, P, undefined, 'INVALID_TAKE_PROFIT', "A long's take profit must be above the mark price of $150."],
    ['short', LIQ_SHORT, P, undefined, 'INVALID_TAKE_PROFIT', "A short's take profit must be below the mark price of $150 and above $0."],
    ['short', LIQ_SHORT, 0n, undefined, 'INVALID_TAKE_PROFIT', "A short's take profit must be below the mark price of $150 and above $0."],
    ['long', LIQ_LONG, undefined, LIQ_LONG, 'INVALID_STOP_LOSS', "A long's stop loss must lie between the liquidation price of $121.05 and the mark price of $150."],
    ['long', LIQ_LONG, undefined, P, 'INVALID_STOP_LOSS', "A long's stop loss must lie between the liquidation price of $121.05 and the mark price of $150."],
    ['short', LIQ_SHORT, undefined, LIQ_SHORT, 'INVALID_STOP_LOSS', "A short's stop loss must lie between the liquidation price of $180 and the mark price of $150."],
    ['short', LIQ_SHORT, undefined, P, 'INVALID_STOP_LOSS', "A short's stop loss must lie between the liquidation price of $180 and the mark price of $150."],
  ] as const)('refuses a %s (liq %s) with TP %s, SL %s: %s', (side, liquidationPrice, takeProfit, stopLoss, code, message) => {
    expect(() => validateTpSl({ side, markPrice: P, liquidationPrice, takeProfit, stopLoss })).toThrow(expect.objectContaining({ code, message }));
  });
});

describe('limit orders (§7)', () => {
  it('needs a positive trigger and at most 16 orders', () => {
    expect(() => validateLimitTrigger({ trigger: 1n })).not.toThrow();
    expect(() => validateLimitTrigger({ trigger: 0n })).toThrow(expect.objectContaining({ code: 'INVALID_TRIGGER' }));
    expect(() => checkOrderCount({ openOrders: 15 })).not.toThrow();
    expect(() => checkOrderCount({ openOrders: 16 })).toThrow(expect.objectContaining({ code: 'TOO_MANY_ORDERS' }));
  });
});
