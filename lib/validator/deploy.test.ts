import { generateKeyPairSigner, getTransactionEncoder, type Blockhash } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferAccountSize, planUpgradeableDeploy, programAccountSize, signInstructions } from '@/lib/chain/loader';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { linkSbpfV0 } from '@/program/linker';
import { readFixture } from '@/program/linker/test-fixtures';
import { LocalChain } from './local-chain';
import { SqlChainStore } from './store-sql';
import { clearChainTables, fundedSigner, manualClock } from './testing';

/** A program deployed by transactions through the upgradeable loader survives a restart and still runs. */
describe('an upgradeable program on the local chain', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
    await clearChainTables(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('deploys, runs, restarts, runs again', async () => {
    const store = new SqlChainStore(db);
    const clock = manualClock();
    let chain = await LocalChain.open(store, clock.now, { autoTick: false });
    const payer = await fundedSigner(chain, 100_000_000_000n);
    const [program, buffer] = await Promise.all([generateKeyPairSigner(), generateKeyPairSigner()]);
    const bytes = linkSbpfV0(readFixture('hello'));
    const rent = (size: number) => chain.minimumBalanceForRentExemption(BigInt(size));
    const plan = await planUpgradeableDeploy({
      payer, program, buffer, upgradeAuthority: payer, bytes,
      rentExempt: { buffer: rent(bufferAccountSize(bytes.length)), program: rent(programAccountSize()) },
    });
    const send = async (instructions: Parameters<typeof signInstructions>[0]) => {
      const { blockhash, lastValidBlockHeight } = chain.latestBlockhash();
      const tx = await signInstructions(instructions, payer, { blockhash: blockhash as Blockhash, lastValidBlockHeight });
      return chain.sendTransaction(Uint8Array.from(getTransactionEncoder().encode(tx)));
    };
    for (const step of plan.steps) expect((await send(step.instructions)).err).toBeNull();
    chain.tick();
    const invoke = () => send([{ programAddress: program.address, data: new Uint8Array([0, 5]) }]);
    const first = await invoke();
    expect(first.err).toBeNull();
    expect((await chain.getTransaction(first.signature))?.logs).toContain('Program log: hello from the sbpf linker');
    await chain.close();

    chain = await LocalChain.open(store, clock.now, { autoTick: false });
    expect(chain.getAccount(program.address)?.executable).toBe(true);
    chain.tick();
    const again = await send([{ programAddress: program.address, data: new Uint8Array([1, 5]) }]);
    expect(again.err).toBeNull();
    expect((await chain.getTransaction(again.signature))?.logs).toContain('Program log: hello from the sbpf linker');
    await chain.close();
  });
});
