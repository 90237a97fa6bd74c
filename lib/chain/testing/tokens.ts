/**
 * SPL tokens an attacker can make: a mint of its own, and a token account of any mint whose owner field is any
 * address (the transfer authority PDA included), at an address of its choosing.
 */
import { generateKeyPairSigner, type Address, type TransactionSigner } from '@solana/kit';
import { getCreateAccountInstruction } from '@solana-program/system';
import { getInitializeAccount3Instruction, getInitializeMint2Instruction, getMintToInstruction } from '@solana-program/token';
import { TOKEN_PROGRAM } from '../program-ids';
import type { World } from './world';

/** A new mint whose authority is `authority` (the world's mint authority by default). */
export async function newMint(w: World, decimals: number, authority: TransactionSigner = w.mintAuthority): Promise<Address> {
  const mint = await generateKeyPairSigner();
  await w.must(
    [
      getCreateAccountInstruction({ payer: w.admin, newAccount: mint, lamports: w.svm.minimumBalanceForRentExemption(82n), space: 82n, programAddress: TOKEN_PROGRAM }),
      getInitializeMint2Instruction({ mint: mint.address, decimals, mintAuthority: authority.address, freezeAuthority: null }),
    ],
    [w.admin, mint],
  );
  return mint.address;
}

/** A token account of `mint` at a fresh address whose owner field is `owner` (any address), paid by `payer`. */
export async function tokenAccount(w: World, payer: TransactionSigner, mint: Address, owner: Address): Promise<Address> {
  const account = await generateKeyPairSigner();
  await w.must(
    [
      getCreateAccountInstruction({ payer, newAccount: account, lamports: w.svm.minimumBalanceForRentExemption(165n), space: 165n, programAddress: TOKEN_PROGRAM }),
      getInitializeAccount3Instruction({ account: account.address, mint, owner }),
    ],
    [payer, account],
  );
  return account.address;
}

/** Mints `amount` of a mint whose authority is `authority` into `account`. */
export async function mintTo(w: World, mint: Address, account: Address, amount: bigint, authority: TransactionSigner = w.mintAuthority): Promise<void> {
  await w.must([getMintToInstruction({ mint, token: account, mintAuthority: authority, amount })], [authority]);
}
