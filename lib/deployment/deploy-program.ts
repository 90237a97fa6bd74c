/**
 * Deploys a program binary through the BPF Loader Upgradeable over a ChainClient: InitializeBuffer, the Writes
 * (sent concurrently, in waves; one JSON-RPC batch per wave where the client can), DeployWithMaxDataLen. The same flow on the local chain and on a real cluster.
 */
import { generateKeyPairSigner, type TransactionSigner } from '@solana/kit';
import { bufferAccountSize, planUpgradeableDeploy, programAccountSize } from '@/lib/chain/loader/plan';
import { sendInstructions, signWire, type ChainClient } from './chain-client';

export interface DeployProgramInput {
  client: ChainClient;
  payer: TransactionSigner;
  program: TransactionSigner;
  upgradeAuthority: TransactionSigner;
  bytes: Uint8Array;
  /** Writes in flight at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function deployProgram(i: DeployProgramInput): Promise<void> {
  const buffer = await generateKeyPairSigner();
  const plan = await planUpgradeableDeploy({
    payer: i.payer,
    program: i.program,
    buffer,
    upgradeAuthority: i.upgradeAuthority,
    bytes: i.bytes,
    rentExempt: {
      buffer: await i.client.minimumBalance(BigInt(bufferAccountSize(i.bytes.length))),
      program: await i.client.minimumBalance(BigInt(programAccountSize())),
    },
  });
  const [first, ...rest] = plan.steps;
  const last = rest.pop();
  if (!first || !last) throw new Error('a deploy plan has at least two steps');
  const signers = [i.payer, buffer, i.program, i.upgradeAuthority];
  const signerFor = (ixSigners: readonly TransactionSigner[]) => [i.payer, ...ixSigners.filter((s) => s.address !== i.payer.address)];
  await sendInstructions(i.client, first.instructions, signerFor(signers));
  const concurrency = i.concurrency ?? 64;
  let done = 0;
  for (let at = 0; at < rest.length; at += concurrency) {
    const wave = rest.slice(at, at + concurrency);
    if (i.client.sendMany) {
      // One batch per wave: a chain that group-commits writes the buffer once per wave, not once per Write.
      await i.client.sendMany(await Promise.all(wave.map((step) => signWire(i.client, step.instructions, signerFor(signers)))));
    } else {
      await Promise.all(wave.map((step) => sendInstructions(i.client, step.instructions, signerFor(signers))));
    }
    done += Math.min(concurrency, rest.length - at);
    i.onProgress?.(done, rest.length);
  }
  await sendInstructions(i.client, last.instructions, signerFor(signers));
}
