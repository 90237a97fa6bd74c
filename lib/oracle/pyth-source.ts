import { HermesClient } from '@pythnetwork/hermes-client';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { parseHermesUpdate } from './hermes-payload';
import type { PriceSource } from './price-source';
import { PYTH_FEEDS } from './pyth-feeds';
import type { OraclePrice } from './types';

export interface PythSourceOptions {
  hermesUrl: string;
  feeds?: readonly FeedId[];
  /** Poll period of /v2/updates/price/latest while the stream is down. */
  pollMs?: number;
  /** Reconnect delay: `min(backoffMaxMs, backoffBaseMs × 2^attempt)`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  requestTimeoutMs?: number;
  /** An open stream silent for this long is treated as dropped (Hermes sends several updates a second). */
  streamIdleMs?: number;
  onError?: (error: unknown) => void;
}

type StreamHandle = Awaited<ReturnType<HermesClient['getPriceUpdatesStream']>>;

/**
 * Pyth prices from Hermes (ORACLE=pyth) through `@pythnetwork/hermes-client`: a snapshot from
 * /v2/updates/price/latest at start, then the SSE stream /v2/updates/price/stream (the client's EventSource). When
 * the stream errors or ends it is closed and reopened after an exponential backoff, and until it is open again the
 * latest endpoint is polled every `pollMs`; a stream silent for `streamIdleMs` counts as dropped. Each mark keeps Pyth's `publish_time`; an update older than the one
 * held is ignored. Staleness is the caller's judgement (`isOracleStale`).
 *
 * The client declares `engines: node ^24` but runs on Node 20.9+ (it needs `fetch`, `AbortSignal.any` and
 * `eventsource` 3, all present), so both the latest-price calls and the stream go through it; the fake-Hermes
 * tests (tests/oracle/pyth-source.test.ts) exercise both paths on the project's Node.
 */
export class PythSource implements PriceSource {
  readonly mode = 'pyth' as const;
  private readonly client: HermesClient;
  private readonly ids: string[];
  private readonly latest = new Map<FeedId, number>();
  private emit: ((prices: readonly OraclePrice[]) => void) | undefined;
  private stream: StreamHandle | undefined;
  private streamOpen = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private lastMessageMs = 0;
  private lastWarnMs = 0;
  /** Times the stream was (re)opened successfully; for /api/health and tests. */
  connections = 0;

  constructor(private readonly options: PythSourceOptions) {
    this.client = new HermesClient(options.hermesUrl, { timeout: options.requestTimeoutMs ?? 5_000, httpRetries: 1 });
    this.ids = (options.feeds ?? FEED_IDS).map((feed) => PYTH_FEEDS[feed].id);
  }

  isStreaming(): boolean {
    return this.streamOpen;
  }

  async start(emit: (prices: readonly OraclePrice[]) => void): Promise<void> {
    this.emit = emit;
    await this.pollOnce();
    this.openStream();
    const idleMs = this.options.streamIdleMs ?? 30_000;
    this.watchdog = setInterval(() => {
      if (this.streamOpen && Date.now() - this.lastMessageMs > idleMs) this.streamDown(new Error('Hermes stream went silent.'));
    }, Math.max(10, Math.floor(idleMs / 3)));
    this.watchdog.unref?.();
  }

  async stop(): Promise<void> {
    this.emit = undefined;
    this.closeStream();
    this.stopPolling();
    if (this.watchdog !== undefined) clearInterval(this.watchdog);
    this.watchdog = undefined;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  /** One GET /v2/updates/price/latest through HermesClient; errors go to `onError`. */
  async pollOnce(): Promise<void> {
    try {
      const update = await this.client.getLatestPriceUpdates(this.ids, { parsed: true, ignoreInvalidPriceIds: true });
      this.accept(update);
    } catch (error) {
      this.report(error);
    }
  }

  private openStream(): void {
    if (this.emit === undefined) return;
    this.client
      .getPriceUpdatesStream(this.ids, { parsed: true, ignoreInvalidPriceIds: true })
      .then((stream) => {
        if (this.emit === undefined) return stream.close();
        this.stream = stream;
        stream.onopen = () => {
          this.streamOpen = true;
          this.lastMessageMs = Date.now();
          this.attempt = 0;
          this.connections += 1;
          this.stopPolling();
        };
        stream.onmessage = (event: MessageEvent<string>) => this.onMessage(event.data);
        stream.onerror = (error) => {
          if (this.stream === stream) this.streamDown(error);
        };
      })
      .catch((error: unknown) => this.streamDown(error));
  }

  private onMessage(data: string): void {
    this.lastMessageMs = Date.now();
    try {
      this.accept(JSON.parse(data) as unknown);
    } catch (error) {
      this.report(error);
    }
  }

  private accept(json: unknown): void {
    const marks = parseHermesUpdate(json);
    if (marks === undefined) return this.report(new Error('Hermes sent a price update in an unknown format.'));
    const fresh = marks.filter((m) => m.publishTime >= (this.latest.get(m.feed) ?? 0));
    for (const m of fresh) this.latest.set(m.feed, m.publishTime);
    if (fresh.length > 0) this.emit?.(fresh);
  }

  private streamDown(error: unknown): void {
    this.closeStream();
    if (this.emit === undefined || this.reconnectTimer !== undefined) return;
    this.report(error);
    this.startPolling();
    const base = this.options.backoffBaseMs ?? 500;
    const delayMs = Math.min(this.options.backoffMaxMs ?? 30_000, base * 2 ** this.attempt);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.openStream();
    }, delayMs);
  }

  private closeStream(): void {
    this.stream?.close();
    this.stream = undefined;
    this.streamOpen = false;
  }

  private startPolling(): void {
    if (this.pollTimer !== undefined) return;
    this.pollTimer = setInterval(() => void this.pollOnce(), this.options.pollMs ?? 2_000);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private report(error: unknown): void {
    if (this.options.onError !== undefined) return this.options.onError(error);
    // Offline, the poll fails every `pollMs`: log at most one line per half minute.
    if (Date.now() - this.lastWarnMs < 30_000) return;
    this.lastWarnMs = Date.now();
    console.warn('pyth source:', error instanceof Error ? error.message : error);
  }
}
