/**
 * The program's state as the server holds it: every program account decoded (config, pools, custodies, markets,
 * price accounts, positions, orders) and the LP supplies, kept current from the chain's commits (local) or by
 * polling (a real cluster). Reads (/api/markets, /api/pools, accounts), the keeper and the stream use it.
 */
import type { Address } from '@solana/kit';
import { FEED_IDS, POOL_IDS, type FeedId, type PoolId } from '@/lib/math/ids';
import type { ChainAddresses } from '@/lib/chain/addresses';
import {
  decodeConfig,
  decodeCustody,
  decodeMarket,
  decodeMintSupply,
  decodeOrder,
  decodePool,
  decodePosition,
  decodePrice,
  type ConfigAccount,
  type CustodyAccount,
  type MarketAccount,
  type OrderAccount,
  type PoolAccount,
  type PositionAccount,
  type PriceAccount,
} from '@/lib/chain/accounts';
import { accountKind } from '@/lib/chain/tags';
import { PYTH_RECEIVER } from '@/lib/chain/program-ids';
import { decodePriceUpdateV2 } from './pyth-price';

export type StateChange =
  | { kind: 'position'; address: Address; position: PositionAccount | null; previous: PositionAccount | null }
  | { kind: 'order'; address: Address; order: OrderAccount | null; previous: OrderAccount | null }
  | { kind: 'price'; address: Address; price: PriceAccount }
  | { kind: 'custody' | 'market' | 'pool' | 'lpSupply'; address: Address };

export class ChainState {
  config: ConfigAccount | undefined;
  readonly pools = new Map<Address, PoolAccount>();
  readonly custodies = new Map<Address, CustodyAccount>();
  readonly markets = new Map<Address, MarketAccount>();
  readonly prices = new Map<Address, PriceAccount>();
  readonly positions = new Map<Address, PositionAccount>();
  readonly orders = new Map<Address, OrderAccount>();
  readonly lpSupply = new Map<PoolId, bigint>();
  private readonly byOwner = new Map<Address, Set<Address>>();
  private readonly listeners = new Set<(changes: readonly StateChange[]) => void>();
  private readonly lpMintPool: Map<Address, PoolId>;
  private readonly oracleFeed: Map<Address, FeedId>;

  constructor(readonly addresses: ChainAddresses) {
    this.lpMintPool = new Map(POOL_IDS.map((p) => [addresses.lpMints[p], p]));
    this.oracleFeed = new Map(FEED_IDS.map((f) => [addresses.oracles[f], f]));
  }

  onChange(listener: (changes: readonly StateChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies written accounts (null: deleted); announces what changed in one call. */
  apply(accounts: Iterable<readonly [Address, { owner: Address; data: Uint8Array } | null]>): void {
    const changes: StateChange[] = [];
    for (const [address, account] of accounts) {
      const change = this.applyOne(address, account);
      if (change) changes.push(change);
    }
    if (changes.length === 0) return;
    for (const l of this.listeners) l(changes);
  }

  /** The owner's positions and orders (addresses). */
  ownedBy(owner: Address): { positions: PositionAccount[]; orders: [Address, OrderAccount][]; positionAddresses: Address[] } {
    const keys = [...(this.byOwner.get(owner) ?? [])];
    const positionAddresses = keys.filter((k) => this.positions.has(k));
    return {
      positions: positionAddresses.map((k) => this.positions.get(k)!),
      positionAddresses,
      orders: keys.flatMap((k) => {
        const o = this.orders.get(k);
        return o ? [[k, o] as [Address, OrderAccount]] : [];
      }),
    };
  }

  private index(owner: Address, address: Address, present: boolean): void {
    let set = this.byOwner.get(owner);
    if (!set) this.byOwner.set(owner, (set = new Set()));
    if (present) set.add(address);
    else set.delete(address);
  }

  private applyOne(address: Address, account: { owner: Address; data: Uint8Array } | null): StateChange | undefined {
    const pool = this.lpMintPool.get(address);
    if (pool) {
      if (account && account.data.length === 82) this.lpSupply.set(pool, decodeMintSupply(account.data).supply);
      return { kind: 'lpSupply', address };
    }
    const pythFeed = account?.owner === PYTH_RECEIVER ? this.oracleFeed.get(address) : undefined;
    if (pythFeed) {
      // A real cluster's price account: Pyth's PriceUpdateV2, read as the program reads it.
      const price = decodePriceUpdateV2(account!.data, pythFeed);
      this.prices.set(address, price);
      return { kind: 'price', address, price };
    }
    const previousPosition = this.positions.get(address) ?? null;
    const previousOrder = this.orders.get(address) ?? null;
    if (!account || account.owner !== this.addresses.programId || account.data.length < 8) {
      if (previousPosition) {
        this.positions.delete(address);
        this.index(previousPosition.owner, address, false);
        return { kind: 'position', address, position: null, previous: previousPosition };
      }
      if (previousOrder) {
        this.orders.delete(address);
        this.index(previousOrder.owner, address, false);
        return { kind: 'order', address, order: null, previous: previousOrder };
      }
      return undefined;
    }
    const data = account.data;
    switch (accountKind(data)) {
      case 'config':
        this.config = decodeConfig(data);
        return undefined;
      case 'pool':
        this.pools.set(address, decodePool(data));
        return { kind: 'pool', address };
      case 'custody':
        this.custodies.set(address, decodeCustody(data));
        return { kind: 'custody', address };
      case 'market':
        this.markets.set(address, decodeMarket(data));
        return { kind: 'market', address };
      case 'price': {
        const price = decodePrice(data);
        this.prices.set(address, price);
        return { kind: 'price', address, price };
      }
      case 'position': {
        const position = decodePosition(data);
        this.positions.set(address, position);
        this.index(position.owner, address, true);
        return { kind: 'position', address, position, previous: previousPosition };
      }
      case 'order': {
        const order = decodeOrder(data);
        this.orders.set(address, order);
        this.index(order.owner, address, true);
        return { kind: 'order', address, order, previous: previousOrder };
      }
      default:
        return undefined;
    }
  }
}
