/**
 * On-chain conservation (issue 15: the ledger check turned into an on-chain check): every vault's token balance
 * equals what the program's state says it holds, and every supply equals the sum of balances.
 * - a custody's vault holds exactly `owned + collateral`; `locked ≤ owned`;
 * - a custody's `locked` and `collateral` are the sums over its positions;
 * - a market side's aggregate size and count are the sums over its positions;
 * - each escrow vault holds exactly the orders escrowed in it;
 * - each SPL mint's supply (USDC, WBTC, BONK, ALP, RWALP) equals the sum of its token accounts.
 */
import type { Address } from '@solana/kit';
import type { CustodyAccount, MarketAccount, OrderAccount, PositionAccount, TokenAccountData } from '@/lib/chain/accounts';

export interface ChainLedger {
  custodies: ReadonlyMap<Address, CustodyAccount>;
  markets: ReadonlyMap<Address, MarketAccount>;
  positions: readonly PositionAccount[];
  orders: readonly OrderAccount[];
  /** Every SPL token account, by address. */
  tokenAccounts: ReadonlyMap<Address, TokenAccountData>;
  /** Supply per mint (the mints to check). */
  supplies: ReadonlyMap<Address, bigint>;
}

export interface Violation {
  rule: 'vault' | 'locked-over-owned' | 'custody-locked' | 'custody-collateral' | 'aggregate' | 'escrow' | 'supply';
  message: string;
}

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

function custodyRules(l: ChainLedger): Violation[] {
  const out: Violation[] = [];
  for (const [address, c] of l.custodies) {
    const vault = l.tokenAccounts.get(c.vault)?.amount ?? 0n;
    if (vault !== c.owned + c.collateral) out.push({ rule: 'vault', message: `custody ${address}: vault holds ${vault}, state says owned ${c.owned} + collateral ${c.collateral} = ${c.owned + c.collateral}` });
    if (c.locked > c.owned) out.push({ rule: 'locked-over-owned', message: `custody ${address}: locked ${c.locked} > owned ${c.owned}` });
    const mine = l.positions.filter((p) => p.custody === address);
    const locked = sum(mine.map((p) => p.state.lockAmount));
    const collateral = sum(mine.map((p) => p.state.collateralAmount));
    if (locked !== c.locked) out.push({ rule: 'custody-locked', message: `custody ${address}: locked ${c.locked}, positions lock ${locked}` });
    if (collateral !== c.collateral) out.push({ rule: 'custody-collateral', message: `custody ${address}: collateral ${c.collateral}, positions hold ${collateral}` });
  }
  return out;
}

function aggregateRules(l: ChainLedger): Violation[] {
  const out: Violation[] = [];
  for (const [address, m] of l.markets) {
    for (const side of ['long', 'short'] as const) {
      const mine = l.positions.filter((p) => p.market === address && p.state.side === side);
      const agg = side === 'long' ? m.long : m.short;
      const size = sum(mine.map((p) => p.state.sizeUsd));
      if (agg.sizeUsd !== size || agg.count !== BigInt(mine.length)) {
        out.push({ rule: 'aggregate', message: `market ${address} ${side}: aggregate ${agg.sizeUsd} over ${agg.count}, positions ${size} over ${mine.length}` });
      }
    }
  }
  return out;
}

function escrowRules(l: ChainLedger): Violation[] {
  const escrows = new Set(l.orders.map((o) => o.escrow));
  for (const c of l.custodies.values()) escrows.add(c.escrow);
  const out: Violation[] = [];
  for (const escrow of escrows) {
    const held = l.tokenAccounts.get(escrow)?.amount ?? 0n;
    const owed = sum(l.orders.filter((o) => o.escrow === escrow).map((o) => o.collateralAmount));
    if (held !== owed) out.push({ rule: 'escrow', message: `escrow ${escrow}: holds ${held}, orders escrowed ${owed}` });
  }
  return out;
}

function supplyRules(l: ChainLedger): Violation[] {
  const out: Violation[] = [];
  for (const [mint, supply] of l.supplies) {
    const held = sum([...l.tokenAccounts.values()].filter((t) => t.mint === mint).map((t) => t.amount));
    if (held !== supply) out.push({ rule: 'supply', message: `mint ${mint}: supply ${supply}, token accounts hold ${held} (${held > supply ? 'created' : 'lost'} ${held > supply ? held - supply : supply - held})` });
  }
  return out;
}

export function checkConservation(l: ChainLedger): Violation[] {
  return [...custodyRules(l), ...aggregateRules(l), ...escrowRules(l), ...supplyRules(l)];
}
