/**
 * Open positions at scale on the local chain for the keeper bench, without 100,000 transactions: one "calm" SOL
 * short (2x, $10) is opened through the program, then copied with `LocalChain.setAccount`: each copy is the
 * template's bytes with its own owner (a random address), at its own position PDA (owner, market, side) with that
 * PDA's bump, and its own entry price (spread by a cent). The SOL short aggregate and the ALP USDC custody's
 * `locked` / `collateral` are moved by exactly what the copies add (lib/math's aggregate terms), and the custody's
 * vault receives the copies' collateral through a real mint, so liquidations, AUM and token supplies stay
 * consistent. The copies enter ChainState (and the keeper's index) through the chain's commits.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getAddressDecoder, getAddressEncoder, type Address } from '@solana/kit';
import { getMintToInstruction } from '@solana-program/token';
import { ed25519 } from '@noble/curves/ed25519.js';
import { aggregateTerms, addToAggregate } from '@/lib/math/aggregates';
import { decodeCustody, decodeMarket, decodePosition, encodeCustody } from '@/lib/chain/accounts';
import { positionAddress } from '@/lib/chain/pda';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import type { KeeperWorld } from '@/lib/keeper/testing';

const encoder = getAddressEncoder();
const decoder = getAddressDecoder();
const PDA_MARKER = new TextEncoder().encode('ProgramDerivedAddress');

function onCurve(bytes: Uint8Array): boolean {
  try {
    ed25519.Point.fromBytes(bytes);
    return true;
  } catch {
    return false;
  }
}

/** findProgramAddress, synchronously (Node's sha256; the bench derives 100,000). */
export function findPda(programId: Address, seeds: readonly Uint8Array[]): { address: Address; bump: number } {
  const program = Uint8Array.from(encoder.encode(programId));
  for (let bump = 255; bump >= 0; bump--) {
    const h = createHash('sha256');
    for (const s of seeds) h.update(s);
    h.update(Uint8Array.of(bump)).update(program).update(PDA_MARKER);
    const digest = new Uint8Array(h.digest());
    if (!onCurve(digest)) return { address: decoder.decode(digest), bump };
  }
  throw new Error('no PDA bump');
}

function writeU64(data: Uint8Array, at: number, v: bigint): void {
  new DataView(data.buffer, data.byteOffset).setBigUint64(at, v, true);
}

function writeU128(data: Uint8Array, at: number, v: bigint): void {
  writeU64(data, at, v & 0xffff_ffff_ffff_ffffn);
  writeU64(data, at + 8, v >> 64n);
}

/** Byte offset of the short side's aggregate in a Market account (lib/chain/accounts/market.ts). */
const SHORT_AGGREGATE = 288;

export async function seedPositionCopies(w: KeeperWorld, template: Address, count: number, log: (m: string) => void): Promise<number> {
  const started = performance.now();
  const chain = w.runtime.local!;
  const a = w.runtime.addresses;
  const source = chain.getAccount(template);
  if (!source) throw new Error('no template position');
  const t = decodePosition(source.data);
  if (t.state.side !== 'short') throw new Error('the template must be a short');
  const marketAddress = t.market;
  // The PDA derivation here must be the program's: checked against kit's for the first copies.
  const owners = Array.from({ length: count }, () => decoder.decode(randomBytes(32)));
  for (const owner of owners.slice(0, 3)) {
    const mine = findPda(a.programId, [new TextEncoder().encode('position'), encoder.encode(owner) as Uint8Array, encoder.encode(marketAddress) as Uint8Array, Uint8Array.of(1)]);
    if (mine.address !== (await positionAddress(a.programId, owner, marketAddress, 1))) throw new Error('PDA derivation differs from kit');
  }
  const market = decodeMarket(chain.getAccount(marketAddress)!.data);
  let agg = market.short;
  let locked = 0n;
  let collateral = 0n;
  const writes: Promise<void>[] = [];
  const seed = new TextEncoder().encode('position');
  for (let i = 0; i < count; i++) {
    const owner = owners[i]!;
    const { address, bump } = findPda(a.programId, [seed, encoder.encode(owner) as Uint8Array, encoder.encode(marketAddress) as Uint8Array, Uint8Array.of(1)]);
    const data = Uint8Array.from(source.data);
    data.set(encoder.encode(owner), 8);
    data[105] = bump;
    const entryPrice = t.state.entryPrice + BigInt(i) * 100_000_000n;
    writeU64(data, 136, entryPrice);
    const state = { ...t.state, entryPrice };
    agg = addToAggregate({ agg, position: state });
    locked += state.lockAmount;
    collateral += state.collateralAmount;
    writes.push(chain.setAccount(address, { ...source, data }));
    if (writes.length >= 2_000) {
      await Promise.all(writes.splice(0));
      if (i % 20_000 < 2_000) log(`  ${i + 1} copies written`);
    }
  }
  await Promise.all(writes);
  // The aggregate and the custody take exactly what the copies add.
  const marketAccount = chain.getAccount(marketAddress)!;
  const m = Uint8Array.from(marketAccount.data);
  writeU64(m, SHORT_AGGREGATE, agg.sizeUsd);
  writeU128(m, SHORT_AGGREGATE + 8, agg.sizeOverEntry);
  writeU64(m, SHORT_AGGREGATE + 24, agg.carriedInterestUsd);
  writeU128(m, SHORT_AGGREGATE + 32, agg.sizeTimesSnapshot);
  writeU64(m, SHORT_AGGREGATE + 48, agg.count);
  const check = decodeMarket(m).short;
  if (check.sizeUsd !== agg.sizeUsd || check.count !== agg.count || check.sizeOverEntry !== agg.sizeOverEntry) throw new Error('market aggregate encoding');
  if (aggregateTerms(t.state).count !== 1n) throw new Error('aggregate terms');
  await chain.setAccount(marketAddress, { ...marketAccount, data: m });
  const custodyAddress = custodyOf(a, 'ALP', 'USDC');
  const custodyAccount = chain.getAccount(custodyAddress)!;
  const c = decodeCustody(custodyAccount.data);
  await chain.setAccount(custodyAddress, { ...custodyAccount, data: encodeCustody({ ...c, locked: c.locked + locked, collateral: c.collateral + collateral }) });
  const mintAuthority = w.runtime.keys.mintAuthority!;
  await w.send([getMintToInstruction({ mint: a.mints.USDC, token: vaultOf(a, 'ALP', 'USDC'), mintAuthority, amount: collateral })], [mintAuthority]);
  return performance.now() - started;
}
