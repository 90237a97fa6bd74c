/**
 * `/api/stream` fed by the chain (api.md: `price`, `pool`, `position`, `order` as v1): prices are the on-chain
 * price accounts' (what the program trades at), and every change of a program account the chain commits becomes
 * the v1 event of its kind. Pool events are coalesced per commit.
 */
import type { Oracle, OraclePrice, PriceListener } from '@/lib/oracle/types';
import type { StreamEvent, StreamEventSource } from '@/lib/views/events';
import type { PoolId } from '@/lib/math/ids';
import { MARKETS } from '@/lib/math/params';
import type { ChainRuntime } from './runtime';

/** The on-chain prices as the stream's price source. */
export function chainPriceSource(chain: ChainRuntime): Pick<Oracle, 'getAll' | 'subscribe'> {
  const current = (): OraclePrice[] =>
    [...chain.state.prices.entries()].flatMap(([address, p]) => {
      const feed = chain.ids.feed(address);
      return feed && p.price > 0n ? [{ feed, price: p.price, publishTime: Number(p.publishTime) }] : [];
    });
  return {
    getAll: current,
    subscribe(listener: PriceListener) {
      return chain.state.onChange((changes) => {
        const prices = changes.flatMap((c) => {
          if (c.kind !== 'price') return [];
          const feed = chain.ids.feed(c.address);
          return feed ? [{ feed, price: c.price.price, publishTime: Number(c.price.publishTime) }] : [];
        });
        if (prices.length > 0) listener(prices);
      });
    },
  };
}

/** The chain's position, order and pool changes as the stream's events. */
export function chainEventSource(chain: ChainRuntime): StreamEventSource {
  return {
    subscribe(listener) {
      return chain.state.onChange((changes) => {
        const events: StreamEvent[] = [];
        const pools = new Set<PoolId>();
        for (const c of changes) {
          if (c.kind === 'position') {
            const p = c.position ?? c.previous;
            const market = p && chain.ids.market(p.market);
            if (p && market) events.push({ type: 'position', owner: p.owner, positionId: c.address, market, kind: c.position ? (c.previous ? 'updated' : 'opened') : 'closed' });
          } else if (c.kind === 'order') {
            const o = c.order ?? c.previous;
            const market = o && chain.ids.market(o.market);
            if (o && market) events.push({ type: 'order', owner: o.owner, orderId: c.address, market, kind: c.order ? 'placed' : 'removed' });
          } else if (c.kind === 'custody') {
            const id = chain.ids.custody(c.address);
            if (id) pools.add(id.pool);
          } else if (c.kind === 'market') {
            const market = chain.ids.market(c.address);
            if (market) pools.add(MARKETS[market].pool);
          }
        }
        for (const pool of pools) events.push({ type: 'pool', pool });
        for (const e of events) {
          try {
            listener(e);
          } catch {
            // a closed stream must not stop the others
          }
        }
      });
    },
  };
}
