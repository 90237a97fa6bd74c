import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { MAX_BODY_BYTES, readJsonBody } from './read-body';

const url = 'http://localhost/api/actions';

async function outcome(request: Request): Promise<string> {
  try {
    return `ok ${JSON.stringify(await readJsonBody(request))}`;
  } catch (e) {
    if (e instanceof HttpError) return `${e.status} ${e.code}`;
    throw e;
  }
}

const json = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(8192, bytes - sent);
      sent += n;
      controller.enqueue(new TextEncoder().encode(' '.repeat(n)));
    },
  });
}

describe('readJsonBody', () => {
  it('parses JSON with or without a charset', async () => {
    expect(await outcome(json('{"a":"1"}'))).toBe('ok {"a":"1"}');
    expect(await outcome(json('[1]', { 'content-type': 'application/json; charset=utf-8' }))).toBe('ok [1]');
  });

  it.each([
    ['malformed JSON', json('{"a":'), '400 INVALID_JSON'],
    ['empty body', json(''), '400 INVALID_JSON'],
    ['invalid UTF-8', json(new Uint8Array([0x7b, 0xff, 0x7d])), '400 INVALID_JSON'],
    ['text/plain', new Request(url, { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } }), '415 UNSUPPORTED_MEDIA_TYPE'],
    ['no content type', new Request(url, { method: 'POST', body: new Uint8Array([0x7b, 0x7d]) }), '415 UNSUPPORTED_MEDIA_TYPE'],
    ['application/jsonx', new Request(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/jsonx' } }), '415 UNSUPPORTED_MEDIA_TYPE'],
    ['exactly 64 KB of JSON', json(`"${'a'.repeat(MAX_BODY_BYTES - 2)}"`), 'ok'],
    ['64 KB + 1 byte', json(`"${'a'.repeat(MAX_BODY_BYTES - 1)}"`), '413 BODY_TOO_LARGE'],
    ['Content-Length says too large', json('{}', { 'content-length': String(MAX_BODY_BYTES + 1) }), '413 BODY_TOO_LARGE'],
  ])('%s → %s', async (_name, request, expected) => {
    const got = await outcome(request);
    expect(expected === 'ok' ? got.slice(0, 2) : got).toBe(expected);
  });

  it('counts the bytes actually read when there is no Content-Length (a stream of 1 MB)', async () => {
    const request = new Request(url, {
      method: 'POST',
      body: streamOf(1024 * 1024),
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(await outcome(request)).toBe('413 BODY_TOO_LARGE');
  });
});
