import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { paintFirstResponse } from './paint-first-response';

const TAG = '<script src="/_next/static/chunks/one.js" async=""></script>';
const DOC = `<html><head>${TAG}</head><body>hi</body></html>`;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: (res: ServerResponse) => void): Promise<Response> {
  server = createServer((_req, res) => {
    paintFirstResponse(res);
    handler(res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return fetch(`http://127.0.0.1:${port}/`);
}

describe('paintFirstResponse (the documents a response sends)', () => {
  it('rewrites a document sent whole, and drops the length it no longer has', async () => {
    const res = await serve((r) => {
      r.setHeader('content-type', 'text/html; charset=utf-8');
      r.setHeader('content-length', String(Buffer.byteLength(DOC)));
      r.end(DOC);
    });
    const body = await res.text();
    expect(body).not.toContain(TAG);
    expect(body).toContain('__ppBoot');
    expect(body.endsWith('<body>hi</body></html>')).toBe(true);
  });

  it('rewrites a streamed document (headers flushed first), a tag cut across writes included', async () => {
    const res = await serve((r) => {
      r.setHeader('content-type', 'text/html');
      r.flushHeaders();
      r.write(Buffer.from(DOC.slice(0, 30)));
      r.write(DOC.slice(30, 50));
      r.end(DOC.slice(50));
    });
    const body = await res.text();
    expect(body).not.toContain(TAG);
    expect(body).toContain('.push("/_next/static/chunks/one.js")');
  });

  it.each([
    ['JavaScript', 'application/javascript', TAG],
    ['JSON', 'application/json', JSON.stringify({ html: TAG })],
  ])('passes %s untouched', async (_name, type, payload) => {
    const res = await serve((r) => {
      r.setHeader('content-type', type);
      r.end(payload);
    });
    expect(await res.text()).toBe(payload);
  });

  it('passes a document whose length was already sent as it is', async () => {
    const res = await serve((r) => {
      r.writeHead(200, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(DOC)) });
      r.end(DOC);
    });
    expect(await res.text()).toBe(DOC);
  });
});
