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
