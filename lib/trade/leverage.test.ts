import { describe, expect, it } from 'vitest';
import { clampLeverageBps, defaultLeverageBps, leverageMarksBps, parseLeverageBps, stepsToLeverageBps, leverageToSteps } from './leverage';

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
