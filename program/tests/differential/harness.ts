/**
 * The chain side of the differential tests: one §9 world built once (program deployed, genesis done, a few funded
 * traders), saved as LiteSVM bytes, and restored for each run (`Chain`), so every random sequence starts from the
 * same genesis in ~0.1 s instead of a full deployment. Reads decode every account the model keeps.
 */
import type { Address, Instruction, TransactionSigner } from '@solana/kit';
import { getTransferInstruction } from '@solana-program/token';
import { FailedTransactionMetadata, LiteSVM } from 'litesvm';
import { FEED_IDS, MARKET_IDS, POOL_IDS, SIDES, TOKEN_IDS, type FeedId, type MarketId, type PoolId, type Side, type TokenId } from '@/lib/math/ids';
import { createWorld, type Trader } from '@/lib/chain/testing/world';
import { sendInstructions, type SendResult } from '@/lib/chain/testing/svm-send';
import { signInstructions } from '@/lib/chain/loader/transaction';
import { associatedTokenAddress, orderAddress, positionAddress } from '@/lib/chain/pda';
import { sideByte } from '@/lib/chain/accounts/position';
import { decodePoolQuery, queryPoolInstruction, updatePricesInstruction } from '@/lib/chain/instructions';
import { customErrorNumber, loggedErrorCode, programErrorCode, type ProgramErrorCode } from '@/lib/chain/errors';
import type { ChainAddresses } from '@/lib/chain/addresses';
import { transactionErrorJson } from '@/lib/validator/svm-errors';

/** Funds of the rich traders (0–2) and of the poor one (3), who runs into INSUFFICIENT_BALANCE. */
const RICH: Record<TokenId, bigint> = { USDC: 20_000_000_000_000n, SOL: 200_000_000_000_000n, WBTC: 20_000_000_000n, BONK: 10_000_000_000_000_000n };
const POOR: Record<TokenId, bigint> = { USDC: 60_000_000n, SOL: 300_000_000n, WBTC: 50_000n, BONK: 2_000_000_000n };
/** LP tokens handed from the genesis account to traders 0 and 1, so that removals can reach the bands. */
const LP_GIFT: Record<PoolId, bigint> = { ALP: 600_000_000_000n, RWALP: 150_000_000_000n };

export type PositionAddresses = Record<string, Address>;

export interface Base {
  bytes: Uint8Array;
  addresses: ChainAddresses;
  oracleAuthority: TransactionSigner;
  keeper: TransactionSigner;
  traders: Trader[];
  nowS: bigint;
  maxPriceAgeS: bigint;
  /** `${owner}:${market}:${side}` → the position PDA. */
  positions: PositionAddresses;
  /** `${owner}:${slot}` → the order PDA (slots 0..15). */
  orders: Record<string, Address>;
}

export const ORDER_SLOTS = 16;
export const orderKey = (owner: string, slot: number): string => `${owner}:${slot}`;

export const positionKey = (owner: string, market: MarketId, side: Side): string => `${owner}:${market}:${side}`;

let cached: Promise<Base> | undefined;

/** The genesis world with four traders, built once per test file. */
export function base(): Promise<Base> {
  cached ??= buildBase();
  return cached;
}

async function buildBase(): Promise<Base> {
  const w = await createWorld();
  const traders: Trader[] = [];
  for (let i = 0; i < 4; i++) traders.push(await w.trader(i < 3 ? RICH : POOR));
  for (const pool of POOL_IDS) {
    const source = await associatedTokenAddress(w.admin.address, w.addresses.lpMints[pool]);
    const gifts: Instruction[] = [0, 1].map((i) => getTransferInstruction({ source, destination: traders[i]!.lpAccounts[pool], authority: w.admin, amount: LP_GIFT[pool] }));
    await w.must(gifts, [w.admin]);
  }
  const positions: PositionAddresses = {};
  for (const t of traders) {
    for (const market of MARKET_IDS) {
      for (const side of SIDES) positions[positionKey(t.address, market, side)] = await positionAddress(w.addresses.programId, t.address, w.addresses.markets[market], sideByte(side));
    }
  }
  const orders: Record<string, Address> = {};
  for (const t of traders) for (let slot = 0; slot < ORDER_SLOTS; slot++) orders[orderKey(t.address, slot)] = await orderAddress(w.addresses.programId, t.address, slot);
  return { bytes: w.svm.toBytes(), addresses: w.addresses, oracleAuthority: w.oracleAuthority, keeper: w.keeper, traders, nowS: w.nowS(), maxPriceAgeS: 30n, positions, orders };
}

