import bs58 from 'bs58';
import { PACKET_DATA_SIZE } from '@/lib/validator';
import { invalidParams } from './errors';
import { optionalString, type Config } from './params';

/** agave `MAX_BASE58_SIZE` / `MAX_BASE64_SIZE`: the largest encodings of a 1,232-byte packet. */
const MAX_BASE58_SIZE = 1683;
const MAX_BASE64_SIZE = 1644;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * agave `decode_and_deserialize`: the transaction string in the config's `encoding` (base58 by default, base64),
 * size-checked before and after decoding.
 */
export function decodeWireParam(value: unknown, cfg: Config): Uint8Array {
  if (typeof value !== 'string') throw invalidParams('invalid type: expected an encoded transaction string');
  const encoding = optionalString(cfg, 'encoding') ?? 'base58';
  let bytes: Uint8Array;
  if (encoding === 'base58') {
    if (value.length > MAX_BASE58_SIZE) {
      throw invalidParams(`base58 encoded solana_transaction::versioned::VersionedTransaction too large: ${value.length} bytes (max: encoded/raw ${MAX_BASE58_SIZE}/${PACKET_DATA_SIZE})`);
    }
    try {
      bytes = bs58.decode(value);
    } catch (error) {
      throw invalidParams(`invalid base58 encoding: ${(error as Error).message}`);
    }
  } else if (encoding === 'base64') {
    if (value.length > MAX_BASE64_SIZE) {
      throw invalidParams(`base64 encoded solana_transaction::versioned::VersionedTransaction too large: ${value.length} bytes (max: encoded/raw ${MAX_BASE64_SIZE}/${PACKET_DATA_SIZE})`);
    }
    if (value.length % 4 !== 0 || !BASE64.test(value)) throw invalidParams('invalid base64 encoding: InvalidByte');
    bytes = new Uint8Array(Buffer.from(value, 'base64'));
  } else {
    throw invalidParams(`unsupported encoding: ${encoding}. Supported encodings: base58, base64`);
  }
  if (bytes.length > PACKET_DATA_SIZE) {
    throw invalidParams(`decoded solana_transaction::versioned::VersionedTransaction too large: ${bytes.length} bytes (max: ${PACKET_DATA_SIZE} bytes)`);
  }
  return bytes;
}
