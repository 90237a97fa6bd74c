/**
 * The initialisation of a deployment as instruction batches, from lib/math's parameters (protocol.md §3, §4,
 * §8): config, pools and LP mints, escrow vaults, local price accounts, custodies (in pool order), markets; then
 * §9's genesis liquidity. Shared by the local chain's first start, `npm run deploy:program` and the tests.
 */
import type { Address, Instruction } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, POOL_IDS, TOKEN_IDS, type PoolId, type TokenId } from '@/lib/math/ids';
import { FEED_BAND_BPS, GENESIS, MARKETS, POOLS, TOKENS, custodyParams } from '@/lib/math/params';
import { FEED_ID_BYTES } from './feeds';
import { custodyOf, MARKET_INDEX, POOL_INDEX, vaultOf, type ChainAddresses } from './addresses';
import { ORACLE_LOCAL } from './accounts/config';
import type { CustodyParamsAccount } from './accounts/custody';
import { SYSTEM_PROGRAM } from './program-ids';
import {
  initConfigInstruction,
  initCustodyInstruction,
  initEscrowInstruction,
  initMarketInstruction,
  initPoolInstruction,
  initPriceInstruction,
  seedLiquidityInstruction,
} from './instructions/admin';

export interface InitializeInput {
  addresses: ChainAddresses;
  admin: Address;
  oracleAuthority: Address;
  oracleKind: number;
  maxPriceAgeS: bigint;
}

/** The custody parameters of §3/§4/§8 for the program. */
export function custodyParamsAccount(pool: PoolId, token: TokenId): CustodyParamsAccount {
  const p = custodyParams(pool, token);
  return {
    bandBps: token === 'USDC' ? 0n : FEED_BAND_BPS[TOKENS[token].feed],
    targetBps: p.targetBps,
    minBps: p.minBps,
    maxBps: p.maxBps,
    addFeeBps: p.addFeeBps,
    removeFeeBps: p.removeFeeBps,
    swapFeeBps: TOKENS[token].swapFeeBps,
    uOptBps: p.borrow.uOptBps,
    rateAtOptHourly: p.borrow.rateAtOptHourly,
    rateMaxHourly: p.borrow.rateMaxHourly,
  };
}

/** One initialisation transaction: what it is, the account it creates (so a re-run can skip it), its instruction. */
export interface InitStep {
  label: string;
  creates: Address;
  instruction: Instruction;
}

/** Every initialisation instruction, one per transaction, in dependency order. */
export function initializationBatches(i: InitializeInput): Instruction[][] {
  return initializationSteps(i).map((s) => [s.instruction]);
}

/** The same, with each step's label and the account it creates. */
export function initializationSteps(i: InitializeInput): InitStep[] {
  const a = i.addresses;
  const base = { programId: a.programId, admin: i.admin, config: a.config };
  const steps: InitStep[] = [
    { label: 'config', creates: a.config, instruction: initConfigInstruction({ ...base, programData: a.programData, oracleAuthority: i.oracleAuthority, oracleKind: i.oracleKind, maxPriceAgeS: i.maxPriceAgeS }) },
  ];
  for (const pool of POOL_IDS) steps.push({ label: `pool ${pool}`, creates: a.pools[pool], instruction: initPoolInstruction({ ...base, pool: a.pools[pool], lpMint: a.lpMints[pool], index: POOL_INDEX[pool] }) });
  for (const token of TOKEN_IDS) steps.push({ label: `escrow ${token}`, creates: a.escrows[token], instruction: initEscrowInstruction({ ...base, escrow: a.escrows[token], mint: a.mints[token] }) });
  if (i.oracleKind === ORACLE_LOCAL) {
    for (const feed of FEED_IDS) steps.push({ label: `price ${feed}`, creates: a.oracles[feed], instruction: initPriceInstruction({ ...base, price: a.oracles[feed], feedId: FEED_ID_BYTES[feed] }) });
  }
  for (const pool of POOL_IDS) {
    for (const token of POOLS[pool].custodies) {
      steps.push({
        label: `custody ${pool}/${token}`,
        creates: custodyOf(a, pool, token),
        instruction: initCustodyInstruction({
          ...base,
          pool: a.pools[pool],
          custody: custodyOf(a, pool, token),
          mint: a.mints[token],
          vault: vaultOf(a, pool, token),
          escrow: a.escrows[token],
          params: custodyParamsAccount(pool, token),
          oracle: token === 'USDC' ? SYSTEM_PROGRAM : a.oracles[TOKENS[token].feed],
          feedId: FEED_ID_BYTES[TOKENS[token].feed],
        }),
      });
    }
  }
  for (const market of MARKET_IDS) {
    const m = MARKETS[market];
    steps.push({
      label: `market ${market}`,
      creates: a.markets[market],
      instruction: initMarketInstruction({
        ...base,
        pool: a.pools[m.pool],
        market: a.markets[market],
        longCustody: custodyOf(a, m.pool, m.longLockToken),
        shortCustody: custodyOf(a, m.pool, m.shortLockToken),
        index: MARKET_INDEX[market],
        hours: m.marketHours === 'rwa' ? 1 : 0,
        longLocksMarketToken: m.pool === 'ALP',
        maxInitialLeverageBps: m.maxInitialLeverageBps,
        liquidationLeverageBps: m.liquidationLeverageBps,
        closeFeeBps: m.closeFeeBps,
        liquidationFeeBps: m.liquidationFeeBps,
        openFeeBps: m.openFeeBps,
        maxPositionUsd: m.maxPositionUsd,
        openInterestCapUsd: m.openInterestCapUsd,
        oracle: a.oracles[m.feed],
        feedId: FEED_ID_BYTES[m.feed],
      }),
    });
  }
  return steps;
}

export interface SeedInput {
  addresses: ChainAddresses;
  admin: Address;
  /** The admin's token accounts holding §9's amounts. */
  funding: Readonly<Record<TokenId, Address>>;
  /** The genesis account's LP token accounts. */
  lpDestinations: Readonly<Record<PoolId, Address>>;
}

/** §9's genesis liquidity: each pool's custody amounts in, its LP supply minted to the genesis account. */
export function seedBatches(i: SeedInput): Instruction[][] {
  const a = i.addresses;
  return POOL_IDS.map((pool) => [
    seedLiquidityInstruction({
      programId: a.programId,
      admin: i.admin,
      config: a.config,
      pool: a.pools[pool],
      lpMint: a.lpMints[pool],
      lpDestination: i.lpDestinations[pool],
      authority: a.authority,
      lpSupply: GENESIS.pools[pool].lpSupply,
      custodies: POOLS[pool].custodies.map((token) => ({
        custody: custodyOf(a, pool, token),
        vault: vaultOf(a, pool, token),
        funding: i.funding[token],
        amount: GENESIS.pools[pool].custodies[token] ?? 0n,
      })),
    }),
  ]);
}

/** What §9's genesis needs of each token in total (both pools). */
export function genesisTokenTotals(): Record<TokenId, bigint> {
  const totals = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n])) as Record<TokenId, bigint>;
  for (const pool of POOL_IDS) for (const token of POOLS[pool].custodies) totals[token] += GENESIS.pools[pool].custodies[token] ?? 0n;
  return totals;
}

