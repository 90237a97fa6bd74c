import { describe, expect, it } from 'vitest';
import { isAuthError } from './errors';
import { encodeBase58 } from './base58';
import { buildIntent, newSigner, signIntent, signMessage } from './sign-intent';
import { verifySignedIntent } from './verify-intent';

const NOW = 1_800_000_000_000;
const DOMAIN = 'localhost:3000';
const alice = newSigner(new Uint8Array(32).fill(1));
const bob = newSigner(new Uint8Array(32).fill(2));
const params = { token: 'USDC', amount: '1000000' };

function codeOf(body: unknown, expectedDomain = DOMAIN): string {
  try {
    verifySignedIntent({ body, expectedDomain, nowMs: NOW });
    return 'OK';
  } catch (e) {
    if (isAuthError(e)) return `${e.status} ${e.code}`;
    throw e;
  }
}

const signed = (over: Partial<Parameters<typeof buildIntent>[0]> = {}) =>
  signIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW, nonce: 'n1', ...over });

describe('verifySignedIntent', () => {
  it('accepts a well-signed intent and returns it', () => {
    const intent = verifySignedIntent({ body: signed(), expectedDomain: DOMAIN, nowMs: NOW });
    expect(intent).toEqual({ v: 1, domain: DOMAIN, owner: alice.owner, nonce: 'n1', expiresAt: NOW + 300_000, action: 'faucet', params });
  });

  it('compares the domain case-insensitively', () => {
    expect(codeOf(signed({ domain: 'LOCALHOST:3000' }))).toBe('OK');
  });

  const forged = () => {
    const good = signed();
    const other = signed({ nonce: 'n2' });
    return { ...good, signature: other.signature };
  };
  const tampered = () => {
    const good = signed();
    return { ...good, message: good.message.replace('1000000', '9000000') };
  };
  const otherKey = () => {
    // Bob signs a message that names Alice as owner, and presents his own key.
    const message = JSON.stringify(buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW }));
    return signMessage(bob, message);
  };
  const presentsAlice = () => ({ ...otherKey(), publicKey: alice.owner });

  it.each([
    ['forged signature', forged(), '401 BAD_SIGNATURE'],
    ['tampered message', tampered(), '401 BAD_SIGNATURE'],
    ['signed by another key, presented as the owner', presentsAlice(), '401 BAD_SIGNATURE'],
    ['signed by another key naming another owner', otherKey(), '401 OWNER_MISMATCH'],
    ['another domain', signed({ domain: 'evil.example' }), '401 DOMAIN_MISMATCH'],
    ['expired', signed({ expiresAt: NOW - 1 }), '401 INTENT_EXPIRED'],
    ['expiring exactly now', signed({ expiresAt: NOW }), '401 INTENT_EXPIRED'],
    ['exactly 10 minutes ahead', signed({ expiresAt: NOW + 600_000 }), 'OK'],
    ['10 minutes and 1 ms ahead', signed({ expiresAt: NOW + 600_001 }), '401 EXPIRY_TOO_FAR'],
    ['all-zero key and signature (small order, ZIP-215 would accept)', { ...signed(), publicKey: encodeBase58(new Uint8Array(32)), signature: encodeBase58(new Uint8Array(64)) }, '401 BAD_SIGNATURE'],
    ['signature of 63 bytes', { ...signed(), signature: encodeBase58(new Uint8Array(63).fill(7)) }, '401 BAD_SIGNATURE'],
    ['signature not base58', { ...signed(), signature: '0OIl' }, '401 BAD_SIGNATURE'],
    ['public key of 31 bytes', { ...signed(), publicKey: encodeBase58(new Uint8Array(31).fill(7)) }, '400 INVALID_PUBLIC_KEY'],
    ['missing signature', { message: 'x', publicKey: alice.owner }, '400 INVALID_INTENT'],
    ['extra field', { ...signed(), extra: 1 }, '400 INVALID_INTENT'],
    ['not an object', 'hello', '400 INVALID_INTENT'],
    ['null', null, '400 INVALID_INTENT'],
  ])('%s → %s', (_name, body, expected) => {
    expect(codeOf(body)).toBe(expected);
  });

  it.each([
    ['message not JSON', 'not json'],
    ['version 2', JSON.stringify({ ...buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW }), v: 2 })],
    ['unknown action', JSON.stringify({ ...buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW }), action: 'mint' })],
    ['empty nonce', JSON.stringify(buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW, nonce: '' }))],
    ['nonce of 65 chars', JSON.stringify(buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW, nonce: 'a'.repeat(65) }))],
    ['nonce with a control char', JSON.stringify(buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW, nonce: 'a\u0000' }))],
    ['expiresAt as a string', JSON.stringify({ ...buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW }), expiresAt: String(NOW + 1000) })],
    ['params not an object', JSON.stringify({ ...buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW }), params: [] })],
    ['extra field in the message', JSON.stringify({ ...buildIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params, nowMs: NOW }), admin: true })],
  ])('a correctly signed but invalid message (%s) → 400 INVALID_INTENT', (_name, message) => {
    expect(codeOf(signMessage(alice, message))).toBe('400 INVALID_INTENT');
  });

  it('accepts a 64-character nonce', () => {
    expect(codeOf(signed({ nonce: 'b'.repeat(64) }))).toBe('OK');
  });
});