export type QueryResult = { ok: true; aumUsd: bigint; supply: bigint; lpPriceUsd: bigint } | { ok: false; code: ProgramErrorCode | undefined };

/** One run's chain: a fresh copy of the base world. */
export class Chain {
  readonly svm: LiteSVM;
  private now: bigint;

  /** QueryPool transactions signed once (the blockhash check is off on this copy: reads only, see queryPool). */
  private readonly queries = new Map<PoolId, Awaited<ReturnType<typeof signInstructions>>>();

  constructor(readonly base: Base) {
    this.svm = LiteSVM.fromBytes(base.bytes).withBlockhashCheck(false);
    this.now = base.nowS;
    this.setNow(base.nowS);
  }

  get addresses(): ChainAddresses {
    return this.base.addresses;
  }

  nowS(): bigint {
    return this.now;
  }

  setNow(nowS: bigint): void {
    this.now = nowS;
    const clock = this.svm.getClock();
    clock.unixTimestamp = nowS;
    this.svm.setClock(clock);
  }

  advance(seconds: bigint): void {
    this.setNow(this.now + seconds);
  }

  send(instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<SendResult> {
    return sendInstructions(this.svm, instructions, signers);
  }

  /** The oracle authority writes `prices` (publish time: now). */
  setPrices(prices: Partial<Record<FeedId, bigint>>): Promise<SendResult> {
    const updates = FEED_IDS.filter((f) => prices[f] !== undefined).map((f) => ({ account: this.addresses.oracles[f], price: prices[f]!, publishTime: this.now }));
    const ix = updatePricesInstruction({ programId: this.addresses.programId, authority: this.base.oracleAuthority.address, config: this.addresses.config, updates });
    return this.send([ix], [this.base.oracleAuthority]);
  }

  data(address: Address): Uint8Array | undefined {
    const acc = this.svm.getAccount(address);
    return acc.exists && acc.data.length > 0 ? new Uint8Array(acc.data) : undefined;
  }

  tokenBalance(address: Address): bigint {
    const d = this.data(address);
    return d && d.length === 165 ? new DataView(d.buffer, d.byteOffset).getBigUint64(64, true) : 0n;
  }

  /** Simulates QueryPool (read-only): AUM, LP supply and LP price from its return data, or the refusal. */
  async queryPool(pool: PoolId): Promise<QueryResult> {
    let tx = this.queries.get(pool);
    if (!tx) {
      // Signed once and simulated after every step: without the blockhash check, one signature serves the whole
      // run (every sent transaction is still signed afresh against the latest blockhash by svm-send).
      tx = await signInstructions([queryPoolInstruction(this.addresses, pool)], this.base.keeper, { blockhash: this.svm.latestBlockhash(), lastValidBlockHeight: 0n });
      this.queries.set(pool, tx);
    }
    const r = this.svm.simulateTransaction(tx);
    if (r instanceof FailedTransactionMetadata) {
      const number = customErrorNumber(transactionErrorJson(r));
      return { ok: false, code: loggedErrorCode(r.meta().logs()) ?? (number === undefined ? undefined : programErrorCode(number)) };
    }
    return { ok: true, ...decodePoolQuery(r.meta().returnData().data()) };
  }
}

export const ASSETS = [...TOKEN_IDS, ...POOL_IDS] as const;
export type Asset = (typeof ASSETS)[number];

/** A trader's token account of an asset (a token or an LP mint). */
export function accountOf(t: Trader, asset: Asset): Address {
  return asset === 'ALP' || asset === 'RWALP' ? t.lpAccounts[asset] : t.tokenAccounts[asset];
}
