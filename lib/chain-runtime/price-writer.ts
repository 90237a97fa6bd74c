/**
 * Prices on chain (api.md, chain.md): every oracle update (simulated, manual, Pyth via Hermes) is written by the
 * oracle authority's transaction, all changed feeds of a tick in one. One transaction in flight at a time; what
 * arrives meanwhile is merged into the next. Manual feeds are re-published with the chain's time every
 * `republishMs`, so a manual price never goes stale (also after /api/dev/clock).
 */
import type { KeyPairSigner } from '@solana/kit';
import type { FeedId } from '@/lib/math/ids';
import { FEED_IDS } from '@/lib/math/ids';
import type { Oracle, OraclePrice } from '@/lib/oracle/types';
import type { ChainAddresses } from '@/lib/chain/addresses';
import { priceUpdate } from '@/lib/deployment/initialize';
import { sendInstructions, type ChainClient } from '@/lib/deployment/chain-client';

export interface PriceWriterOptions {
  oracle: Oracle;
  client: ChainClient;
  addresses: ChainAddresses;
  authority: KeyPairSigner;
  /** The chain clock (unix seconds). */
  nowS: () => number;
  republishMs?: number;
  /** Called after a price transaction is confirmed (the keeper reacts to on-chain prices). */
  onWritten?: (prices: readonly OraclePrice[], signature: string) => void;
  onError?: (error: unknown) => void;
}

export class PriceWriter {
  private pending = new Map<FeedId, OraclePrice>();
  /** What is on chain per feed: an identical update is not sent again (it would be the same transaction). */
  private readonly written = new Map<FeedId, OraclePrice>();
  private inFlight: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: PriceWriterOptions) {}

  start(): void {
    this.unsubscribe = this.o.oracle.subscribe((updated) => this.enqueue(updated));
    this.enqueue(this.o.oracle.getAll());
    this.timer = setInterval(() => this.republishManual(), this.o.republishMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.inFlight?.catch(() => undefined);
  }

  /** Writes now (e.g. /api/dev/prices) and resolves when confirmed. */
  async writeNow(prices: readonly OraclePrice[]): Promise<void> {
    this.enqueue(prices);
    while (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  private republishManual(): void {
    const now = this.o.nowS();
    const manual = FEED_IDS.filter((f) => this.o.oracle.isManual(f)).flatMap((feed) => {
      const p = this.o.oracle.getPrice(feed);
      return p ? [{ ...p, publishTime: now }] : [];
    });
    if (manual.length > 0) this.enqueue(manual);
  }

  private enqueue(prices: readonly OraclePrice[]): void {
    for (const p of prices) {
      const last = this.written.get(p.feed);
      if (p.price <= 0n || (last && last.price === p.price && last.publishTime >= p.publishTime)) continue;
      this.pending.set(p.feed, p);
    }
    if (!this.inFlight && this.pending.size > 0) this.inFlight = this.flush();
  }

  private async flush(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()];
      this.pending = new Map();
      const prices = batch.map((p) => ({ feed: p.feed, price: p.price, publishTime: BigInt(p.publishTime) }));
      try {
        const signature = await this.send(prices);
        for (const p of batch) this.written.set(p.feed, p);
        this.o.onWritten?.(batch, signature);
      } catch (error) {
        this.o.onError?.(error);
      }
    }
    this.inFlight = null;
  }

  /**
   * Sends one price transaction. A→B→A within one blockhash (e.g. /api/dev/prices twice in a slot) would be the
   * very transaction already processed; the chain refuses it as a duplicate, so it is signed again once the
   * blockhash has moved on (a slot is ~400 ms), at most `DUPLICATE_RETRIES` times.
   */
  private async send(prices: Parameters<typeof priceUpdate>[2]): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendInstructions(this.o.client, [priceUpdate(this.o.addresses, this.o.authority.address, prices)], [this.o.authority]);
      } catch (error) {
        if (attempt >= DUPLICATE_RETRIES || !isDuplicate(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, DUPLICATE_WAIT_MS));
      }
    }
  }
}

const DUPLICATE_RETRIES = 3;
const DUPLICATE_WAIT_MS = 450;
const isDuplicate = (e: unknown) => /already been processed|AlreadyProcessed/i.test(e instanceof Error ? e.message : String(e));
