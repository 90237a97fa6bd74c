import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '@/lib/server/service-error';
import { ProtocolError } from '@/lib/math/errors';
import { HttpError } from './errors';
import { errorToResponse, handle } from './handle';

async function read(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe('errorToResponse', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    [new HttpError(413, 'BODY_TOO_LARGE', 'Too big.'), 413, 'BODY_TOO_LARGE'],
    [new ProtocolError('LEVERAGE_TOO_HIGH', 'Leverage 150x is above this market\'s maximum of 100x.'), 422, 'LEVERAGE_TOO_HIGH'],
    [new ProtocolError('NOT_FOUND', 'No such position.'), 404, 'NOT_FOUND'],
    [new ProtocolError('NOT_OWNER', 'Not yours.'), 403, 'NOT_OWNER'],
    [new ProtocolError('ORACLE_STALE', 'Stale.'), 503, 'ORACLE_STALE'],
    [new ProtocolError('MARKET_CLOSED', 'Closed.'), 503, 'MARKET_CLOSED'],
    [new ServiceError('CHAIN_UNAVAILABLE', 'No chain.'), 503, 'CHAIN_UNAVAILABLE'],
    [new ServiceError('FAUCET_COOLDOWN', 'Wait.'), 429, 'FAUCET_COOLDOWN'],
    [new ServiceError('DEVNET_DISABLED', 'Off.'), 403, 'DEVNET_DISABLED'],
    [new ServiceError('INSUFFICIENT_BALANCE', 'Poor.'), 422, 'INSUFFICIENT_BALANCE'],
    [new ServiceError('STATE_CONFLICT', 'Busy.'), 409, 'STATE_CONFLICT'],
  ])('%s → %i %s', async (error, status, code) => {
    const { status: got, body } = await read(errorToResponse(error));
    expect(got).toBe(status);
    expect(body.error).toEqual({ code, message: error.message });
  });

  it.each([
    ['a plain Error', new Error('secret detail: connection string')],
    ['a database error with a SQLSTATE code', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['an Error that only looks coded', Object.assign(new Error('x'), { code: 'LEVERAGE_TOO_HIGH' })],
    ['a thrown string', 'boom'],
  ])('%s → 500 INTERNAL with a generic message, detail logged', async (_name, error) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { status, body } = await read(errorToResponse(error));
    expect(status).toBe(500);
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).not.toContain('secret');
    expect(log).toHaveBeenCalledOnce();
  });

  it('a faucet cooldown carries Retry-After', () => {
    const response = errorToResponse(new ServiceError('FAUCET_COOLDOWN', 'Wait.', { retryAfterS: '42' }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
  });

  it('handle() turns a throwing handler into its error response', async () => {
    const route = handle(async () => {
      throw new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON.');
    });
    const { status, body } = await read(await route(new Request('http://x/'), undefined));
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_JSON');
  });
});
