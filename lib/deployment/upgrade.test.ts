import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { runMigrations } from '@/lib/db/migrations';
import { startLocalRuntime, type ChainRuntime } from '@/lib/chain-runtime/runtime';
import { decodePrice } from '@/lib/chain/accounts';
import { findProgramDataAddress, PROGRAMDATA_METADATA_SIZE } from '@/lib/chain/loader';
import { largerProgramBytes, programBytes } from '@/lib/chain/testing/program-bytes';
import { sendInstructions } from './chain-client';
import { elfLength, sha256Hex } from './existing';
import { priceUpdate } from './initialize';

/**
 * A user who pulls a commit with a new program/dist/poolperps.so keeps their ./.data: the restart upgrades the
 * local chain's program in place, to a larger binary (the ProgramData is extended) and to a smaller one (today's
 * after 2026-12-04's compute-unit work: what the ProgramData holds shrinks, zeros after it). The other binary is the
 * committed one at b4723d7 (563,064 bytes against 505,496), read from git.
 */
const larger = largerProgramBytes();
if (!larger) console.warn('lib/deployment/upgrade.test.ts skipped: git has no b4723d7 (a shallow clone?)');

describe.skipIf(!larger)('a restart with a changed program binary upgrades the local chain’s program', () => {
  const committed = programBytes();
  let db: PgliteDatabase;
  let dir: string;
  let largerPath: string;
  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
    dir = mkdtempSync(join(tmpdir(), 'poolperps-upgrade-'));
    largerPath = join(dir, 'larger.so');
    writeFileSync(largerPath, larger!);
  }, 120_000);
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (programPath: string | undefined, log: string[]) =>
    startLocalRuntime({ db, nowMs: () => Date.now(), maxPriceAgeS: 30, autoTick: false, programPath, log: (line) => log.push(line) });
  const chainOf = (r: ChainRuntime) => r.local ?? (() => { throw new Error('a local runtime has a LocalChain'); })();
  const programData = async (r: ChainRuntime) => chainOf(r).getAccount(await findProgramDataAddress(r.addresses.programId))!.data;
  /** Every account the program owns (pools, custodies, markets, prices, config…) and the LP mints, as hex. */
  const state = (r: ChainRuntime) => {
    const chain = chainOf(r);
    const accounts = chain.getProgramAccounts(r.addresses.programId).map((k) => [k.address, Buffer.from(k.account.data).toString('hex')]);
    for (const mint of Object.values(r.addresses.lpMints)) accounts.push([mint, Buffer.from(chain.getAccount(mint)!.data).toString('hex')]);
    return Object.fromEntries(accounts) as Record<string, string>;
  };
  const transactionCount = async () => Number((await db.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM chain_transactions')).rows[0]!.n);
  /** The body of a ProgramData: `bytes`, then only zeros. */
  const holds = (data: Uint8Array, bytes: Uint8Array) => {
    const body = data.subarray(PROGRAMDATA_METADATA_SIZE);
    return Buffer.from(body.subarray(0, bytes.length)).equals(Buffer.from(bytes)) && body.subarray(bytes.length).every((b) => b === 0);
  };
  /** The program answers: the oracle authority's UpdatePrices runs, and the price account reads it back. */
  const writePrice = async (r: ChainRuntime, price: bigint) => {
    const publishTime = BigInt(Math.floor(Date.now() / 1000));
    await sendInstructions(r.client, [priceUpdate(r.addresses, r.keys.oracleAuthority!.address, [{ feed: 'SOL', price, publishTime }])], [r.keys.oracleAuthority!]);
    expect(decodePrice(chainOf(r).getAccount(r.addresses.oracles.SOL)!.data).price).toBe(price);
  };

  it('upgrades (extending the ProgramData) once, keeps the state, persists it; a third start does nothing; back to a smaller binary', async () => {
    expect(committed.length).toBeLessThan(larger!.length);
    const sha = (bytes: Uint8Array) => sha256Hex(bytes).slice(0, 12);
    const log1: string[] = [];
    const first = await start(undefined, log1);
    expect(log1.some((l) => /upgraded the pool program/.test(l))).toBe(false);
    const firstData = await programData(first);
    expect(firstData.length).toBe(PROGRAMDATA_METADATA_SIZE + committed.length);
    expect(holds(firstData, committed)).toBe(true);
    await writePrice(first, 150_0000000000n);
    const before = state(first);
    const programId = first.addresses.programId;
    await first.stop();

    const log2: string[] = [];
    const second = await start(largerPath, log2);
    expect(second.addresses.programId).toBe(programId);
    const upgraded = log2.filter((l) => /upgraded the pool program/.test(l));
    expect(upgraded).toEqual([`upgraded the pool program (${sha(committed)} → ${sha(larger!)})`]);
    const secondData = await programData(second);
    expect(secondData.length).toBeGreaterThanOrEqual(PROGRAMDATA_METADATA_SIZE + larger!.length);
    expect(holds(secondData, larger!)).toBe(true);
    expect(elfLength(secondData.subarray(PROGRAMDATA_METADATA_SIZE))).toBe(larger!.length);
    // The upgrade authority is still the saved admin (Some(admin) in the header).
    expect(secondData[12]).toBe(1);
    expect(state(second)).toEqual(before); // pools, custodies, markets, prices, LP supplies: untouched
    await writePrice(second, 151_0000000000n);
    const afterWrite = state(second);
    const transactions = await transactionCount();
    await second.stop();

    const log3: string[] = [];
    const third = await start(largerPath, log3);
    expect(log3.some((l) => /upgraded the pool program/.test(l))).toBe(false);
    expect(await transactionCount()).toBe(transactions); // no upgrade transaction, nor any other
    const thirdData = await programData(third);
    expect(Buffer.from(thirdData).equals(Buffer.from(secondData))).toBe(true); // the upgrade was persisted
    expect(state(third)).toEqual(afterWrite);
    await writePrice(third, 152_0000000000n); // the restored, upgraded program runs
    const afterThird = state(third);
    await third.stop();

    // Back to the committed, smaller binary: no extension, the rest of the ProgramData zeroed, the state kept.
    const log4: string[] = [];
    const fourth = await start(undefined, log4);
    expect(log4.filter((l) => /upgraded the pool program/.test(l))).toEqual([`upgraded the pool program (${sha(larger!)} → ${sha(committed)})`]);
    const fourthData = await programData(fourth);
    expect(fourthData.length).toBe(thirdData.length);
    expect(holds(fourthData, committed)).toBe(true);
    expect(elfLength(fourthData.subarray(PROGRAMDATA_METADATA_SIZE))).toBe(committed.length);
    expect(state(fourth)).toEqual(afterThird);
    await writePrice(fourth, 153_0000000000n);
    await fourth.stop();
  }, 300_000);
});
