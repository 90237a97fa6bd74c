import type { SignatureStatus } from '@/lib/validator';
import { withContext } from '../context';
import { encodeConfirmedTransaction, type TransactionEncoding } from '../encode-transaction';
import { invalidParams, RPC_UNSUPPORTED_TRANSACTION_VERSION, RpcError } from '../errors';
import { address, checkConfirmedContext, config, optionalBool, optionalString, optionalU64, required, signature, type Config } from '../params';
import type { RpcMethod, RpcMethods } from './types';

/** agave `MAX_GET_SIGNATURE_STATUSES_QUERY_ITEMS` and `MAX_GET_CONFIRMED_SIGNATURES_FOR_ADDRESS2_LIMIT`. */
const MAX_STATUS_QUERIES = 256;
const MAX_SIGNATURES_LIMIT = 1000;

/** Every committed transaction here is final: one node, no forks. */
function statusJson(status: SignatureStatus | null): unknown {
  if (status === null) return null;
  return {
    slot: status.slot,
    confirmations: null,
    err: status.err,
    status: status.err === null ? { Ok: null } : { Err: status.err },
    confirmationStatus: 'finalized',
  };
}

const getSignatureStatuses: RpcMethod = async (chain, params) => {
  const signatures = required(params, 0, 'a list of signatures', (v) => {
    if (!Array.isArray(v)) throw invalidParams('invalid type: expected a sequence of signatures');
    if (v.length > MAX_STATUS_QUERIES) throw invalidParams(`Too many inputs provided; max ${MAX_STATUS_QUERIES}`);
    return v.map(signature);
  });
  const cfg = config(params, 1);
  const statuses = await chain.getSignatureStatuses(signatures, { searchTransactionHistory: optionalBool(cfg, 'searchTransactionHistory') === true });
  return withContext(chain, statuses.map(statusJson));
};

/** `getTransaction`'s second param: a config object or, in the old form, just the encoding. */
function transactionConfig(value: unknown): Config {
  if (typeof value === 'string') return { encoding: value };
  return config([value], 0);
}

const ENCODINGS = new Set(['json', 'jsonParsed', 'base58', 'base64', 'binary']);

/**
 * agave `get_transaction`: null when unknown; a v0 transaction needs `maxSupportedTransactionVersion` ≥ 0 (else
 * -32015); `processed` is refused. Encodings json (default), jsonParsed, base58, base64.
 */
const getTransaction: RpcMethod = async (chain, params) => {
  const sig = required(params, 0, 'a signature', signature);
  const cfg = transactionConfig(params[1]);
  checkConfirmedContext(chain, cfg);
  const encodingName = optionalString(cfg, 'encoding') ?? 'json';
  if (!ENCODINGS.has(encodingName)) throw invalidParams(`unknown variant \`${encodingName}\``);
  const encoding = (encodingName === 'binary' ? 'base58' : encodingName) as TransactionEncoding;
  const maxVersion = optionalU64(cfg, 'maxSupportedTransactionVersion');
  const record = await chain.getTransaction(sig);
  if (record === null) return null;
  if (record.version === 0 && maxVersion === undefined) {
    throw new RpcError(
      RPC_UNSUPPORTED_TRANSACTION_VERSION,
      'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0',
    );
  }
  return encodeConfirmedTransaction(record, encoding, maxVersion !== undefined);
};

/** agave `get_signatures_for_address`: newest first, `limit` 1..1000 (default 1000), `before` / `until` exclusive. */
const getSignaturesForAddress: RpcMethod = async (chain, params) => {
  const key = required(params, 0, 'an address', address);
  const cfg = config(params, 1);
  checkConfirmedContext(chain, cfg);
  const limit = Number(optionalU64(cfg, 'limit') ?? BigInt(MAX_SIGNATURES_LIMIT));
  if (limit < 1 || limit > MAX_SIGNATURES_LIMIT) throw invalidParams(`Invalid limit; max ${MAX_SIGNATURES_LIMIT}`);
  const before = cfg.before === undefined || cfg.before === null ? undefined : signature(cfg.before);
  const until = cfg.until === undefined || cfg.until === null ? undefined : signature(cfg.until);
  const infos = await chain.getSignaturesForAddress(key, { limit, before, until });
  return infos.map((i) => ({
    signature: i.signature,
    slot: i.slot,
    err: i.err,
    memo: i.memo,
    blockTime: i.blockTime,
    confirmationStatus: 'finalized',
  }));
};

export const historyMethods: RpcMethods = { getSignatureStatuses, getTransaction, getSignaturesForAddress };
