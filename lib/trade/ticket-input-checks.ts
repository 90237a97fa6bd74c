/**
 * Checks of the ticket's own inputs before anything is priced: an amount, a trigger for limit orders, a token
 * this side accepts (protocol.md §3); and the wallet's balance, checked once the preview is priced. Each issue is a sentence a person can act on.
 */
import { describeFixed } from '@/lib/math/describe';
import { MARKETS, TOKENS } from '@/lib/math/params';
import type { TicketInput, TicketIssue } from './ticket-types';

export interface CheckedInput {
  issue: TicketIssue | undefined;
  entryPrice: bigint | undefined;
  collateralAmount: bigint | undefined;
}

/** Client-only codes, next to the protocol's (lib/math/errors.ts). */
export type TicketInputCode = 'AMOUNT_REQUIRED' | 'TRIGGER_REQUIRED' | 'UNSUPPORTED_COLLATERAL' | 'INSUFFICIENT_BALANCE';

const fail = (code: TicketInputCode, message: string): CheckedInput => ({ issue: { code, message }, entryPrice: undefined, collateralAmount: undefined });

/** The wallet holds less than the amount (checked after the preview, so the numbers still show). */
export function balanceIssue(input: TicketInput): TicketIssue | undefined {
  const { balance, collateralAmount, collateralToken } = input;
  if (balance === undefined || collateralAmount === undefined || collateralAmount <= balance) return undefined;
  const held = describeFixed(balance, TOKENS[collateralToken].decimals, 6);
  return { code: 'INSUFFICIENT_BALANCE', message: `Not enough ${collateralToken}: your wallet holds ${held}. Lower the amount or get funds.` };
}

export function checkTicketInput(input: TicketInput): CheckedInput {
  const { market, side, collateralToken } = input;
  const entryPrice = input.orderType === 'limit' ? input.triggerPrice : market.price;
  if (entryPrice === undefined || entryPrice <= 0n) return fail('TRIGGER_REQUIRED', 'Enter a trigger price for the limit order.');
  if (input.collateralAmount === undefined || input.collateralAmount <= 0n) return fail('AMOUNT_REQUIRED', 'Enter a collateral amount.');
  const accepted = MARKETS[market.id].collateralTokens(side);
  if (!accepted.includes(collateralToken))
    return fail('UNSUPPORTED_COLLATERAL', `A ${market.id} ${side} takes ${accepted.join(' or ')} as collateral.`);
  return { issue: undefined, entryPrice, collateralAmount: input.collateralAmount };
}
