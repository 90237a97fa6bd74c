/** SPL Token account and mint layouts (the fields the app reads). */
import type { Address } from '@solana/kit';
import { Reader } from '../bytes';

export interface TokenAccountData {
  mint: Address;
  owner: Address;
  amount: bigint;
}

export function decodeTokenAccount(data: Uint8Array): TokenAccountData {
  if (data.length !== 165) throw new TypeError(`not a token account (${data.length} bytes)`);
  const r = new Reader(data);
  return { mint: r.address(0), owner: r.address(32), amount: r.u64(64) };
}

export function decodeMintSupply(data: Uint8Array): { supply: bigint; decimals: number } {
  if (data.length !== 82) throw new TypeError(`not a mint (${data.length} bytes)`);
  const r = new Reader(data);
  return { supply: r.u64(36), decimals: r.u8(44) };
}
