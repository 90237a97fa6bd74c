import type { Address } from '@solana/kit';
import {
  hasTokenExtensions,
  parseMint,
  parseTokenAccount,
  TOKEN_2022_PROGRAM,
  type ChainAccount,
  type LocalChain,
} from '@/lib/validator';

/** agave's `UiTokenAmount`: the raw amount as a string, and its decimal forms. */
export interface UiTokenAmount {
  readonly amount: string;
  readonly decimals: number;
  readonly uiAmount: number | null;
  readonly uiAmountString: string;
}

/** agave's `real_number_string_trimmed`: `amount / 10^decimals` written exactly, trailing zeros removed. */
export function uiAmountString(amount: bigint, decimals: number): string {
  if (decimals === 0) return amount.toString();
  const digits = amount.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction.length === 0 ? whole : `${whole}.${fraction}`;
}

export function uiTokenAmount(amount: bigint, decimals: number): UiTokenAmount {
  const text = uiAmountString(amount, decimals);
  return { amount: amount.toString(), decimals, uiAmount: Number(text), uiAmountString: text };
}

export interface ParsedAccountData {
  readonly program: 'spl-token' | 'spl-token-2022';
  readonly parsed: { readonly type: 'account' | 'mint'; readonly info: Record<string, unknown> };
  readonly space: bigint;
}

/** The decimals of a token account's mint, read from the chain (undefined if the mint is unknown). */
export function mintDecimals(chain: LocalChain, mint: Address): number | undefined {
  const account = chain.getAccount(mint);
  const state = account === null ? null : parseMint(account);
  return state?.decimals;
}

/**
 * `jsonParsed` for SPL Token and Token-2022 (base state) accounts and mints, as solana-account-decoder's
 * `parse_token` writes them. Anything else, including Token-2022 state with extensions, is not parsed (null), and
 * callers fall back to base64 as agave does.
 */
export function parseTokenJson(chain: LocalChain, account: ChainAccount): ParsedAccountData | null {
  if (hasTokenExtensions(account)) return null;
  const program = account.owner === TOKEN_2022_PROGRAM ? 'spl-token-2022' : 'spl-token';
  const space = BigInt(account.data.length);
  const mint = parseMint(account);
  if (mint !== null) {
    const info = {
      mintAuthority: mint.mintAuthority,
      supply: mint.supply.toString(),
      decimals: mint.decimals,
      isInitialized: mint.isInitialized,
      freezeAuthority: mint.freezeAuthority,
    };
    return { program, parsed: { type: 'mint', info }, space };
  }
  const state = parseTokenAccount(account);
  if (state === null) return null;
  const decimals = mintDecimals(chain, state.mint);
  if (decimals === undefined) return null;
  const info: Record<string, unknown> = {
    mint: state.mint,
    owner: state.owner,
    tokenAmount: uiTokenAmount(state.amount, decimals),
    state: state.state,
    isNative: state.isNative !== null,
  };
  if (state.delegate !== null) {
    info.delegate = state.delegate;
    info.delegatedAmount = uiTokenAmount(state.delegatedAmount, decimals);
  }
  if (state.isNative !== null) info.rentExemptReserve = uiTokenAmount(state.isNative, decimals);
  if (state.closeAuthority !== null) info.closeAuthority = state.closeAuthority;
  return { program, parsed: { type: 'account', info }, space };
}
