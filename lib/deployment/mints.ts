/** Creates the SPL mints of the basket (USDC 6, WBTC 8, BONK 5 decimals; SOL is the native mint). */
import { generateKeyPairSigner, type Address, type TransactionSigner } from '@solana/kit';
import { getCreateAccountInstruction } from '@solana-program/system';
import { getInitializeMint2Instruction } from '@solana-program/token';
import { TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import type { TokenMints } from '@/lib/chain/addresses';
import { NATIVE_MINT, TOKEN_PROGRAM } from '@/lib/chain/program-ids';
import { sendInstructions, type ChainClient } from './chain-client';

export async function createMints(client: ChainClient, payer: TransactionSigner, mintAuthority: Address): Promise<TokenMints> {
  const mints: Partial<Record<TokenId, Address>> = { SOL: NATIVE_MINT };
  const space = 82n;
  const rent = await client.minimumBalance(space);
  await Promise.all(
    TOKEN_IDS.filter((t) => t !== 'SOL').map(async (token) => {
      const mint = await generateKeyPairSigner();
      await sendInstructions(
        client,
        [
          getCreateAccountInstruction({ payer, newAccount: mint, lamports: rent, space, programAddress: TOKEN_PROGRAM }),
          getInitializeMint2Instruction({ mint: mint.address, decimals: TOKENS[token].decimals, mintAuthority, freezeAuthority: null }),
        ],
        [payer, mint],
      );
      mints[token] = mint.address;
    }),
  );
  return mints as TokenMints;
}
