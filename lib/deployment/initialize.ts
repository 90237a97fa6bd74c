/**
 * Initialises a deployed program over a ChainClient: the config, pools, escrows, price accounts, custodies and
 * markets (lib/chain/genesis.ts), the first prices, and optionally §9's genesis liquidity (the admin's tokens
 * in, LP minted to the genesis owner).
 */
import type { Address, Instruction, TransactionSigner } from '@solana/kit';
import { getCreateAssociatedTokenIdempotentInstruction, getMintToInstruction, getSyncNativeInstruction } from '@solana-program/token';
import { getTransferSolInstruction } from '@solana-program/system';
import { FEED_IDS, POOL_IDS, TOKEN_IDS, type FeedId, type PoolId, type TokenId } from '@/lib/math/ids';
import type { ChainAddresses } from '@/lib/chain/addresses';
import { genesisTokenTotals, initializationSteps, seedBatches } from '@/lib/chain/genesis';
import { updatePricesInstruction } from '@/lib/chain/instructions/admin';
import { associatedTokenAddress } from '@/lib/chain/pda';
import { sendInstructions, type ChainClient } from './chain-client';

export interface InitializeProgramInput {
  client: ChainClient;
  addresses: ChainAddresses;
  admin: TransactionSigner;
  oracleAuthority: Address;
  oracleKind: number;
  maxPriceAgeS: bigint;
  onStep?: (label: string) => void;
}

/** Runs every initialisation batch that has not run yet (a re-run after a crash continues where it stopped). */
export async function initializeProgram(i: InitializeProgramInput): Promise<void> {
  const batches = initializationSteps({ addresses: i.addresses, admin: i.admin.address, oracleAuthority: i.oracleAuthority, oracleKind: i.oracleKind, maxPriceAgeS: i.maxPriceAgeS });
  for (const step of batches) {
    if (await i.client.getAccount(step.creates)) continue;
    await sendInstructions(i.client, [step.instruction], [i.admin]);
  }
  i.onStep?.('accounts initialised');
}

/** One UpdatePrices instruction of the oracle authority for `prices` (each with its own publish time). */
export function priceUpdate(addresses: ChainAddresses, authority: Address, prices: readonly { feed: FeedId; price: bigint; publishTime: bigint }[]): Instruction {
  return updatePricesInstruction({
    programId: addresses.programId,
    authority,
    config: addresses.config,
    updates: prices.filter((p) => FEED_IDS.includes(p.feed)).map((p) => ({ account: addresses.oracles[p.feed], price: p.price, publishTime: p.publishTime })),
  });
}

export interface SeedGenesisInput {
  client: ChainClient;
  addresses: ChainAddresses;
  admin: TransactionSigner;
  /** Mints the basket's tokens to the admin (the local faucet). */
  mintAuthority: TransactionSigner;
  genesisOwner: Address;
}

/** §9's genesis liquidity on the local chain: tokens minted to the admin, wrapped SOL, then both pools seeded. */
export async function seedGenesis(i: SeedGenesisInput): Promise<void> {
  const a = i.addresses;
  const totals = genesisTokenTotals();
  const funding = {} as Record<TokenId, Address>;
  const lpDestinations = {} as Record<PoolId, Address>;
  const create: Instruction[] = [];
  for (const token of TOKEN_IDS) {
    funding[token] = await associatedTokenAddress(i.admin.address, a.mints[token]);
    create.push(getCreateAssociatedTokenIdempotentInstruction({ payer: i.admin, owner: i.admin.address, mint: a.mints[token], ata: funding[token] }));
  }
  for (const pool of POOL_IDS) {
    lpDestinations[pool] = await associatedTokenAddress(i.genesisOwner, a.lpMints[pool]);
    create.push(getCreateAssociatedTokenIdempotentInstruction({ payer: i.admin, owner: i.genesisOwner, mint: a.lpMints[pool], ata: lpDestinations[pool] }));
  }
  await sendInstructions(i.client, create, [i.admin]);
  const mintTo = TOKEN_IDS.filter((t) => t !== 'SOL').map((t) => getMintToInstruction({ mint: a.mints[t], token: funding[t], mintAuthority: i.mintAuthority, amount: totals[t] }));
  await sendInstructions(i.client, [...mintTo, getTransferSolInstruction({ source: i.admin, destination: funding.SOL, amount: totals.SOL }), getSyncNativeInstruction({ account: funding.SOL })], [i.admin, i.mintAuthority]);
  for (const batch of seedBatches({ addresses: a, admin: i.admin.address, funding, lpDestinations })) await sendInstructions(i.client, batch, [i.admin]);
}
