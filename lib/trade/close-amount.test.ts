import { describe, expect, it } from 'vitest';
import { closeAmount } from './close-amount';
import type { CloseChoice } from './close-amount';

const SIZE = 993_020_000n; // $993.02

describe('closeAmount: exactly what the close dialog closes', () => {
  it.each([
    [{ kind: 'fraction', fractionBps: 5_000n }, 5_000n, 496_510_000n, undefined],
    [{ kind: 'fraction', fractionBps: 10_000n }, 10_000n, SIZE, undefined],
    // $1 of $993.02: ceil(1 × 10000 / 993.02) = 11 bps, which closes floor(993.02 × 11 / 10000) = $1.092322
    [{ kind: 'size', text: '1' }, 11n, 1_092_322n, 1_000_000n],
    [{ kind: 'size', text: '993.02' }, 10_000n, SIZE, SIZE],
    [{ kind: 'size', text: '0.000001' }, 1n, 99_302n, 1n], // one unit: one bps, the smallest step
  ] as [CloseChoice, bigint, bigint, bigint | undefined][])('%o → %s bps closing %s', (choice, fractionBps, closedSizeUsd, typedSizeUsd) => {
    expect(closeAmount({ choice, positionSizeUsd: SIZE })).toEqual({ ok: true, fractionBps, closedSizeUsd, typedSizeUsd });
  });

  it.each([
    [{ kind: 'none' }, 'CLOSE_NOTHING'], // nothing chosen: nothing closes, the button stays disabled
    [{ kind: 'size', text: '' }, 'CLOSE_NOTHING'], // an emptied field never means "all of it"
    [{ kind: 'size', text: '0' }, 'CLOSE_NOTHING'],
    [{ kind: 'size', text: '993.020001' }, 'CLOSE_TOO_LARGE'], // more than the position: refused, not clamped silently
    [{ kind: 'size', text: '5000' }, 'CLOSE_TOO_LARGE'],
  ] as [CloseChoice, string][])('%o → refused %s', (choice, code) => {
    const r = closeAmount({ choice, positionSizeUsd: SIZE });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('says the size of the position when more is typed', () => {
    const r = closeAmount({ choice: { kind: 'size', text: '5000' }, positionSizeUsd: SIZE });
    expect(!r.ok && r.message).toBe("That is more than the position's size ($993.02). Choose 100% to close all of it.");
  });
});
