import type { Address } from '@solana/kit';
import type { DecodedMessage } from './message';
import { MEMO_PROGRAM, MEMO_V1_PROGRAM } from './programs';
import { parseMint, parseTokenAccount } from './token-layout';
import type { ChainAccount, TokenBalance } from './types';

/**
 * The memo field of `getSignaturesForAddress`, as agave's `extract_and_fmt_memos`: every Memo program instruction's
 * text as `[length] text`, joined with "; " (null when there is none).
 */
export function extractMemo(message: DecodedMessage): string | null {
  const memos: string[] = [];
  for (const ix of message.instructions) {
    const program = message.staticAccounts[ix.programAddressIndex];
    if (program !== MEMO_PROGRAM && program !== MEMO_V1_PROGRAM) continue;
    memos.push(`[${ix.data.length}] ${Buffer.from(ix.data).toString('utf8')}`);
  }
  return memos.length === 0 ? null : memos.join('; ');
}

/**
 * `preTokenBalances` / `postTokenBalances`: every key holding an initialised token account, with its mint's
 * decimals (looked up with `mintOf`; a token account whose mint cannot be read is left out, as agave does).
 */
export function tokenBalances(
  keys: readonly Address[],
  accounts: readonly (ChainAccount | null)[],
  mintOf: (mint: Address) => ChainAccount | null,
): TokenBalance[] {
  const out: TokenBalance[] = [];
  accounts.forEach((account, accountIndex) => {
    if (account === null || keys[accountIndex] === undefined) return;
    const state = parseTokenAccount(account);
    if (state === null) return;
    const mintAccount = mintOf(state.mint);
    const mint = mintAccount === null ? null : parseMint(mintAccount);
    if (mint === null) return;
    out.push({
      accountIndex,
      mint: state.mint,
      owner: state.owner,
      programId: account.owner,
      amount: state.amount,
      decimals: mint.decimals,
    });
  });
  return out;
}
