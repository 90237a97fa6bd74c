import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One feed's quote as Hermes carries it: integer mantissa text, exponent, unix seconds. */
export interface FakeQuote {
  price: string;
  expo: number;
  publishTime: number;
  conf?: string;
}

/**
 * A loopback stand-in for Pyth Hermes speaking its real wire format:
 * - GET /v2/updates/price/latest?ids[]=…&parsed=true → `{ binary: { encoding: 'hex', data: [hex] }, parsed: [...] }`
 * - GET /v2/updates/price/stream?ids[]=…&parsed=true → `text/event-stream`, one `data: <same JSON>` per push.
 * Each parsed entry is `{ id, price: { price, conf, expo, publish_time }, ema_price: {...}, metadata: { slot,
 * proof_available_time, prev_publish_time } }`, ids without `0x`. It records the ids asked for, can drop every open
 * stream, refuse new streams (503), and serve whatever (stale) publish_time a test sets.
 */
export class FakeHermes {
  private readonly quotes = new Map<string, FakeQuote>();
  private readonly streams = new Set<ServerResponse>();
  private readonly server = createServer((req, res) => this.handle(req, res));
  /** Every id list requested, per endpoint, in order. */
  readonly requests: { path: string; ids: string[] }[] = [];
  refuseStreams = false;
  streamConnections = 0;

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.dropStreams();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sets quotes (id without 0x → quote); the latest endpoint serves them from now on. */
  setQuotes(quotes: Record<string, FakeQuote>): void {
    for (const [id, quote] of Object.entries(quotes)) this.quotes.set(normalize(id), quote);
  }

  /** Sets quotes and pushes them to every open stream as one SSE event. */
  push(quotes: Record<string, FakeQuote>): void {
    this.setQuotes(quotes);
    const body = `data: ${JSON.stringify(this.payload(Object.keys(quotes).map(normalize)))}\n\n`;
    for (const res of this.streams) res.write(body);
  }

  /** Ends every open stream abruptly (the client sees the connection drop). */
  dropStreams(): void {
    for (const res of this.streams) res.socket?.destroy();
    this.streams.clear();
  }

  openStreams(): number {
    return this.streams.size;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const ids = url.searchParams.getAll('ids[]').map(normalize);
    this.requests.push({ path: url.pathname, ids });
    if (url.pathname === '/v2/updates/price/latest') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.payload(ids)));
    } else if (url.pathname === '/v2/updates/price/stream') {
      if (this.refuseStreams) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('unavailable');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      this.streamConnections += 1;
      this.streams.add(res);
      req.on('close', () => this.streams.delete(res));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
    }
  }

  private payload(ids: readonly string[]) {
    const parsed = ids.flatMap((id) => {
      const q = this.quotes.get(id);
      if (q === undefined) return [];
      const rpc = { price: q.price, conf: q.conf ?? '1000', expo: q.expo, publish_time: q.publishTime };
      return [
        {
          id,
          price: rpc,
          ema_price: rpc,
          metadata: { slot: 1_000 + q.publishTime, proof_available_time: q.publishTime + 1, prev_publish_time: q.publishTime - 1 },
        },
      ];
    });
    return { binary: { encoding: 'hex', data: ['504e4155' + '00'.repeat(16)] }, parsed };
  }
}

function normalize(id: string): string {
  return id.toLowerCase().replace(/^0x/, '');
}
