import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LocalChain } from '@/lib/validator';
import { handleRpcText } from './handler';
import { PubSubSession } from './pubsub';

/** Largest request body accepted (a batch of transactions fits many times over). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A node:http handler answering Solana JSON-RPC POSTs (any path) for the chain. */
export function rpcRequestListener(chain: LocalChain): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    void readBody(req, MAX_BODY_BYTES).then(
      async (text) => {
        if (text === null) {
          res.writeHead(413).end();
          return;
        }
        const reply = await handleRpcText(chain, text);
        res.writeHead(200, { 'content-type': 'application/json' }).end(reply);
      },
      () => res.writeHead(400).end(),
    );
  };
}

/** One PubSubSession on an open WebSocket, closed with it. */
export function servePubSub(socket: WebSocket, chain: LocalChain): void {
  const session = new PubSubSession(chain, (text) => socket.send(text));
  socket.on('message', (data) => session.handle(data.toString()));
  socket.on('close', () => session.close());
  socket.on('error', () => session.close());
}

/** Solana's PubSub on WebSocket upgrades of `server` (any path), one PubSubSession per connection. */
export function attachPubSub(server: Server, chain: LocalChain): WebSocketServer {
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => servePubSub(socket, chain));
  return wss;
}

export interface RunningRpcServer {
  readonly url: string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

/** JSON-RPC (HTTP POST) and PubSub (WebSocket) of the chain on one port (0: any free loopback port). */
export async function startRpcServer(chain: LocalChain, opts: { port?: number; host?: string } = {}): Promise<RunningRpcServer> {
  const server = createServer(rpcRequestListener(chain));
  const wss = attachPubSub(server, chain);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    wsUrl: `ws://${host}:${port}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
