/**
 * What the keeper remembers of refused settlements, so that nobody can slow it down with orders the program
 * refuses (issue 14): an order refused for a reason that depends only on the order itself (or on the owner's own
 * position, which only the owner changes) is given up: never tried again while its account stays as it is (only
 * its owner can cancel it on chain, so it waits in its escrow for them). An order refused for a reason the market
 * can change (open-interest cap, free liquidity, slippage, a stale price…) is retried with exponential backoff, at
 * most once per `maxBackoffMs`. A position whose settlement was refused (the keeper and the program disagreed, or
 * it changed meanwhile) backs off briefly. Any change of the account forgets its record.
 */
import type { Address } from '@solana/kit';
import type { SettlementKind } from './planner';

/** Fill refusals that will not change unless the order (or the owner's own position) does. */
export const PERMANENT_FILL_CODES: ReadonlySet<string> = new Set([
  'POSITION_TOO_LARGE',
  'LEVERAGE_TOO_HIGH',
  'LEVERAGE_TOO_LOW',
  'UNSUPPORTED_COLLATERAL',
  'AMOUNT_TOO_SMALL',
  'INVALID_AMOUNT',
  'INVALID_ACCOUNT',
  'INVALID_INSTRUCTION',
  'INVALID_TOKEN_ACCOUNT',
  'MATH_OVERFLOW',
  'UNAUTHORIZED',
]);

/** Refusals after which the keeper simply drops the item (the account is gone or will be re-announced). */
export const GONE_CODES: ReadonlySet<string> = new Set(['NOT_FOUND']);

export interface AttemptRecord {
  kind: SettlementKind;
  code: string;
  failures: number;
  /** ms (the ledger's clock) before which it is not tried. */
  nextAtMs: number;
  gaveUp: boolean;
}

export interface AttemptOptions {
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Positions: the longest back-off after a refused settlement. */
  maxPositionBackoffMs?: number;
}

export type FailureVerdict = 'gaveUp' | 'backoff' | 'gone';

export class AttemptLedger {
  private readonly records = new Map<Address, Map<SettlementKind, AttemptRecord>>();
  private gaveUpCount = 0;
  private readonly base: number;
  private readonly max: number;
  private readonly maxPosition: number;

  constructor(o: AttemptOptions = {}) {
    this.base = o.baseBackoffMs ?? 1_000;
    this.max = o.maxBackoffMs ?? 300_000;
    this.maxPosition = o.maxPositionBackoffMs ?? 10_000;
  }

  /** Orders given up and not since forgotten. */
  get gaveUp(): number {
    return this.gaveUpCount;
  }

  get(address: Address, kind: SettlementKind): AttemptRecord | undefined {
    return this.records.get(address)?.get(kind);
  }

  canTry(address: Address, kind: SettlementKind, nowMs: number): boolean {
    const r = this.get(address, kind);
    return !r || (!r.gaveUp && nowMs >= r.nextAtMs);
  }

  /** Records a refusal with its code; says whether the item was given up, backs off, or is gone. */
  failed(address: Address, kind: SettlementKind, code: string, nowMs: number): FailureVerdict {
    if (GONE_CODES.has(code)) {
      this.forget(address);
      return 'gone';
    }
    let byKind = this.records.get(address);
    if (!byKind) this.records.set(address, (byKind = new Map()));
    const r = byKind.get(kind) ?? { kind, code, failures: 0, nextAtMs: 0, gaveUp: false };
    r.code = code;
    r.failures += 1;
    if (kind === 'fill' && PERMANENT_FILL_CODES.has(code)) {
      if (!r.gaveUp) this.gaveUpCount += 1;
      r.gaveUp = true;
    } else {
      const cap = kind === 'fill' ? this.max : this.maxPosition;
      r.nextAtMs = nowMs + Math.min(cap, this.base * 2 ** Math.min(30, r.failures - 1));
    }
    byKind.set(kind, r);
    return r.gaveUp ? 'gaveUp' : 'backoff';
  }

  succeeded(address: Address, kind: SettlementKind): void {
    const byKind = this.records.get(address);
    const r = byKind?.get(kind);
    if (!byKind || !r) return;
    if (r.gaveUp) this.gaveUpCount -= 1;
    byKind.delete(kind);
    if (byKind.size === 0) this.records.delete(address);
  }

  /** The account changed or is gone: its records go. */
  forget(address: Address): void {
    const byKind = this.records.get(address);
    if (!byKind) return;
    for (const r of byKind.values()) if (r.gaveUp) this.gaveUpCount -= 1;
    this.records.delete(address);
  }

  clear(): void {
    this.records.clear();
    this.gaveUpCount = 0;
  }
}
