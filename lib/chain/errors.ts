/**
 * The program's custom error numbers (program/src/error.rs): protocol.md's codes from 6000 in the order of
 * lib/math ERROR_CODES, then the chain's own refusals from 6100. `GET /api/chain` answers this table.
 */
import { ERROR_CODES, type ErrorCode } from '@/lib/math/errors';

export const CHAIN_ERROR_CODES = [
  'INVALID_INSTRUCTION',
  'INVALID_ACCOUNT',
  'MISSING_SIGNATURE',
  'ACCOUNT_NOT_WRITABLE',
  'ALREADY_INITIALIZED',
  'MATH_OVERFLOW',
  'INVALID_ORACLE',
  'INVALID_TOKEN_ACCOUNT',
  'UNAUTHORIZED',
  'NOT_LIQUIDATABLE',
  'NOT_TRIGGERED',
  'ORDER_SLOT_TAKEN',
  'TOKEN_TRANSFER_FAILED',
] as const;
export type ChainErrorCode = (typeof CHAIN_ERROR_CODES)[number];
export type ProgramErrorCode = ErrorCode | ChainErrorCode;

export const PROTOCOL_ERROR_BASE = 6000;
export const CHAIN_ERROR_BASE = 6100;

/** Every code with its number. */
export const PROGRAM_ERRORS: readonly { code: ProgramErrorCode; number: number }[] = [
  ...ERROR_CODES.map((code, i) => ({ code, number: PROTOCOL_ERROR_BASE + i })),
  ...CHAIN_ERROR_CODES.map((code, i) => ({ code, number: CHAIN_ERROR_BASE + i })),
];

const byNumber = new Map(PROGRAM_ERRORS.map((e) => [e.number, e.code]));
const byCode = new Map(PROGRAM_ERRORS.map((e) => [e.code, e.number]));

export function programErrorCode(number: number): ProgramErrorCode | undefined {
  return byNumber.get(number);
}

export function programErrorNumber(code: ProgramErrorCode): number {
  const n = byCode.get(code);
  if (n === undefined) throw new RangeError(`unknown program error code ${code}`);
  return n;
}

/** The custom error number of a failed transaction's `{"InstructionError": [i, {"Custom": N}]}`, if any. */
export function customErrorNumber(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('InstructionError' in err)) return undefined;
  const ie = (err as { InstructionError: unknown }).InstructionError;
  if (!Array.isArray(ie) || ie.length !== 2) return undefined;
  const detail = ie[1] as unknown;
  if (typeof detail === 'object' && detail !== null && 'Custom' in detail) {
    const n = (detail as { Custom: unknown }).Custom;
    return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : undefined;
  }
  return undefined;
}

/** The code the program logged ("Program log: Error: CODE"), if any. */
export function loggedErrorCode(logs: readonly string[]): ProgramErrorCode | undefined {
  for (const line of logs) {
    const m = /^Program log: Error: ([A-Z_]+)$/.exec(line);
    if (m && byCode.has(m[1] as ProgramErrorCode)) return m[1] as ProgramErrorCode;
  }
  return undefined;
}
