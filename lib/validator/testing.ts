import { getTransferSolInstruction } from '@solana-program/system';
import {
  appendTransactionMessageInstruction,
  createTransactionMessage,
  generateKeyPairSigner,
  getTransactionEncoder,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type Address,
  type Blockhash,
  type KeyPairSigner,
} from '@solana/kit';
import type { Database } from '@/lib/db/types';
import type { LocalChain } from './local-chain';

/** Test helpers shared by the chain's and the RPC's suites. */

/** A clock the test moves by hand. */
export function manualClock(start = 1_750_000_000): { now: () => number; advance: (seconds: number) => void } {
  let t = start;
  return { now: () => t, advance: (seconds) => void (t += seconds) };
}

/** Empties the chain's tables (one PGlite per test file, a fresh chain per test). */
export async function clearChainTables(db: Database): Promise<void> {
  await db.sql.exec('TRUNCATE chain_accounts, chain_transactions, chain_address_signatures, chain_state');
}

/** A new keypair funded by an airdrop. */
export async function fundedSigner(chain: LocalChain, amount = 10_000_000_000n): Promise<KeyPairSigner> {
  const signer = await generateKeyPairSigner();
  await chain.airdrop(signer.address, amount);
  return signer;
}

/** A signed system transfer (kit-built) as wire bytes. */
export async function transferWire(
  chain: LocalChain,
  from: KeyPairSigner,
  to: Address,
  amount: bigint,
  blockhash?: { blockhash: string; lastValidBlockHeight: bigint },
): Promise<Uint8Array> {
  const lifetime = blockhash ?? chain.latestBlockhash();
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(from, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: lifetime.blockhash as Blockhash, lastValidBlockHeight: lifetime.lastValidBlockHeight }, m),
    (m) => appendTransactionMessageInstruction(getTransferSolInstruction({ source: from, destination: to, amount: lamports(amount) }), m),
  );
  return Uint8Array.from(getTransactionEncoder().encode(await signTransactionMessageWithSigners(message)));
}
