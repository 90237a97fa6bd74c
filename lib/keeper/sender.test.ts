import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSigner, getAddressDecoder, getCompiledTransactionMessageDecoder, getTransactionDecoder, type Address, type KeyPairSigner } from '@solana/kit';
import { randomBytes } from 'node:crypto';
import { TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { deriveAddresses, type ChainAddresses } from '@/lib/chain/addresses';
import { programErrorNumber } from '@/lib/chain/errors';
import type { ChainClient, SimulationOutcome } from '@/lib/deployment/chain-client';
import { Batcher } from './batcher';
import type { Settlement } from './planner';
import { sendBatch } from './sender';

const randomAddress = (): Address => getAddressDecoder().decode(randomBytes(32));

/** A chain whose simulation refuses what `refuse` says, by the instruction's position; sends succeed. */
function fakeClient(refuse: (ixCount: number, computeLimit: number) => unknown) {
  const calls = { simulations: 0, sends: 0, sentInstructionCounts: [] as number[] };
  const decode = (wire: Uint8Array) => {
    const tx = getTransactionDecoder().decode(wire);
    const message = getCompiledTransactionMessageDecoder().decode(tx.messageBytes) as unknown as { instructions: { data?: Uint8Array }[] };
    const budget = message.instructions[0]!.data!;
    return { count: message.instructions.length, limit: new DataView(budget.buffer, budget.byteOffset).getUint32(1, true) };
  };
  const client: ChainClient = {
    latestBlockhash: () => Promise.resolve({ blockhash: randomAddress(), lastValidBlockHeight: 1000n }),
    minimumBalance: () => Promise.resolve(2_039_280n),
    getAccount: () => Promise.resolve(null),
    simulate(wire): Promise<SimulationOutcome> {
      calls.simulations += 1;
      const { count, limit } = decode(wire);
      return Promise.resolve({ err: refuse(count, limit), logs: [], unitsConsumed: 0n, returnData: null });
    },
    send(wire) {
      const { count, limit } = decode(wire);
      const err = refuse(count, limit);
      if (err) return Promise.reject(new Error('preflight refused'));
      calls.sends += 1;
      calls.sentInstructionCounts.push(count);
      return Promise.resolve();
    },
  };
  return { client, calls };
}

describe('sendBatch', () => {
  let addresses: ChainAddresses;
  let keeper: KeyPairSigner;
  beforeAll(async () => {
    const mints = Object.fromEntries(TOKEN_IDS.map((t) => [t, randomAddress()])) as Record<TokenId, Address>;
    addresses = await deriveAddresses(randomAddress(), mints);
    keeper = await generateKeyPairSigner();
  });

  const fill = (): Settlement => ({ kind: 'fill', address: randomAddress(), owner: randomAddress(), market: 'SOL', side: 'short', postedToken: 'USDC', price: 1n });

  it('drops the refused settlement (named by its instruction) and sends the rest', async () => {
    // Instruction 0 is the compute budget; the fill at position 2 (instruction 3) is refused while present.
    const items = [fill(), fill(), fill(), fill()];
    const { client, calls } = fakeClient((count) => (count === 5 ? { InstructionError: [3, { Custom: programErrorNumber('OPEN_INTEREST_CAP') }] } : null));
    const batcher = new Batcher({ addresses, keeper, client });
    const prepared = await Promise.all(items.map((s) => batcher.prepare(s)));
    const outcomes = await sendBatch({ client, batcher, keeper, programId: addresses.programId }, prepared);
    expect(outcomes.filter((o) => !o.ok).map((o) => [o.settlement.address, o.code])).toEqual([[items[2]!.address, 'OPEN_INTEREST_CAP']]);
    expect(outcomes.filter((o) => o.ok).map((o) => o.settlement.address).sort()).toEqual([items[0]!, items[1]!, items[3]!].map((s) => s.address).sort());
    expect(calls.sends).toBe(1);
    expect(calls.sentInstructionCounts).toEqual([4]);
  });

  it('sends optimistically and simulates only when the send is refused', async () => {
    const { client, calls } = fakeClient(() => null);
    const batcher = new Batcher({ addresses, keeper, client });
    const prepared = await Promise.all([fill(), fill()].map((s) => batcher.prepare(s)));
    const outcomes = await sendBatch({ client, batcher, keeper, programId: addresses.programId }, prepared, { optimistic: true });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(calls.simulations).toBe(0);
  });

  it('retries a batch that runs out of compute at the transaction maximum', async () => {
    const { client, calls } = fakeClient((_count, limit) => (limit < 1_400_000 ? { InstructionError: [1, 'ComputationalBudgetExceeded'] } : null));
    const batcher = new Batcher({ addresses, keeper, client });
    const prepared = await Promise.all([fill(), fill()].map((s) => batcher.prepare(s)));
    const outcomes = await sendBatch({ client, batcher, keeper, programId: addresses.programId }, prepared);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(calls.sends).toBe(1);
  });

  it('fails the whole batch, without a send, on a refusal that is no one instruction’s', async () => {
    const { client, calls } = fakeClient(() => 'InsufficientFundsForFee');
    const batcher = new Batcher({ addresses, keeper, client });
    const prepared = await Promise.all([fill(), fill()].map((s) => batcher.prepare(s)));
    const outcomes = await sendBatch({ client, batcher, keeper, programId: addresses.programId }, prepared);
    expect(outcomes.map((o) => [o.ok, o.code])).toEqual([
      [false, 'InsufficientFundsForFee'],
      [false, 'InsufficientFundsForFee'],
    ]);
    expect(calls.sends).toBe(0);
  });
});
