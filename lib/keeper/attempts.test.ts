import { describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { AttemptLedger } from './attempts';

const A = 'order1' as Address;
const P = 'position1' as Address;

describe('AttemptLedger', () => {
  it('gives up an order refused for a reason of its own, until its account changes', () => {
    const l = new AttemptLedger();
    expect(l.failed(A, 'fill', 'POSITION_TOO_LARGE', 0)).toBe('gaveUp');
    expect(l.canTry(A, 'fill', 10 ** 12)).toBe(false);
    expect(l.gaveUp).toBe(1);
    l.forget(A);
    expect(l.canTry(A, 'fill', 0)).toBe(true);
    expect(l.gaveUp).toBe(0);
  });

  it('backs off an order refused for a reason the market can change, doubling up to the cap', () => {
    const l = new AttemptLedger({ baseBackoffMs: 1_000, maxBackoffMs: 4_000 });
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 5; i++) {
      l.failed(A, 'fill', 'OPEN_INTEREST_CAP', now);
      const next = l.get(A, 'fill')!.nextAtMs;
      expect(l.canTry(A, 'fill', next - 1)).toBe(false);
      expect(l.canTry(A, 'fill', next)).toBe(true);
      waits.push(next - now);
      now = next;
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(l.gaveUp).toBe(0);
  });

  it('never gives up a position; NOT_FOUND drops the record', () => {
    const l = new AttemptLedger({ maxPositionBackoffMs: 2_000 });
    expect(l.failed(P, 'liquidation', 'INVALID_TRIGGER', 0)).toBe('backoff');
    expect(l.failed(P, 'liquidation', 'INVALID_TRIGGER', 0)).toBe('backoff');
    expect(l.failed(P, 'liquidation', 'INVALID_TRIGGER', 0)).toBe('backoff');
    expect(l.get(P, 'liquidation')!.nextAtMs).toBe(2_000);
    expect(l.failed(P, 'liquidation', 'NOT_FOUND', 0)).toBe('gone');
    expect(l.get(P, 'liquidation')).toBeUndefined();
  });
});
