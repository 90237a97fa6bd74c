import { getServices } from '@/lib/server/services';
import { createSseStream } from './sse-stream';
import { chainEventSource, chainPriceSource } from '@/lib/chain-runtime/stream-source';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/stream (api.md): Server-Sent Events `price`, `pool`, `position`, `order`, fed by the chain (on-chain
 * prices and program account changes); heartbeats every ~15 s.
 */
export async function GET(request: Request): Promise<Response> {
  const { oracle, chain } = await getServices();
  // Without a chain (a reader beside the local chain's instance) the stream still carries the oracle's prices.
  const body = chain
    ? createSseStream({ oracle: chainPriceSource(chain), events: chainEventSource(chain), signal: request.signal })
    : createSseStream({ oracle, signal: request.signal });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
