/** Creates the SPL mints of the basket (USDC 6, WBTC 8, BONK 5 decimals; SOL is the native mint). */
import { generateKeyPairSigner, getAddressDecoder, type Address, type TransactionSigner } from '@solana/kit';
import { getCreateAccountInstruction } from '@solana-program/system';
import { getInitializeMint2Instruction } from '@solana-program/token';
import { TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import type { TokenMints } from '@/lib/chain/addresses';
import { NATIVE_MINT, TOKEN_PROGRAM } from '@/lib/chain/program-ids';
import { sendInstructions, type ChainClient } from './chain-client';

export async function createMints(client: ChainClient, payer: TransactionSigner, mintAuthority: Address): Promise<TokenMints> {
  const mints: Partial<Record<TokenId, Address>> = { SOL: NATIVE_MINT };
  await Promise.all(
    TOKEN_IDS.filter((t) => t !== 'SOL').map(async (token) => {
      mints[token] = await createMint(client, payer, mintAuthority, token);
    }),
  );
  return mints as TokenMints;
}

const MINT_SPACE = 82n;

/** One new mint of `token`'s decimals (no freeze authority). */
export async function createMint(client: ChainClient, payer: TransactionSigner, mintAuthority: Address, token: Exclude<TokenId, 'SOL'>): Promise<Address> {
  const mint = await generateKeyPairSigner();
  const rent = await client.minimumBalance(MINT_SPACE);
  await sendInstructions(
    client,
    [
      getCreateAccountInstruction({ payer, newAccount: mint, lamports: rent, space: MINT_SPACE, programAddress: TOKEN_PROGRAM }),
      getInitializeMint2Instruction({ mint: mint.address, decimals: TOKENS[token].decimals, mintAuthority, freezeAuthority: null }),
    ],
    [payer, mint],
  );
  return mint.address;
}

/** A mint's authority (undefined: fixed supply), or null when `data` is not a mint. */
export function mintAuthorityOf(data: Uint8Array): Address | undefined | null {
  if (data.length !== Number(MINT_SPACE)) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) === 0) return undefined;
  return getAddressDecoder().decode(data.subarray(4, 36));
}
