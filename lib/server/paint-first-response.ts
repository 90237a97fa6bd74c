/**
 * Applies lib/server/paint-first.ts to the HTML documents a `ServerResponse` sends: `res.write`/`res.end` of a
 * `text/html` response go through the rewriter (decided at the first write, when the headers are known); other
 * responses pass untouched. The rewritten body's length differs, so a `content-length` the handler set is dropped
 * (the body goes chunked, or compressed by the compression layer below this one); a document whose length was
 * already sent passes as it is. Install it inside the
 * compression middleware (after it patched the response), so compression sees the rewritten text.
 */
import type { ServerResponse } from 'node:http';
import { createPaintFirst, type PaintFirst } from './paint-first';

type Callback = (error?: Error | null) => void;
type Chunk = string | Buffer | Uint8Array;

const isHtml = (res: ServerResponse): boolean => /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));

const text = (chunk: Chunk, encoding: BufferEncoding | undefined): string =>
  typeof chunk === 'string' ? (encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding).toString('utf8') : chunk) : Buffer.from(chunk).toString('utf8');

/** Splits Node's `(chunk, encoding?, callback?)` arguments. */
function args(a: unknown, b: unknown): { encoding: BufferEncoding | undefined; callback: Callback | undefined } {
  if (typeof a === 'function') return { encoding: undefined, callback: a as Callback };
  return { encoding: typeof a === 'string' ? (a as BufferEncoding) : undefined, callback: typeof b === 'function' ? (b as Callback) : undefined };
}

export function paintFirstResponse(res: ServerResponse): void {
  const write = res.write.bind(res) as (chunk: Chunk, encoding?: BufferEncoding, callback?: Callback) => boolean;
  const end = res.end.bind(res) as (chunk?: Chunk, encoding?: BufferEncoding, callback?: Callback) => ServerResponse;
  /** undefined until the first write decides; false: not a document. */
  let rewriter: PaintFirst | false | undefined;
  const decide = (): PaintFirst | false => {
    if (rewriter !== undefined) return rewriter;
    // Streamed documents have their headers flushed before the first write (and no length); a length already sent
    // cannot be taken back, so such a document passes as it is.
    const lengthSent = res.headersSent && res.getHeader('content-length') !== undefined;
    rewriter = isHtml(res) && !lengthSent ? createPaintFirst() : false;
    if (rewriter && !res.headersSent) res.removeHeader('content-length');
    return rewriter;
  };
  res.write = ((chunk: Chunk, a?: unknown, b?: unknown): boolean => {
    const r = decide();
    const { encoding, callback } = args(a, b);
    if (!r) return write(chunk, encoding, callback);
    return write(r.write(text(chunk, encoding)), 'utf8', callback);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, a?: unknown, b?: unknown): ServerResponse => {
    if (typeof chunk === 'function') return end(undefined, undefined, chunk as Callback);
    const r = decide();
    const { encoding, callback } = args(a, b);
    const body = chunk === undefined || chunk === null ? undefined : (chunk as Chunk);
    if (!r) return body === undefined ? end(undefined, undefined, callback) : end(body, encoding, callback);
    const rest = (body === undefined ? '' : r.write(text(body, encoding))) + r.end();
    return end(rest, 'utf8', callback);
  }) as ServerResponse['end'];
}
