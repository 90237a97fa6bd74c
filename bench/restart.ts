/**
 * Restart (issue 16 item 5): the time to restore a local chain holding 100,000 open positions from its database
 * (target < 10 s), as a server start does it: reopen the PGlite data directory, `startLocalRuntime` (LocalChain.open
 * restores every account, the slot, the blockhashes, the clock; the deployment is checked; every program account
 * is decoded into the runtime's ChainState).
 *
 * How the positions are made: one real 3x SOL short in USDC is opened by a real transaction; its account is
 * copied to the canonical PDAs of 99,999 other owners (`LocalChain.setAccount`: owner and bump rewritten, the rest
 * as opened), and the SOL market's short aggregate, ALP's USDC custody (owned, locked, collateral) and its vault are
 * moved by exactly what the copies add (the template open's deltas × n, the aggregate by `addToAggregate`), so the
 * chain the runtime restores is consistent (AUM, open interest, the vault's tokens).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getAddressEncoder, getProgramDerivedAddress, type Address } from '@solana/kit';
import { decodeCustody, encodeCustody } from '@/lib/chain/accounts/custody';
import { decodeMarket } from '@/lib/chain/accounts/market';
import { decodePosition } from '@/lib/chain/accounts/position';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { positionAddress } from '@/lib/chain/pda';
import { openIx } from '@/lib/chain/testing/actions';
import { startLocalRuntime } from '@/lib/chain-runtime/runtime';
import { runMigrations } from '@/lib/db/migrations';
import { openPgliteDatabase } from '@/lib/db/pglite';
import type { Database } from '@/lib/db/types';
import { newTrader, send, startTestChain } from '@/lib/indexer/testing';
import { aggregateTerms, type SideAggregate } from '@/lib/math/aggregates';
import type { ChainAccount } from '@/lib/validator';
import { log, nowMs, row, type BenchRow } from './stats';

const USDC = 1_000_000n;
const SHORT_AGGREGATE_AT = 288;

function u64At(data: Uint8Array, at: number): bigint {
  return new DataView(data.buffer, data.byteOffset).getBigUint64(at, true);
}

function setU64(data: Uint8Array, at: number, v: bigint): void {
  new DataView(data.buffer, data.byteOffset).setBigUint64(at, v, true);
}

function setU128(data: Uint8Array, at: number, v: bigint): void {
  setU64(data, at, v & ((1n << 64n) - 1n));
  setU64(data, at + 8, v >> 64n);
}

/** The Market account's side aggregate at `at` (layout of lib/chain/accounts/market.ts). */
function writeAggregate(data: Uint8Array, at: number, a: SideAggregate): void {
  setU64(data, at, a.sizeUsd);
  setU128(data, at + 8, a.sizeOverEntry);
  setU64(data, at + 24, a.carriedInterestUsd);
  setU128(data, at + 32, a.sizeTimesSnapshot);
  setU64(data, at + 48, a.count);
}

export interface SeededChain {
  db: Database;
  dataDir: string;
  positions: number;
  seedMs: number;
}

