import { isTokenProgram, parseMint, parseTokenAccount, type TokenAccountsSelector } from '@/lib/validator';
import { withContext } from '../context';
import { accountEncoding, dataSlice, encodeAccount } from '../encode-account';
import { invalidParam, invalidParams } from '../errors';
import { mintDecimals, uiTokenAmount } from '../parsed-token';
import { sortByPubkey } from '../filters';
import { address, checkContext, config, optionalBool, required, type Config } from '../params';
import type { RpcMethod, RpcMethods } from './types';

function selector(value: unknown): TokenAccountsSelector {
  if (typeof value !== 'object' || value === null) throw invalidParams('invalid type: expected { mint } or { programId }');
  const v = value as Config;
  if (typeof v.mint === 'string') return { mint: address(v.mint) };
  if (typeof v.programId === 'string') return { programId: address(v.programId) };
  throw invalidParams('unknown variant, expected `mint` or `programId`');
}

/**
 * agave `get_token_accounts_by_owner`: by mint (which must be a mint on chain) or by token program (Token or
 * Token-2022), from the chain's index of token accounts by wallet, sorted by pubkey; `jsonParsed` gives
 * `parse_token`'s form. The default encoding is `binary`, as agave (too small for a 165-byte account: ask base64).
 */
const getTokenAccountsByOwner: RpcMethod = (chain, params) => {
  const owner = required(params, 0, 'an owner', address);
  const which = required(params, 1, 'a mint or program filter', selector);
  const cfg = config(params, 2);
  checkContext(chain, cfg);
  if ('mint' in which) {
    const mint = chain.getAccount(which.mint);
    if (mint === null || parseMint(mint) === null) throw invalidParam('could not find mint');
  } else if (!isTokenProgram(which.programId)) {
    throw invalidParam('unrecognized Token program id');
  }
  const encoding = accountEncoding(cfg, 'binary');
  const slice = dataSlice(cfg, encoding);
  let found = chain.getTokenAccountsByOwner(owner, which);
  if (optionalBool(cfg, 'sortResults') !== false) found = sortByPubkey(found);
  const value = found.map(({ address: pubkey, account }) => ({ pubkey, account: encodeAccount(chain, account, encoding, slice) }));
  return withContext(chain, value);
};

const getTokenAccountBalance: RpcMethod = (chain, params) => {
  const key = required(params, 0, 'a token account', address);
  checkContext(chain, config(params, 1));
  const account = chain.getAccount(key);
  if (account === null) throw invalidParam('could not find account');
  const state = parseTokenAccount(account);
  if (state === null) throw invalidParam('not a Token account');
  const decimals = mintDecimals(chain, state.mint);
  if (decimals === undefined) throw invalidParam('could not find mint');
  return withContext(chain, uiTokenAmount(state.amount, decimals));
};

const getTokenSupply: RpcMethod = (chain, params) => {
  const key = required(params, 0, 'a mint', address);
  checkContext(chain, config(params, 1));
  const account = chain.getAccount(key);
  if (account === null) throw invalidParam('could not find account');
  if (!isTokenProgram(account.owner)) throw invalidParam('not a Token mint');
  const mint = parseMint(account);
  if (mint === null) throw invalidParam('mint could not be unpacked');
  return withContext(chain, uiTokenAmount(mint.supply, mint.decimals));
};

export const tokenMethods: RpcMethods = { getTokenAccountsByOwner, getTokenAccountBalance, getTokenSupply };
