import { describe, expect, it } from 'vitest';
import { gbmStep, usdFloatToPrice } from './gbm';
import { createPrng } from './prng';
import { SimulatedSource } from './simulated-source';
import type { Clock, OraclePrice } from './types';

const clock: Clock = { nowS: () => 1_764_000_000, nowMs: () => 1_764_000_000_000 };
const walk = (seed: number, ticks: number) => {
  const source = new SimulatedSource({ clock, seed, tickMs: 1000 });
  const out: OraclePrice[][] = [];
  for (let i = 0; i < ticks; i++) out.push([...source.tick()]);
  return out;
};

describe('SimulatedSource', () => {
  it('is reproducible with a seed', () => {
    expect(walk(42, 50)).toEqual(walk(42, 50));
  });

  it('differs between seeds', () => {
    expect(walk(42, 5)).not.toEqual(walk(43, 5));
  });

  it('moves every volatile feed and keeps USDC at $1', () => {
    const ticks = walk(42, 30);
    const first = new Map(ticks[0]?.map((p) => [p.feed, p.price]));
    const last = new Map(ticks.at(-1)?.map((p) => [p.feed, p.price]));
    for (const feed of ['SOL', 'BTC', 'BONK', 'XAU', 'XAG', 'WTI'] as const) expect(last.get(feed)).not.toBe(first.get(feed));
    expect(ticks.every((batch) => batch.find((p) => p.feed === 'USDC')?.price === 10_000_000_000n)).toBe(true);
    expect(ticks.flat().every((p) => p.price > 0n && p.publishTime === 1_764_000_000)).toBe(true);
  });

  it('generates history that is reproducible, continuous and consistent', () => {
    const make = () =>
      new SimulatedSource({ clock, seed: 5, tickMs: 1000 }).history({ fromS: () => 1_763_996_400, toS: 1_764_000_000 });
    const rows = make();
    expect(rows).toEqual(make());
    const sol = rows.filter((r) => r.feed === 'SOL');
    expect(sol).toHaveLength(60);
    expect(rows.some((r) => r.feed === 'USDC')).toBe(false);
    sol.forEach((c, i) => {
      expect(c.low <= c.open && c.open <= c.high && c.low <= c.close && c.close <= c.high).toBe(true);
      if (i > 0) expect(c.open).toBe(sol[i - 1]?.close);
    });
  });

  it('emits through start() and stops', async () => {
    const source = new SimulatedSource({ clock, seed: 1, tickMs: 50 });
    const seen: OraclePrice[] = [];
    await source.start((p) => seen.push(...p));
    expect(seen.map((p) => p.feed)).toContain('SOL');
    await expect.poll(() => seen.length).toBeGreaterThan(7);
    await source.stop();
  });
});

describe('gbm helpers', () => {
  it('a zero shock only applies the −σ²dt/2 drift; a zero volatility stays put', () => {
    expect(gbmStep({ priceUsd: 150, volatilityAnnual: 0, dtS: 1, z: 3 })).toBe(150);
    const year = gbmStep({ priceUsd: 100, volatilityAnnual: 0.5, dtS: 365 * 86_400, z: 0 });
    expect(year).toBeCloseTo(100 * Math.exp(-0.125), 9);
  });

  it.each([
    [150, 1_500_000_000_000n],
    [0.000025, 250_000n],
    [95_000.12345678, 950_001_234_567_800n],
    [1e-12, 1n],
  ])('usdFloatToPrice(%f) = %s', (usd, price) => {
    expect(usdFloatToPrice(usd)).toBe(price);
  });

  it('the PRNG is deterministic, uniform in [0, 1) and its normals have mean ≈ 0', () => {
    const a = createPrng('x');
    const b = createPrng('x');
    const draws = Array.from({ length: 2000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 2000 }, () => b.next()));
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true);
    const normals = Array.from({ length: 4000 }, () => a.normal());
    const mean = normals.reduce((s, z) => s + z, 0) / normals.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
  });
});
