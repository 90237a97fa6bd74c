/**
 * Sentences for the program's refusals when they come back from the chain itself (a transaction the builder's
 * simulation accepted, refused by the time it ran: the price moved, the pool changed). The builder's own refusals
 * carry the exact sentence; these are the fallback, one per code.
 */
import { programErrorCode } from '@/lib/chain/errors';

const SENTENCES: Record<string, string> = {
  LEVERAGE_TOO_HIGH: "This leverage is above the market's maximum; lower it.",
  LEVERAGE_TOO_LOW: 'Leverage must be at least 1.1x.',
  COLLATERAL_TOO_SMALL: 'Collateral is below the minimum of $10; add more.',
  INSUFFICIENT_LIQUIDITY: 'The pool does not have enough free liquidity for this; lower the size.',
  OPEN_INTEREST_CAP: "This would exceed the market's open-interest cap; lower the size.",
  POSITION_TOO_LARGE: 'This position would exceed the maximum size; lower it.',
  RATIO_OUT_OF_BAND: "This would move the pool's token ratio out of its band; choose another token or a smaller amount.",
  SLIPPAGE: 'The price moved beyond your acceptable price; review it and try again.',
  MIN_OUT_NOT_MET: 'You would receive less than your minimum; lower it or try again.',
  MARKET_CLOSED: 'This market is closed now; it trades again when it reopens.',
  ORACLE_STALE: 'The price is out of date; wait for a fresh price and try again.',
  INSUFFICIENT_BALANCE: 'Your balance is too low for this.',
  INVALID_TAKE_PROFIT: 'The take profit is on the wrong side of the price; change it.',
  INVALID_STOP_LOSS: 'The stop loss must lie between the liquidation price and the price; change it.',
  INVALID_TRIGGER: 'The trigger price is not valid for this order; change it.',
  TOO_MANY_ORDERS: 'You already have 16 limit orders, the maximum; cancel one first.',
  REMAINING_COLLATERAL_TOO_SMALL: 'This would leave less than $10 of collateral; close a smaller part or all of it.',
  AMOUNT_TOO_SMALL: 'This amount is too small; enter more.',
  UNSUPPORTED_COLLATERAL: 'This market does not take that token as collateral.',
  NOT_FOUND: 'It no longer exists (it may have been closed).',
  NOT_OWNER: 'It belongs to another wallet.',
  ORDER_SLOT_TAKEN: 'That order slot is taken; try again.',
};

/** The code and sentence of a custom program error number, if it is one of ours. */
export function programRefusal(number: number): { code: string; message: string } | undefined {
  const code = programErrorCode(number);
  if (!code) return undefined;
  return { code, message: SENTENCES[code] ?? `The program refused this transaction (${code}).` };
}
