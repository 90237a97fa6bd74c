import type { MarketId, PoolId } from '@/lib/math/ids';
import type { CustodyRow, OrderRow, PositionRow } from './store/rows';

/** What the engine announces after a commit (lib/client/wire.ts `StreamEvents` pool / position / order). */
export type EngineEvent =
  | { type: 'pool'; pool: PoolId }
  | { type: 'position'; owner: string; positionId: string; market: MarketId; kind: string }
  | { type: 'order'; owner: string; orderId: string; market: MarketId; kind: string };

/**
 * What a committed change left behind, carried beside its event to in-process listeners (the keeper's index) so
 * they need not read it back: a position's or order's row after the action (`null` once gone), the custodies a
 * pool event wrote. Never sent over the stream (bigints).
 */
export interface EngineChangeState {
  position?: PositionRow | null;
  order?: OrderRow | null;
  custodies?: readonly CustodyRow[];
}

export type EngineChangeListener = (event: EngineEvent, state: EngineChangeState | undefined) => void;

export type EngineEventListener = (event: EngineEvent) => void;

/** A tiny synchronous emitter; a listener that throws does not stop the others. */
export class EngineEventBus {
  private readonly listeners = new Set<EngineEventListener>();

  subscribe(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(events: readonly EngineEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch {
          // A broken subscriber (a closed SSE stream) must not affect the engine or the others.
        }
      }
    }
  }
}
