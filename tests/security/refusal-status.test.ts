/**
 * A refusal must keep its status when the error class comes from another copy of its module. In a built server
 * the services live in the bundle of instrumentation.ts (services on globalThis) while each route handler is its
 * own bundle with its own copy of lib/math/errors.ts and lib/server/service-error.ts, so `instanceof` against the
 * route's copy fails and every refusal became 500 INTERNAL (tests/integration/domain-errors.int.test.ts shows it
 * end to end). Here the foreign copy is made explicitly. A 500 for a user's mistake also hides the reason from
 * them and reads as an outage to monitoring.
 */
import { describe, expect, it } from 'vitest';
import { errorToResponse } from '@/lib/http/handle';

/**
 * What a ProtocolError / ServiceError from another bundle looks like: same name, code, shape and brand
 * (`Symbol.for('poolperps.<name>')`, one symbol per process), but another class.
 */
function foreignError(name: 'ProtocolError' | 'ServiceError', code: string, message: string): Error {
  const brand = Symbol.for(`poolperps.${name}`);
  const ForeignClass = class extends Error {
    readonly [brand] = true;
    readonly code: string;
    readonly details?: Record<string, string>;
    constructor() {
      super(message);
      this.name = name;
      this.code = code;
    }
  };
  return new ForeignClass();
}

describe('errorToResponse with error classes from another bundle', () => {
  it.each([
    ['ProtocolError', 'LEVERAGE_TOO_HIGH', 422],
    ['ProtocolError', 'ORACLE_STALE', 503],
    ['ProtocolError', 'NOT_FOUND', 404],
    ['ServiceError', 'INSUFFICIENT_BALANCE', 422],
    ['ServiceError', 'FAUCET_COOLDOWN', 429],
    ['ServiceError', 'STATE_CONFLICT', 409],
    ['ServiceError', 'CHAIN_UNAVAILABLE', 503],
  ] as const)('%s %s answers %i', async (name, code, status) => {
    const res = errorToResponse(foreignError(name, code, 'A sentence a person can act on.'));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: 'A sentence a person can act on.' } });
  });

  it('still answers 500 for an unexpected error without a code', () => {
    expect(errorToResponse(new TypeError('boom')).status).toBe(500);
  });
});
