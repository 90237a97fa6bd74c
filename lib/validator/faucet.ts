import { getTransferSolInstruction } from '@solana-program/system';
import {
  appendTransactionMessageInstruction,
  createKeyPairSignerFromPrivateKeyBytes,
  createTransactionMessage,
  getTransactionEncoder,
  lamports,
  pipe,
  setTransactionMessageComputeUnitLimit,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type Address,
  type Blockhash,
  type KeyPairSigner,
} from '@solana/kit';
import { SYSTEM_PROGRAM } from './programs';
import type { ChainAccount } from './types';

/** The faucet's balance at genesis: 500 million SOL. */
export const FAUCET_GENESIS_LAMPORTS = 500_000_000n * 1_000_000_000n;

/** The faucet's system account at genesis. */
export function faucetGenesisAccount(lamportsAtGenesis: bigint = FAUCET_GENESIS_LAMPORTS): ChainAccount {
  return { lamports: lamportsAtGenesis, owner: SYSTEM_PROGRAM, executable: false, rentEpoch: 18446744073709551615n, data: new Uint8Array(0) };
}

/**
 * The keypair that pays airdrops, from the seed stored with the chain state (so a restarted chain keeps its faucet).
 * An airdrop is a real system transfer it signs (as solana-test-validator's faucet does), sent like any transaction.
 */
export class Faucet {
  private counter = 0;

  private constructor(private readonly signer: KeyPairSigner) {}

  static async fromSeed(seed: Uint8Array): Promise<Faucet> {
    return new Faucet(await createKeyPairSignerFromPrivateKeyBytes(seed));
  }

  get address(): Address {
    return this.signer.address;
  }

  /**
   * A signed transfer. Each carries a different compute-unit limit, so two equal airdrops in one slot are two
   * transactions (Solana would refuse the second copy of one signature as AlreadyProcessed).
   */
  async transfer(to: Address, amount: bigint, blockhash: string, lastValidBlockHeight: bigint): Promise<Uint8Array> {
    this.counter = (this.counter + 1) % 100_000;
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(this.signer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: blockhash as Blockhash, lastValidBlockHeight }, m),
      (m) => appendTransactionMessageInstruction(getTransferSolInstruction({ source: this.signer, destination: to, amount: lamports(amount) }), m),
      (m) => setTransactionMessageComputeUnitLimit(1_000 + this.counter, m),
    );
    const signed = await signTransactionMessageWithSigners(message);
    return Uint8Array.from(getTransactionEncoder().encode(signed));
  }
}
