import * as zlib from 'node:zlib';
import bs58 from 'bs58';
import type { ChainAccount, LocalChain } from '@/lib/validator';
import { invalidParams } from './errors';
import { parseTokenJson, type ParsedAccountData } from './parsed-token';
import { optionalU64, type Config } from './params';

export type AccountEncoding = 'binary' | 'base58' | 'base64' | 'base64+zstd' | 'jsonParsed';

const ENCODINGS = new Set<string>(['binary', 'base58', 'base64', 'base64+zstd', 'jsonParsed']);
/** agave `MAX_BASE58_BYTES`: base58 is quadratic, so only small data may be asked for in it. */
const MAX_BASE58_BYTES = 128;

export interface DataSlice {
  readonly offset: number;
  readonly length: number;
}

export interface UiAccount {
  readonly lamports: bigint;
  readonly data: string | readonly [string, string] | ParsedAccountData;
  readonly owner: string;
  readonly executable: boolean;
  readonly rentEpoch: bigint;
  readonly space: bigint;
}

/** Node ≥ 22.15 has zstd in zlib; on older Node `base64+zstd` is refused rather than answered wrongly. */
const zstdCompress = (zlib as unknown as { zstdCompressSync?: (data: Uint8Array) => Buffer }).zstdCompressSync;

export function accountEncoding(cfg: Config, fallback: AccountEncoding): AccountEncoding {
  const value = cfg.encoding;
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !ENCODINGS.has(value)) throw invalidParams(`unknown variant \`${String(value)}\`, expected one of \`binary\`, \`base58\`, \`base64\`, \`jsonParsed\`, \`base64+zstd\``);
  if (value === 'base64+zstd' && zstdCompress === undefined) throw invalidParams('base64+zstd encoding is not supported by this node');
  return value as AccountEncoding;
}

/** `dataSlice` of the config; agave refuses a slice with `jsonParsed`. */
export function dataSlice(cfg: Config, encoding: AccountEncoding): DataSlice | undefined {
  const value = cfg.dataSlice;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') throw invalidParams('invalid type: expected dataSlice { offset, length }');
  const slice = value as Config;
  const offset = optionalU64(slice, 'offset');
  const length = optionalU64(slice, 'length');
  if (offset === undefined || length === undefined) throw invalidParams('missing field in dataSlice: offset and length are required');
  if (encoding === 'jsonParsed') {
    throw invalidParams('Sliced account data can only be encoded using binary (base 58) or base64 encoding.');
  }
  return { offset: Number(offset), length: Number(length) };
}

function sliced(data: Uint8Array, slice: DataSlice | undefined): Uint8Array {
  if (slice === undefined) return data;
  const start = Math.min(slice.offset, data.length);
  return data.subarray(start, Math.min(data.length, start + slice.length));
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function encodeData(chain: LocalChain, account: ChainAccount, encoding: AccountEncoding, slice: DataSlice | undefined): UiAccount['data'] {
  const bytes = sliced(account.data, slice);
  switch (encoding) {
    case 'binary':
    case 'base58':
      if (bytes.length > MAX_BASE58_BYTES) {
        throw invalidParams(`Encoded binary (base 58) data should be less than ${MAX_BASE58_BYTES} bytes, please use Base64 encoding.`);
      }
      return encoding === 'binary' ? bs58.encode(bytes) : [bs58.encode(bytes), 'base58'];
    case 'base64+zstd':
      return [base64((zstdCompress as (d: Uint8Array) => Buffer)(bytes)), 'base64+zstd'];
    case 'jsonParsed':
      return parseTokenJson(chain, account) ?? [base64(bytes), 'base64'];
    case 'base64':
      return [base64(bytes), 'base64'];
  }
}

/**
 * solana-account-decoder's `UiAccount`: data in the asked encoding (`binary` is the legacy bare base58 string that
 * `getAccountInfo` and `getProgramAccounts` default to), `jsonParsed` for token accounts and mints, base64 for the
 * rest; `space` is the full data length.
 */
export function encodeAccount(chain: LocalChain, account: ChainAccount, encoding: AccountEncoding, slice?: DataSlice): UiAccount {
  return {
    lamports: account.lamports,
    data: encodeData(chain, account, encoding, slice),
    owner: account.owner,
    executable: account.executable,
    rentEpoch: account.rentEpoch,
    space: BigInt(account.data.length),
  };
}
