import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/client/api-error';
import { isStartingError } from './use-exchange-status';

describe('isStartingError: what means "the exchange is starting"', () => {
  it.each([
    [new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the server.' }), true],
    [new ApiError({ status: 503, code: 'HTTP_503', message: 'The server answered 503.' }), true],
    [new ApiError({ status: 500, code: 'HTTP_500', message: 'The server answered 500.' }), true],
    [new ApiError({ status: 404, code: 'HTTP_404', message: 'The server answered 404.' }), false],
    [new TypeError('Failed to fetch'), true],
  ])('%s → %s', (error, starting) => {
    expect(isStartingError(error)).toBe(starting);
  });
});
