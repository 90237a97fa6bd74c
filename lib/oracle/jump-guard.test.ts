import { describe, expect, it } from 'vitest';
import { JumpGuard } from './jump-guard';
import type { OraclePrice } from './types';

const tick = (price: bigint, publishTime = 0): OraclePrice => ({ feed: 'SOL', price, publishTime });
const prices = (out: readonly OraclePrice[]) => out.map((p) => p.price);

describe('JumpGuard: a >50% move waits for the next update', () => {
  it('publishes the first price and ordinary moves', () => {
    const guard = new JumpGuard();
    expect(prices(guard.filter([tick(100n)]))).toEqual([100n]);
    expect(prices(guard.filter([tick(150n)]))).toEqual([150n]); // exactly +50%: published
    expect(prices(guard.filter([tick(75n)]))).toEqual([75n]); // exactly −50%: published
  });

  it('holds a jump and publishes the confirming update', () => {
    const guard = new JumpGuard();
    guard.filter([tick(100n)]);
    expect(guard.filter([tick(151n)])).toEqual([]); // +51%: held
    expect(prices(guard.filter([tick(160n)]))).toEqual([160n]); // near the held 151: confirmed
    expect(prices(guard.filter([tick(161n)]))).toEqual([161n]);
  });

  it('drops a glitch when the next update returns near the last published price', () => {
    const guard = new JumpGuard();
    guard.filter([tick(100n)]);
    expect(guard.filter([tick(10n)])).toEqual([]); // −90%: held
    expect(prices(guard.filter([tick(101n)]))).toEqual([101n]);
    expect(guard.filter([tick(10n)])).toEqual([]); // held again, not confirmed by the earlier glitch
  });

  it('treats feeds independently and honours a manual reset', () => {
    const guard = new JumpGuard();
    guard.filter([tick(100n), { feed: 'BTC', price: 1_000n, publishTime: 0 }]);
    guard.reset('SOL', 300n);
    expect(prices(guard.filter([tick(310n), { feed: 'BTC', price: 2_000n, publishTime: 0 }]))).toEqual([310n]);
  });
});
