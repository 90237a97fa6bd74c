import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompositeOracle } from '@/lib/oracle/composite-oracle';
import { PYTH_FEEDS } from '@/lib/oracle/pyth-feeds';
import { PythSource } from '@/lib/oracle/pyth-source';
import { isOracleStale } from '@/lib/oracle/staleness';
import type { OraclePrice } from '@/lib/oracle/types';
import { FakeHermes } from '../fake-hermes/server';

const SOL = PYTH_FEEDS.SOL.id;
const BTC = PYTH_FEEDS.BTC.id;
const nowS = () => Math.floor(Date.now() / 1000);

let hermes: FakeHermes;
let url: string;

beforeAll(async () => {
  hermes = new FakeHermes();
  url = await hermes.listen();
});

afterAll(async () => {
  await hermes.close();
});

function makeOracle(feeds: ('SOL' | 'BTC')[] = ['SOL', 'BTC'], streamIdleMs = 60_000) {
  const errors: unknown[] = [];
  const source = new PythSource({
    hermesUrl: url,
    feeds,
    pollMs: 50,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    streamIdleMs,
    onError: (e) => errors.push(e),
  });
  const oracle = new CompositeOracle({ source });
  const seen: OraclePrice[] = [];
  oracle.subscribe((p) => seen.push(...p));
  return { source, oracle, seen, errors };
}

describe('PythSource against a fake Hermes', () => {
  it('takes the latest snapshot, then streamed prices reach the oracle (and its subscribers)', async () => {
    const t = nowS();
    hermes.setQuotes({ [SOL]: { price: '15012345678', expo: -8, publishTime: t }, [BTC]: { price: '9500000000000', expo: -8, publishTime: t } });
    const { source, oracle, seen } = makeOracle();
    await oracle.start();
    expect(oracle.getPrice('SOL')).toEqual({ feed: 'SOL', price: 1_501_234_567_800n, publishTime: t });
    expect(oracle.getPrice('BTC')?.price).toBe(950_000_000_000_000n);
    expect(oracle.mode()).toBe('pyth');
    const latest = hermes.requests.find((r) => r.path === '/v2/updates/price/latest');
    expect(latest?.ids.sort()).toEqual([SOL, BTC].sort());

    await expect.poll(() => source.isStreaming()).toBe(true);
    const streamRequest = hermes.requests.find((r) => r.path === '/v2/updates/price/stream');
    expect(streamRequest?.ids.sort()).toEqual([SOL, BTC].sort());
    hermes.push({ [SOL]: { price: '15100000', expo: -5, publishTime: t + 1 } });
    await expect.poll(() => oracle.getPrice('SOL')?.price).toBe(1_510_000_000_000n);
    expect(oracle.getPrice('SOL')?.publishTime).toBe(t + 1);
    expect(seen.some((p) => p.feed === 'SOL' && p.price === 1_510_000_000_000n)).toBe(true);
    await oracle.stop();
  });

  it('reconnects a dropped stream, polling the latest prices meanwhile', async () => {
    const t = nowS();
    hermes.setQuotes({ [SOL]: { price: '150', expo: 0, publishTime: t } });
    const { source, oracle } = makeOracle(['SOL']);
    await oracle.start();
    await expect.poll(() => source.isStreaming()).toBe(true);
    const before = source.connections;

    hermes.refuseStreams = true;
    hermes.dropStreams();
    await expect.poll(() => source.isStreaming()).toBe(false);
    hermes.setQuotes({ [SOL]: { price: '152', expo: 0, publishTime: t + 2 } }); // only the poll can see this
    await expect.poll(() => oracle.getPrice('SOL')?.price).toBe(1_520_000_000_000n);

    hermes.refuseStreams = false;
    await expect.poll(() => source.connections, { timeout: 10_000 }).toBeGreaterThan(before);
    hermes.push({ [SOL]: { price: '153', expo: 0, publishTime: t + 3 } });
    await expect.poll(() => oracle.getPrice('SOL')?.price).toBe(1_530_000_000_000n);
    await oracle.stop();
  });

  it('treats a silent stream as dropped and opens a new one', async () => {
    hermes.setQuotes({ [SOL]: { price: '150', expo: 0, publishTime: nowS() } });
    const { source, oracle } = makeOracle(['SOL'], 100);
    await oracle.start();
    await expect.poll(() => source.isStreaming()).toBe(true);
    await expect.poll(() => source.connections, { timeout: 10_000 }).toBeGreaterThan(1);
    await oracle.stop();
  });

  it('reports a stale publish_time as stale, and ignores updates older than the one held', async () => {
    const t = nowS();
    hermes.setQuotes({ [SOL]: { price: '150', expo: 0, publishTime: t - 120 } });
    const { source, oracle, seen } = makeOracle(['SOL']);
    await oracle.start();
    expect(oracle.getPrice('SOL')?.publishTime).toBe(t - 120);
    expect(isOracleStale(oracle, t, 30, ['SOL'])).toBe(true);

    await expect.poll(() => source.isStreaming()).toBe(true);
    hermes.push({ [SOL]: { price: '151', expo: 0, publishTime: t } });
    await expect.poll(() => isOracleStale(oracle, t, 30, ['SOL'])).toBe(false);
    hermes.push({ [SOL]: { price: '149', expo: 0, publishTime: t - 5 } });
    hermes.push({ [SOL]: { price: '155', expo: 0, publishTime: t + 1 } });
    await expect.poll(() => oracle.getPrice('SOL')?.price).toBe(1_550_000_000_000n);
    expect(seen.map((p) => p.price)).not.toContain(1_490_000_000_000n);
    await oracle.stop();
  });
});
