/**
 * The keeper against a real ChainRuntime (the local chain with the program deployed, on one in-memory PGlite):
 * liquidations, TP / SL and fills within the price update that crosses them, the clock sweep, spam orders, batching.
 * The tests run in order on one chain; each uses its own traders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { runMigrations } from '@/lib/db/migrations';
import { AuthorityType, getSetAuthorityInstruction } from '@solana-program/token';
import { accrueCumulativeInterest } from '@/lib/math/interest';
import { isMarketOpen, nextCloseS, nextOpenS } from '@/lib/math/market-hours';
import { MARKETS, lockToken } from '@/lib/math/params';
import type { MarketId, Side } from '@/lib/math/ids';
import { liquidationPriceAt } from './books';
import { ChainKeeper, startChainKeeper } from './index';
import { startKeeperWorld, type KeeperWorld, type Trader } from './testing';

const USDC = 1_000_000n;

describe('the keeper on chain', () => {
  let db: PgliteDatabase;
  let w: KeeperWorld;
  let keeper: ChainKeeper;
  /** Moves the keeper's back-off clock. */
  let skewMs = 0;

  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
    w = await startKeeperWorld(db);
    keeper = await startChainKeeper(w.runtime, db, {
      sweepMs: 200,
      attempts: { baseBackoffMs: 30_000, maxBackoffMs: 600_000 },
      nowMs: () => Date.now() + skewMs,
      log: () => undefined,
    });
    await keeper.whenIdle();
  }, 180_000);

  afterAll(async () => {
    await keeper?.stop();
    await w?.stop();
    await db?.close();
  });

  const price = (market: MarketId) => w.runtime.snapshot().marketQuote(market).price;
  const account = (address: Address) => w.runtime.local!.getAccount(address);
  const position = (address: Address) => w.runtime.state.positions.get(address);

  /** The position's liquidation price now, as the program computes it. */
  function liquidationNow(address: Address): bigint {
    const p = position(address)!;
    const market = w.runtime.ids.market(p.market)!;
    const s = w.runtime.snapshot();
    return liquidationPriceAt(p, MARKETS[market].liquidationLeverageBps, s.interestNow(MARKETS[market].pool, lockToken(market, p.state.side)));
  }

  /** The keeper's actions on `address` since `from`. */
  const actionsOn = (address: Address, from = 0) => keeper.actions.filter((a) => a.seq > from && a.address === address);
  const since = (from: number) => keeper.actions.filter((a) => a.seq > from);

  async function crossAndSettle(prices: Parameters<KeeperWorld['setPrices']>[0]): Promise<void> {
    await w.setPrices(prices);
    await keeper.whenIdle();
  }

  it('leads on PGlite and indexes what is on chain', () => {
    expect(keeper.isLeader).toBe(true);
    expect(keeper.stats.indexed).toBe(w.runtime.state.positions.size + w.runtime.state.orders.size);
  });

  it('does not compete for the lead in a process without a keeper key of its own', async () => {
    const reader = new ChainKeeper({ ...w.runtime, keeperEnabled: false }, db, { log: () => undefined });
    await reader.start();
    expect(reader.isLeader).toBe(false);
    await reader.stop();
  });

  it('liquidates a position crossed by a price update within that update, paying the remainder to the owner', async () => {
    const t = await w.trader({ USDC: 1_000n * USDC });
    const pos = await w.open(t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 500_000n });
    await keeper.whenIdle();
    expect(position(pos)).toBeDefined();
    const before = w.balance(await t.ata('USDC'));
    const from = keeper.lastActionSeq;
    await crossAndSettle({ SOL: liquidationNow(pos) });
    expect(account(pos)).toBeNull();
    expect(position(pos)).toBeUndefined();
    expect(w.balance(await t.ata('USDC'))).toBeGreaterThan(before);
    expect(actionsOn(pos, from)).toMatchObject([{ kind: 'liquidation', ok: true }]);
    expect(keeper.stats.lastPricePass?.settlements).toBe(1);
  }, 60_000);

  it('recreates the owner’s token account (keeper-paid) when they closed it before the liquidation', async () => {
    const t = await w.trader({ USDC: 100n * USDC });
    const pos = await w.open(t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 500_000n });
    await w.closeAta(t, 'USDC');
    const ata = await t.ata('USDC');
    expect(account(ata)).toBeNull();
    await crossAndSettle({ SOL: liquidationNow(pos) });
    expect(account(pos)).toBeNull();
    expect(w.balance(ata)).toBeGreaterThan(0n);
  }, 60_000);

  it('executes take profits and stop losses at the update that hits them (USDC and wrapped SOL payouts)', async () => {
    const p0 = price('SOL');
    const [a, b, c] = await Promise.all([w.trader({ USDC: 200n * USDC }), w.trader({ USDC: 200n * USDC }), w.trader({ SOL: 5_000_000_000n })]);
    const tp = await w.open(a, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 100_000n, takeProfit: (p0 * 98n) / 100n });
    const sl = await w.open(b, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 100_000n, stopLoss: (p0 * 102n) / 100n });
    const longTp = await w.open(c, { market: 'SOL', side: 'long', amount: 1_000_000_000n, leverageBps: 50_000n });
    await w.setTpSl(c, 'SOL', 'long', (p0 * 105n) / 100n, null);
    const balances = { a: w.balance(await a.ata('USDC')), b: w.balance(await b.ata('USDC')), c: w.balance(await c.ata('SOL')) };
    const from = keeper.lastActionSeq;

    await crossAndSettle({ SOL: (p0 * 975n) / 1000n });
    expect(account(tp)).toBeNull();
    expect(position(sl)).toBeDefined();
    expect(position(longTp)).toBeDefined();
    expect(w.balance(await a.ata('USDC'))).toBeGreaterThan(balances.a);

    await crossAndSettle({ SOL: (p0 * 1025n) / 1000n });
    expect(account(sl)).toBeNull();
    expect(w.balance(await b.ata('USDC'))).toBeGreaterThan(balances.b);
    expect(position(longTp)).toBeDefined();

    await crossAndSettle({ SOL: (p0 * 106n) / 100n });
    expect(account(longTp)).toBeNull();
    expect(w.balance(await c.ata('SOL'))).toBeGreaterThan(balances.c);
    expect(since(from).map((x) => [x.kind, x.ok])).toEqual([
      ['takeProfit', true],
      ['stopLoss', true],
      ['takeProfit', true],
    ]);
  }, 60_000);

  it('fills a limit order at the price of the update that crosses it', async () => {
    const p0 = price('BTC');
    const t = await w.trader({ USDC: 500n * USDC });
    const trigger = (p0 * 101n) / 100n;
    const order = await w.placeOrder(t, { market: 'BTC', side: 'short', amount: 100n * USDC, leverageBps: 50_000n, slot: 3, triggerPrice: trigger });
    await crossAndSettle({ BTC: (p0 * 1005n) / 1000n });
    expect(w.runtime.state.orders.has(order)).toBe(true);
    const fillPrice = (p0 * 1015n) / 1000n;
    await crossAndSettle({ BTC: fillPrice });
    expect(account(order)).toBeNull();
    const opened = w.runtime.state.ownedBy(t.address).positions;
    expect(opened).toHaveLength(1);
    expect(opened[0]!.state.entryPrice).toBe(fillPrice);
    expect(opened[0]!.state.side).toBe<Side>('short');
  }, 60_000);

  it('batches several liquidations per transaction', async () => {
    const traders = await Promise.all(Array.from({ length: 12 }, () => w.trader({ USDC: 200n * USDC })));
    const positions: Address[] = [];
    for (const t of traders) positions.push(await w.open(t, { market: 'BTC', side: 'short', amount: 100n * USDC, leverageBps: 500_000n }));
    const highest = positions.map(liquidationNow).reduce((m, x) => (x > m ? x : m));
    const txBefore = keeper.stats.transactions;
    const from = keeper.lastActionSeq;
    await crossAndSettle({ BTC: highest });
    for (const p of positions) expect(account(p)).toBeNull();
    const done = since(from).filter((a) => positions.includes(a.address));
    expect(done.every((a) => a.kind === 'liquidation' && a.ok)).toBe(true);
    const signatures = new Set(done.map((a) => a.signature));
    // The receivers exist (the traders funded from them): 7 liquidations fit one transaction.
    expect(signatures.size).toBe(2);
    expect(keeper.stats.transactions - txBefore).toBe(2);
  }, 120_000);

  it('liquidates by the clock sweep a position that borrow fees alone carry across, with no new price', async () => {
    const t = await w.trader({ USDC: 200n * USDC });
    const pos = await w.open(t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 500_000n });
    const p = position(pos)!;
    const snap = w.runtime.snapshot();
    const custody = snap.custody('ALP', 'USDC');
    const liqAt = (s: number) =>
      liquidationPriceAt(p, MARKETS.SOL.liquidationLeverageBps, accrueCumulativeInterest({ cumulativeInterest: custody.cumulativeInterest, rateHourly: custody.rateHourly, elapsedS: BigInt(s) - custody.lastAccrualS }));
    // A second T2 where the liquidation price (a short's falls as fees accrue) steps below its value 15 s before.
    const start = w.runtime.nowS() + 5;
    let t2 = start + 15;
    while (liqAt(t2) >= liqAt(t2 - 15)) t2 += 1;
    const t1 = t2 - 15;
    const mark = liqAt(t2);
    expect(mark).toBeLessThan(liqAt(t1));

    // At T1 the price is written: the update crosses nothing.
    w.advance(t1 - w.nowMs() / 1000);
    const from = keeper.lastActionSeq;
    await crossAndSettle({ SOL: mark });
    expect(position(pos)).toBeDefined();
    // Fifteen seconds later, with no price transaction, the fees have carried it across.
    w.advance(t2 + 0.5 - w.nowMs() / 1000);
    const deadline = Date.now() + 10_000;
    while (position(pos) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(account(pos)).toBeNull();
    expect(actionsOn(pos, from)).toMatchObject([{ kind: 'liquidation', ok: true }]);
    expect(keeper.stats.lastPass?.reason).toBe('sweep');
  }, 60_000);

  describe('orders the program refuses', () => {
    let junk: Address[] = [];
    const whales: Trader[] = [];
    let doomed: Address;

    beforeAll(async () => {
      // Fill SOL's short open interest to $30k under its $3M cap (2x whales), then 300 orders of $60k each (19
      // owners, 16 slots): placing checks what does not depend on the market, each fill is refused
      // OPEN_INTEREST_CAP while the whales stay: a spammer's orders that cost nothing to keep.
      const t = await w.trader({ USDC: 200n * USDC });
      doomed = await w.open(t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 500_000n });
      for (let i = 0; i < 3; i++) {
        const whale = await w.trader({ USDC: 600_000n * USDC });
        const oi = w.runtime.snapshot().aggregate('SOL', 'short').sizeUsd;
        const size = i < 2 ? 1_000_000n * USDC : MARKETS.SOL.openInterestCapUsd - oi - 30_000n * USDC;
        await w.open(whale, { market: 'SOL', side: 'short', amount: size / 2n, leverageBps: 20_000n });
        whales.push(whale);
      }
      const owners = await Promise.all(Array.from({ length: 19 }, () => w.trader({ USDC: 16n * 600n * USDC })));
      const trigger = (price('SOL') * 1001n) / 1000n;
      junk = (
        await Promise.all(
          owners.map(async (o, i) => {
            const out: Address[] = [];
            for (let slot = 0; slot < (i === 18 ? 12 : 16); slot++) {
              out.push(await w.placeOrder(o, { market: 'SOL', side: 'short', amount: 600n * USDC, leverageBps: 1_000_000n, slot, triggerPrice: trigger }));
            }
            return out;
          }),
        )
      ).flat();
      await keeper.whenIdle();
    }, 180_000);

    it('300 of them do not delay a liquidation; each is tried once, then backs off', async () => {
      expect(junk).toHaveLength(300);
      const from = keeper.lastActionSeq;
      await w.setPrices({ SOL: liquidationNow(doomed) });
      const deadline = Date.now() + 30_000;
      while (position(doomed) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      expect(account(doomed)).toBeNull();
      // The update's liquidation went first, in the update's own pass, before any of the 300 fills was tried.
      const liquidation = since(from).find((a) => a.address === doomed);
      const firstFill = since(from).find((a) => a.kind === 'fill');
      expect(liquidation).toMatchObject({ kind: 'liquidation', ok: true });
      expect(firstFill === undefined || firstFill.seq > liquidation!.seq).toBe(true);
      // Then the fills, at most 64 a pass, until each of the 300 was refused once.
      const until = Date.now() + 60_000;
      while (junk.some((o) => !keeper.attempts.get(o, 'fill')) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await keeper.whenIdle();
      for (const o of junk) {
        expect(keeper.attempts.get(o, 'fill')).toMatchObject({ code: 'OPEN_INTEREST_CAP', failures: 1, gaveUp: false });
        expect(w.runtime.state.orders.has(o)).toBe(true);
      }
    }, 120_000);

    it('a later update and the sweeps do not retry them: the next liquidation costs no simulation', async () => {
      const t = await w.trader({ USDC: 200n * USDC });
      const next = await w.open(t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 500_000n });
      await keeper.whenIdle();
      const simulations = keeper.stats.simulations;
      await crossAndSettle({ SOL: liquidationNow(next) });
      expect(account(next)).toBeNull();
      await new Promise((r) => setTimeout(r, 600));
      await keeper.whenIdle();
      // The liquidation is sent at once (its send's preflight is its simulation); no fill is simulated.
      expect(keeper.stats.simulations - simulations).toBe(0);
      for (const o of junk) expect(keeper.attempts.get(o, 'fill')?.failures).toBe(1);
    }, 60_000);

    it('after the back-off each is retried once (the cap might have moved), then waits twice as long', async () => {
      skewMs += 31_000;
      const until = Date.now() + 60_000;
      while (junk.some((o) => keeper.attempts.get(o, 'fill')?.failures !== 2) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 600));
      await keeper.whenIdle();
      for (const o of junk) {
        const r = keeper.attempts.get(o, 'fill')!;
        expect(r.failures).toBe(2);
        expect(r.nextAtMs - (Date.now() + skewMs)).toBeGreaterThan(50_000);
      }
    }, 120_000);

    it('gives up an order refused for a reason only its owner can change, and tries it again when they do', async () => {
      // The first whale holds SOL's maximum position: any fill of theirs is POSITION_TOO_LARGE.
      const whale = whales[0]!;
      const trigger = (price('SOL') * 1001n) / 1000n;
      const orders: Address[] = [];
      for (let slot = 0; slot < 4; slot++) orders.push(await w.placeOrder(whale, { market: 'SOL', side: 'short', amount: 10n * USDC, leverageBps: 20_000n, slot, triggerPrice: trigger }));
      const gaveUp = keeper.stats.gaveUp;
      await crossAndSettle({ SOL: (trigger * 1001n) / 1000n });
      for (const o of orders) expect(keeper.attempts.get(o, 'fill')).toMatchObject({ code: 'POSITION_TOO_LARGE', gaveUp: true, failures: 1 });
      expect(keeper.stats.gaveUp).toBe(gaveUp + 4);
      // Not tried on the next update nor any sweep.
      await crossAndSettle({ SOL: (trigger * 1002n) / 1000n });
      await new Promise((r) => setTimeout(r, 600));
      for (const o of orders) expect(keeper.attempts.get(o, 'fill')?.failures).toBe(1);
      // The owner closes their position: their orders are tried again, and fill.
      await w.close(whale, 'SOL', 'short');
      const until = Date.now() + 10_000;
      while (orders.some((o) => w.runtime.state.orders.has(o)) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      for (const o of orders) expect(account(o)).toBeNull();
      expect(w.runtime.state.ownedBy(whale.address).positions[0]?.state.sizeUsd).toBe(4n * 20n * USDC);
    }, 60_000);
  });

  it('pays into a fresh token account of the owner when their ATA was handed to someone else', async () => {
    const t = await w.trader({ USDC: 100n * USDC });
    const pos = await w.open(t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 500_000n });
    const ata = await t.ata('USDC');
    const other = await w.trader({});
    // The ATA's owner is reassigned: the program refuses it as the receiver, and an idempotent create cannot fix it.
    await w.send([getSetAuthorityInstruction({ owned: ata, owner: t.signer, authorityType: AuthorityType.AccountOwner, newAuthority: other.address })], [t.signer]);
    await crossAndSettle({ SOL: liquidationNow(pos) });
    expect(account(pos)).toBeNull();
    const accounts = w.runtime.local!.getTokenAccountsByOwner(t.address, { mint: w.runtime.addresses.mints.USDC });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.address).not.toBe(ata);
    expect(w.balance(accounts[0]!.address)).toBeGreaterThan(0n);
    expect(w.balance(ata)).toBe(0n);
  }, 60_000);

  // Last: it moves the chain's clock to the next weekend.
  it('does not liquidate an RWA position while its market is closed, and does once it reopens', async () => {
    if (!isMarketOpen('XAU', w.runtime.nowS())) return; // opening needs the market open
    const t = await w.trader({ USDC: 200n * USDC });
    await w.setPrices({ XAU: price('XAU') }); // fresh (the clock moved since genesis wrote it)
    const pos = await w.open(t, { market: 'XAU', side: 'long', amount: 100n * USDC, leverageBps: 200_000n });
    w.advance(nextCloseS('XAU', w.runtime.nowS())! - w.runtime.nowS() + 3_600);
    expect(isMarketOpen('XAU', w.runtime.nowS())).toBe(false);
    const from = keeper.lastActionSeq;
    await crossAndSettle({ XAU: liquidationNow(pos) });
    await new Promise((r) => setTimeout(r, 600));
    await keeper.whenIdle();
    expect(position(pos)).toBeDefined();
    expect(actionsOn(pos, from)).toHaveLength(0);
    expect(keeper.stats.lastPricePass?.settlements).toBe(0);
    w.advance(nextOpenS('XAU', w.runtime.nowS()) - w.runtime.nowS() + 60);
    await crossAndSettle({ XAU: liquidationNow(pos) });
    expect(account(pos)).toBeNull();
    expect(actionsOn(pos, from)).toMatchObject([{ kind: 'liquidation', ok: true }]);
  }, 60_000);
});
