import type { StreamEvents } from '@/lib/client/wire';
import type { StreamEventSource } from '@/lib/views/events';
import type { FeedId } from '@/lib/math/ids';
import type { Oracle, OraclePrice } from '@/lib/oracle/types';

export interface SseOptions {
  oracle: Pick<Oracle, 'subscribe' | 'getAll'>;
  /** Where the pool, position and order events come from (the chain's: lib/chain-runtime/stream-source.ts). */
  events?: StreamEventSource;
  signal: AbortSignal;
  /** Minimum gap between two `price` events of one feed (at most 4 a second by default). */
  priceIntervalMs?: number;
  heartbeatMs?: number;
}

const encoder = new TextEncoder();
const MAX_QUEUED_FRAMES = 2_000;

function frame<K extends keyof StreamEvents>(event: K, data: StreamEvents[K]): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

const priceData = (p: OraclePrice): StreamEvents['price'] => ({
  feed: p.feed,
  price: p.price.toString(),
  publishTime: p.publishTime,
});

/**
 * The body of GET /api/stream (Server-Sent Events): the current prices at once, then `price` events coalesced per
 * feed (the newest price wins; at most one per `priceIntervalMs`), `pool` / `position` / `order` events from the
 * engine bus as they come, and a comment line every `heartbeatMs` so proxies keep the connection. Everything is
 * unsubscribed when the client goes away (`signal` aborts) or the reader cancels.
 */
export function createSseStream(options: SseOptions): ReadableStream<Uint8Array> {
  const priceIntervalMs = options.priceIntervalMs ?? 250;
  const lastSentMs = new Map<FeedId, number>();
  const pending = new Map<FeedId, OraclePrice>();
  const timers = new Map<FeedId, ReturnType<typeof setTimeout>>();
  const cleanups: (() => void)[] = [];
  let closed = false;
  let closeStream: (() => void) | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: Uint8Array) => {
        if (closed) return;
        // A client that stopped reading: end the stream (its EventSource reconnects) instead of buffering forever.
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) return close();
        try {
          controller.enqueue(bytes);
        } catch {
          close();
        }
      };
      const flushFeed = (feed: FeedId) => {
        timers.delete(feed);
        const mark = pending.get(feed);
        if (mark === undefined) return;
        pending.delete(feed);
        lastSentMs.set(feed, Date.now());
        send(frame('price', priceData(mark)));
      };
      const onPrices = (updated: readonly OraclePrice[]) => {
        for (const mark of updated) {
          pending.set(mark.feed, mark);
          if (timers.has(mark.feed)) continue;
          const waitMs = (lastSentMs.get(mark.feed) ?? -Infinity) + priceIntervalMs - Date.now();
          if (waitMs <= 0) flushFeed(mark.feed);
          else timers.set(mark.feed, setTimeout(() => flushFeed(mark.feed), waitMs));
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        for (const cleanup of cleanups) cleanup();
        for (const timer of timers.values()) clearTimeout(timer);
        timers.clear();
        try {
          controller.close();
        } catch {
          // already closed or errored by the runtime
        }
      };

      send(encoder.encode(`retry: 3000\n: connected\n\n`));
      onPrices(options.oracle.getAll());
      cleanups.push(options.oracle.subscribe(onPrices));
      if (options.events !== undefined) {
        cleanups.push(
          options.events.subscribe((event) => {
            const { type, ...data } = event;
            send(encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`));
          }),
        );
      }
      const heartbeat = setInterval(() => send(encoder.encode(`: heartbeat ${Date.now()}\n\n`)), options.heartbeatMs ?? 15_000);
      cleanups.push(() => clearInterval(heartbeat));
      if (options.signal.aborted) close();
      else options.signal.addEventListener('abort', close, { once: true });
      cleanups.push(() => options.signal.removeEventListener('abort', close));
      closeStream = close;
    },
    cancel() {
      closeStream?.();
    },
  });
}