/** A PGlite data directory whose local chain holds `positions` open SOL shorts (see the header). */
export async function seedChain(positions: number): Promise<SeededChain> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-restart-'));
  const db = await openPgliteDatabase(dataDir);
  await runMigrations(db);
  const t0 = nowMs();
  const c = await startTestChain({ db });
  const local = c.runtime.local!;
  const a = c.runtime.addresses;
  const custody = custodyOf(a, 'ALP', 'USDC');
  const vault = vaultOf(a, 'ALP', 'USDC');
  const read = (address: Address) => local.getAccount(address) as ChainAccount;
  const before = { custody: decodeCustody(read(custody).data), vault: u64At(read(vault).data, 64) };
  const t = await newTrader(c, { USDC: 1_000n * USDC });
  await send(c, [await openIx(c.world, t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 30_000n })], [t.signer]);
  const template = read(await positionAddress(a.programId, t.address, a.markets.SOL, 1));
  const p = decodePosition(template.data);
  const after = { custody: decodeCustody(read(custody).data), vault: u64At(read(vault).data, 64) };
  const copies = positions - 1;
  log(`restart: chain deployed and the template opened in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
  log(`restart: writing ${copies.toLocaleString('en-US')} position accounts`);
  const marketBytes = new Uint8Array(getAddressEncoder().encode(a.markets.SOL));
  for (let done = 0; done < copies; ) {
    const n = Math.min(1_000, copies - done);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      // Any 32 bytes are an owner; the position lives at its canonical PDA, with its bump, as the program makes it.
      const owner = new Uint8Array(randomBytes(32));
      const [address, bump] = await getProgramDerivedAddress({ programAddress: a.programId, seeds: ['position', owner, marketBytes, Uint8Array.of(1)] });
      const data = new Uint8Array(template.data);
      data.set(owner, 8);
      data[105] = bump;
      writes.push(local.setAccount(address, { ...template, data }));
    }
    await Promise.all(writes);
    done += n;
  }
  // The market's short aggregate, the custody and the vault: as if each copy had been opened.
  const market = new Uint8Array(read(a.markets.SOL).data);
  const agg = decodeMarket(market).short;
  const terms = aggregateTerms(p.state);
  const n = BigInt(copies);
  writeAggregate(market, SHORT_AGGREGATE_AT, {
    sizeUsd: agg.sizeUsd + n * terms.sizeUsd,
    sizeOverEntry: agg.sizeOverEntry + n * terms.sizeOverEntry,
    carriedInterestUsd: agg.carriedInterestUsd + n * terms.carriedInterestUsd,
    sizeTimesSnapshot: agg.sizeTimesSnapshot + n * terms.sizeTimesSnapshot,
    count: agg.count + n * terms.count,
  });
  await local.setAccount(a.markets.SOL, { ...read(a.markets.SOL), data: market });
  const k = BigInt(copies);
  const cu = after.custody;
  const moved = {
    ...cu,
    owned: cu.owned + k * (cu.owned - before.custody.owned),
    locked: cu.locked + k * (cu.locked - before.custody.locked),
    collateral: cu.collateral + k * (cu.collateral - before.custody.collateral),
  };
  await local.setAccount(custody, { ...read(custody), data: encodeCustody(moved) });
  const vaultData = new Uint8Array(read(vault).data);
  setU64(vaultData, 64, after.vault + k * (after.vault - before.vault));
  await local.setAccount(vault, { ...read(vault), data: vaultData });
  await c.close();
  const seedMs = nowMs() - t0;
  await db.close();
  return { db, dataDir, positions, seedMs };
}

export interface RestartFigures {
  openDbMs: number;
  runtimeMs: number;
  restoredAccounts: number;
  restoreMs: number;
  positionsInState: number;
}

/** Reopens the data directory and starts the runtime on it, timed. */
export async function restart(s: SeededChain): Promise<RestartFigures> {
  const t0 = nowMs();
  const db = await openPgliteDatabase(s.dataDir);
  await runMigrations(db);
  const t1 = nowMs();
  let restoredAccounts = 0;
  let restoreMs = 0;
  const runtime = await startLocalRuntime({
    db,
    nowMs: () => Date.now(),
    maxPriceAgeS: 30,
    autoTick: false,
    log: (m) => {
      const r = /local chain restored \((.*)\)$/.exec(m);
      if (r) {
        const report = JSON.parse(r[1]!) as { accounts: number; ms: number };
        restoredAccounts = report.accounts;
        restoreMs = report.ms;
      }
    },
  });
  const t2 = nowMs();
  const positionsInState = runtime.state.positions.size;
  await runtime.stop();
  await db.close();
  return { openDbMs: t1 - t0, runtimeMs: t2 - t1, restoredAccounts, restoreMs, positionsInState };
}

export async function benchRestart(positions = 100_000): Promise<BenchRow[]> {
  const s = await seedChain(positions);
  try {
    log(`restart: seeded ${positions.toLocaleString('en-US')} positions in ${(s.seedMs / 1000).toFixed(1)} s; restarting`);
    const f = await restart(s);
    const total = f.openDbMs + f.runtimeMs;
    return [
      row({ section: 'restart', name: `restore a local chain with ${positions.toLocaleString('en-US')} positions (PGlite on disk)`, value: total, unit: 'ms', target: '< 10,000 ms', pass: total < 10_000, note: `${f.restoredAccounts.toLocaleString('en-US')} accounts; positions in the runtime's state: ${f.positionsInState}` }),
      row({ section: 'restart', name: '  of which: open the database + migrations', value: f.openDbMs, unit: 'ms', target: '' }),
      row({ section: 'restart', name: '  of which: LocalChain restore (accounts into LiteSVM)', value: f.restoreMs, unit: 'ms', target: '' }),
      row({ section: 'restart', name: '  of which: the rest of startLocalRuntime (deployment check, ChainState decode)', value: f.runtimeMs - f.restoreMs, unit: 'ms', target: '' }),
    ];
  } finally {
    rmSync(s.dataDir, { recursive: true, force: true });
  }
}
