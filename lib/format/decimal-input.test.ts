import { describe, expect, it } from 'vitest';
import { parseUnits } from '@/lib/math/parse';
import { readDecimalInput } from './decimal-input';

describe('readDecimalInput: thousands separators are ignored, never read as a decimal point', () => {
  it.each([
    ['15,000', 6, '15000'],
    ['1,000.50', 6, '1000.50'],
    ['1 000.5', 6, '1000.5'],
    ['1\u00a0000.5', 6, '1000.5'], // no-break space (fr-FR grouping)
    ['1\u202f234\u202f567', 6, '1234567'], // narrow no-break space
    ['12,345,678.9', 6, '12345678.9'],
    ['  42  ', 6, '42'],
    ['.5', 6, '0.5'],
    ['1.', 6, '1.'], // mid-typing: parseUnits reads it as nothing yet
    ['0.000001', 6, '0.000001'], // one unit of USDC
    ['007', 0, '007'],
    ['', 6, ''],
    ['   ', 6, ''],
  ] as const)('%j (%i decimals) → %j', (raw, decimals, text) => {
    expect(readDecimalInput(raw, decimals)).toEqual({ ok: true, text });
  });

  it.each([
    ['1,5', 6, 'COMMA_DECIMAL'], // a decimal comma? refused, not guessed
    ['15,00', 6, 'COMMA_DECIMAL'],
    ['15,', 6, 'COMMA_DECIMAL'], // mid-typing "15,000": says how commas are read until the group is complete
    ['1,0000', 6, 'COMMA_DECIMAL'],
    ['1.000,5', 6, 'COMMA_DECIMAL'], // de-DE: point groups, comma decimal
    ['1.2.3', 6, 'TWO_POINTS'],
    ['1e3', 6, 'NOT_A_NUMBER'],
    ['0x10', 6, 'NOT_A_NUMBER'],
    ['-1', 6, 'NOT_A_NUMBER'],
    ['$100', 6, 'NOT_A_NUMBER'],
    ['1.1234567', 6, 'TOO_MANY_DECIMALS'], // never rounded silently
    ['2.5', 0, 'TOO_MANY_DECIMALS'],
  ] as const)('%j (%i decimals) → refused %s', (raw, decimals, problem) => {
    const read = readDecimalInput(raw, decimals);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem).toBe(problem);
      expect(read.message).toMatch(/\.$/);
    }
  });

  it.each([
    ['15,000', 15_000_000_000n],
    ['1 000.5', 1_000_500_000n],
    ['1,000.50', 1_000_500_000n],
  ] as const)('%j then parseUnits(6) → %s (never 15 USDC for "15,000")', (raw, units) => {
    const read = readDecimalInput(raw, 6);
    expect(read.ok && parseUnits(read.text, 6)).toBe(units);
  });
});
