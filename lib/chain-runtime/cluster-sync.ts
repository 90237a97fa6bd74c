/**
 * Keeps a ChainState current against a real cluster's RPC (chain.md § A real cluster):
 * - the fixed accounts (config, pools, custodies, markets, price accounts, LP mints) and the Clock sysvar in one
 *   getMultipleAccounts every `fixedEveryMs` (~400 ms, a slot);
 * - positions and orders by getProgramAccounts with a dataSize filter every `dynamicEveryMs` (~2 s), which also
 *   finds the closed ones (gone from the answer);
 * - with a PubSub URL, programSubscribe as well: every program account change as it lands (polling still runs,
 *   for closes and for anything a dropped socket missed).
 * Each account keeps the slot its data was read at; an older read never overwrites a newer one (a poll in flight
 * while a notification lands), and only accounts whose bytes changed reach ChainState (its listeners, the stream
 * and the keeper, see changes, not polls).
 */
import { createSolanaRpcSubscriptions, type Address } from '@solana/kit';
import { ACCOUNT_LEN } from '@/lib/chain/tags';
import type { ChainState } from './chain-state';
import { CLOCK_SYSVAR, decodeClockUnixTimestamp, type ClusterRpc, type ReadAccount } from './cluster-rpc';

export interface ClusterSyncOptions {
  rpc: ClusterRpc;
  state: ChainState;
  programId: Address;
  /** Accounts read together every fixed poll. */
  fixed: readonly Address[];
  wsUrl?: string;
  fixedEveryMs?: number;
  dynamicEveryMs?: number;
  log?: (message: string) => void;
}

interface Seen {
  slot: bigint;
  data: Uint8Array | null;
  owner: Address | null;
  /** A position or order (closed when a program-accounts read no longer lists it). */
  dynamic: boolean;
}

const DYNAMIC_SIZES = [...new Set([ACCOUNT_LEN.position, ACCOUNT_LEN.order])];

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null) => a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]));

export class ClusterSync {
  private readonly seen = new Map<Address, Seen>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly abort = new AbortController();
  private stopped = false;
  private latestSlot = 0n;
  private clockS = 0;
  private readonly failing = new Set<string>();

  constructor(private readonly o: ClusterSyncOptions) {}

  slot(): bigint {
    return this.latestSlot;
  }

  /** The Clock sysvar's unix_timestamp at the last fixed poll. */
  nowS(): number {
    return this.clockS;
  }

  /** The first full read (throws when the RPC fails: the runtime does not start on nothing). */
  async load(): Promise<void> {
    await this.refreshFixed();
    await this.refreshDynamic();
  }

  start(): void {
    this.loop('fixed accounts', this.o.fixedEveryMs ?? 400, () => this.refreshFixed());
    this.loop('positions and orders', this.o.dynamicEveryMs ?? 2_000, () => this.refreshDynamic());
    if (this.o.wsUrl) void this.subscribe(this.o.wsUrl);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.abort.abort();
  }

  async refreshFixed(): Promise<void> {
    const addresses = [...this.o.fixed, CLOCK_SYSVAR];
    const { slot, value } = await this.o.rpc.getMultiple(addresses);
    const clock = value.at(-1);
    if (clock) this.clockS = Number(decodeClockUnixTimestamp(clock.data));
    this.observe(
      slot,
      addresses.slice(0, -1).map((a, i) => [a, value[i] ?? null] as const),
      false,
    );
  }

  async refreshDynamic(): Promise<void> {
    for (const size of DYNAMIC_SIZES) {
      const { slot, value } = await this.o.rpc.programAccounts(this.o.programId, size);
      const listed = new Set(value.map(([a]) => a));
      const gone: [Address, null][] = [];
      for (const [address, s] of this.seen) if (s.dynamic && s.data !== null && s.data.length === size && !listed.has(address)) gone.push([address, null]);
      this.observe(slot, [...value, ...gone], true);
    }
  }

  /** Applies what was read at `slot`: only accounts not known at a later slot, only when their bytes changed. */
  private observe(slot: bigint, reads: Iterable<readonly [Address, ReadAccount | null]>, dynamic: boolean): void {
    if (slot > this.latestSlot) this.latestSlot = slot;
    const changed: [Address, { owner: Address; data: Uint8Array } | null][] = [];
    for (const [address, account] of reads) {
      const before = this.seen.get(address);
      if (before && before.slot > slot) continue;
      const data = account?.data ?? null;
      const owner = account?.owner ?? null;
      this.seen.set(address, { slot, data, owner, dynamic: dynamic || (before?.dynamic ?? false) });
      if (before && before.owner === owner && sameBytes(before.data, data)) continue;
      changed.push([address, account && { owner: account.owner, data: account.data }]);
    }
    if (changed.length > 0) this.o.state.apply(changed);
  }

  private loop(what: string, everyMs: number, run: () => Promise<void>): void {
    const next = () => {
      if (this.stopped) return;
      const t = setTimeout(() => {
        void run().then(
          () => {
            if (this.failing.delete(what)) this.o.log?.(`reading ${what} works again`);
          },
          (e: unknown) => {
            if (!this.failing.has(what)) this.o.log?.(`reading ${what} failed (kept the last state, retrying): ${e instanceof Error ? e.message : String(e)}`);
            this.failing.add(what);
          },
        ).finally(next);
      }, everyMs);
      t.unref();
      this.timers.set(what, t);
    };
    next();
  }

  /** programSubscribe until stopped; reconnects with a growing pause (1 s to 30 s). */
  private async subscribe(wsUrl: string): Promise<void> {
    const subscriptions = createSolanaRpcSubscriptions(wsUrl);
    let pauseMs = 1_000;
    while (!this.stopped) {
      try {
        const notifications = await subscriptions
          .programNotifications(this.o.programId, { encoding: 'base64', commitment: 'confirmed' })
          .subscribe({ abortSignal: this.abort.signal });
        pauseMs = 1_000;
        for await (const n of notifications) {
          const { pubkey, account } = n.value;
          const read = account.owner === this.o.programId ? { owner: account.owner, lamports: account.lamports, data: new Uint8Array(Buffer.from(account.data[0], 'base64')) } : null;
          const dynamic = read !== null && DYNAMIC_SIZES.includes(read.data.length);
          this.observe(n.context.slot, [[pubkey, read]], dynamic);
        }
      } catch (e) {
        if (this.stopped) return;
        this.o.log?.(`programSubscribe on ${wsUrl} dropped (polling continues; retrying in ${pauseMs / 1000}s): ${e instanceof Error ? e.message : String(e)}`);
      }
      if (this.stopped) return;
      await new Promise((r) => setTimeout(r, pauseMs).unref());
      pauseMs = Math.min(30_000, pauseMs * 2);
    }
  }
}
