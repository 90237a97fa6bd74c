import {
  getAddressDecoder,
  getBase58Decoder,
  getCompiledTransactionMessageDecoder,
  getCompiledTransactionMessageEncoder,
  getTransactionDecoder,
  type Address,
} from '@solana/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidTransactionError } from './errors';
import { decodeTransaction } from './message';
import { readWireMessage, WireReader } from './wire-decode';

const addressDecoder = getAddressDecoder();
const base58 = getBase58Decoder();

/** What kit's decoders make of a wire transaction, in DecodedTransaction's shape (the reference). */
function kitDecode(wire: Uint8Array) {
  const decoded = getTransactionDecoder().decode(wire);
  const compiled = getCompiledTransactionMessageDecoder().decode(decoded.messageBytes);
  if (compiled.version !== 'legacy' && compiled.version !== 0) throw new Error(`version ${compiled.version}`);
  return {
    version: compiled.version,
    header: compiled.header,
    staticAccounts: compiled.staticAccounts,
    blockhash: compiled.lifetimeToken,
    instructions: compiled.instructions.map((ix) => ({
      programAddressIndex: ix.programAddressIndex,
      accountIndices: ix.accountIndices ?? [],
      data: Uint8Array.from(ix.data ?? []),
    })),
    lookups: compiled.version === 0 ? (compiled.addressTableLookups ?? []) : [],
    messageBytes: Uint8Array.from(decoded.messageBytes),
    signatures: Object.values(decoded.signatures).map((s) => base58.decode(s ?? new Uint8Array(64))),
  };
}

const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => addressDecoder.decode(b));
const small = fc.integer({ min: 0, max: 255 });
const message = fc
  .record({
    v0: fc.boolean(),
    signers: fc.integer({ min: 1, max: 4 }),
    readonlySigners: fc.integer({ min: 0, max: 1 }),
    readonlyNonSigners: fc.integer({ min: 0, max: 3 }),
    others: fc.uniqueArray(key, { minLength: 1, maxLength: 20 }),
    blockhash: key,
    instructions: fc.array(
      fc.record({ programAddressIndex: small, accountIndices: fc.array(small, { maxLength: 40 }), data: fc.uint8Array({ maxLength: 300 }) }),
      { maxLength: 6 },
    ),
    lookups: fc.array(fc.record({ lookupTableAddress: key, writableIndexes: fc.array(small, { maxLength: 5 }), readonlyIndexes: fc.array(small, { maxLength: 5 }) }), { maxLength: 3 }),
  })
  .filter((m) => m.others.length >= m.signers);

type Msg = typeof message extends fc.Arbitrary<infer T> ? T : never;

function wireOf(m: Msg, signatureBytes: Uint8Array[]): Uint8Array {
  const encoded = getCompiledTransactionMessageEncoder().encode({
    version: m.v0 ? 0 : 'legacy',
    header: { numSignerAccounts: m.signers, numReadonlySignerAccounts: m.readonlySigners, numReadonlyNonSignerAccounts: m.readonlyNonSigners },
    staticAccounts: m.others as Address[],
    lifetimeToken: m.blockhash,
    instructions: m.instructions.map((ix) => ({ ...ix, accountIndices: ix.accountIndices.length ? ix.accountIndices : undefined, data: ix.data.length ? ix.data : undefined })),
    ...(m.v0 ? { addressTableLookups: m.lookups } : {}),
  } as Parameters<ReturnType<typeof getCompiledTransactionMessageEncoder>['encode']>[0]);
  const out = new Uint8Array(1 + 64 * signatureBytes.length + encoded.length);
  out[0] = signatureBytes.length;
  signatureBytes.forEach((s, i) => out.set(s, 1 + 64 * i));
  out.set(encoded, 1 + 64 * signatureBytes.length);
  return out;
}

describe('wire-decode: the hand reader agrees with kit', () => {
  it('decodes every well-formed legacy and v0 transaction as kit does', () => {
    fc.assert(
      fc.property(message, fc.array(fc.uint8Array({ minLength: 64, maxLength: 64 }), { minLength: 4, maxLength: 4 }), (m, sigs) => {
        const wire = wireOf(m, sigs.slice(0, m.signers));
        const mine = decodeTransaction(wire);
        const kit = kitDecode(wire);
        expect({ ...mine, wire: undefined, signature: undefined }).toEqual({ ...kit, wire: undefined, signature: undefined });
        expect(mine.signature).toBe(kit.signatures[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('a truncated transaction either throws or reads as kit reads it', () => {
    fc.assert(
      fc.property(message, fc.nat(), (m, cut) => {
        const wire = wireOf(m, Array.from({ length: m.signers }, (_, i) => new Uint8Array(64).fill(i + 1)));
        const short = wire.subarray(0, cut % wire.length);
        let mine: ReturnType<typeof decodeTransaction> | undefined;
        try {
          mine = decodeTransaction(short);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidTransactionError);
          return;
        }
        const kit = kitDecode(short);
        expect({ ...mine, wire: undefined, signature: undefined }).toEqual({ ...kit, wire: undefined, signature: undefined });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [[0x00], 0],
    [[0x7f], 127],
    [[0x80, 0x01], 128],
    [[0xff, 0x7f], 16_383],
    [[0x80, 0x80, 0x01], 16_384],
    [[0xff, 0xff, 0x03], 65_535],
  ])('short-u16 %j = %i', (bytes, value) => {
    expect(new WireReader(Uint8Array.from(bytes)).shortU16()).toBe(value);
  });

  it.each([
    ['above 0xffff', [0xff, 0xff, 0x04]],
    ['longer than 3 bytes', [0x80, 0x80, 0x80, 0x01]],
    ['truncated', [0x80]],
  ])('short-u16 %s throws', (_name, bytes) => {
    expect(() => new WireReader(Uint8Array.from(bytes)).shortU16()).toThrow(RangeError);
  });

  it('refuses a message with an empty input and reads the version byte', () => {
    expect(() => readWireMessage(new Uint8Array(0))).toThrow(RangeError);
    const v1 = Uint8Array.from([0x81, 1, 0, 0, 0]);
    expect(() => readWireMessage(v1)).toThrow(RangeError);
  });

  it('refuses two signatures by the same key', () => {
    const a = addressDecoder.decode(new Uint8Array(32).fill(7));
    const m = { v0: false, signers: 2, readonlySigners: 0, readonlyNonSigners: 0, others: [a, a], blockhash: a, instructions: [], lookups: [] };
    expect(() => decodeTransaction(wireOf(m, [new Uint8Array(64), new Uint8Array(64)]))).toThrow('signature count does not match');
  });
});
