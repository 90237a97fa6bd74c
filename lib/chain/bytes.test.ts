import { getAddressDecoder, getAddressEncoder, type Address } from '@solana/kit';
import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import { addressAt, addressBytes, decodeAddress32, Reader, Writer } from './bytes';
import { rng } from './testing/xorshift';

const kitDecoder = getAddressDecoder();
const kitEncoder = getAddressEncoder();

/** 32 bytes: random, with a random number of leading zero bytes (0–32) and sometimes 0xff runs or tiny values. */
function sample(next: () => number): Uint8Array {
  const b = new Uint8Array(32);
  for (let i = 0; i < 32; i++) b[i] = next() & 0xff;
  const shape = next() % 8;
  if (shape === 0) b.fill(0, 0, next() % 33);
  if (shape === 1) b.fill(0xff, 0, next() % 33);
  if (shape === 2) b.fill(0, 0, 31 - (next() % 3));
  return b;
}

describe('base58 of 32-byte addresses (fast path against kit)', () => {
  it('encodes every sample exactly as kit, and decodes it back', () => {
    const next = rng(1);
    const edges = [new Uint8Array(32), new Uint8Array(32).fill(0xff), Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0))];
    for (let z = 0; z <= 32; z++) edges.push(Uint8Array.from({ length: 32 }, (_, i) => (i < z ? 0 : 0xff)));
    for (let z = 0; z < 32; z++) edges.push(Uint8Array.from({ length: 32 }, (_, i) => (i === z ? 1 : 0)));
    const inputs = [...edges, ...Array.from({ length: 50_000 }, () => sample(next))];
    const hex = (b: Uint8Array | undefined) => (b === undefined ? 'undefined' : Buffer.from(b).toString('hex'));
    const wrong: string[] = [];
    for (const bytes of inputs) {
      const text = addressAt(bytes);
      const kitText = kitDecoder.decode(bytes);
      if (text !== kitText) wrong.push(`encode ${hex(bytes)}: ${text} ≠ ${kitText}`);
      if (hex(decodeAddress32(kitText)) !== hex(new Uint8Array(kitEncoder.encode(kitText)))) wrong.push(`decode ${kitText}`);
      if (hex(addressBytes(kitText)) !== hex(bytes)) wrong.push(`addressBytes ${kitText}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads at an offset and through the cache (colliding slots, repeats) without mixing entries up', () => {
    const next = rng(2);
    const pool = Array.from({ length: 3_000 }, () => sample(next));
    // Same first and last bytes: the same cache slot, different addresses.
    const a = sample(next);
    const b = new Uint8Array(a);
    b[15] = (b[15]! + 1) & 0xff;
    let wrong = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = i % 3 === 0 ? (i % 2 === 0 ? a : b) : pool[next() % pool.length]!;
      const framed = new Uint8Array(100);
      const at = next() % 69;
      framed.set(bytes, at);
      if (new Reader(framed).address(at) !== kitDecoder.decode(bytes)) wrong += 1;
    }
    expect(wrong).toBe(0);
    expect(() => addressAt(new Uint8Array(40), 9)).toThrow(RangeError);
  });

  it('decodes text as bs58 does when that is 32 bytes, and refuses everything else', () => {
    const next = rng(3);
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    const noise = alphabet + '0OIl+/ é';
    const hex = (b: Uint8Array | undefined) => (b === undefined ? 'undefined' : Buffer.from(b).toString('hex'));
    const wrong: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      const length = 28 + (next() % 20);
      const chars = n % 4 === 0 ? noise : alphabet;
      let text = '1'.repeat(n % 5 === 0 ? next() % 4 : 0);
      while (text.length < length) text += chars[next() % chars.length];
      let expected: Uint8Array | undefined;
      try {
        const decoded = bs58.decode(text);
        expected = decoded.length === 32 ? new Uint8Array(decoded) : undefined;
      } catch {
        expected = undefined;
      }
      if (hex(decodeAddress32(text)) !== hex(expected)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
    expect(decodeAddress32('1'.repeat(32))).toEqual(new Uint8Array(32));
    expect(decodeAddress32('1'.repeat(33))).toBeUndefined();
    expect(decodeAddress32('')).toBeUndefined();
  });

  it('Writer.address and addressBytes keep kit’s refusal of a bad address', () => {
    expect(() => addressBytes('not an address' as Address)).toThrow();
    expect(() => new Writer().address('1111' as Address)).toThrow();
    const bytes = sample(rng(4));
    expect(new Writer().address(kitDecoder.decode(bytes)).toBytes()).toEqual(bytes);
  });
});
