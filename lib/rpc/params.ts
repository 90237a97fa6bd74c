import { isAddress, type Address } from '@solana/kit';
import bs58 from 'bs58';
import type { LocalChain } from '@/lib/validator';
import { invalidParam, invalidParams, RPC_MIN_CONTEXT_SLOT_NOT_REACHED, RpcError } from './errors';

export type Config = Readonly<Record<string, unknown>>;

/** Solana's commitments (and the deprecated aliases agave still accepts). This chain answers committed state for all. */
const COMMITMENTS = new Set(['processed', 'confirmed', 'finalized', 'recent', 'single', 'singleGossip', 'root', 'max']);

export function paramList(params: unknown): readonly unknown[] {
  if (params === undefined || params === null) return [];
  if (Array.isArray(params)) return params;
  throw invalidParams('invalid type: map, expected a sequence');
}

export function required<T>(params: readonly unknown[], index: number, what: string, parse: (v: unknown) => T): T {
  if (params.length <= index || params[index] === undefined) throw invalidParams(`invalid length ${params.length}, expected ${what}`);
  return parse(params[index]);
}

export function address(value: unknown): Address {
  if (typeof value !== 'string') throw invalidParams('invalid type: expected a base-58 encoded public key');
  if (!isAddress(value)) throw invalidParam(bs58Length(value) === null ? 'Invalid' : 'WrongSize');
  return value;
}

function bs58Length(text: string): number | null {
  try {
    return bs58.decode(text).length;
  } catch {
    return null;
  }
}

export function signature(value: unknown): string {
  if (typeof value !== 'string' || bs58Length(value) !== 64) throw invalidParam('Invalid');
  return value;
}

/** The optional config object at `index` (agave rejects anything but an object or null there). */
export function config(params: readonly unknown[], index: number): Config {
  const value = params[index];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParams(`invalid type: expected a config object at position ${index}`);
  return value as Config;
}

/** A u64 given as a JSON number (or, beyond 2^53, the bigint our parser made of it). */
export function u64(value: unknown, what = 'u64'): bigint {
  if (typeof value === 'bigint' && value >= 0n && value < 1n << 64n) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  throw invalidParams(`invalid type: expected ${what}`);
}

export function optionalU64(cfg: Config, key: string): bigint | undefined {
  const v = cfg[key];
  return v === undefined || v === null ? undefined : u64(v, key);
}

export function optionalBool(cfg: Config, key: string): boolean | undefined {
  const v = cfg[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalidParams(`invalid type: expected a boolean for ${key}`);
  return v;
}

export function optionalString(cfg: Config, key: string): string | undefined {
  const v = cfg[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParams(`invalid type: expected a string for ${key}`);
  return v;
}

/**
 * `commitment` and `minContextSlot` of an `RpcContextConfig`: any commitment is accepted (they all see the same
 * committed state here); a `minContextSlot` above the current slot is agave's -32016.
 */
export function checkContext(chain: LocalChain, cfg: Config, commitmentKey = 'commitment'): void {
  const commitment = optionalString(cfg, commitmentKey);
  if (commitment !== undefined && !COMMITMENTS.has(commitment)) throw invalidParams(`unknown variant \`${commitment}\``);
  const minContextSlot = optionalU64(cfg, 'minContextSlot');
  if (minContextSlot !== undefined && minContextSlot > chain.slot) {
    throw new RpcError(RPC_MIN_CONTEXT_SLOT_NOT_REACHED, 'Minimum context slot has not been reached', { contextSlot: chain.slot });
  }
}

/** Methods reading the ledger refuse `processed` (agave: "Method does not support commitment below `confirmed`"). */
export function checkConfirmedContext(chain: LocalChain, cfg: Config): void {
  checkContext(chain, cfg);
  const commitment = optionalString(cfg, 'commitment');
  if (commitment === 'processed' || commitment === 'recent') {
    throw invalidParams('Method does not support commitment below `confirmed`');
  }
}
