/**
 * `npm run deploy:program` re-run against a cluster whose program has other bytes than the binary: it upgrades the
 * program (buffer, Writes, ExtendProgram, Upgrade over the RPC, signed by the admin) instead of skipping it, and
 * a run after that skips it again. The cluster is a LocalChain behind its own JSON-RPC on loopback (the cluster
 * suites' support). The other binary is the committed one at b4723d7, read from git: larger than today's (563,064
 * bytes against 505,496), so upgrading from today's to it extends the ProgramData, and back to today's does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMDATA_METADATA_SIZE } from '@/lib/chain/loader/constants';
import { programDataAddress } from '@/lib/chain/pda';
import { largerProgramBytes, programBytes } from '@/lib/chain/testing/program-bytes';
import { deployLocalOracle, keypairFile, startLoopbackCluster, type LoopbackCluster } from '@/tests/cluster/support';
import { sha256Hex } from './existing';

const larger = largerProgramBytes();
if (!larger) console.warn('lib/deployment/cluster-upgrade.test.ts skipped: git has no b4723d7 (a shallow clone?)');

describe.skipIf(!larger)('deploy:program upgrades a program whose bytes differ', () => {
  const committed = programBytes();
  let c: LoopbackCluster;
  beforeAll(async () => {
    c = await startLoopbackCluster();
  }, 60_000);
  afterAll(async () => {
    await c?.close();
  });
  const body = async () => c.chain.getAccount(await programDataAddress(c.program.signer.address))!.data.subarray(PROGRAMDATA_METADATA_SIZE);
  const holds = (data: Uint8Array, bytes: Uint8Array) =>
    Buffer.from(data.subarray(0, bytes.length)).equals(Buffer.from(bytes)) && data.subarray(bytes.length).every((b) => b === 0);

  it('upgrades (and extends) on the re-run, keeps the deployment, then skips; back to a smaller binary without extending', async () => {
    expect(committed.length).toBeLessThan(larger!.length);
    const first = await deployLocalOracle(c);
    expect(holds(await body(), committed)).toBe(true);
    const config = c.chain.getAccount(first.addresses.config)!.data;

    const log: string[] = [];
    const second = await deployLocalOracle(c, { bytes: larger!, log: (l) => log.push(l) });
    expect(second.addresses).toEqual(first.addresses);
    const shas = `${sha256Hex(committed).slice(0, 12)} → ${sha256Hex(larger!).slice(0, 12)}`;
    expect(log).toContain(`program ${first.addresses.programId} exists with other bytes than program/dist/poolperps.so (${shas}): upgrading it (550 KB) through the upgradeable loader`);
    const extended = log.map((l) => /^ {2}ProgramData extended by (\d+) bytes \(ExtendProgram\)$/.exec(l)).find(Boolean);
    expect(Number(extended?.[1])).toBeGreaterThanOrEqual(larger!.length - committed.length);
    expect(log).toContain(`program upgraded (${shas})`);
    expect(holds(await body(), larger!)).toBe(true);
    expect(Buffer.from(c.chain.getAccount(first.addresses.config)!.data).equals(Buffer.from(config))).toBe(true);

    const before = c.chain.transactionCount;
    const third: string[] = [];
    await deployLocalOracle(c, { bytes: larger!, log: (l) => third.push(l) });
    expect(c.chain.transactionCount).toBe(before);
    expect(third[0]).toBe(`program ${first.addresses.programId} exists with the same bytes; skipped`);

    const fourth: string[] = [];
    await deployLocalOracle(c, { log: (l) => fourth.push(l) });
    expect(fourth.some((l) => /ExtendProgram/.test(l))).toBe(false);
    expect(fourth).toContain(`program upgraded (${sha256Hex(larger!).slice(0, 12)} → ${sha256Hex(committed).slice(0, 12)})`);
    expect(holds(await body(), committed)).toBe(true);
  }, 300_000);

  it('refuses to upgrade with a key that is not the upgrade authority, in a sentence', async () => {
    const other = await keypairFile(c.dir, 'other');
    await c.chain.airdrop(other.signer.address, 100_000_000_000n);
    await expect(deployLocalOracle(c, { admin: other.signer, bytes: larger! })).rejects.toThrow(
      `its upgrade authority is ${c.admin.signer.address}, not --keypair's ${other.signer.address}`,
    );
    expect(holds(await body(), committed)).toBe(true);
  }, 60_000);
});
