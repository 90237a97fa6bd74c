/**
 * What a refused transaction answers (api.md § Errors): the program's custom error becomes its code with the
 * status of api.md (422, 404 NOT_FOUND, 403 NOT_OWNER, 503 ORACLE_STALE / MARKET_CLOSED; the chain's ORDER_SLOT_TAKEN
 * is a 409 state conflict, INVALID_ORACLE a 503) and a sentence a person can act on: the message of the lib/math
 * check that refuses the same inputs (the action's `explain`), else the fixed sentence of the code below.
 */
import { HttpError, statusForCode, type HttpStatus } from '@/lib/http/errors';
import { isProtocolError } from '@/lib/math/errors';
import { customErrorNumber, loggedErrorCode, programErrorCode, type ProgramErrorCode } from '@/lib/chain/errors';
import { transactionErrorText, type TransactionErrorJson } from '@/lib/validator';

/** One sentence per program error, for refusals lib/math does not word itself. */
export const FIXED_MESSAGES: Readonly<Record<ProgramErrorCode, string>> = {
  LEVERAGE_TOO_HIGH: "The leverage is above this market's maximum; lower it.",
  LEVERAGE_TOO_LOW: 'The leverage is below the minimum of 1.1x; raise it.',
  COLLATERAL_TOO_SMALL: 'The collateral is worth less than the $10 minimum; add more collateral.',
  INSUFFICIENT_LIQUIDITY: 'The pool does not have enough free liquidity for this; lower the size or try another token.',
  OPEN_INTEREST_CAP: "This would take the market's open interest above its cap; lower the size.",
  POSITION_TOO_LARGE: "This position would be above the market's maximum size; lower the size.",
  RATIO_OUT_OF_BAND: "This would move a custody's share of the pool outside its band; use another token or a smaller amount.",
  SLIPPAGE: 'The price moved beyond your acceptable price; review the price and try again.',
  MIN_OUT_NOT_MET: 'You would receive less than your minimum; lower the minimum or try again.',
  MARKET_CLOSED: 'This market is closed now; it trades again when it reopens.',
  ORACLE_STALE: 'A price this action needs is out of date; wait for a fresh price and try again.',
  INSUFFICIENT_BALANCE: 'Your wallet does not hold enough of this token; lower the amount or get more first.',
  INVALID_TAKE_PROFIT: "The take profit must lie beyond the mark price (above it for a long, below for a short).",
  INVALID_STOP_LOSS: 'The stop loss must lie between the liquidation price and the mark price.',
  INVALID_TRIGGER: 'The trigger price must be on the waiting side of the mark and within 100x of it.',
  TOO_MANY_ORDERS: 'This wallet already holds the maximum of 16 limit orders; cancel one first.',
  REMAINING_COLLATERAL_TOO_SMALL: 'This would leave less than $10 of collateral; take out less, or close the position.',
  AMOUNT_TOO_SMALL: 'The amount is too small to move any token; enter more.',
  UNSUPPORTED_COLLATERAL: 'This token is not accepted here; choose another token.',
  INVALID_SWAP: 'This swap is not possible; choose two different tokens of the ALP pool.',
  POOL_EMPTY: 'The pool has no assets backing its LP tokens right now.',
  NOT_FOUND: 'That position or order does not exist (it may have been closed, filled or cancelled).',
  NOT_OWNER: 'That position or order belongs to another wallet.',
  INVALID_AMOUNT: 'The amount is not valid for this action.',
  INVALID_PRICE: 'A price this action needs is not available yet; try again in a few seconds.',
  INVALID_INSTRUCTION: 'The program could not read this instruction; rebuild the transaction.',
  INVALID_ACCOUNT: 'The program refused an account of this transaction; rebuild it.',
  MISSING_SIGNATURE: 'The transaction must be signed by the owner.',
  ACCOUNT_NOT_WRITABLE: 'The program refused this transaction (an account is not writable); rebuild it.',
  ALREADY_INITIALIZED: 'That account already exists.',
  MATH_OVERFLOW: 'These amounts are too large for the program to compute; use smaller ones.',
  INVALID_ORACLE: "The program could not read a price account; the server's oracle configuration needs attention.",
  INVALID_TOKEN_ACCOUNT: 'A token account of this transaction is not yours or not of the right token; rebuild it.',
  UNAUTHORIZED: 'This wallet may not do this.',
  NOT_LIQUIDATABLE: 'The position is not liquidatable at this price.',
  NOT_TRIGGERED: 'The order or trigger is not reached at this price.',
  ORDER_SLOT_TAKEN: 'That order slot was just taken by another order; build the transaction again.',
  TOKEN_TRANSFER_FAILED: 'A token transfer of this transaction failed; check your balances and try again.',
};

