import { describe, expect, it } from 'vitest';
import type { StreamEvent, StreamEventListener, StreamEventSource } from '@/lib/views/events';
import { CompositeOracle } from '@/lib/oracle/composite-oracle';
import { createSseStream } from './sse-stream';

/** Reads SSE frames from the stream until `done(frames)` says enough. */
async function readFrames(stream: ReadableStream<Uint8Array>, done: (frames: string[]) => boolean): Promise<string[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const frames = text.split('\n\n').slice(0, -1);
    if (done(frames)) {
      reader.releaseLock();
      return frames;
    }
    const { value, done: ended } = await reader.read();
    if (ended) return frames;
    text += decoder.decode(value, { stream: true });
  }
}

const events = (frames: string[], name: string) =>
  frames
    .filter((f) => f.startsWith(`event: ${name}\n`))
    .map((f) => JSON.parse(f.slice(f.indexOf('data: ') + 6)) as Record<string, unknown>);

/** A source whose events the test emits by hand (the chain's is lib/chain-runtime/stream-source.ts). */
function manualEvents(): StreamEventSource & { emit(e: StreamEvent): void } {
  const listeners = new Set<StreamEventListener>();
  return {
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    emit: (e) => listeners.forEach((l) => l(e)),
  };
}

describe('GET /api/stream body', () => {
  it('sends current prices, then live price updates and chain events, and stops on abort', async () => {
    const oracle = new CompositeOracle({ manual: { SOL: 1_500_000_000_000n }, initialNowS: 100 });
    const bus = manualEvents();
    const abort = new AbortController();
    const stream = createSseStream({ oracle, events: bus, signal: abort.signal, priceIntervalMs: 0 });

    const first = await readFrames(stream, (f) => events(f, 'price').length >= 1);
    expect(events(first, 'price')).toEqual([{ feed: 'SOL', price: '1500000000000', publishTime: 100 }]);

    oracle.setManualPrices({ BTC: 950_000_000_000_000n }, 101);
    bus.emit({ type: 'position', owner: 'abc', positionId: '7', market: 'SOL', kind: 'opened' });
    const more = await readFrames(stream, (f) => events(f, 'position').length >= 1);
    expect(events(more, 'price')).toContainEqual({ feed: 'BTC', price: '950000000000000', publishTime: 101 });
    expect(events(more, 'position')).toEqual([{ owner: 'abc', positionId: '7', market: 'SOL', kind: 'opened' }]);

    abort.abort();
    const rest = await readFrames(stream, () => false);
    expect(rest).toEqual([]);
    oracle.setManualPrices({ SOL: 1n }, 102); // no subscriber left to enqueue into a closed stream
  });

  it('coalesces a burst of prices for one feed into the newest', async () => {
    const oracle = new CompositeOracle({ manual: { SOL: 1n }, initialNowS: 1 });
    const abort = new AbortController();
    const stream = createSseStream({ oracle, signal: abort.signal, priceIntervalMs: 60_000 });
    await readFrames(stream, (f) => events(f, 'price').length >= 1);
    for (let i = 2n; i <= 50n; i++) oracle.setManualPrices({ SOL: i }, Number(i));
    oracle.setManualPrices({ XAU: 9n }, 60); // another feed is not held back by SOL's window
    const frames = await readFrames(stream, (f) => events(f, 'price').length >= 1);
    expect(events(frames, 'price')).toEqual([{ feed: 'XAU', price: '9', publishTime: 60 }]);
    abort.abort();
  });

  it('ends the stream of a client that stopped reading instead of buffering without bound', async () => {
    const oracle = new CompositeOracle({ manual: { SOL: 1n }, initialNowS: 1 });
    const stream = createSseStream({ oracle, signal: new AbortController().signal, priceIntervalMs: 0 });
    for (let i = 2n; i <= 2_100n; i++) oracle.setManualPrices({ SOL: i }, Number(i));
    const frames = await readFrames(stream, () => false); // reads what was queued, then the end
    expect(events(frames, 'price').length).toBeLessThan(2_100);
  });
});
