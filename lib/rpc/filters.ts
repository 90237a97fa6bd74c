import bs58 from 'bs58';
import { parseTokenAccount, type AccountFilter, type KeyedAccount } from '@/lib/validator';
import { invalidParam, invalidParams } from './errors';
import { u64, type Config } from './params';

/** agave `rpc-client-api/src/filter.rs`: at most 4 filters, memcmp bytes of at most 128 bytes. */
const MAX_FILTERS = 4;
const MAX_DATA_SIZE = 128;
const MAX_DATA_BASE58_SIZE = 175;
const MAX_DATA_BASE64_SIZE = 172;

export interface ParsedFilters {
  readonly filters: readonly AccountFilter[];
  /** `"tokenAccountState"`: only valid (initialised) token accounts. */
  readonly tokenAccountState: boolean;
}

function memcmpBytes(memcmp: Config): Uint8Array {
  const { bytes, encoding } = memcmp;
  if (Array.isArray(bytes)) {
    if (bytes.length > MAX_DATA_SIZE) throw invalidParam('DataTooLarge');
    return Uint8Array.from(bytes.map((b) => Number(b)));
  }
  if (typeof bytes !== 'string') throw invalidParams('invalid type: memcmp bytes must be a string or an array of bytes');
  const base64 = encoding === 'base64';
  if (!base64 && encoding !== undefined && encoding !== null && encoding !== 'base58' && encoding !== 'binary') {
    throw invalidParams(`unknown variant \`${String(encoding)}\`, expected one of \`base58\`, \`base64\`, \`bytes\``);
  }
  if (bytes.length > (base64 ? MAX_DATA_BASE64_SIZE : MAX_DATA_BASE58_SIZE)) throw invalidParam('DataTooLarge');
  let decoded: Uint8Array;
  try {
    decoded = base64 ? new Uint8Array(Buffer.from(bytes, 'base64')) : bs58.decode(bytes);
  } catch {
    throw invalidParam(base64 ? 'Base64DecodeError' : 'Base58DecodeError');
  }
  if (decoded.length > MAX_DATA_SIZE) throw invalidParam('DataTooLarge');
  return decoded;
}

function parseFilter(value: unknown): AccountFilter | 'tokenAccountState' {
  if (value === 'tokenAccountState') return value;
  if (typeof value !== 'object' || value === null) throw invalidParams('invalid type: expected a filter object');
  const filter = value as Config;
  if ('dataSize' in filter) return { dataSize: Number(u64(filter.dataSize, 'dataSize')) };
  if ('memcmp' in filter && typeof filter.memcmp === 'object' && filter.memcmp !== null) {
    const memcmp = filter.memcmp as Config;
    return { memcmp: { offset: Number(u64(memcmp.offset, 'offset')), bytes: memcmpBytes(memcmp) } };
  }
  throw invalidParams('unknown variant, expected one of `dataSize`, `memcmp`, `tokenAccountState`');
}

export function parseFilters(cfg: Config): ParsedFilters {
  const value = cfg.filters;
  if (value === undefined || value === null) return { filters: [], tokenAccountState: false };
  if (!Array.isArray(value)) throw invalidParams('invalid type: filters must be an array');
  if (value.length > MAX_FILTERS) throw invalidParams(`Too many filters provided; max ${MAX_FILTERS}`);
  const filters: AccountFilter[] = [];
  let tokenAccountState = false;
  for (const f of value) {
    const parsed = parseFilter(f);
    if (parsed === 'tokenAccountState') tokenAccountState = true;
    else filters.push(parsed);
  }
  return { filters, tokenAccountState };
}

/** agave sorts `getProgramAccounts` results by pubkey bytes unless `sortResults: false`. */
export function sortByPubkey(accounts: KeyedAccount[]): KeyedAccount[] {
  const keyed = accounts.map((entry) => ({ entry, key: Buffer.from(bs58.decode(entry.address)) }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return keyed.map((k) => k.entry);
}

export function keepTokenAccounts(accounts: readonly KeyedAccount[]): KeyedAccount[] {
  return accounts.filter((entry) => parseTokenAccount(entry.account) !== null);
}
