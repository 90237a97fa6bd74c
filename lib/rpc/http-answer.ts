/**
 * How `POST /api/rpc` answers over HTTP, one home for its two servers (app/api/rpc/route.ts and server.ts, which
 * answers before Next's pipeline): the body limit, and which answers go uncompressed.
 */

/** Largest JSON-RPC body (a batch of requests): 1 MB. */
export const MAX_RPC_BYTES = 1024 * 1024;

/** Answers shorter than this are not worth compressing. */
export const SMALL_ANSWER_CHARS = 2_048;

/**
 * `cache-control` of an answer. A small one (a signature, a status: ~100 bytes) is sent as is (`no-transform`: the
 * compression skips it): gzip cost 7% of the server's CPU per transaction in the throughput bench
 * (bench/README.md). Large ones (getProgramAccounts) are compressed.
 */
export function rpcCacheControl(answer: string): string {
  return answer.length < SMALL_ANSWER_CHARS ? 'no-store, no-transform' : 'no-store';
}
