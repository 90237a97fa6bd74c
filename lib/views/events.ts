import type { MarketId, PoolId } from '@/lib/math/ids';

/** What `/api/stream` announces (lib/client/wire.ts `StreamEvents` pool / position / order), fed by the chain. */
export type StreamEvent =
  | { type: 'pool'; pool: PoolId }
  | { type: 'position'; owner: string; positionId: string; market: MarketId; kind: string }
  | { type: 'order'; owner: string; orderId: string; market: MarketId; kind: string };

export type StreamEventListener = (event: StreamEvent) => void;

/** A source of stream events: subscribe, get an unsubscribe back. */
export interface StreamEventSource {
  subscribe(listener: StreamEventListener): () => void;
}

/** A tiny synchronous emitter; a listener that throws does not stop the others. */
export class StreamEventBus implements StreamEventSource {
  private readonly listeners = new Set<StreamEventListener>();

  subscribe(listener: StreamEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(events: readonly StreamEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch {
          // A broken subscriber (a closed SSE stream) must not affect the others.
        }
      }
    }
  }
}
