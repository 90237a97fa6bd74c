import { describe, expect, it } from 'vitest';
import { clampLeverageBps, defaultLeverageBps, leverageMarksBps, leverageToSteps, parseLeverageBps, readLeverageInput, stepsToLeverageBps } from './leverage';

describe('leverage', () => {
  it.each([
    [1_000_000n, [11_000n, 20_000n, 50_000n, 100_000n, 250_000n, 500_000n, 1_000_000n]],
    [500_000n, [11_000n, 20_000n, 50_000n, 100_000n, 250_000n, 500_000n]],
    [300_000n, [11_000n, 20_000n, 50_000n, 100_000n, 250_000n, 300_000n]],
  ])('marks up to %s', (max, marks) => {
    expect(leverageMarksBps(max)).toEqual(marks);
  });

  it.each([
    ['10', 100_000n],
    ['1.1', 11_000n],
    ['2.25x', 22_500n],
    [' 50 ', 500_000n],
    ['1e3', undefined],
    ['-2', undefined],
    ['', undefined],
    ['1.00001', undefined],
  ])('parseLeverageBps(%j) = %s', (text, bps) => {
    expect(parseLeverageBps(text)).toBe(bps);
  });

  it.each([
    [5_000n, 11_000n],
    [11_000n, 11_000n],
    [2_000_000n, 1_000_000n],
    [123_000n, 123_000n],
  ])('clamp %s into [1.1x, 100x] = %s', (leverageBps, out) => {
    expect(clampLeverageBps({ leverageBps, maxLeverageBps: 1_000_000n })).toBe(out);
  });

  it('default 10x, or the maximum when lower', () => {
    expect(defaultLeverageBps(1_000_000n)).toBe(100_000n);
    expect(defaultLeverageBps(50_000n)).toBe(50_000n);
  });

  it('slider steps are 0.1x', () => {
    expect(leverageToSteps(11_000n)).toBe(11);
    expect(stepsToLeverageBps(1000)).toBe(1_000_000n);
  });
});

describe('readLeverageInput: the field, the slider and the marks agree', () => {
  const max = 1_000_000n; // 100x
  it.each([
    ['10', 100_000n, undefined, undefined],
    ['2.5x', 25_000n, undefined, undefined],
    ['100', 1_000_000n, undefined, undefined],
    ['150', 1_000_000n, '100', "100x is this market's maximum."], // clamped visibly, never previewed at 150x
    ['1,000', 1_000_000n, '100', "100x is this market's maximum."],
    ['1', undefined, undefined, 'The least is 1.1x.'], // on the way to "10": not taken yet
    ['', undefined, undefined, undefined],
    ['1.', undefined, undefined, undefined],
  ] as const)('%j → commit %s, text %j, note %j', (text, commitBps, shown, note) => {
    expect(readLeverageInput({ text, maxLeverageBps: max })).toEqual({ commitBps, text: shown, note });
  });

  it('a decimal comma is refused, not read as 15x', () => {
    const r = readLeverageInput({ text: '1,5', maxLeverageBps: max });
    expect(r.commitBps).toBeUndefined();
    expect(r.note).toMatch(/Commas separate thousands/);
  });
});
