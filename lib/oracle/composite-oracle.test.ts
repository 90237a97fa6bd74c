import { describe, expect, it } from 'vitest';
import { CompositeOracle } from './composite-oracle';
import type { PriceSource } from './price-source';
import { SimulatedSource } from './simulated-source';
import { isOracleStale } from './staleness';
import type { OraclePrice } from './types';

class ScriptedSource implements PriceSource {
  readonly mode = 'pyth' as const;
  private emit: ((p: readonly OraclePrice[]) => void) | undefined;
  async start(emit: (p: readonly OraclePrice[]) => void) {
    this.emit = emit;
  }
  async stop() {
    this.emit = undefined;
  }
  send(...prices: OraclePrice[]) {
    this.emit?.(prices);
  }
}

const mark = (feed: OraclePrice['feed'], price: bigint, publishTime: number): OraclePrice => ({ feed, price, publishTime });

describe('CompositeOracle', () => {
  it('follows its source and notifies subscribers', async () => {
    const source = new ScriptedSource();
    const oracle = new CompositeOracle({ source });
    const seen: OraclePrice[] = [];
    oracle.subscribe((p) => seen.push(...p));
    await oracle.start();
    source.send(mark('SOL', 100n, 10), mark('BTC', 200n, 10));
    expect(oracle.getPrice('SOL')).toEqual(mark('SOL', 100n, 10));
    expect(seen).toHaveLength(2);
    expect(oracle.mode()).toBe('pyth');
  });

  it('pins manual feeds while the others keep their source; mode turns manual', async () => {
    const source = new ScriptedSource();
    const oracle = new CompositeOracle({ source });
    await oracle.start();
    source.send(mark('SOL', 100n, 10), mark('BTC', 200n, 10));
    const seen: OraclePrice[] = [];
    oracle.subscribe((p) => seen.push(...p));
    expect(oracle.setManualPrices({ SOL: 500n }, 1_000)).toEqual([mark('SOL', 500n, 1_000)]);
    source.send(mark('SOL', 101n, 11), mark('BTC', 201n, 11));
    expect(oracle.getPrice('SOL')).toEqual(mark('SOL', 500n, 1_000));
    expect(oracle.getPrice('BTC')).toEqual(mark('BTC', 201n, 11));
    expect(seen).toEqual([mark('SOL', 500n, 1_000), mark('BTC', 201n, 11)]);
    expect(oracle.isManual('SOL')).toBe(true);
    expect(oracle.isManual('BTC')).toBe(false);
    expect(oracle.mode()).toBe('manual');
  });

  it('holds a >50% source jump until the next update confirms it, but not a manual price', async () => {
    const source = new ScriptedSource();
    const oracle = new CompositeOracle({ source });
    await oracle.start();
    source.send(mark('BTC', 1_000n, 1));
    source.send(mark('BTC', 2_000n, 2));
    expect(oracle.getPrice('BTC')?.price).toBe(1_000n);
    source.send(mark('BTC', 2_010n, 3));
    expect(oracle.getPrice('BTC')?.price).toBe(2_010n);
    oracle.setManualPrices({ XAU: 10n }, 3);
    oracle.setManualPrices({ XAU: 1_000n }, 4);
    expect(oracle.getPrice('XAU')?.price).toBe(1_000n);
  });

  it('ORACLE=manual: starts from the given prices and is never stale', () => {
    const oracle = new CompositeOracle({ manual: { SOL: 1n, BTC: 2n, BONK: 3n, USDC: 4n, XAU: 5n, XAG: 6n, WTI: 7n }, initialNowS: 0 });
    expect(oracle.mode()).toBe('manual');
    expect(isOracleStale(oracle, 1_000_000, 30)).toBe(false);
  });
});

describe('poke', () => {
  it('makes the simulated source tick at once with the current clock', async () => {
    let nowS = 100;
    const source = new SimulatedSource({ clock: { nowS: () => nowS, nowMs: () => nowS * 1000 }, seed: 1, tickMs: 60_000 });
    const oracle = new CompositeOracle({ source });
    await oracle.start();
    expect(oracle.getPrice('SOL')?.publishTime).toBe(100);
    nowS = 100 + 86_400;
    oracle.poke();
    expect(oracle.getPrice('SOL')?.publishTime).toBe(100 + 86_400);
    expect(isOracleStale(oracle, nowS, 30)).toBe(false);
    await oracle.stop();
  });
});

describe('isOracleStale', () => {
  it('judges publishTime against the caller clock, missing feeds count as stale', async () => {
    const source = new ScriptedSource();
    const oracle = new CompositeOracle({ source });
    await oracle.start();
    source.send(mark('SOL', 1n, 100), mark('BTC', 1n, 100));
    expect(isOracleStale(oracle, 130, 30, ['SOL', 'BTC'])).toBe(false);
    expect(isOracleStale(oracle, 131, 30, ['SOL', 'BTC'])).toBe(true);
    expect(isOracleStale(oracle, 100, 30)).toBe(true); // BONK… have no price
    oracle.setManualPrices({ SOL: 2n }, 0);
    expect(isOracleStale(oracle, 10_000, 30, ['SOL'])).toBe(false);
  });
});
