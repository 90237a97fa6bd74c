/**
 * The program's PDAs (docs/program.md § Accounts), each with its seeds exactly as the program derives them.
 * `getProgramDerivedAddress` hashes asynchronously; the address book (addresses.ts) derives the fixed ones once.
 */
import { getProgramDerivedAddress, type Address } from '@solana/kit';
import { addressBytes } from './bytes';
import { ASSOCIATED_TOKEN_PROGRAM, TOKEN_PROGRAM } from './program-ids';

async function pda(programAddress: Address, seeds: (string | Uint8Array)[]): Promise<Address> {
  const [address] = await getProgramDerivedAddress({ programAddress, seeds });
  return address;
}

const BPF_LOADER_UPGRADEABLE = 'BPFLoaderUpgradeab1e11111111111111111111111' as Address;

/** The upgradeable loader's ProgramData account of `programId` (PDA `[programId]` of the loader). */
export const programDataAddress = (programId: Address) => pda(BPF_LOADER_UPGRADEABLE, [addressBytes(programId)]);

export const configAddress = (programId: Address) => pda(programId, ['config']);
export const authorityAddress = (programId: Address) => pda(programId, ['authority']);
export const poolAddress = (programId: Address, index: number) => pda(programId, ['pool', Uint8Array.of(index)]);
export const lpMintAddress = (programId: Address, pool: Address) => pda(programId, ['lp_mint', addressBytes(pool)]);
export const custodyAddress = (programId: Address, pool: Address, mint: Address) => pda(programId, ['custody', addressBytes(pool), addressBytes(mint)]);
export const vaultAddress = (programId: Address, custody: Address) => pda(programId, ['vault', addressBytes(custody)]);
export const escrowAddress = (programId: Address, mint: Address) => pda(programId, ['escrow', addressBytes(mint)]);
export const marketAddress = (programId: Address, index: number) => pda(programId, ['market', Uint8Array.of(index)]);
export const priceAddress = (programId: Address, feedId: Uint8Array) => pda(programId, ['price', feedId]);

/** The position of (owner, market, side): side 0 long, 1 short. */
export const positionAddress = (programId: Address, owner: Address, market: Address, side: number) =>
  pda(programId, ['position', addressBytes(owner), addressBytes(market), Uint8Array.of(side)]);

/** The canonical bump of that position's PDA (what PlaceLimitOrder records in the order as `position_bump`). */
export async function positionBump(programId: Address, owner: Address, market: Address, side: number): Promise<number> {
  const [, bump] = await getProgramDerivedAddress({ programAddress: programId, seeds: ['position', addressBytes(owner), addressBytes(market), Uint8Array.of(side)] });
  return bump;
}

/** One of the owner's 16 order slots. */
export const orderAddress = (programId: Address, owner: Address, slot: number) => pda(programId, ['order', addressBytes(owner), Uint8Array.of(slot)]);

/** The owner's associated token account of `mint` (SPL Token program). */
export function associatedTokenAddress(owner: Address, mint: Address): Promise<Address> {
  return pda(ASSOCIATED_TOKEN_PROGRAM, [addressBytes(owner), addressBytes(TOKEN_PROGRAM), addressBytes(mint)]);
}
