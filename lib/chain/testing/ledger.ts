/**
 * Where every token is, by the program's state and by the token accounts: what the conservation property
 * compares. Each custody's vault must hold exactly its `owned + collateral`; each escrow the sum of its mint's
 * orders; each custody's `locked` and `collateral` are the sums over the positions that lock it; each market side's
 * aggregate counts and sizes its positions; every mint's supply is the sum of its token accounts.
 */
import type { Address } from '@solana/kit';
import { MARKET_IDS, POOL_IDS, TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { POOLS } from '@/lib/math/params';
import { custodyOf, vaultOf } from '../addresses';
import { decodeCustody, decodeMarket, decodeMintSupply, decodeOrder, decodePosition, decodeTokenAccount, type OrderAccount, type PositionAccount } from '../accounts';
import { accountKind } from '../tags';
import { NATIVE_MINT, TOKEN_PROGRAM } from '../program-ids';
import type { World } from './world';

export function programPositions(w: World): { address: Address; position: PositionAccount }[] {
  return w.svm
    .getProgramAccounts(w.addresses.programId)
    .filter((a) => a.data.length > 0 && accountKind(Uint8Array.from(a.data)) === 'position')
    .map((a) => ({ address: a.address, position: decodePosition(Uint8Array.from(a.data)) }));
}

export function programOrders(w: World): { address: Address; order: OrderAccount }[] {
  return w.svm
    .getProgramAccounts(w.addresses.programId)
    .filter((a) => a.data.length > 0 && accountKind(Uint8Array.from(a.data)) === 'order')
    .map((a) => ({ address: a.address, order: decodeOrder(Uint8Array.from(a.data)) }));
}

/** Every discrepancy between the state and the tokens, one line each; empty when the books balance. */
export function ledgerMismatches(w: World): string[] {
  const out: string[] = [];
  const a = w.addresses;
  const positions = programPositions(w);
  const orders = programOrders(w);
  for (const pool of POOL_IDS) {
    for (const token of POOLS[pool].custodies) {
      const address = custodyOf(a, pool, token);
      const c = decodeCustody(w.data(address)!);
      const vault = w.tokenBalance(vaultOf(a, pool, token));
      if (vault !== c.owned + c.collateral) out.push(`${pool}/${token} vault ${vault} ≠ owned ${c.owned} + collateral ${c.collateral}`);
      const mine = positions.filter((p) => p.position.custody === address).map((p) => p.position.state);
      const locked = mine.reduce((s, p) => s + p.lockAmount, 0n);
      const collateral = mine.reduce((s, p) => s + p.collateralAmount, 0n);
      if (locked !== c.locked) out.push(`${pool}/${token} locked ${c.locked} ≠ Σ position locks ${locked}`);
      if (collateral !== c.collateral) out.push(`${pool}/${token} collateral ${c.collateral} ≠ Σ position collateral ${collateral}`);
    }
  }
  for (const token of TOKEN_IDS) {
    const escrow = w.tokenBalance(a.escrows[token]);
    const held = orders.filter((o) => o.order.escrow === a.escrows[token]).reduce((s, o) => s + o.order.collateralAmount, 0n);
    if (escrow !== held) out.push(`${token} escrow ${escrow} ≠ Σ orders ${held}`);
  }
  for (const id of MARKET_IDS) {
    const m = decodeMarket(w.data(a.markets[id])!);
    for (const side of ['long', 'short'] as const) {
      const mine = positions.filter((p) => p.position.market === a.markets[id] && p.position.state.side === side);
      const size = mine.reduce((s, p) => s + p.position.state.sizeUsd, 0n);
      if (m[side].sizeUsd !== size || m[side].count !== BigInt(mine.length)) out.push(`${id} ${side} aggregate ${m[side].sizeUsd}/${m[side].count} ≠ Σ ${size}/${mine.length}`);
    }
  }
  const accounts = w.svm.getProgramAccounts(TOKEN_PROGRAM).filter((x) => x.data.length === 165).map((x) => decodeTokenAccount(Uint8Array.from(x.data)));
  const mints: Address[] = [...TOKEN_IDS.map((t: TokenId) => a.mints[t]).filter((m) => m !== NATIVE_MINT), a.lpMints.ALP, a.lpMints.RWALP];
  for (const mint of mints) {
    const supply = decodeMintSupply(w.data(mint)!).supply;
    const sum = accounts.filter((x) => x.mint === mint).reduce((s, x) => s + x.amount, 0n);
    if (supply !== sum) out.push(`mint ${mint}: supply ${supply} ≠ Σ accounts ${sum}`);
  }
  return out;
}
