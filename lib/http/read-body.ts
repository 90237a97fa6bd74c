import { HttpError } from './errors';

/** Largest accepted request body (api.md § Errors: 413 above 64 KB). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body: 415 unless the content type is application/json, 413 when Content-Length or the
 * bytes actually read exceed 64 KB (a lying or absent Content-Length does not get past the count), 400
 * INVALID_JSON for bytes that are not UTF-8 or not JSON.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType.trim())) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with the header Content-Type: application/json.');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    throw tooLarge(maxBytes);
  }
  const bytes = await readLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'The body is not valid UTF-8 text.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON.');
  }
}

/**
 * The body as UTF-8 text within `maxBytes` (413 above): JSON-RPC bodies, whose errors the RPC itself answers in
 * its own format (a malformed one is its -32700), so no content-type check.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  return new TextDecoder('utf-8').decode(await readLimited(request, maxBytes));
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'BODY_TOO_LARGE', `The body is larger than ${maxBytes / 1024} KB; send a smaller request.`);