const CHAIN_STATUS: Partial<Record<ProgramErrorCode, HttpStatus>> = { ORDER_SLOT_TAKEN: 409, INVALID_ORACLE: 503 };

export function statusOfCode(code: string): HttpStatus {
  return CHAIN_STATUS[code as ProgramErrorCode] ?? statusForCode(code);
}

/** The refusal of `code`: the explanation when its lib/math check refuses with that very code, else the fixed one. */
export function refusal(code: ProgramErrorCode, explain?: () => string | undefined): HttpError {
  let message: string | undefined;
  try {
    message = explain?.();
  } catch {
    message = undefined;
  }
  return new HttpError(statusOfCode(code), code, message ?? FIXED_MESSAGES[code]);
}

/**
 * Runs the lib/math checks of an action; the message of the ProtocolError it throws when that error has `code`.
 * A check that passes, or refuses with another code (the program and the preview disagree), explains nothing.
 */
export function explainWith(code: ProgramErrorCode, checks: () => void): string | undefined {
  try {
    checks();
  } catch (error) {
    if (isProtocolError(error) && error.code === code) return error.message;
  }
  return undefined;
}

/** A ProtocolError raised before anything is built (a check the builder needs to derive the accounts). */
export function protocolRefusal(error: unknown): HttpError | undefined {
  if (!isProtocolError(error)) return undefined;
  return new HttpError(statusOfCode(error.code), error.code, error.message);
}

export function insufficientSol(message: string): HttpError {
  return new HttpError(422, 'INSUFFICIENT_SOL', message);
}

export interface SimulationFailure {
  err: unknown;
  logs: readonly string[];
}

/**
 * The refusal of a failed simulation: the program's custom error of its own instruction (`programIndex`), or the
 * code its logs name; a fee or rent shortfall is INSUFFICIENT_SOL; anything else is TRANSACTION_FAILED with
 * Solana's own wording.
 */
export function simulationRefusal(f: SimulationFailure, programIndex: number, explain: (code: ProgramErrorCode) => string | undefined): HttpError {
  const err = f.err as TransactionErrorJson;
  const n = customErrorNumber(err);
  const index = typeof err === 'object' && err !== null && 'InstructionError' in err ? err.InstructionError[0] : undefined;
  const code = (index === programIndex && n !== undefined ? programErrorCode(n) : undefined) ?? (index === programIndex ? loggedErrorCode(f.logs) : undefined);
  if (code) return refusal(code, () => explain(code));
  if (err === 'InsufficientFundsForFee' || err === 'AccountNotFound' || (typeof err === 'object' && err !== null && 'InsufficientFundsForRent' in err)) {
    return insufficientSol('This wallet does not have enough SOL for the network fee and the accounts this transaction creates; get some SOL first (on the local network the faucet airdrops some).');
  }
  let text: string;
  try {
    text = transactionErrorText(err);
  } catch {
    text = JSON.stringify(err);
  }
  return new HttpError(422, 'TRANSACTION_FAILED', `The chain refused this transaction (${text}); check your balances and try again.`);
}
