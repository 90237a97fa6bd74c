import { withContext } from '../context';
import { accountEncoding, dataSlice, encodeAccount } from '../encode-account';
import { invalidParams } from '../errors';
import { keepTokenAccounts, parseFilters, sortByPubkey } from '../filters';
import { address, checkContext, config, optionalBool, required } from '../params';
import type { RpcMethods } from './types';

/** agave `MAX_MULTIPLE_ACCOUNTS`. */
const MAX_MULTIPLE_ACCOUNTS = 100;

/** Account reads, answered from the chain's committed state (agave `rpc_accounts`, `rpc_accounts_scan`). */
export const accountMethods: RpcMethods = {
  getBalance: (chain, params) => {
    const key = required(params, 0, 'an address', address);
    checkContext(chain, config(params, 1));
    return withContext(chain, chain.getBalance(key));
  },

  /** Default encoding `binary` (bare base58, small data only), as agave. */
  getAccountInfo: (chain, params) => {
    const key = required(params, 0, 'an address', address);
    const cfg = config(params, 1);
    checkContext(chain, cfg);
    const encoding = accountEncoding(cfg, 'binary');
    const slice = dataSlice(cfg, encoding);
    const account = chain.getAccount(key);
    return withContext(chain, account === null ? null : encodeAccount(chain, account, encoding, slice));
  },

  /** Default encoding `base64`, as agave. */
  getMultipleAccounts: (chain, params) => {
    const keys = required(params, 0, 'a list of addresses', (v) => {
      if (!Array.isArray(v)) throw invalidParams('invalid type: expected a sequence of addresses');
      if (v.length > MAX_MULTIPLE_ACCOUNTS) throw invalidParams(`Too many inputs provided; max ${MAX_MULTIPLE_ACCOUNTS}`);
      return v.map(address);
    });
    const cfg = config(params, 1);
    checkContext(chain, cfg);
    const encoding = accountEncoding(cfg, 'base64');
    const slice = dataSlice(cfg, encoding);
    return withContext(
      chain,
      chain.getMultipleAccounts(keys).map((account) => (account === null ? null : encodeAccount(chain, account, encoding, slice))),
    );
  },

  /**
   * Accounts owned by a program, from the chain's in-memory owner index, filtered by `memcmp` (base58 by default,
   * base64 with `encoding`, or raw bytes) and `dataSize`, sorted by pubkey unless `sortResults: false`; with
   * `withContext` the list comes in a `{context, value}`.
   */
  getProgramAccounts: (chain, params) => {
    const owner = required(params, 0, 'a program id', address);
    const cfg = config(params, 1);
    checkContext(chain, cfg);
    const encoding = accountEncoding(cfg, 'binary');
    const slice = dataSlice(cfg, encoding);
    const { filters, tokenAccountState } = parseFilters(cfg);
    let found = chain.getProgramAccounts(owner, filters);
    if (tokenAccountState) found = keepTokenAccounts(found);
    if (optionalBool(cfg, 'sortResults') !== false) found = sortByPubkey(found);
    const value = found.map(({ address: pubkey, account }) => ({ pubkey, account: encodeAccount(chain, account, encoding, slice) }));
    return optionalBool(cfg, 'withContext') === true ? withContext(chain, value) : value;
  },
};
