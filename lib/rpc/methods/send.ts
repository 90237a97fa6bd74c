import type { Address } from '@solana/kit';
import { decodeTransaction, type SimulationResult } from '@/lib/validator';
import { returnDataJson } from '../chain-errors';
import { withContext } from '../context';
import { accountEncoding, encodeAccount } from '../encode-account';
import { uiInnerInstructions } from '../encode-transaction';
import { invalidParams } from '../errors';
import { address, checkContext, config, optionalBool, required, u64, type Config } from '../params';
import { decodeWireParam } from '../wire';
import type { RpcMethod, RpcMethods } from './types';

/**
 * agave `send_transaction`: decode (base58 by default), preflight unless `skipPreflight` (a failure is -32002 with
 * the simulation), then the signature. Here the answer comes once the transaction is executed and committed, so a
 * client polling `getSignatureStatuses` finds it at once.
 */
const sendTransaction: RpcMethod = async (chain, params) => {
  const cfg = config(params, 1);
  const wire = required(params, 0, 'a transaction', (v) => decodeWireParam(v, cfg));
  checkContext(chain, cfg, 'preflightCommitment');
  const result = await chain.sendTransaction(wire, { skipPreflight: optionalBool(cfg, 'skipPreflight') === true });
  return result.signature;
};

function simulationAccounts(cfg: Config): { addresses: Address[]; encoding: ReturnType<typeof accountEncoding> } | undefined {
  const value = cfg.accounts;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || !Array.isArray((value as Config).addresses)) {
    throw invalidParams('invalid type: accounts must be { addresses, encoding }');
  }
  const accounts = value as Config;
  const encoding = accountEncoding(accounts, 'base64');
  if (encoding === 'binary' || encoding === 'base58') throw invalidParams('base58 encoding not supported');
  return { addresses: (accounts.addresses as unknown[]).map(address), encoding };
}

function simulationJson(chain: Parameters<RpcMethod>[0], sim: SimulationResult, encoding: ReturnType<typeof accountEncoding>, inner: boolean): Record<string, unknown> {
  return {
    err: sim.err,
    logs: sim.logs,
    accounts: sim.accounts === null ? null : sim.accounts.map((a) => (a === null ? null : encodeAccount(chain, a, encoding))),
    unitsConsumed: sim.unitsConsumed,
    returnData: returnDataJson(sim),
    innerInstructions: inner ? uiInnerInstructions(sim.innerInstructions) : null,
    replacementBlockhash: sim.replacementBlockhash,
    fee: sim.fee,
    preBalances: sim.preBalances,
    postBalances: sim.postBalances,
    preTokenBalances: null,
    postTokenBalances: null,
    loadedAddresses: { writable: sim.loadedAddresses.writable, readonly: sim.loadedAddresses.readonly },
  };
}

/**
 * agave `simulate_transaction`: `sigVerify` (default false; a bad signature is -32003), `replaceRecentBlockhash`
 * (not with `sigVerify`; the blockhash used comes back as `replacementBlockhash`), post-simulation `accounts`,
 * `innerInstructions`. A stale blockhash or a processed signature simulates to that error.
 */
const simulateTransaction: RpcMethod = (chain, params) => {
  const cfg = config(params, 1);
  const wire = required(params, 0, 'a transaction', (v) => decodeWireParam(v, cfg));
  checkContext(chain, cfg);
  const sigVerify = optionalBool(cfg, 'sigVerify') === true;
  const replaceRecentBlockhash = optionalBool(cfg, 'replaceRecentBlockhash') === true;
  if (sigVerify && replaceRecentBlockhash) throw invalidParams('sigVerify may not be used with replaceRecentBlockhash');
  const accounts = simulationAccounts(cfg);
  if (accounts !== undefined) {
    const tx = decodeTransaction(wire);
    const keys = tx.staticAccounts.length + tx.lookups.reduce((n, l) => n + l.writableIndexes.length + l.readonlyIndexes.length, 0);
    if (accounts.addresses.length > keys) throw invalidParams(`Too many accounts provided; max ${keys}`);
  }
  const sim = chain.simulateTransaction(wire, { sigVerify, replaceRecentBlockhash, accounts: accounts?.addresses });
  const inner = optionalBool(cfg, 'innerInstructions') === true;
  return withContext(chain, simulationJson(chain, sim, accounts?.encoding ?? 'base64', inner));
};

/** agave `request_airdrop`: a transfer from the chain's faucet, answered with its signature once committed. */
const requestAirdrop: RpcMethod = async (chain, params) => {
  const to = required(params, 0, 'an address', address);
  const lamports = required(params, 1, 'an amount of lamports', (v) => u64(v, 'lamports'));
  checkContext(chain, config(params, 2));
  return chain.airdrop(to, lamports);
};

export const sendMethods: RpcMethods = { sendTransaction, simulateTransaction, requestAirdrop };
