import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash } from 'node:crypto';
import { encodeBase58 } from './base58';
import { verifyEd25519Strict } from './ed25519-verify';

const L = ed25519.Point.Fn.ORDER;
const le = (n: bigint) => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
};
const fromLe = (b: Uint8Array) => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

const secret = new Uint8Array(32).fill(3);
const publicKey = ed25519.getPublicKey(secret);
const message = new TextEncoder().encode('{"v":1}');
const good = ed25519.sign(message, secret);

/** A signature whose R carries an order-8 component: the cofactored equation holds, the cofactorless one does not. */
function torsionR(): Uint8Array {
  const { scalar } = ed25519.utils.getExtendedPublicKey(secret);
  const r = 12345n;
  const t8 = ed25519.Point.fromBytes(Uint8Array.from([0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05]));
  const R = ed25519.Point.BASE.multiply(r).add(t8).toBytes();
  const k = fromLe(createHash('sha512').update(concat(R, publicKey, message)).digest()) % L;
  return concat(R, le((r + k * scalar) % L));
}

const withS = (sig: Uint8Array, s: bigint) => concat(sig.subarray(0, 32), le(s));

describe('verifyEd25519Strict agrees with @noble/curves strict verify', () => {
  it.each([
    ['a good signature', good, publicKey, message],
    ['a tampered message', good, publicKey, new TextEncoder().encode('{"v":2}')],
    ['S + L (non-canonical S)', withS(good, fromLe(good.subarray(32)) + L), publicKey, message],
    ['all-zero key and signature', new Uint8Array(64), new Uint8Array(32), message],
    ['a key that is not a point', good, new Uint8Array(32).fill(0xff), message],
    ['R with a torsion component', torsionR(), publicKey, message],
  ])('%s', (_name, sig, key, msg) => {
    const expected = ed25519.verify(sig, msg, key, { zip215: false });
    expect(verifyEd25519Strict(sig, msg, key, encodeBase58(key))).toBe(expected);
    // Twice: the second call uses the cached key.
    expect(verifyEd25519Strict(sig, msg, key, encodeBase58(key))).toBe(expected);
  });

  it('accepts the good signature and the torsion-R one (cofactored, as noble), refuses the all-zero one', () => {
    expect(verifyEd25519Strict(good, message, publicKey, encodeBase58(publicKey))).toBe(true);
    expect(verifyEd25519Strict(torsionR(), message, publicKey, encodeBase58(publicKey))).toBe(true);
    expect(verifyEd25519Strict(new Uint8Array(64), message, new Uint8Array(32), encodeBase58(new Uint8Array(32)))).toBe(false);
  });
});
